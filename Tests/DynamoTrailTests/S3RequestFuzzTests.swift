import AWSProtocol
import Foundation
import S3Bucket
import TestSupport
import Testing

/// The S3 path, host and query parser (`S3Bucket.operation`, `ListObjectsRequest`) under seeded
/// fuzzing, each decoded operation performed on a real bucket directory beside a secret file:
/// every request is answered or refused with an S3 error, and no answer ever holds the secret.
@Suite struct S3RequestFuzzTests {
    static let secret = "TOP-SECRET-OUTSIDE-THE-BUCKET"
    static let logKey = "AWSLogs/123456789012/CloudTrail/us-east-1/2026/01/02/123456789012_CloudTrail_us-east-1_20260102T0305Z_A.json.gz"

    /// method, raw path, raw query, Host
    static let corpus: [(String, String, String, String?)] = [
        (
            "GET", "/trail-logs", "list-type=2&prefix=AWSLogs%2F&delimiter=%2F&max-keys=2&start-after=A&fetch-owner=true&encoding-type=url",
            "localhost"
        ),
        ("GET", "/trail-logs", "prefix=&marker=AWSLogs&max-keys=1000", "127.0.0.1:8000"),
        ("GET", "/trail-logs", "list-type=2&continuation-token=QVdTTG9ncy8%3D", nil),
        ("GET", "/trail-logs", "location", nil),
        ("HEAD", "/trail-logs", "", nil),
        ("GET", "/trail-logs/" + logKey, "", nil),
        ("HEAD", "/trail-logs/" + logKey, "versionId=null", nil),
        ("GET", "/" + logKey, "", "trail-logs.localhost:8000"),
        ("PUT", "/trail-logs/AWSLogs/new", "", nil),
        ("GET", "/trail-logs/AWSLogs/..%2F..%2Fsecret.txt", "", nil),
    ]

    static let methods = ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS", "get", "", "G\u{0}T"]

    @Test func mutatedRequestsAreAnsweredOrRefusedAndNeverLeaveTheBucket() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("s3fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("bucket")
        let file = root.appendingPathComponent(Self.logKey)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"Records\":[]}".utf8).write(to: file)
        try Data(Self.secret.utf8).write(to: base.appendingPathComponent("secret.txt"))
        let bucket = S3Bucket(name: "trail-logs", path: root.path, region: "us-east-1")

        let cases = FuzzBudget.cases(default: 800)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 4)
        let paths = Self.corpus.map { Array($0.1.utf8) }
        let queries = Self.corpus.map { Array($0.2.utf8) }
        var refused = 0
        for index in 0..<cases {
            var (method, path, query, host) = Self.corpus[random.below(Self.corpus.count)]
            switch random.below(5) {
            case 0: method = Self.methods[random.below(Self.methods.count)]
            case 1: query = String(decoding: random.mutate(Array(query.utf8), corpus: queries), as: UTF8.self)
            case 2: host = String(decoding: random.mutate(Array((host ?? "localhost").utf8)), as: UTF8.self)
            default: path = String(decoding: random.mutate(Array(path.utf8), corpus: paths), as: UTF8.self)
            }
            // The list parser on its own, then the whole request.
            _ = ListObjectsRequest.parse(S3Query.parse(query))
            let operation = bucket.operation(method: method, rawPath: path, rawQuery: query, host: host)
            switch await bucket.perform(operation, range: random.chance(4) ? "bytes=\(random.below(20))-\(random.below(20))" : nil) {
            case .success(let reply):
                #expect((200..<400).contains(reply.status), "case \(index)")
                #expect(!String(decoding: reply.body, as: UTF8.self).contains(Self.secret), "case \(index): \(method) \(path)?\(query)")
            case .failure(let error):
                refused += 1
                let wire = error.wire
                #expect(!wire.code.isEmpty && (400..<600).contains(wire.httpStatus), "case \(index): \(error)")
            }
        }
        #expect(refused > 0 && refused < cases)
        FuzzBudget.report("S3 path and query parser (\(refused) refused)", cases: cases, started: started)
    }
}
