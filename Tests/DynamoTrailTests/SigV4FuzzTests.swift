import AWSProtocol
import Foundation
import TestSupport
import Testing

/// The SigV4 authorization and query parsers, scope/time checks and canonicalisation under seeded
/// fuzzing: mutated real signed requests (header and pre-signed forms) are accepted only when they
/// still verify, and otherwise refused with a failure that renders to an AWS error (JSON and S3).
@Suite struct SigV4FuzzTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let amzDate = "20261124T120000Z"
    static let now = Date(timeIntervalSince1970: 1_795_521_600)  // 2026-11-24T12:00:00Z

    /// A header-signed DynamoDB call and a pre-signed S3 GET, both valid.
    static func corpus() -> [SigV4Request] {
        var post = SigV4Request(
            method: "POST", rawPath: "/",
            headers: [
                ("Host", "127.0.0.1:8000"), ("X-Amz-Date", amzDate), ("X-Amz-Target", "DynamoDB_20120810.ListTables"),
                ("Content-Type", "application/x-amz-json-1.0"),
            ], body: Array("{}".utf8))
        let authorization = SigV4Signer.authorizationHeader(
            for: post, accessKeyId: "AKIAIOSFODNN7EXAMPLE", secret: secret, region: "us-east-1", service: "dynamodb", amzDate: amzDate)
        post.headers.append(SigV4Request.Header("Authorization", authorization))
        var get = SigV4Request(
            method: "GET", rawPath: "/dynamotrail-logs/AWSLogs/a%20b.json.gz", rawQuery: "versionId=1",
            headers: [("Host", "127.0.0.1:8000")])
        get.rawQuery = SigV4Signer.presignedQuery(
            for: get, accessKeyId: "AKIAIOSFODNN7EXAMPLE", secret: secret, region: "us-east-1", service: "s3", amzDate: amzDate,
            expires: 900, sessionToken: "token/with+odd=chars")
        return [post, get]
    }

    /// Parses and checks `request` as the pipeline does; nil when it verifies.
    static func verify(_ request: SigV4Request, service: String) -> SigV4Failure?? {
        switch SigV4Authorization.parse(request) {
        case .failure(let failure): return .some(failure)
        case .success(nil): return .some(nil)  // unsigned: nothing to verify
        case .success(let auth?):
            if let failure = SigV4Verifier.checkScope(auth, expectedService: service) { return failure }
            if let failure = SigV4Verifier.checkTime(auth, now: now) { return failure }
            return SigV4Verifier.checkSignature(auth, request: request, secret: secret, style: .forService(service))
        }
    }

    @Test func theUnmutatedCorpusVerifies() {
        let requests = Self.corpus()
        #expect(Self.verify(requests[0], service: "dynamodb") == .some(nil))
        #expect(Self.verify(requests[1], service: "s3") == .some(nil))
    }

    @Test func mutatedSignaturesAreRefusedWithAnAWSErrorOrStillVerify() {
        let corpus = Self.corpus()
        let cases = FuzzBudget.cases(default: 500)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 3)
        var refused = 0
        for index in 0..<cases {
            let which = random.below(corpus.count)
            var request = corpus[which]
            switch random.below(4) {
            case 0:
                let field = random.below(request.headers.count)
                request.headers[field].value = String(decoding: random.mutate(Array(request.headers[field].value.utf8)), as: UTF8.self)
            case 1: request.rawQuery = String(decoding: random.mutate(Array(request.rawQuery.utf8)), as: UTF8.self)
            case 2: request.rawPath = String(decoding: random.mutate(Array(request.rawPath.utf8)), as: UTF8.self)
            default:
                let field = random.below(request.headers.count)
                request.headers[field].name = String(decoding: random.mutate(Array(request.headers[field].name.utf8)), as: UTF8.self)
            }
            let service = which == 0 ? "dynamodb" : "s3"
            // Canonicalisation takes any path and query.
            _ = SigV4Signer.canonicalURI(request.rawPath, style: .forService(service))
            _ = SigV4Signer.canonicalQuery(request.rawQuery, excludingSignature: random.chance(2))
            guard case .some(let failure?) = Self.verify(request, service: service) else { continue }
            refused += 1
            let json = failure.jsonError
            #expect(json.type.contains("#") && (400..<600).contains(json.httpStatus), "case \(index): \(failure)")
            let s3 = failure.s3Error
            #expect(!s3.code.isEmpty && (400..<600).contains(s3.httpStatus), "case \(index): \(failure)")
        }
        #expect(refused > cases / 2)
        FuzzBudget.report("SigV4 parser (\(refused) refused)", cases: cases, started: started)
    }
}
