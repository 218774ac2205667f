import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The account's capacity limits, shared by CreateTable and UpdateTable (LimitExceededException; texts observed
/// on DynamoDB; AWS: "Service, account, and table quotas in Amazon DynamoDB",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html).
extension DynamoDBService {
    /// Per-table capacity maximum of the account.
    func checkTableMaximum(_ throughput: ThroughputInput?, _ context: RequestContext) throws(AWSServiceError) {
        if let read = throughput?.read, read > settings.tableMaxReadCapacityUnits {
            throw DynamoDBError.aboveTableMaximum(
                "ReadCapacityUnits", read, region: context.region, maximum: settings.tableMaxReadCapacityUnits)
        }
        if let write = throughput?.write, write > settings.tableMaxWriteCapacityUnits {
            throw DynamoDBError.aboveTableMaximum(
                "WriteCapacityUnits", write, region: context.region, maximum: settings.tableMaxWriteCapacityUnits)
        }
    }

    /// Per-index capacity maximum (the same numbers as the per-table one).
    func checkIndexMaximum(_ index: String, _ read: Int64, _ write: Int64, _ context: RequestContext)
        throws(AWSServiceError)
    {
        if read > settings.tableMaxReadCapacityUnits {
            throw DynamoDBError.aboveIndexMaximum(
                "ReadCapacityUnits", index: index, read, region: context.region, maximum: settings.tableMaxReadCapacityUnits)
        }
        if write > settings.tableMaxWriteCapacityUnits {
            throw DynamoDBError.aboveIndexMaximum(
                "WriteCapacityUnits", index: index, write, region: context.region,
                maximum: settings.tableMaxWriteCapacityUnits)
        }
    }

    /// Four decreases per UTC day, then one per hour.
    static func checkDecreaseBudget(_ throughput: Throughput, _ now: Date) throws(AWSServiceError) {
        let count = throughput.decreaseDay == Throughput.utcDay(now) ? throughput.decreasesToday : 0
        guard count >= 4, let last = throughput.lastDecrease, now.timeIntervalSince(last) < 3600 else { return }
        throw DynamoDBError.decreaseLimit(
            count: count, last: Self.javaDate(last), next: Self.javaDate(last.addingTimeInterval(3600)))
    }
}
