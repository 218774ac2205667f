import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems
import Testing

/// Legacy parameters translated into condition and update trees with their AWS messages, the
/// expression/legacy mixing rules, and key conditions turned into a partition and sort range.
@Suite struct LegacyAndKeyQueryTests {
    private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }
    private let item: Item = ["a": .string("x"), "n": .number(.zero), "tags": .stringSet(["p", "q"])]

    @Test func expectedBecomesOneCondition() throws {
        let condition = try #require(
            try LegacyParameters.expected(
                json(#"{"a":{"Value":{"S":"x"}},"b":{"Exists":false},"n":{"ComparisonOperator":"GE","AttributeValueList":[{"N":"0"}]}}"#)))
        #expect(condition.isSatisfied(by: item))
        let either = try #require(
            try LegacyParameters.expected(
                json(#"{"a":{"Value":{"S":"y"}},"tags":{"ComparisonOperator":"CONTAINS","Value":{"S":"p"}}}"#), conditionalOperator: "OR"))
        #expect(either.isSatisfied(by: item))
        let both = try #require(
            try LegacyParameters.expected(json(#"{"a":{"Value":{"S":"y"}},"tags":{"ComparisonOperator":"CONTAINS","Value":{"S":"p"}}}"#)))
        #expect(!both.isSatisfied(by: item))
    }

    @Test(arguments: [
        (
            #"{"a":{"Value":{"S":"x"},"AttributeValueList":[{"S":"x"}]}}"#,
            "One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: a"
        ),
        (
            #"{"a":{"ComparisonOperator":"EQ","Exists":true}}"#,
            "One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: a"
        ),
        (
            #"{"a":{"ComparisonOperator":"EQ"}}"#,
            "One or more parameter values were invalid: Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a"
        ),
        (
            #"{"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"}]}}"#,
            "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator"
        ),
        (
            #"{"a":{"ComparisonOperator":"IN","AttributeValueList":[{"N":"1"},{"S":"1"}]}}"#,
            "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type"
        ),
        (
            #"{"a":{"ComparisonOperator":"LT","AttributeValueList":[{"BOOL":true}]}}"#,
            "One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type"
        ),
        (
            #"{"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"5"},{"N":"1"}]}}"#,
            "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"
        ),
        (
            #"{"a":{"AttributeValueList":[{"S":"x"}]}}"#,
            "One or more parameter values were invalid: AttributeValueList can only be used with a ComparisonOperator for Attribute: a"
        ),
        (#"{"a":{}}"#, "One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a"),
        (
            #"{"a":{"Exists":true}}"#,
            "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a"
        ),
        (
            #"{"a":{"Exists":false,"Value":{"S":"x"}}}"#,
            "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a"
        ),
    ])
    func expectedIsRefusedWithAWSMessages(text: String, message: String) throws {
        let wire = try json(text)
        #expect(throws: ItemError.validation(message)) { try LegacyParameters.expected(wire) }
    }

    @Test func attributeUpdatesBecomeActions() throws {
        let actions = try LegacyParameters.attributeUpdates(
            json(
                #"{"a":{"Value":{"S":"y"}},"n":{"Action":"ADD","Value":{"N":"2"}},"tags":{"Action":"DELETE","Value":{"SS":["p"]}},"gone":{"Action":"DELETE"}}"#
            ))
        let result = try UpdateApplier.apply(actions, to: item.merging(["gone": .null]) { $1 }, key: ["k": .string("1")])
        #expect(result.new == ["a": .string("y"), "n": .number(try DynamoNumber(parsing: "2")), "tags": .stringSet(["q"])])
        #expect(
            throws: ItemError.validation(
                "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified")
        ) {
            try LegacyParameters.attributeUpdates(json(#"{"a":{"Action":"PUT"}}"#))
        }
        #expect(throws: ItemError.validation("One or more parameter values were invalid: ADD action is not supported for the type S")) {
            try LegacyParameters.attributeUpdates(json(#"{"a":{"Action":"ADD","Value":{"S":"x"}}}"#))
        }
        #expect(
            throws: ItemError.validation(
                "One or more parameter values were invalid: DELETE action with value is not supported for the type N")
        ) {
            try LegacyParameters.attributeUpdates(json(#"{"a":{"Action":"DELETE","Value":{"N":"1"}}}"#))
        }
    }

    @Test func mixingExpressionAndLegacyParametersIsRefused() {
        #expect(
            throws: ItemError.validation(
                "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"
            )
        ) {
            try LegacyParameters.checkNotMixed(
                present: ["ConditionExpression", "Expected"], expressions: ["UpdateExpression", "ConditionExpression"],
                legacy: ["AttributeUpdates", "Expected"])
        }
        #expect(throws: ItemError.validation("ExpressionAttributeNames can only be specified when using expressions")) {
            try LegacyParameters.checkNotMixed(
                present: ["ExpressionAttributeNames"], expressions: ["ConditionExpression"], legacy: ["Expected"])
        }
        #expect(
            throws: ItemError.validation(
                "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null")
        ) {
            try LegacyParameters.checkNotMixed(
                present: ["ExpressionAttributeValues"], expressions: ["UpdateExpression", "ConditionExpression"],
                legacy: ["AttributeUpdates", "Expected"])
        }
    }

    private let schema = KeySchema(partition: .init(name: "pk", type: .string), sort: .init(name: "sk", type: .number))
    private let values = #"{":p":{"S":"a"},":one":{"N":"1"},":two":{"N":"2"},":s":{"S":"x"}}"#

    private func keyQuery(_ expression: String) throws -> KeyQuery {
        let used = try ExpressionFixture.attributes(values: values)
        let attributes = ExpressionAttributes(names: [:], values: used.values.filter { expression.contains($0.key) })
        let parsed = try Expressions.parse([.keyCondition: expression], attributes: attributes)
        return try KeyQuery(try #require(parsed.keyCondition), schema: schema)
    }

    @Test func keyConditionsBecomeAPartitionAndASortRange() throws {
        let one = KeyValue.number(try DynamoNumber(parsing: "1"))
        let two = KeyValue.number(try DynamoNumber(parsing: "2"))
        #expect(try keyQuery("pk = :p") == KeyQuery(partition: .string("a"), sort: .any))
        #expect(try keyQuery("pk = :p AND sk BETWEEN :one AND :two").sort == .between(one, two))
        #expect(try keyQuery(":one < sk AND :p = pk").sort == .greater(one))
        #expect(try keyQuery("pk = :p AND sk <= :two").sort == .lessOrEqual(two))
    }

    @Test(arguments: [
        ("pk = :p OR sk = :one", "Invalid operator used in KeyConditionExpression: OR"),
        ("pk = :p AND sk <> :one", "Invalid operator used in KeyConditionExpression: <>"),
        ("pk = :p AND attribute_exists(sk)", "Invalid operator used in KeyConditionExpression: attribute_exists"),
        ("pk = :p AND size(sk) = :one", "KeyConditionExpressions cannot contain nested operations"),
        ("pk = :p AND pk = :p", "KeyConditionExpressions must only contain one condition per key"),
        ("pk = :p AND sk.x = :one", "KeyConditionExpressions cannot have conditions on nested attributes"),
        ("pk = :p AND :one = :two", "Invalid condition in KeyConditionExpression: No key attribute specified"),
        ("sk = :one", "Query condition missed key schema element: pk"),
        ("pk < :p", "Query key condition not supported"),
        ("pk = :one", "One or more parameter values were invalid: Condition parameter type does not match schema type"),
        ("pk = :p AND sk = :s", "One or more parameter values were invalid: Condition parameter type does not match schema type"),
        ("pk = :p AND rating = :one", "Query condition missed key schema element: sk"),
    ])
    func keyConditionsAreRefusedWithAWSMessages(expression: String, message: String) {
        #expect(throws: ItemError.validation(message)) { try keyQuery(expression) }
    }

    @Test func legacyKeyConditionsBecomeAKeyQuery() throws {
        let one = KeyValue.number(try DynamoNumber(parsing: "1"))
        let query = try KeyQuery(
            keyConditions: json(
                #"{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]},"sk":{"ComparisonOperator":"GT","AttributeValueList":[{"N":"1"}]}}"#
            ),
            schema: schema)
        #expect(query == KeyQuery(partition: .string("a"), sort: .greater(one)))
    }

    @Test(arguments: [
        (#"{"sk":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}}"#, "Query condition missed key schema element: pk"),
        (
            #"{"pk":{"ComparisonOperator":"NE","AttributeValueList":[{"S":"a"}]}}"#,
            "Attempted conditional constraint is not an indexable operation"
        ),
        (
            #"{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]},"sk":{"ComparisonOperator":"IN","AttributeValueList":[{"N":"1"}]}}"#,
            "Attempted conditional constraint is not an indexable operation"
        ),
        (
            #"{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}}"#,
            "One or more parameter values were invalid: Condition parameter type does not match schema type"
        ),
        (#"{"pk":{"ComparisonOperator":"GT","AttributeValueList":[{"S":"a"}]}}"#, "Query key condition not supported"),
        (
            #"{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]},"x":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}}"#,
            "Query condition missed key schema element: sk"
        ),
        (
            #"{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[]}}"#,
            "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator"
        ),
    ])
    func legacyKeyConditionsAreRefusedWithAWSMessages(text: String, message: String) throws {
        let wire = try json(text)
        #expect(throws: ItemError.validation(message)) { try KeyQuery(keyConditions: wire, schema: schema) }
    }
}
