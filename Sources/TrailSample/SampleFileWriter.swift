import AWSProtocol
import CloudTrail
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Groups sample records per account, region and five minutes of event time (AWS delivers about every
/// five minutes) and writes each group as a log file, two at a time on a private concurrent queue.
/// File names are drawn in order from the seeded random source, so output is deterministic.
/// Isolation: an actor; rendering, gzip and file I/O run on `queue`, and a write that would exceed
/// two in flight suspends its caller (no thread is blocked).
actor SampleFileWriter {
    /// A record waiting to be rendered (rendering happens on the write queue, beside gzip).
    struct PendingRecord: Sendable {
        var event: CloudTrailEvent
        var eventTime: Date
        var eventID: String
    }

    private struct Group {
        var window: Int64
        var records: [PendingRecord] = []
        var oldest: Date
        var newest: Date
    }

    private struct GroupKey: Hashable {
        var account: String
        var region: String
    }

    /// Files written at once: two cores, two gzip streams.
    private static let maxInFlight = 2

    private let trail: TrailSettings
    private let random: any RandomSource
    private var groups: [GroupKey: Group] = [:]
    private let queue = DispatchQueue(label: "dynamotrail.sample.write", attributes: .concurrent)
    private var inFlight = 0
    /// Callers waiting for a write slot, or (in `finish`) for the last write.
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var written: [DeliveredLogFile] = []
    private var failure: FileIOError?

    init(trail: TrailSettings, random: any RandomSource) {
        self.trail = trail
        self.random = random
    }

    func add(_ record: PendingRecord, account: String, region: String) async {
        let eventTime = record.eventTime
        let key = GroupKey(account: account, region: region)
        let window = Int64(eventTime.timeIntervalSince1970) / 300
        // Only scalars are read before the in-place append: a copy of the group (or a binding to it) would
        // keep a second reference to its records and make every append copy the whole array.
        if groups[key]?.window == window, let count = groups[key]?.records.count, count < trail.maxRecordsPerFile {
            groups[key]?.records.append(record)
            if let newest = groups[key]?.newest, eventTime > newest { groups[key]?.newest = eventTime }
            return
        }
        let previous = groups[key]
        groups[key] = Group(window: window, records: [record], oldest: eventTime, newest: eventTime)
        if let previous { await write(previous, key) }
    }

    /// Writes what is left and waits for every file.
    func finish() async throws -> [DeliveredLogFile] {
        let remaining = groups.sorted { ($0.key.account, $0.key.region) < ($1.key.account, $1.key.region) }
        groups = [:]
        for (key, group) in remaining { await write(group, key) }
        while inFlight > 0 { await withCheckedContinuation { waiters.append($0) } }
        if let failure { throw failure }
        return written.sorted { $0.key < $1.key }
    }

    private func write(_ group: Group, _ key: GroupKey) async {
        // Delivered a minute or four after the window closes, named by that delivery time.
        let deliveredAt = Date(timeIntervalSince1970: Double((group.window + 1) * 300 + 60 + Int64(random.next(below: 180))))
        let objectKey = LogFileKey.make(
            prefix: trail.bucket.keyPrefix, organizationId: trail.organizationId, account: key.account, region: key.region,
            deliveredAt: deliveredAt, unique: LogFileKey.uniqueString(using: random))
        while inFlight >= Self.maxInFlight { await withCheckedContinuation { waiters.append($0) } }
        inFlight += 1
        let trail = self.trail
        queue.async {
            let records = group.records.map {
                CloudTrailRecord.bytes($0.event, eventTime: $0.eventTime, eventID: $0.eventID, eventVersion: trail.eventVersion)
            }
            let result = Result { () throws(FileIOError) -> DeliveredLogFile in
                try LogFileWriter.write(
                    records: records, oldestEventTime: group.oldest, newestEventTime: group.newest, key: objectKey,
                    account: key.account, region: key.region, deliveredAt: deliveredAt, settings: trail)
            }
            Task { await self.didWrite(result) }
        }
    }

    /// A write finished: keep its file (or the first failure) and wake one waiter.
    private func didWrite(_ result: Result<DeliveredLogFile, FileIOError>) {
        inFlight -= 1
        switch result {
        case .success(let file): written.append(file)
        case .failure(let error): failure = failure ?? error
        }
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }
}
