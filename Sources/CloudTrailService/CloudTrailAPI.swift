import AWSProtocol
import CloudTrail
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// CloudTrail's own JSON 1.1 API on DynamoTrail's port (AWS CloudTrail API Reference, https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/): the trail
/// the caller's account sees (its own, or the organization trail: `+Trail`) as DescribeTrails/GetTrail/ListTrails
/// show it, its status, StartLogging/StopLogging, its event selectors (Get/PutEventSelectors), the digest public keys, and LookupEvents over the event history.
///
/// Isolation: a Sendable struct of immutable values and thread-safe references (`TrailRecorder`
/// and `EventHistory` guard their own state).
public struct CloudTrailAPI: Sendable {
    /// The operations served; the rest answer UnknownOperationException.
    static let operations: Set<String> = [
        "DescribeTrails", "GetTrail", "GetTrailStatus", "ListTrails", "ListPublicKeys", "LookupEvents", "StartLogging",
        "StopLogging", "PutEventSelectors", "GetEventSelectors",
    ]

    public static func recognizes(_ operation: String) -> Bool { operations.contains(operation) }

    /// The trail's settings (name, bucket, home region, notifications, digests).
    let trailSettings: TrailSettings
    /// The home account (the configuration's default account): the organization trail's owner, the management account.
    let homeAccountId: String
    let recorder: TrailRecorder
    public let history: EventHistory
    let publicKeys: any PublicKeySource
    let clock: any WallClock

    public init(
        trail: TrailSettings, homeAccountId: String, recorder: TrailRecorder, history: EventHistory,
        publicKeys: any PublicKeySource = NoPublicKeys(), clock: any WallClock
    ) {
        self.trailSettings = trail
        self.homeAccountId = homeAccountId
        self.recorder = recorder
        self.history = history
        self.publicKeys = publicKeys
        self.clock = clock
    }

    public func handle(operation: String, input: JSONValue, context: CallContext) async -> Result<JSONValue, AWSServiceError> {
        guard case .object(let object) = input else { return .failure(.serialization) }
        let reader = CloudTrailInput(object)
        switch operation {
        case "DescribeTrails": return describeTrails(reader, context: context)
        case "GetTrail": return getTrail(reader, context: context)
        case "GetTrailStatus": return await getTrailStatus(reader, context: context)
        case "ListTrails": return listTrails(reader, context: context)
        case "ListPublicKeys": return listPublicKeys(reader, context: context)
        case "LookupEvents": return lookupEvents(reader, context: context)
        case "StartLogging": return await setLogging(true, reader, context: context)
        case "StopLogging": return await setLogging(false, reader, context: context)
        case "PutEventSelectors": return await putEventSelectors(reader, context: context)
        case "GetEventSelectors": return getEventSelectors(reader, context: context)
        default: return .failure(.unknownOperation)
        }
    }

    /// Refills the event history from the bucket's log files (events of earlier runs) in the
    /// background; LookupEvents sees them once read. Call it after the journal replay.
    public func startLoadingHistory() {
        let history = self.history
        let reader = LogReader(bucketRoot: recorder.bucketRoot)
        DispatchQueue.global(qos: .utility).async {
            history.load(from: reader, resources: CloudTrailAPI.lookupResources(record:))
        }
    }

    /// Runs a blocking call on the recorder (its queue may be busy writing files) off the
    /// concurrency threads.
    func onRecorderQueue<T: Sendable>(_ work: @escaping @Sendable (TrailRecorder) -> T) async -> T {
        let recorder = self.recorder
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work(recorder)) }
        }
    }
}
