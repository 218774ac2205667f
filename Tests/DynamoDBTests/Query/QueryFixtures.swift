import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// Tables and reads the Query and Scan suites share.
extension Harness {
    /// A table `pk` (S) + `sk` (`sortType`), with a GSI `byG` (`g` S hash, `sk` range, ALL), a KEYS_ONLY GSI
    /// `keysOnly` (`g` hash), an LSI `byL` (`pk`, `l` N, KEYS_ONLY) and an LSI `byAll` (`pk`, `l`, ALL).
    func createQueryTable(_ name: String, sortType: String = "N") async throws {
        let input = """
            {"TableName":"\(name)","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"\(sortType)"},
               {"AttributeName":"g","AttributeType":"S"},{"AttributeName":"l","AttributeType":"N"}],
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "GlobalSecondaryIndexes":[
               {"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
                "Projection":{"ProjectionType":"ALL"}},
               {"IndexName":"keysOnly","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
             "LocalSecondaryIndexes":[
               {"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],
                "Projection":{"ProjectionType":"KEYS_ONLY"}},
               {"IndexName":"byAll","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],
                "Projection":{"ProjectionType":"ALL"}}]}
            """
        try await ok("CreateTable", json(input))
    }

    func put(_ table: String, _ item: String) async throws {
        try await ok("PutItem", json(#"{"TableName":"\#(table)","Item":\#(item)}"#))
    }

    /// Every page of a Query or Scan (`input` without ExclusiveStartKey), following LastEvaluatedKey.
    func pages(_ operation: String, _ input: JSONObject, maximumPages: Int = 1000) async throws -> [JSONValue] {
        var pages: [JSONValue] = []
        var request = input
        while pages.count < maximumPages {
            let page = try await ok(operation, .object(request))
            pages.append(page)
            guard let last = page["LastEvaluatedKey"] else { break }
            request["ExclusiveStartKey"] = last
        }
        return pages
    }

    /// The items of all pages, concatenated.
    func allItems(_ operation: String, _ input: JSONObject) async throws -> [JSONValue] {
        try await pages(operation, input).flatMap { $0["Items"]?.arrayValue ?? [] }
    }
}

/// A JSON object from a JSON text (test inputs).
func object(_ text: String) -> JSONObject { json(text).objectValue ?? JSONObject() }

extension JSONValue {
    /// The `S`/`N`/`B` text of attribute `name` of an item.
    func scalar(_ name: String) -> String? {
        guard let value = self[name]?.objectValue?.members.first?.value else { return nil }
        return value.stringValue
    }
}
