import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Provisioned read/write capacity with AWS's bookkeeping of increases and decreases.
struct Throughput: Sendable, Equatable {
    var read: Int64
    var write: Int64
    var lastIncrease: Date?
    var lastDecrease: Date?
    var decreasesToday = 0
    /// The UTC day (days since epoch) `decreasesToday` counts for.
    var decreaseDay = 0

    /// The UTC day of `date`, in days since the epoch.
    static func utcDay(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// ProvisionedThroughputDescription; on-demand tables and indexes show zero capacity.
    func json(now: Date, zeroCapacity: Bool = false) -> JSONValue {
        var object = JSONObject()
        if let lastIncrease { object.append("LastIncreaseDateTime", .epochSeconds(lastIncrease)) }
        if let lastDecrease { object.append("LastDecreaseDateTime", .epochSeconds(lastDecrease)) }
        object.append("NumberOfDecreasesToday", .int(Self.utcDay(now) == decreaseDay ? decreasesToday : 0))
        object.append("ReadCapacityUnits", .int64(zeroCapacity ? 0 : read))
        object.append("WriteCapacityUnits", .int64(zeroCapacity ? 0 : write))
        return .object(object)
    }

    /// Starts a change to `read`/`write`: stamps the increase or decrease now; the values follow at `until`.
    mutating func noteChange(toRead read: Int64, write: Int64, now: Date) {
        if read > self.read || write > self.write { lastIncrease = now }
        if read < self.read || write < self.write { lastDecrease = now }
    }

    /// Takes over a pending change, counting it against the day's decreases when it lowers either value.
    mutating func apply(_ pending: PendingThroughput) {
        if pending.read < read || pending.write < write {
            let day = Self.utcDay(pending.at)
            if decreaseDay != day {
                decreaseDay = day
                decreasesToday = 0
            }
            decreasesToday += 1
        }
        read = pending.read
        write = pending.write
    }
}
