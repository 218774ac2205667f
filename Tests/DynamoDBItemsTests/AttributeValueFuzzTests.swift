import AWSProtocol
import DynamoDBItems
import Foundation
import TestSupport
import Testing

/// Seeded fuzzing of attribute values: random values survive encode → decode unchanged, and mutated
/// wire forms decode or are refused with an `ItemError`, never a crash. `DYNAMOTRAIL_FUZZ_CASES` sets the count.
@Suite struct AttributeValueFuzzTests {
    private static func number(_ random: inout FuzzMutator) -> DynamoNumber {
        let digits = String((0..<(1 + random.below(38))).map { _ in Character(String(random.below(10))) })
        let text = (random.chance(2) ? "-" : "") + digits + "E" + String(random.below(200) - 100)
        return (try? DynamoNumber(parsing: text)) ?? .zero
    }

    private static func value(_ random: inout FuzzMutator, depth: Int) -> AttributeValue {
        let bytes = { (random: inout FuzzMutator) in (0..<random.below(6)).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        switch random.below(depth > 0 ? 10 : 8) {
        case 0: return .string(["", "a", "é", "𝄞", "\u{0}", "hello world"][random.below(6)])
        case 1: return .number(number(&random))
        case 2: return .binary(bytes(&random))
        case 3: return .bool(random.chance(2))
        case 4: return .null
        case 5: return .stringSet(Array(Set((0...random.below(4)).map { "s\($0 * random.below(3))" })))
        case 6: return .numberSet(Array(Set((0...random.below(4)).map { _ in number(&random) })))
        case 7: return .binarySet(Array(Set((0...random.below(4)).map { [UInt8($0)] + bytes(&random) })))
        case 8: return .list((0..<random.below(4)).map { _ in value(&random, depth: depth - 1) })
        default:
            var members: [String: AttributeValue] = [:]
            for index in 0..<random.below(4) { members["k\(index)"] = value(&random, depth: depth - 1) }
            return .map(members)
        }
    }

    @Test func encodedValuesDecodeToThemselves() throws {
        let cases = FuzzBudget.cases(default: 2000)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 0xA7)
        for index in 0..<cases {
            let value = Self.value(&random, depth: 1 + random.below(5))
            let bytes = JSONWriter.bytes(value.wire)
            let decoded = try AttributeValue(wire: JSONParser.parse(bytes))
            #expect(decoded == value, "case \(index): \(JSONWriter.string(value.wire))")
            #expect(JSONWriter.bytes(decoded.wire) == bytes, "case \(index)")
            if decoded != value { return }
        }
        FuzzBudget.report("attribute value round trip", cases: cases, started: started)
    }

    @Test func mutatedWireValuesDecodeOrAreRefusedCleanly() throws {
        let cases = FuzzBudget.cases(default: 1000)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 0xA8)
        let corpus = (0..<32).map { _ in JSONWriter.bytes(Self.value(&random, depth: 3).wire) }
        var decoded = 0
        for _ in 0..<cases {
            let bytes = random.mutate(corpus[random.below(corpus.count)], corpus: corpus)
            guard let json = try? JSONParser.parse(bytes) else { continue }
            switch Result(catching: { () throws(ItemError) in try AttributeValue(wire: json) }) {
            case .success(let value):
                decoded += 1
                _ = value.sizeInBytes
                _ = value.depth
            case .failure(let error):
                #expect(!error.message.isEmpty)
            }
        }
        #expect(decoded > 0)
        FuzzBudget.report("attribute value decoding", cases: cases, started: started)
    }
}
