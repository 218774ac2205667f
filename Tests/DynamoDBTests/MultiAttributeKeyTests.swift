import AWSProtocol
import Testing

@testable import DynamoDB

/// Multi-attribute GSI keys (AWS: "Multi-attribute keys", up to four HASH then up to four RANGE attributes) and
/// UpdateTable's refusal to redefine a keyed attribute's type.
@Suite struct MultiAttributeKeyTests {
    func definitions(_ names: [String], type: String = "S") -> JSONValue {
        .array(names.map { ["AttributeName": .string($0), "AttributeType": .string(type)] })
    }
    func keys(_ hashes: [String], _ ranges: [String]) -> JSONValue {
        .array(
            hashes.map { ["AttributeName": .string($0), "KeyType": "HASH"] }
                + ranges.map { ["AttributeName": .string($0), "KeyType": "RANGE"] })
    }

    @Test func fourAndFourOnCreateAndUpdate() async throws {
        let h = Harness()
        let hashes = ["h1", "h2", "h3", "h4"]
        let ranges = ["r1", "r2", "r3", "r4"]
        let index: JSONValue = ["IndexName": "wide", "KeySchema": keys(hashes, ranges), "Projection": ["ProjectionType": "ALL"]]
        let created = try await h.ok(
            "CreateTable",
            [
                "TableName": "wide", "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": definitions(["pk"] + hashes + ranges),
                "KeySchema": keys(["pk"], []), "GlobalSecondaryIndexes": [index],
            ])
        #expect(created["TableDescription"]?["GlobalSecondaryIndexes"]?.arrayValue?.first?["KeySchema"] == keys(hashes, ranges))
        try await h.createBasic("later")
        let update: JSONValue = [
            "TableName": "later", "AttributeDefinitions": definitions(hashes + ranges),
            "GlobalSecondaryIndexUpdates": [
                [
                    "Create": [
                        "IndexName": "wide", "KeySchema": keys(hashes, ranges), "Projection": ["ProjectionType": "ALL"],
                        "ProvisionedThroughput": ["ReadCapacityUnits": 1, "WriteCapacityUnits": 1],
                    ]
                ]
            ],
        ]
        try await h.ok("UpdateTable", update)
    }

    @Test func tooManyOrOutOfOrderOnUpdateTable() async throws {
        let h = Harness()
        try await h.createBasic("later")
        func create(_ keySchema: JSONValue, _ names: [String]) async -> String? {
            await h.fail(
                "UpdateTable",
                [
                    "TableName": "later", "AttributeDefinitions": definitions(names),
                    "GlobalSecondaryIndexUpdates": [
                        [
                            "Create": [
                                "IndexName": "bad", "KeySchema": keySchema, "Projection": ["ProjectionType": "ALL"],
                                "ProvisionedThroughput": ["ReadCapacityUnits": 1, "WriteCapacityUnits": 1],
                            ]
                        ]
                    ],
                ])?.message
        }
        let five = ["a", "b", "c", "d", "e"]
        #expect(await create(keys(["h"], five), ["h"] + five) == "The KeySchema exceeds the maximum allowed number of RANGE key attributes")
        #expect(await create(keys(five, []), five) == "The KeySchema exceeds the maximum allowed number of HASH key attributes")
        let mixed: JSONValue = [
            ["AttributeName": "a", "KeyType": "HASH"], ["AttributeName": "b", "KeyType": "RANGE"],
            ["AttributeName": "c", "KeyType": "HASH"],
        ]
        #expect(await create(mixed, ["a", "b", "c"]) == "All HASH key attributes must precede RANGE key attributes in the KeySchema")
    }

    /// Defining a keyed attribute again with its own type is fine; with another type it is refused, naming the
    /// first key schema that uses it (here the table's own).
    @Test func keyTypeConflictOnUpdateTable() async throws {
        let h = Harness()
        try await h.createBasic("typed")
        func createIndex(_ type: String) async -> Result<JSONValue, AWSServiceError> {
            await h.call(
                "UpdateTable",
                [
                    "TableName": "typed", "AttributeDefinitions": definitions(["pk"], type: type),
                    "GlobalSecondaryIndexUpdates": [
                        [
                            "Create": [
                                "IndexName": "byPk", "KeySchema": keys(["pk"], []), "Projection": ["ProjectionType": "ALL"],
                                "ProvisionedThroughput": ["ReadCapacityUnits": 1, "WriteCapacityUnits": 1],
                            ]
                        ]
                    ],
                ])
        }
        guard case .failure(let error) = await createIndex("N") else {
            Issue.record("a redefinition was accepted")
            return
        }
        #expect(
            error.message
                == "One or more parameter values were invalid: Attributes cannot be redefined. Please check that your attribute has the same type as previously defined. Existing schema: Schema:[SchemaElement: key{pk:S:HASH}] New schema: Schema:[SchemaElement: key{pk:N:HASH}]"
        )
        guard case .success = await createIndex("S") else {
            Issue.record("the same type was refused")
            return
        }
    }
}
