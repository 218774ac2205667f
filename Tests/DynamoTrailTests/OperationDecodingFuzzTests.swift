import AWSProtocol
import CloudTrail
import DynamoDB
import Foundation
import TestSupport
import Testing

/// Each DynamoDB and Streams operation's request decoding under seeded fuzzing, from the corpus
/// of real requests (`FuzzCorpus`: the 167 invalid requests of the SDK suite and a valid body per
/// served operation) with structure-aware and byte-level mutations. Every call is answered with a
/// JSON object or an AWS-style error; through the router, every record written is read back.
@Suite struct OperationDecodingFuzzTests {
    /// One mutated call: a corpus body changed member-wise or byte-wise, sometimes sent to another operation.
    static func mutatedCall(
        _ corpus: [FuzzCorpus.Call], _ random: inout FuzzMutator
    ) -> (call: FuzzCorpus.Call, input: JSONValue?) {
        var call = corpus[random.below(corpus.count)]
        if random.chance(8) { call.operation = corpus[random.below(corpus.count)].operation }
        if random.chance(3) {
            call.body = String(decoding: random.mutate(Array(call.body.utf8), corpus: corpus.map { Array($0.body.utf8) }), as: UTF8.self)
            return (call, try? JSONParser.parseRequest(Array(call.body.utf8)))
        }
        guard let input = try? JSONParser.parseRequest(Array(call.body.utf8)) else { return (call, nil) }
        var mutated = FuzzJSON.mutate(input, &random)
        if random.chance(3) { mutated = FuzzJSON.mutate(mutated, &random) }
        if mutated.nestingDepth > JSONLimits.maximumRequestDepth { return (call, nil) }
        call.body = JSONWriter.string(mutated)
        return (call, mutated)
    }

    static func checkAnswer(_ result: Result<JSONValue, AWSServiceError>, _ label: String) {
        switch result {
        case .success(let output):
            #expect(output.objectValue != nil, "\(label)")
            #expect((try? JSONParser.parse(JSONWriter.bytes(output))) == output, "\(label)")
        case .failure(let error):
            #expect(error.type.contains("#") && (400..<600).contains(error.httpStatus), "\(label): \(error)")
            #expect(error.message.map { !$0.isEmpty } ?? true, "\(label): \(error)")
            #expect(error.body["__type"]?.stringValue == error.type, "\(label)")
        }
    }

    @Test func mutatedRequestsAreAnsweredOrRefusedWithAnAWSError() async throws {
        let corpus = try FuzzCorpus.allCalls()
        let cases = FuzzBudget.cases(default: 800)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 5)
        let plane = DynamoDBService(
            settings: DynamoDBSettings(), clock: ManualWallClock(Date(timeIntervalSince1970: 1_767_225_600)),
            random: SeededRandomSource(seed: 5))
        var answered = 0
        for index in 0..<cases {
            if index % 50 == 0 {
                await plane.reset()
                let setup = FuzzCorpus.validCalls[0]
                _ = await plane.handle(
                    DynamoDBRequest(
                        service: .dynamoDB, operation: setup.operation, input: try JSONParser.parse(setup.body),
                        accountId: "123456789012", region: "us-east-1"))
            }
            let (call, input) = Self.mutatedCall(corpus, &random)
            guard let input else { continue }
            let service: DynamoDBAPI = call.streams ? .streams : .dynamoDB
            guard DynamoDBService.recognizes(service, operation: call.operation) else { continue }
            answered += 1
            let result = await plane.handle(
                DynamoDBRequest(
                    service: service, operation: call.operation, input: input, accountId: "123456789012", region: "us-east-1"))
            Self.checkAnswer(result, "case \(index): \(call.operation) \(call.body.prefix(300))")
        }
        #expect(answered > cases / 2)
        FuzzBudget.report("operation decoding (\(answered) decoded)", cases: cases, started: started)
    }

    @Test func throughTheRouterEveryAnswerIsAWSStyleAndEveryRecordIsReadBack() async throws {
        let corpus = try FuzzCorpus.allCalls()
        let cases = FuzzBudget.cases(default: 150) / (FuzzBudget.isLongRun ? 10 : 1)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 6)
        try await withServer(listening: false) { (server: TestServer) async throws in
            for index in 0..<cases {
                let (call, _) = Self.mutatedCall(corpus, &random)
                let prefix = call.streams ? "DynamoDBStreams_20120810." : "DynamoDB_20120810."
                let response = await server.call(prefix + call.operation, call.body)
                let label = "case \(index): \(call.operation) \(call.body.prefix(300))"
                if response.status == 200 {
                    #expect((try? JSONParser.parse(response.body))?.objectValue != nil, "\(label)")
                } else {
                    #expect((400..<600).contains(response.status), "\(label)")
                    let type = (try? JSONParser.parse(response.body))?["__type"]?.stringValue
                    #expect(type?.contains("#") == true, "\(label): \(response.text)")
                }
            }
            _ = await server.server.flush()
            var problems: [LogReaderError] = []
            var records = 0
            LogReader(bucketRoot: server.bucket.path).forEachRecord(onError: { problems.append($0) }) { _ in records += 1 }
            #expect(problems.isEmpty, "\(problems)")
            #expect(records > 0)
        }
        FuzzBudget.report("router calls with records read back", cases: cases, started: started)
    }
}
