import AWSProtocol
import CloudTrail
import Dispatch
import DynamoDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the admin endpoints do: report health, deliver pending records now, and empty the control
/// plane. Sendable: it holds an actor, the thread-safe recorder and immutable values.
struct AdminActions: Sendable {
    let recorder: TrailRecorder
    let controlPlane: DynamoDBService
    let clock: any WallClock
    let startedAt: Date

    /// The health document: overall status, version, uptime and the trail's delivery counters.
    func health() async -> JSONValue {
        let recorder = self.recorder
        // `health` waits on the recorder's queue, which may be busy writing: not on a concurrency thread.
        let trail = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: recorder.health) }
        }
        var delivery = JSONObject()
        delivery.append("logging", .bool(trail.isLogging))
        delivery.append("pendingRecords", .int(trail.pendingRecords))
        delivery.append("pendingFiles", .int(trail.pendingFiles))
        delivery.append("deliveredRecords", .int(trail.deliveredRecords))
        delivery.append("deliveredFiles", .int(trail.deliveredFiles))
        delivery.append("lastDeliveryTime", trail.lastDeliveryTime.map { .string(UTCTime($0).iso8601) } ?? .null)
        delivery.append("lastError", trail.lastError.map { .string($0) } ?? .null)
        delivery.append("lastErrorTime", trail.lastErrorTime.map { .string(UTCTime($0).iso8601) } ?? .null)
        delivery.append("consecutiveFailures", .int(trail.consecutiveFailures))
        delivery.append("lastNotificationError", trail.lastNotificationError.map { .string($0) } ?? .null)
        delivery.append("acceptingCalls", .bool(trail.acceptingCalls))
        delivery.append("refusalReason", trail.refusalReason.map { .string($0) } ?? .null)
        delivery.append("refusedCalls", .int(trail.refusedCalls))
        delivery.append("reserveBytes", .int(trail.reserveBytes))
        delivery.append("reserveHeld", .bool(trail.reserveHeld))
        delivery.append("journalFailures", .int(trail.journalFailures))
        delivery.append("unrecordedCalls", .int(trail.unrecordedCalls))
        var object = JSONObject()
        object.append("status", .string(trail.healthy ? "ok" : "degraded"))
        object.append("version", .string(DynamoTrailVersion.current))
        object.append("uptimeSeconds", .double((clock.now().timeIntervalSince(startedAt) * 1000).rounded() / 1000))
        object.append("pending", .int(trail.pendingRecords))
        object.append("delivered", .int(trail.deliveredRecords))
        object.append("delivery", .object(delivery))
        return .object(object)
    }

    /// Delivers every pending record now; returns the object keys written.
    func flush() async -> [String] { await recorder.flush() }

    /// Drops every table (moto's `/moto-api/reset` and ours).
    func reset() async { await controlPlane.reset() }
}
