import AWSProtocol
import Foundation
import TestSupport
import Testing

/// The JSON reader and writer under seeded fuzzing: `parse(write(x)) == x` for random values, and
/// mutated real requests are parsed or refused with a `JSONParseError`, never a crash or a hang.
/// `DYNAMOTRAIL_FUZZ_CASES` sets the case count (the long run uses 100,000).
@Suite struct JSONFuzzTests {
    @Test func parsingWhatTheWriterWroteGivesTheValueBack() throws {
        let cases = FuzzBudget.cases(default: 3000)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed)
        for index in 0..<cases {
            let value = FuzzJSON.value(&random, depth: 1 + random.below(6))
            let bytes = JSONWriter.bytes(value)
            let parsed = try JSONParser.parse(bytes)
            #expect(parsed == value, "case \(index): \(JSONWriter.string(value))")
            #expect(JSONWriter.bytes(parsed) == bytes, "case \(index)")
            if parsed != value { return }
        }
        FuzzBudget.report("JSON round trip", cases: cases, started: started)
    }

    @Test func mutatedRequestsAreParsedOrRefusedCleanly() throws {
        let corpus = try FuzzCorpus.allCalls().map { Array($0.body.utf8) }
        let cases = FuzzBudget.cases(default: 1000)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 1)
        var refused = 0
        for index in 0..<cases {
            let input = random.mutate(corpus[random.below(corpus.count)], corpus: corpus)
            do {
                let value = try JSONParser.parseRequest(input)
                #expect(value.nestingDepth <= JSONLimits.maximumRequestDepth, "case \(index)")
                // What was accepted is written and read back unchanged (repeated names already merged).
                #expect(try JSONParser.parse(JSONWriter.bytes(value)) == value, "case \(index)")
            } catch {
                refused += 1
                #expect((0...input.count).contains(error.offset), "case \(index)")
                #expect(!error.reason.isEmpty)
            }
        }
        #expect(refused > 0 && refused < cases)
        FuzzBudget.report("JSON reader (mutated requests, \(refused) refused)", cases: cases, started: started)
    }

    @Test func nestingFarBeyondTheLimitIsRefusedWithoutRecursingIntoIt() {
        for open in ["[", #"{"a":"#] {
            let deep = Array(String(repeating: open, count: 200_000).utf8)
            #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
            #expect(throws: JSONParseError.self) { try JSONParser.parseRequest(deep) }
        }
        let limit = Array((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8)
        #expect((try? JSONParser.parse(limit)) != nil)
        #expect((try? JSONParser.parseRequest(limit)) == nil)
    }
}
