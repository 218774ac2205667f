import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// Runs every case of the data-plane tables of invalid requests, `Tests/SDK/dynamodb_<area>_invalid_requests.json`
/// (researched refusals with their sources: `item` for PutItem/GetItem/UpdateItem/DeleteItem, one file per
/// further area), against a fresh service: setup calls must succeed, the call under test must fail
/// with exactly the listed `__type` and message. Cases listed in `knownDifferences` are reported, not failed.
@Suite struct ItemInvalidRequestsTests {
    /// Old-cohort refusals of `{"NULL": false}`: DynamoDB now accepts it and stores NULL true (observed 2026;
    /// DynamoDBItems follows that), so these five entries answer differently on purpose.
    static let knownDifferences: Set<String> = [
        "PutItem NULL false", "DeleteItem ExpressionAttributeValues NULL false", "DeleteItem Key NULL false",
        "UpdateItem Key NULL false", "UpdateItem ExpressionAttributeValues with NULL false",
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../SDK")

    /// The data-plane case files: `dynamodb_<area>_invalid_requests.json` (not the control plane's
    /// `dynamodb_invalid_requests.json`), sorted.
    static func caseFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter {
            $0.hasPrefix("dynamodb_") && $0.hasSuffix("_invalid_requests.json") && $0 != "dynamodb_invalid_requests.json"
        }
        .sorted()
    }

    static func loadCases(_ file: String = "dynamodb_item_invalid_requests.json") -> [JSONValue] {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)),
            let value = try? JSONParser.parse([UInt8](data)), let cases = value.arrayValue
        else { return [] }
        return cases
    }

    /// The answer to one case: nil when it matches, otherwise what differed.
    static func run(_ testCase: JSONValue) async -> String? {
        let name = testCase["name"]?.stringValue ?? "?"
        let harness = Harness { s in
            if let v = testCase["settings"]?["createSeconds"]?.numberValue { s.createSeconds = v.doubleValue }
        }
        for step in testCase["setup"]?.arrayValue ?? [] {
            let result = await harness.call(step["operation"]?.stringValue ?? "", step["input"] ?? .null)
            if case .failure(let error) = result {
                return "\(name): setup \(step["operation"]?.stringValue ?? "") failed: \(error.message ?? error.type)"
            }
        }
        let result = await harness.call(testCase["operation"]?.stringValue ?? "", testCase["input"] ?? .null)
        switch result {
        case .success(let value):
            return "\(name): succeeded with \(JSONWriter.string(value))"
        case .failure(let error):
            let type = testCase["type"]?.stringValue
            let message = testCase["message"]?.stringValue
            if error.type == type, message == nil || error.message == message, error.httpStatus == 400 { return nil }
            return "\(name): got \(error.type) \(error.message ?? "")\n    want \(type ?? "") \(message ?? "")"
        }
    }

    @Test func fileHasAtLeastOneHundredFiftyCases() {
        #expect(Self.loadCases().count >= 150)
    }

    @Test(arguments: caseFiles()) func everyCaseAnswersTheListedError(file: String) async throws {
        var differences: [String] = []
        let cases = Self.loadCases(file)
        #expect(!cases.isEmpty, "\(file) holds no cases")
        for testCase in cases {
            guard let difference = await Self.run(testCase) else { continue }
            differences.append(difference)
            if !Self.knownDifferences.contains(testCase["name"]?.stringValue ?? "") { Issue.record("\(difference)") }
        }
        let passed = cases.count - differences.count
        print("\(file): \(passed) of \(cases.count) match")
        for difference in differences { print("  " + difference) }
    }

    /// Query, Scan, the batches and the transactions: at least 150 cases between them.
    @Test func theReadBatchAndTransactionCallsHaveAtLeastOneHundredFiftyCases() {
        let files = [
            "dynamodb_query_invalid_requests.json", "dynamodb_batch_invalid_requests.json", "dynamodb_transact_invalid_requests.json",
        ]
        #expect(files.allSatisfy(Self.caseFiles().contains))
        #expect(files.map { Self.loadCases($0).count }.reduce(0, +) >= 150)
    }

    @Test func theItemCallsHaveAtLeastOneHundredFiftyMatchingCases() async {
        var passed = 0
        for testCase in Self.loadCases() where await Self.run(testCase) == nil { passed += 1 }
        #expect(passed >= 150)
    }
}
