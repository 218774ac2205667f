import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems
import Testing

/// Key conditions on a GSI with multi-attribute keys: every HASH attribute with `=`, RANGE attributes left to
/// right with `=` and a range condition only on the last one named, clauses in any order, with DynamoDB's texts.
@Suite struct MultiAttributeKeyQueryTests {
    private let schema = KeySchema(
        partitions: [.init(name: "h1", type: .string), .init(name: "h2", type: .string)],
        sorts: [.init(name: "a", type: .string), .init(name: "b", type: .number), .init(name: "c", type: .string)])
    private let values = #"{":h1":{"S":"x"},":h2":{"S":"y"},":a":{"S":"A"},":b":{"N":"5"},":b2":{"N":"9"},":c":{"S":"c"},":n":{"N":"1"}}"#

    private func keyQuery(_ expression: String) throws -> KeyQuery {
        let used = try ExpressionFixture.attributes(values: values)
        let attributes = ExpressionAttributes(names: [:], values: used.values.filter { expression.contains($0.key) })
        let parsed = try Expressions.parse([.keyCondition: expression], attributes: attributes)
        return try KeyQuery(try #require(parsed.keyCondition), schema: schema)
    }

    private var partition: KeyValue { schema.storedKey(partitions: [.string("x"), .string("y")], sorts: []).partition }
    private func five() throws -> KeyValue { .number(try DynamoNumber(parsing: "5")) }

    @Test func conditionsBecomeTheStoredPartitionAndACompositeSortRange() throws {
        #expect(try keyQuery("h1 = :h1 AND h2 = :h2") == KeyQuery(partition: partition, sort: .any))
        #expect(try keyQuery("h2 = :h2 AND h1 = :h1 AND a = :a").sort == CompositeKey.sortCondition(prefix: [.string("A")], last: .any))
        #expect(
            try keyQuery("b > :b AND h1 = :h1 AND a = :a AND h2 = :h2").sort
                == CompositeKey.sortCondition(prefix: [.string("A")], last: .greater(try five())))
        #expect(
            try keyQuery("h1 = :h1 AND h2 = :h2 AND a = :a AND b = :b AND begins_with(c, :c)").sort
                == CompositeKey.sortCondition(prefix: [.string("A"), try five()], last: .beginsWith(.string("c"))))
        #expect(
            try keyQuery("h1 = :h1 AND h2 = :h2 AND a BETWEEN :a AND :c").sort
                == CompositeKey.sortCondition(prefix: [], last: .between(.string("A"), .string("c"))))
    }

    @Test(arguments: [
        ("a = :a", "Query condition missed key schema element: h1"),
        ("h1 = :h1", "HASH key attributes h2 must have equality conditions specified in the query"),
        ("h1 = :h1 AND h2 > :h2", "HASH key attributes h2 must have equality conditions specified in the query"),
        ("h1 = :h1 AND begins_with(h2, :h2)", "HASH key attributes h2 must have equality conditions specified in the query"),
        (
            "h1 = :h1 AND h2 = :h2 AND b = :b",
            "RANGE key attributes a must have equality conditions specified in the query because a condition is present on key attribute b"
        ),
        (
            "h1 = :h1 AND h2 = :h2 AND a = :a AND c = :c",
            "RANGE key attributes b must have equality conditions specified in the query because a condition is present on key attribute c"
        ),
        (
            "h1 = :h1 AND h2 = :h2 AND a > :a AND b = :b",
            "RANGE key attributes a must have equality conditions specified in the query because a condition is present on key attribute b"
        ),
        ("h1 = :h1 AND h2 = :h2 AND rating = :a", "Query key condition not supported"),
        ("h1 = :h1 AND h2 = :h2 AND a = :a AND a = :a", "KeyConditionExpressions must only contain one condition per key"),
        ("h1 = :n AND h2 = :h2", "One or more parameter values were invalid: Condition parameter type does not match schema type"),
        (
            "h1 = :h1 AND h2 = :h2 AND b = :a",
            "RANGE key attributes a must have equality conditions specified in the query because a condition is present on key attribute b"
        ),
        (
            "h1 = :h1 AND h2 = :h2 AND a = :a AND b = :a",
            "One or more parameter values were invalid: Condition parameter type does not match schema type"
        ),
        ("h1 = :h1 AND h2 = :h2 OR a = :a", "Invalid operator used in KeyConditionExpression: OR"),
    ])
    func violationsAreRefusedWithDynamoDBsTexts(expression: String, message: String) {
        #expect(throws: ItemError.validation(message)) { try keyQuery(expression) }
    }

    @Test func legacyKeyConditionsFollowTheSameRules() throws {
        func legacy(_ text: String) throws -> KeyQuery {
            try KeyQuery(keyConditions: try JSONParser.parse(Array(text.utf8)), schema: schema)
        }
        let both =
            #""h1":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]},"h2":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"y"}]}"#
        #expect(try legacy("{\(both)}") == KeyQuery(partition: partition, sort: .any))
        #expect(
            try legacy(#"{\#(both),"a":{"ComparisonOperator":"GE","AttributeValueList":[{"S":"A"}]}}"#).sort
                == CompositeKey.sortCondition(prefix: [], last: .greaterOrEqual(.string("A"))))
        #expect(
            throws: ItemError.validation(
                "RANGE key attributes a must have equality conditions specified in the query because a condition is present on key attribute b"
            )
        ) { try legacy(#"{\#(both),"b":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}}"#) }
        #expect(throws: ItemError.validation("Attempted conditional constraint is not an indexable operation")) {
            try legacy(#"{\#(both),"a":{"ComparisonOperator":"NE","AttributeValueList":[{"S":"A"}]}}"#)
        }
    }
}
