import AWSProtocol
import Testing

@testable import DynamoDB

/// A bad request gets an AWS error, never a crash: every member of every invalid-request case is
/// replaced in turn by values of every JSON type, and every answer must be a 200 or a 400.
@Suite struct RobustnessTests {
    static let oddValues: [JSONValue] = [
        .null, true, 0, -1, .number(JSONNumber(text: "1e400")), .number(JSONNumber(text: "-0.5")), "", "x;",
        [], [.null], [[:]], ["a"], [:], ["X": [1]],
    ]

    func mutate(_ value: JSONValue, depth: Int, into out: inout [JSONValue]) {
        guard depth < 3, case .object(let object) = value else { return }
        for member in object.members {
            for odd in Self.oddValues {
                var copy = object
                copy[member.key] = odd
                out.append(.object(copy))
            }
            if case .array(let elements) = member.value, let first = elements.first {
                var inner: [JSONValue] = []
                mutate(first, depth: depth + 1, into: &inner)
                for variant in inner {
                    var copy = object
                    copy[member.key] = .array([variant] + elements.dropFirst())
                    out.append(.object(copy))
                }
            } else {
                var inner: [JSONValue] = []
                mutate(member.value, depth: depth + 1, into: &inner)
                for variant in inner {
                    var copy = object
                    copy[member.key] = variant
                    out.append(.object(copy))
                }
            }
        }
    }

    @Test func mutatedRequestsNeverCrash() async throws {
        let harness = Harness()
        var calls = 0
        for testCase in InvalidRequestsTests.loadCases() {
            let service: DynamoDBAPI = testCase["service"]?.stringValue == "streams" ? .streams : .dynamoDB
            let operation = testCase["operation"]?.stringValue ?? ""
            for step in testCase["setup"]?.arrayValue ?? [] {
                _ = await harness.call(step["operation"]?.stringValue ?? "", step["input"] ?? .null)
            }
            var variants: [JSONValue] = []
            mutate(testCase["input"] ?? .null, depth: 0, into: &variants)
            for variant in variants {
                let result = await harness.call(operation, variant, service: service)
                calls += 1
                if case .failure(let error) = result {
                    #expect(error.httpStatus == 400, "\(operation) \(JSONWriter.string(variant))")
                }
            }
        }
        #expect(calls > 5000)
    }
}
