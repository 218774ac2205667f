import AWSProtocol
import CloudTrail
import DynamoDB

/// Item and stream-record calls as CloudTrail data events, as AWS's PutItem, UpdateItem,
/// TransactWriteItems, ExecuteStatement and GetRecords examples show them ("Understanding DynamoDB log
/// file entries", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/understanding-ddb-log-entries.html):
/// `eventCategory: "Data"`, `managementEvent: false`, `responseElements: null`, `resources` naming
/// each table, the request without attribute values (`ItemRequestParameters`).
extension CallAudit {
    /// The data operations that only read ("Logging data events": `readOnly`). AWS's ExecuteStatement
    /// example is a SELECT logged with `readOnly: false`: PartiQL calls count as writes.
    static let readOnlyDataOperations: Set<String> = [
        "GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems", "GetRecords", "GetShardIterator",
    ]

    /// The data event of a finished data-plane call; `facts` describes the tables it names.
    static func dataEvent(
        _ operation: RecognizedOperation, input: JSONValue?, call: AuthenticatedCall, result: Result<JSONValue, AWSServiceError>,
        facts: [String: TableAuditFacts]
    ) -> CloudTrailEvent {
        let target = operation.target
        let context = call.context
        var event = CloudTrailEvent(
            context: context, eventSource: target.service.eventSource, eventName: target.operation,
            requestParameters: input.flatMap { ItemRequestParameters.render(target.operation, $0, facts: facts) },
            readOnly: readOnlyDataOperations.contains(target.operation), apiVersion: "2012-08-10", managementEvent: false,
            eventCategory: "Data", recipientAccountId: context.accountId,
            resources: dataResources(target.operation, input: input, context: context, facts: facts), eventTime: context.receivedAt)
        if case .failure(let error) = result { recordFailure(error, in: &event) }
        return event
    }

    /// One `AWS::DynamoDB::Table` resource per table named, each followed by its `AWS::DynamoDB::Stream`
    /// while the table's stream is enabled ("Logging data events": "For tables with streams enabled, the
    /// resources field in the data event contains both AWS::DynamoDB::Stream and AWS::DynamoDB::Table";
    /// the order of the two is Unverified).
    static func dataResources(
        _ operation: String, input: JSONValue?, context: CallContext, facts: [String: TableAuditFacts]
    ) -> [CloudTrailEvent.Resource] {
        var resources: [CloudTrailEvent.Resource] = []
        for name in DataEventTables.names(operation, input) {
            let arn = "arn:aws:dynamodb:\(context.region):\(context.accountId):table/\(name)"
            resources.append(.init(accountId: context.accountId, type: "AWS::DynamoDB::Table", arn: arn))
            if let stream = facts[name]?.streamArn {
                resources.append(.init(accountId: context.accountId, type: "AWS::DynamoDB::Stream", arn: stream))
            }
        }
        return resources
    }
}
