#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Stream labels and stream records: one new stream per enable.
extension DynamoDBService {
    /// A stream label: the UTC instant with milliseconds and no zone (`2026-10-08T23:07:31.275`).
    static func streamLabel(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second],
            from: Date(timeIntervalSince1970: TimeInterval(millis / 1000)))
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T\(pad(parts.hour, 2)):"
            + "\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(Int(millis % 1000), 3))"
    }

    /// A new stream for `table`: ARN `TableArn/stream/LABEL`, one open shard.
    func newStream(table: Table, viewType: StreamViewType, enabledAt: Date, _ context: RequestContext) -> StreamRecord {
        let label = Self.streamLabel(context.now)
        let millis = Int64((context.now.timeIntervalSince1970 * 1000).rounded(.down))
        let digits = String(millis)
        let padded = String(repeating: "0", count: max(0, 20 - digits.count)) + digits
        let hex = String(random.nextUInt64() & 0xFFFF_FFFF, radix: 16)
        let shardId = "shardId-\(padded)-" + String(repeating: "0", count: 8 - hex.count) + hex
        let sequence =
            String(100 + random.next(below: 900)) + String(repeating: "0", count: 18)
            + String(random.next(below: 1000))
        return StreamRecord(
            arn: table.arn + "/stream/" + label, label: label, tableName: table.name, viewType: viewType,
            keySchema: table.keySchema, createdAt: context.now, enabledAt: enabledAt, shardId: shardId,
            startingSequenceNumber: sequence)
    }
}
