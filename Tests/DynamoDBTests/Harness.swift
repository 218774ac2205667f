import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

let testAccount = "123456789012"
let testRegion = "us-east-1"

/// A fresh control plane on a manual clock and a seeded random source, with call helpers.
struct Harness {
    let clock = ManualWallClock(Date(timeIntervalSince1970: 1_767_225_600.25))
    let plane: DynamoDBService

    init(_ configure: (inout DynamoDBSettings) -> Void = { _ in }) {
        var settings = DynamoDBSettings()
        configure(&settings)
        plane = DynamoDBService(settings: settings, clock: clock, random: SeededRandomSource(seed: 42))
    }

    func call(
        _ operation: String, _ input: JSONValue, service: DynamoDBAPI = .dynamoDB,
        region: String = testRegion, account: String = testAccount
    ) async -> Result<JSONValue, AWSServiceError> {
        await plane.handle(
            DynamoDBRequest(service: service, operation: operation, input: input, accountId: account, region: region))
    }

    /// The successful response, or a recorded issue and a thrown error.
    @discardableResult
    func ok(
        _ operation: String, _ input: JSONValue, service: DynamoDBAPI = .dynamoDB,
        region: String = testRegion, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        switch await call(operation, input, service: service, region: region) {
        case .success(let value): return value
        case .failure(let error):
            Issue.record("\(operation) failed: \(error.type) \(error.message ?? "")", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// The error a call answers, or nil (and a recorded issue) when it succeeded.
    func fail(
        _ operation: String, _ input: JSONValue, service: DynamoDBAPI = .dynamoDB,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> AWSServiceError? {
        switch await call(operation, input, service: service) {
        case .success(let value):
            Issue.record("\(operation) unexpectedly succeeded: \(JSONWriter.string(value))", sourceLocation: sourceLocation)
            return nil
        case .failure(let error): return error
        }
    }

    @discardableResult
    func createBasic(_ name: String, _ extra: [String: JSONValue] = [:]) async throws -> JSONValue {
        var input = basicTable(name)
        for (key, value) in extra { input[key] = value }
        return try await ok("CreateTable", .object(input))
    }
}

/// CreateTable input for a hash-only PROVISIONED 5/5 table.
func basicTable(_ name: String) -> JSONObject {
    var object = JSONObject()
    object.append("TableName", .string(name))
    object.append("AttributeDefinitions", [["AttributeName": "pk", "AttributeType": "S"]])
    object.append("KeySchema", [["AttributeName": "pk", "KeyType": "HASH"]])
    object.append("ProvisionedThroughput", ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5])
    return object
}

func json(_ text: String) -> JSONValue {
    do { return try JSONParser.parse(text) } catch { return .null }
}

extension JSONValue {
    /// Member names of an object in order (empty for other values).
    var keys: [String] { objectValue?.keys ?? [] }
}
