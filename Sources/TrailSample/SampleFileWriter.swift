import AWSProtocol
import CloudTrail
import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Groups sample records per account, region and five minutes of event time (AWS delivers about every
/// five minutes) and writes each group as a log file, two at a time on a private concurrent queue.
/// File names are drawn in order from the seeded random source, so output is deterministic.
/// Isolation: `add` and `finish` are called from one task; written files are collected behind a `Mutex`.
final class SampleFileWriter: @unchecked Sendable {
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

    private let trail: TrailSettings
    private let random: any RandomSource
    private var groups: [GroupKey: Group] = [:]
    private let queue = DispatchQueue(label: "dynamotrail.sample.write", attributes: .concurrent)
    private let slots = DispatchSemaphore(value: 2)
    private let pending = DispatchGroup()
    private let written = Mutex<[DeliveredLogFile]>([])
    private let failure = Mutex<FileIOError?>(nil)

    init(trail: TrailSettings, random: any RandomSource) {
        self.trail = trail
        self.random = random
    }

    func add(_ record: PendingRecord, account: String, region: String) {
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
        if let group = groups[key] { write(group, key) }
        groups[key] = Group(window: window, records: [record], oldest: eventTime, newest: eventTime)
    }

    /// Writes what is left and waits for every file.
    func finish() async throws -> [DeliveredLogFile] {
        for (key, group) in groups.sorted(by: { ($0.key.account, $0.key.region) < ($1.key.account, $1.key.region) }) {
            write(group, key)
        }
        groups = [:]
        let pending = self.pending
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            pending.notify(queue: .global()) { continuation.resume() }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return written.withLock { $0 }.sorted { $0.key < $1.key }
    }

    private func write(_ group: Group, _ key: GroupKey) {
        // Delivered a minute or four after the window closes, named by that delivery time.
        let deliveredAt = Date(timeIntervalSince1970: Double((group.window + 1) * 300 + 60 + Int64(random.next(below: 180))))
        let objectKey = LogFileKey.make(
            prefix: trail.bucket.keyPrefix, organizationId: trail.organizationId, account: key.account, region: key.region,
            deliveredAt: deliveredAt, unique: LogFileKey.uniqueString(using: random))
        let trail = self.trail
        slots.wait()
        pending.enter()
        queue.async { [self] in
            defer {
                slots.signal()
                pending.leave()
            }
            let records = group.records.map {
                CloudTrailRecord.bytes($0.event, eventTime: $0.eventTime, eventID: $0.eventID, eventVersion: trail.eventVersion)
            }
            do throws(FileIOError) {
                let file = try LogFileWriter.write(
                    records: records, oldestEventTime: group.oldest, newestEventTime: group.newest, key: objectKey,
                    account: key.account, region: key.region, deliveredAt: deliveredAt, settings: trail)
                written.withLock { $0.append(file) }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
    }
}
