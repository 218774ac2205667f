import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
extension EventHistory {
    /// Refills the history from the log files already in the bucket (events of earlier runs), so
    /// LookupEvents still sees the last 90 days after a restart, as AWS's event history would.
    /// Only management events within the 90 days are taken, the newest within `capacity` and `maxBytes`; an
    /// event already held (same eventID) is skipped. `resources` derives a record's LookupEvents
    /// resources (the joining module knows the services).
    ///
    /// Blocking (reads files): call it from a Dispatch queue, never from async code.
    /// A file or record that cannot be read is skipped and reported to `onSkipped` (by default a
    /// warning on stderr naming the file and the record's index); the rest is still loaded.
    /// - Returns: the number of events added.
    @discardableResult
    public func load(
        from reader: LogReader, resources: (JSONValue) -> [LookupResource],
        onSkipped: (LogReaderError) -> Void = EventHistory.warnOnStandardError
    ) -> Int {
        var filter = LogRecordFilter()
        filter.startTime = clock.now().addingTimeInterval(-Self.retention)
        // Merged in batches, so at most one batch of records is held outside the compact index.
        var batch: [HistoryEvent] = []
        var added = 0
        reader.forEachRecord(filter, onError: onSkipped) { record in
            guard let event = Self.event(from: record.value, bytes: record.bytes, resources: resources) else { return }
            batch.append(event)
            if batch.count >= Self.loadBatchSize {
                added += merge(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        return added + merge(batch)
    }

    /// How many records `load` reads before adding them to the index.
    static let loadBatchSize = 1024

    /// Writes `dynamotrail: warning: event history refill: <what was skipped>` to stderr in one write.
    public static func warnOnStandardError(_ problem: LogReaderError) {
        FileIO.writeStandardError("dynamotrail: warning: event history refill: \(problem)\n")
    }

    /// The history entry of a delivered record; nil for data events and records missing a field.
    static func event(from record: JSONValue, bytes: [UInt8], resources: (JSONValue) -> [LookupResource]) -> HistoryEvent? {
        guard record["managementEvent"]?.boolValue != false, record["eventCategory"]?.stringValue ?? "Management" == "Management",
            let eventID = record["eventID"]?.stringValue, let eventName = record["eventName"]?.stringValue,
            let eventSource = record["eventSource"]?.stringValue, let account = record["recipientAccountId"]?.stringValue,
            let region = record["awsRegion"]?.stringValue, let timeText = record["eventTime"]?.stringValue,
            let seconds = LogRecordFilter.parseTime(timeText)
        else { return nil }
        let identity = record["userIdentity"]
        let own = record["resources"]?.arrayValue?.compactMap { item -> LookupResource? in
            guard let type = item["type"]?.stringValue, let arn = item["ARN"]?.stringValue else { return nil }
            return LookupResource(type: type, name: arn)
        }
        return HistoryEvent(
            sequence: 0, eventID: eventID, eventName: eventName, eventSource: eventSource,
            eventTime: Int64(seconds.rounded(.down)), readOnly: record["readOnly"]?.boolValue ?? false,
            accessKeyId: identity?["accessKeyId"]?.stringValue, username: LogRecordFilter.username(identity),
            userArn: identity?["arn"]?.stringValue, account: account, region: region,
            resources: own ?? resources(record), errorCode: record["errorCode"]?.stringValue, bytes: bytes)
    }
}
