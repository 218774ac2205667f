import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

/// Every record the writer produces is read back by the reader: random events (odd unicode, huge
/// and deep payloads around `JSONLimits`, every identity type) rendered by `CloudTrailRecord.bytes`,
/// delivered as gzip log files and read by `LogReader` byte for byte, with nothing skipped.
@Suite struct RecordReadBackFuzzTests {
    static let session = SessionContext(
        sessionIssuer: SessionIssuer(
            type: "Role", principalId: "AROAEXAMPLE", arn: "arn:aws:iam::123456789012:role/admin", accountId: "123456789012",
            userName: "admin"),
        creationDate: Date(timeIntervalSince1970: 1_767_225_000), mfaAuthenticated: true)

    static func identity(_ random: inout FuzzMutator) -> CallerIdentity {
        let name = FuzzJSON.string(&random, maximum: 20)
        switch random.below(4) {
        case 0:
            return CallerIdentity(
                type: .iamUser, principalId: "AIDA" + name, arn: "arn:aws:iam::123456789012:user/" + name, accountId: "123456789012",
                accessKeyId: "AKIA" + name, userName: name)
        case 1:
            return CallerIdentity(
                type: .assumedRole, principalId: "AROA:" + name, arn: "arn:aws:sts::123456789012:assumed-role/admin/" + name,
                accountId: "123456789012", accessKeyId: "ASIA" + name, sessionContext: session)
        case 2:
            return CallerIdentity(
                type: .root, principalId: "123456789012", arn: "arn:aws:iam::123456789012:root", accountId: "123456789012",
                accessKeyId: "")
        default:
            return CallerIdentity(type: .awsAccount, principalId: name, arn: nil, accountId: "123456789012", accessKeyId: nil)
        }
    }

    /// A payload: usually a small random object, sometimes one nested near the limit or over 100 KB.
    static func payload(_ random: inout FuzzMutator) -> JSONValue? {
        switch random.below(20) {
        case 0: return nil
        case 1: return .object(JSONObject(["deep": FuzzJSON.nested(JSONLimits.maximumRequestDepth - 3 + random.below(6))]))
        case 2: return .object(JSONObject(["big": .string(String(repeating: "x", count: 90_000 + random.below(20_000)))]))
        default: return .object(JSONObject(["tableName": .string("Music"), "extra": FuzzJSON.value(&random, depth: 5)]))
        }
    }

    static func event(_ random: inout FuzzMutator, time: Date) -> CloudTrailEvent {
        let context = CallContext(
            identity: identity(&random), accountId: "123456789012", region: ["us-east-1", "eu-west-1", "ap-south-2"][random.below(3)],
            sourceIPAddress: random.chance(2) ? "192.0.2.1" : FuzzJSON.string(&random),
            userAgent: FuzzJSON.string(&random, maximum: random.chance(10) ? 3000 : 30),
            requestId: FuzzJSON.string(&random, maximum: 60), receivedAt: time, usedSessionCredentials: random.chance(2))
        var event = CloudTrailEvent(
            context: context, eventSource: "dynamodb.amazonaws.com", eventName: FuzzJSON.string(&random, maximum: 20),
            requestParameters: payload(&random), readOnly: random.chance(2), apiVersion: "2012-08-10",
            recipientAccountId: "123456789012", eventTime: time)
        event.responseElements = payload(&random)
        if random.chance(3) { event.errorCode = FuzzJSON.string(&random, maximum: 40) }
        if random.chance(3) { event.errorMessage = FuzzJSON.string(&random, maximum: random.chance(5) ? 3000 : 80) }
        if random.chance(4), case .object(let extra) = FuzzJSON.value(&random, depth: 4) { event.additionalEventData = extra }
        if random.chance(3) {
            event.resources = [
                CloudTrailEvent.Resource(accountId: "123456789012", type: "AWS::DynamoDB::Table", arn: FuzzJSON.string(&random))
            ]
        }
        return event
    }

    @Test func everyRecordTheWriterProducesIsReadBack() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("readback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cases = FuzzBudget.cases(default: 300)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 7)
        let time = Date(timeIntervalSince1970: 1_767_225_600)
        var written = 0
        var fileIndex = 0
        let reader = LogReader(bucketRoot: root.path)
        while written < cases {
            let batch = (0..<min(cases - written, 1 + random.below(60))).map { index in
                CloudTrailRecord.bytes(Self.event(&random, time: time), eventTime: time, eventID: "e\(written + index)")
            }
            let body = Array(#"{"Records":["#.utf8) + Array(batch.joined(separator: [UInt8(ascii: ",")])) + Array("]}".utf8)
            // External tools parse the whole file at once: it must stay within the readers' limit.
            #expect((try? JSONParser.parse(body)) != nil, "file \(fileIndex)")
            let key =
                "AWSLogs/123456789012/CloudTrail/us-east-1/2026/01/01/123456789012_CloudTrail_us-east-1_20260101T0000Z_\(fileIndex).json.gz"
            let url = root.appendingPathComponent(key)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Gzip.compress(body)).write(to: url)
            var problems: [LogReaderError] = []
            let read = try reader.records(inFile: key, onSkipped: { problems.append($0) }).get()
            #expect(problems.isEmpty, "\(problems.prefix(3))")
            #expect(read.map(\.bytes) == batch, "file \(fileIndex)")
            try FileManager.default.removeItem(at: url)
            written += batch.count
            fileIndex += 1
        }
        FuzzBudget.report("records written and read back (\(fileIndex) files)", cases: cases, started: started)
    }
}
