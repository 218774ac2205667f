import AWSProtocol
import CallHandling
import CloudTrail
import DynamoDB
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import DynamoTrail
@testable import TrailSample

/// The server and `sample` make records through the same pipeline: the same call yields the same record.
@Suite struct PipelineParityTests {
    /// Keeps what the pipeline hands to the sink.
    final class CapturingSink: AuditSink {
        let calls = Mutex<[AuditedCall]>([])
        func keep(_ call: AuditedCall) async -> AWSServiceError? {
            calls.withLock { $0.append(call) }
            return nil
        }
    }

    static let carol: IdentitySettings = {
        var carol = IdentitySettings(type: .iamUser, accessKeyId: "AKIACAROLEXAMPLE0001", secretAccessKey: "carolSecret")
        carol.userName = "carol"
        carol.deny = ["dynamodb:DescribeStream"]
        return carol
    }()
    static let account = AccountSettings(accountId: "123456789012", isDefault: true, identities: [carol])
    static let streamArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/Music/stream/2026-01-01T00:00:00.000"

    /// Carol's account as the only one.
    /// Carol's account, and tlsDetails in records (`sample` writes them always; the server when asked).
    static func useCarolsAccount(_ configuration: inout Configuration) {
        configuration.accounts = [account]
        configuration.trail.recordsTLSDetails = true
    }

    @Test func aDeniedStreamsCallGetsTheSameRecordFromTheServerAndFromSample() async throws {
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_767_225_600))
        let body = #"{"StreamArn":"\#(Self.streamArn)"}"#
        let fromServer = try await withServer(clock: clock, listening: false, configure: Self.useCarolsAccount) { server in
            var headers = LenientSignature.headers(accessKey: Self.carol.accessKeyId, region: "eu-west-1")
            headers["X-Amz-Target"] = "DynamoDBStreams_20120810.DescribeStream"
            headers["Content-Type"] = "application/x-amz-json-1.0"
            headers["User-Agent"] = "parity-test"
            let response = await server.handle("POST", "/", headers: headers, body: Array(body.utf8), remoteAddress: "192.0.2.10")
            #expect(response.status == 400)
            #expect(try JSONParser.parse(response.body)["__type"] == "com.amazon.coral.service#AccessDeniedException")
            _ = await server.server.flush()
            var records: [JSONValue] = []
            LogReader(bucketRoot: server.bucket.path).forEachRecord { records.append($0.value) }
            return try #require(records.count == 1 ? records.first : nil)
        }
        #expect(fromServer["errorCode"] == "AccessDenied")
        #expect(
            fromServer["tlsDetails"]
                == [
                    "tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                    "clientProvidedHostHeader": "streams.dynamodb.eu-west-1.amazonaws.com",
                ])
        #expect(
            fromServer["errorMessage"]?.stringValue?.hasSuffix(
                "on resource: \(Self.streamArn) because no identity-based policy allows the dynamodb:DescribeStream action") == true)

        // The same call as `sample` makes it: a known caller, the sample's pipeline.
        var options = SampleGenerator.Options(start: clock.now(), end: clock.now(), trail: TrailSettings(), accounts: [Self.account])
        options.regions = ["eu-west-1"]
        let sink = CapturingSink()
        let pipeline = SampleGenerator.pipeline(
            controlPlane: DynamoDBService(settings: DynamoDBSettings(), clock: clock, random: SeededRandomSource(seed: 2)),
            options: options, clock: clock, random: SeededRandomSource(seed: 3), audit: sink)
        let identity = CallerIdentityFactory.identity(for: Self.carol, in: Self.account, creationDate: clock.now())
        let caller = AuthenticatedCaller(
            identity: identity, accountId: Self.account.accountId, region: "eu-west-1", usedSessionCredentials: false,
            deny: DenyList(Self.carol.deny))
        let result = await pipeline.run(
            IncomingCall(
                target: ServiceTarget(service: .dynamoDBStreams, operation: "DescribeStream"),
                input: try JSONParser.parse(Array(body.utf8)),
                credentials: .known(caller), requestId: try #require(fromServer["requestID"]?.stringValue), receivedAt: clock.now(),
                sourceIPAddress: "192.0.2.10", userAgent: "parity-test"))
        #expect(throws: AWSServiceError.self) { try result.get() }
        let audited = try #require(sink.calls.withLock { $0.first })
        let fromSample = CloudTrailRecord.render(
            audited.event, eventTime: audited.eventTime, eventID: try #require(fromServer["eventID"]?.stringValue),
            eventVersion: TrailSettings().eventVersion)
        #expect(fromSample == fromServer)
    }

    @Test func byDefaultTheServerWritesNoTLSDetails() async throws {
        let records = try await withServer(listening: false) { (server: TestServer) async throws -> [JSONValue] in
            _ = await server.call("DynamoDB_20120810.ListTables", "{}")
            _ = await server.server.flush()
            var records: [JSONValue] = []
            LogReader(bucketRoot: server.bucket.path).forEachRecord { records.append($0.value) }
            return records
        }
        #expect(records.count == 1 && records[0]["tlsDetails"] == nil)
    }
}
