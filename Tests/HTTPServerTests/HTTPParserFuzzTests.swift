import Foundation
import TestSupport
import Testing

@testable import HTTPServer

/// The incremental HTTP parser under seeded fuzzing: mutated real requests (signed DynamoDB calls,
/// chunked bodies, pipelines, `Expect: 100-continue`, S3 GETs) fed whole and in random chunks.
/// Properties: no crash or hang; every refusal is a 4xx/5xx; chunking never changes the outcome.
@Suite struct HTTPParserFuzzTests {
    static let corpus: [[UInt8]] = [
        "POST / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Date: 20261124T120000Z\r\n"
            + "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261124/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00\r\nContent-Length: 13\r\n\r\n{\"Limit\": 10}",
        "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: t\r\n\r\n",
        "GET /dynamotrail-logs?list-type=2&prefix=AWSLogs%2F&max-keys=5 HTTP/1.1\r\nHost: localhost\r\n\r\n"
            + "HEAD /dynamotrail-logs/AWSLogs/x.json.gz HTTP/1.1\r\nHost: localhost\r\nRange: bytes=0-9\r\n\r\n",
        "PUT /b/k HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody",
        "GET /_dynamotrail/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\nPOST /moto-api/reset HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: h\r\nOrigin: http://example.com\r\nAccess-Control-Request-Method: POST\r\n\r\n",
    ].map { Array($0.utf8) }

    /// What the parser made of a byte stream: the requests, the `100 Continue`s and the refusal.
    struct Outcome: Equatable {
        var requests: [HTTPRequest] = []
        var continues = 0
        var errorStatus: Int?
    }

    static func run(_ pieces: [ArraySlice<UInt8>], limits: HTTPRequestParser.Limits) -> Outcome {
        var parser = HTTPRequestParser(limits: limits)
        var outcome = Outcome()
        for piece in pieces {
            parser.append(piece)
            do {
                while let event = try parser.next() {
                    switch event {
                    case .request(let request): outcome.requests.append(request)
                    case .expectContinue: outcome.continues += 1
                    }
                }
            } catch {
                outcome.errorStatus = error.status
                return outcome
            }
        }
        return outcome
    }

    @Test func mutatedRequestsParseTheSameWholeAndInChunksOrFailWithAnHTTPStatus() {
        let cases = FuzzBudget.cases(default: 1000)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 2)
        let limits = HTTPRequestParser.Limits(maxHeaderBytes: 2048, maxBodyBytes: 4096)
        var refused = 0
        for index in 0..<cases {
            var input = random.mutate(Self.corpus[random.below(Self.corpus.count)], corpus: Self.corpus)
            if random.chance(4) { input += random.mutate(Self.corpus[random.below(Self.corpus.count)]) }
            let whole = Self.run([input[...]], limits: limits)
            let chunked = Self.run(random.chunks(input, maximum: 1 + random.below(40)), limits: limits)
            if let status = whole.errorStatus {
                refused += 1
                #expect((400..<600).contains(status), "case \(index)")
            }
            #expect(whole.requests == chunked.requests, "case \(index): \(String(decoding: input, as: UTF8.self).debugDescription)")
            #expect(whole.errorStatus == chunked.errorStatus, "case \(index): \(String(decoding: input, as: UTF8.self).debugDescription)")
            for request in whole.requests { #expect(request.body.count <= limits.maxBodyBytes) }
        }
        #expect(refused > 0 && refused < cases)
        FuzzBudget.report("HTTP parser (\(refused) refused)", cases: cases, started: started)
    }
}
