import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// StreamSpecification on UpdateTable: enabling mints a new stream (new ARN and label), disabling leaves the
/// latest ARN and label described while StreamSpecification goes when UPDATING ends (observed DynamoDB
/// behaviour, 2026; AWS: "Change data capture for DynamoDB Streams",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html).
extension UpdateTableRequest {
    /// A view type exactly when enabling.
    func checkStreamSpecification() throws(AWSServiceError) {
        guard has(.stream) else { return }
        if streamEnabled && streamViewTypeName == nil { throw DynamoDBError.enableStreamNeedsViewType }
        if !streamEnabled && streamViewTypeName != nil { throw DynamoDBError.disableStreamForbidsViewType }
    }

    /// Enable only a table without an enabled stream, disable only one with it (to change the view type:
    /// disable, wait, enable).
    func checkStreamToggle(_ table: Table) throws(AWSServiceError) {
        guard has(.stream) else { return }
        let enabledNow = table.streamSpecification?.enabled == true
        if streamEnabled && enabledNow { throw DynamoDBError.streamAlreadyEnabled(table.name) }
        if !streamEnabled && !enabledNow { throw DynamoDBError.noStreamToDisable(table.name) }
    }
}

extension DynamoDBService {
    /// The stream an enabling call creates, ENABLED when the table's update ends; nil when disabling.
    func streamToEnable(for request: UpdateTableRequest, _ update: TableUpdate, _ context: RequestContext) -> StreamRecord? {
        guard request.streamEnabled, let viewType = request.streamViewTypeName.flatMap(StreamViewType.init(rawValue:))
        else { return nil }
        return newStream(table: update.table, viewType: viewType, enabledAt: update.until, context)
    }
}

extension TableUpdate {
    /// Enables with `newStream`, or disables the table's stream when there is none.
    mutating func applyStream(newStream record: StreamRecord?) {
        if let record {
            table.streamSpecification = (true, record.viewType)
            table.streamRemovalAt = nil
            table.latestStreamArn = record.arn
            table.latestStreamLabel = record.label
            table.updateKind = .streamEnable(label: record.label)
            newStream = record
        } else {
            table.streamSpecification = (false, nil)
            table.streamRemovalAt = until
            table.updateKind = .streamDisable(label: table.latestStreamLabel ?? "")
        }
    }
}

extension RegionState {
    /// Keeps the stream an UpdateTable enabled, or starts disabling the one it disabled.
    mutating func recordStreamChange(_ update: TableUpdate, now: Date) {
        if let record = update.newStream {
            streams.append(record)
        } else if let arn = update.table.latestStreamArn {
            disableStream(arn, now: now, disabledAt: update.until)
        }
    }
}
