import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// Runs every case of `Tests/SDK/dynamodb_invalid_requests.json` against a fresh control plane:
/// setup calls must succeed, the call under test must fail with exactly the listed `__type` and message.
@Suite struct InvalidRequestsTests {
    static func loadCases() -> [JSONValue] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../SDK/dynamodb_invalid_requests.json")
        guard let data = try? Data(contentsOf: url), let value = try? JSONParser.parse([UInt8](data)),
            let cases = value.arrayValue
        else { return [] }
        return cases
    }

    @Test func fileHasAtLeastEightyCases() {
        #expect(Self.loadCases().count >= 80)
    }

    @Test func everyCaseAnswersTheListedError() async throws {
        for testCase in Self.loadCases() {
            let name = testCase["name"]?.stringValue ?? "?"
            let settings = testCase["settings"]
            let harness = Harness { s in
                if let v = settings?["createSeconds"]?.numberValue { s.createSeconds = v.doubleValue }
                if let v = settings?["updateSeconds"]?.numberValue { s.updateSeconds = v.doubleValue }
                if let v = settings?["deleteSeconds"]?.numberValue { s.deleteSeconds = v.doubleValue }
                if let v = settings?["maxTablesPerRegion"]?.numberValue { s.maxTablesPerRegion = Int(v.doubleValue) }
                if let v = settings?["maxConcurrentTableOperations"]?.numberValue {
                    s.maxConcurrentTableOperations = Int(v.doubleValue)
                }
            }
            for step in testCase["setup"]?.arrayValue ?? [] {
                let result = await harness.call(step["operation"]?.stringValue ?? "", step["input"] ?? .null)
                if case .failure(let error) = result {
                    Issue.record("\(name): setup \(step["operation"]?.stringValue ?? "") failed: \(error.message ?? error.type)")
                }
            }
            let service: DynamoDBAPI = testCase["service"]?.stringValue == "streams" ? .streams : .dynamoDB
            let result = await harness.call(
                testCase["operation"]?.stringValue ?? "", testCase["input"] ?? .null, service: service)
            switch result {
            case .success(let value):
                Issue.record("\(name): succeeded with \(JSONWriter.string(value))")
            case .failure(let error):
                #expect(error.type == testCase["type"]?.stringValue, "\(name)")
                if let message = testCase["message"]?.stringValue {
                    #expect(error.message == message, "\(name)")
                }
                #expect(error.httpStatus == 400, "\(name)")
            }
        }
    }
}
