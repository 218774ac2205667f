import AWSProtocol
import CloudTrail
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import CallHandling
@testable import CloudTrailService
@testable import DynamoTrail

/// ListPublicKeys through the router, and against a stub key source: the answer's shape and the window asked for.
@Suite struct ListPublicKeysTests {
    /// A key source with fixed keys, recording what it was asked; the record is held in a Mutex.
    final class StubKeys: PublicKeySource {
        /// Each question: the region and the window's start and end.
        let asked = Mutex<[(region: String, from: Date, to: Date)]>([])
        let keys: [PublicKeyInfo]

        init(_ keys: [PublicKeyInfo]) { self.keys = keys }

        var lastAsked: (region: String, from: Date, to: Date)? { asked.withLock { $0.last } }

        func publicKeys(region: String, from: Date, to: Date) -> [PublicKeyInfo] {
            asked.withLock { $0.append((region, from, to)) }
            return keys.filter { $0.validityStart <= to && $0.validityEnd >= from }
        }

        func latestDigestDelivery() -> Date? { Date(timeIntervalSince1970: 1_767_229_200) }
    }

    static let clock = ManualWallClock(Date(timeIntervalSince1970: 1_767_225_600))
    static let der: [UInt8] = [0x30, 0x82, 0x01, 0x0A, 0x02, 0x82, 0x01, 0x01, 0x00]

    /// Two keys: one valid until 1 750 000 000, the next from then until 1 800 000 000.5.
    static func twoKeys() -> StubKeys {
        let old = PublicKeyInfo(
            der: der, fingerprint: Hex.encode(Digest.md5(der)), validityStart: Date(timeIntervalSince1970: 1_700_000_000),
            validityEnd: Date(timeIntervalSince1970: 1_750_000_000))
        let current = PublicKeyInfo(
            der: der + [1], fingerprint: Hex.encode(Digest.md5(der + [1])),
            validityStart: Date(timeIntervalSince1970: 1_750_000_000), validityEnd: Date(timeIntervalSince1970: 1_800_000_000.5))
        return StubKeys([old, current])
    }

    static func api(keys: StubKeys, clock: ManualWallClock) -> CloudTrailAPI {
        var settings = TrailSettings()
        settings.bucket.path = FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID())").path
        let recorder = TrailRecorder(settings: settings, journal: JournalSettings(), clock: clock, random: SeededRandomSource(seed: 1))
        return CloudTrailAPI(
            trail: settings, homeAccountId: Configuration().defaultAccount.accountId, recorder: recorder,
            history: EventHistory(clock: clock), publicKeys: keys, clock: clock)
    }

    static func context(region: String = "us-east-1") -> CallContext {
        CallContext(
            identity: CallerIdentity(type: .root, principalId: "123456789012", arn: nil, accountId: "123456789012", accessKeyId: nil),
            accountId: "123456789012", region: region, sourceIPAddress: "127.0.0.1", userAgent: "", requestId: "r",
            receivedAt: Date(), usedSessionCredentials: false)
    }

    @Test func listPublicKeysThroughTheRouter() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let result = try await harness.cloudTrail("ListPublicKeys", #"{"StartTime":1700000000,"EndTime":1800000000}"#)
            #expect(result.json == ["PublicKeyList": []])
        }
    }

    @Test func listPublicKeysRefusesAReversedRangeAndAnyToken() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let reversed = try await harness.cloudTrail("ListPublicKeys", #"{"StartTime":1800000000,"EndTime":1700000000}"#)
            #expect(reversed.json.errorType == "com.amazonaws.cloudtrail.v20131101#InvalidTimeRangeException")
            let token = try await harness.cloudTrail("ListPublicKeys", #"{"NextToken":"x"}"#)
            #expect(token.json.errorType == "com.amazonaws.cloudtrail.v20131101#InvalidTokenException")
        }
    }

    @Test func listPublicKeysShapeAndWindow() async throws {
        let keys = Self.twoKeys()
        let api = Self.api(keys: keys, clock: Self.clock)
        let all = try await api.handle(
            operation: "ListPublicKeys", input: ["StartTime": 1_600_000_000, "EndTime": 1_790_000_000],
            context: Self.context(region: "eu-west-1")
        ).get()
        let list = try #require(all["PublicKeyList"]?.arrayValue)
        #expect(list.count == 2)
        #expect(list[0].objectValue?.keys == ["Value", "ValidityStartTime", "ValidityEndTime", "Fingerprint"])
        #expect(list[0]["Value"] == .string(Data(Self.der).base64EncodedString()))
        #expect(list[0]["Value"]?.stringValue?.hasPrefix("MIIBCgKCAQEA") == true)
        #expect(list[0]["Fingerprint"] == .string(Hex.encode(Digest.md5(Self.der))))
        #expect(list[1]["ValidityEndTime"]?.numberValue?.doubleValue == 1_800_000_000.5)
        #expect(keys.lastAsked?.region == "eu-west-1")
    }

    @Test func withoutARangeListPublicKeysAnswersTheKeyValidNow() async throws {
        let keys = Self.twoKeys()
        let api = Self.api(keys: keys, clock: Self.clock)
        let now = try await api.handle(operation: "ListPublicKeys", input: [:], context: Self.context()).get()
        #expect(now["PublicKeyList"]?.arrayValue?.count == 1)
        #expect(keys.lastAsked?.from == Self.clock.now())
        #expect(keys.lastAsked?.to == Self.clock.now())
    }

    @Test func getTrailStatusShowsTheKeySourcesLastDigestDelivery() async throws {
        let api = Self.api(keys: Self.twoKeys(), clock: Self.clock)
        let status = try await api.handle(operation: "GetTrailStatus", input: ["Name": "dynamotrail"], context: Self.context()).get()
        #expect(status["LatestDigestDeliveryTime"] == .int(1_767_229_200))
    }
}
