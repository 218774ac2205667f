import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems
import Testing

/// Conditions evaluated over items, updates applied with DynamoDB's semantics and runtime errors,
/// projections and ReturnValues.
@Suite struct EvaluationTests {
    static let item = #"""
        {"id":{"S":"k"},"n":{"N":"5"},"s":{"S":"hello"},"b":{"B":"AAEC"},"tags":{"SS":["x","y"]},"nums":{"NS":["1","2"]},
         "l":{"L":[{"S":"a"},{"N":"2"},{"M":{"deep":{"BOOL":true}}}]},"m":{"M":{"k":{"S":"v"},"nest":{"M":{"z":{"N":"0"}}}}},"nul":{"NULL":true}}
        """#
    static let values = #"""
        {":five":{"N":"5.0"},":six":{"N":"6"},":he":{"S":"he"},":x":{"S":"x"},":ss":{"S":"SS"},":one":{"N":"1"},":a":{"S":"a"},
         ":b0":{"B":"AA=="},":l":{"L":[{"S":"z"}]},":set":{"SS":["z","x"]},":nset":{"NS":["2"]},":three":{"N":"3"}}
        """#

    private func holds(_ condition: String, on json: String? = item) throws -> Bool {
        let names = ##"{"#k":"m","#i":"nest"}"##
        let expression =
            condition + " OR (attribute_exists(#k.#i) AND :five = :five AND :six = :six AND :he = :he AND :x = :x AND :ss = :ss"
            + " AND :one = :one AND :a = :a AND :b0 = :b0 AND :l = :l AND :set = :set AND :nset = :nset AND :three = :three AND id = :x AND id <> :x)"
        let parsed = try ExpressionFixture.parse([.condition: expression], names: names, values: Self.values)
        return try #require(parsed.condition).isSatisfied(by: try json.map(ExpressionFixture.item))
    }

    @Test(arguments: [
        ("n = :five", true), ("n <> :five", false), ("n < :six", true), ("n >= :six", false), ("n BETWEEN :one AND :six", true),
        ("s = :five", false), ("s <> :five", true), ("s > :five", false), ("absent = :five", false), ("absent <> :five", true),
        ("begins_with(s, :he)", true), ("begins_with(n, :he)", false), ("begins_with(b, :b0)", true), ("contains(s, :he)", true),
        ("contains(tags, :x)", true), ("contains(tags, :a)", false), ("contains(l, :a)", true), ("contains(nums, :one)", true),
        ("attribute_exists(m.nest.z)", true), ("attribute_exists(l[2].deep)", true), ("attribute_exists(l[3])", false),
        ("attribute_not_exists(absent)", true), ("attribute_type(tags, :ss)", true), ("attribute_type(s, :ss)", false),
        ("size(s) = :five", true), ("size(tags) < :three", true), ("size(l) = :three", true), ("size(n) = :one", false),
        ("n IN (:one, :five)", true), ("n IN (:one, :six)", false), ("NOT n = :five", false), ("n = :five AND s = :x", false),
        ("n = :six OR s <> :x", true), ("(n = :five)", true), ("NOT (n = :six OR n = :one)", true), ("s > :he", true),
        ("l[0] = :a", true), ("m.k = :a", false), ("size(m) = :five", false),
    ])
    func conditionsHoldAsDynamoDBEvaluatesThem(condition: String, expected: Bool) throws {
        #expect(try holds(condition) == expected, "\(condition)")
    }

    @Test func aMissingItemSatisfiesOnlyAbsenceConditions() throws {
        #expect(try holds("attribute_not_exists(id)", on: nil))
        #expect(try !holds("attribute_exists(id)", on: nil))
        #expect(try holds("n <> :five", on: nil))
    }

    private func update(_ expression: String, on json: String? = item, values: String? = values) throws -> UpdateResult {
        let parsed = try ExpressionFixture.parse([.update: expression], values: values)
        let before = try json.map(ExpressionFixture.item)
        return try UpdateApplier.apply(try #require(parsed.update), to: before, key: ["id": .string("k")])
    }

    private func wire(_ item: Item?) -> String { item.map { JSONWriter.string(AttributeValue.wire($0)) } ?? "nil" }

    @Test func updatesApplyDynamoDBSemantics() throws {
        let values = #"{":one":{"N":"1"},":l":{"L":[{"S":"z"}]},":set":{"SS":["z","x"]},":v":{"S":"v"},":ns":{"NS":["1","7"]}}"#
        let result = try update(
            "SET n = n + :one, s = :v, l = list_append(l, :l), m.k = :v, q = if_not_exists(q, :one) "
                + "REMOVE nul, m.nest ADD tags :set, c :one DELETE nums :ns",
            values: values)
        let expected = try ExpressionFixture.item(
            #"""
            {"id":{"S":"k"},"n":{"N":"6"},"s":{"S":"v"},"b":{"B":"AAEC"},"tags":{"SS":["x","y","z"]},"nums":{"NS":["2"]},
             "l":{"L":[{"S":"a"},{"N":"2"},{"M":{"deep":{"BOOL":true}}},{"S":"z"}]},"m":{"M":{"k":{"S":"v"}}},"q":{"N":"1"},"c":{"N":"1"}}
            """#)
        #expect(wire(result.new) == wire(expected))
        #expect(
            wire(result.attributes(for: .updatedNew))
                == #"{"c":{"N":"1"},"l":{"L":[{"S":"a"},{"N":"2"},{"M":{"deep":{"BOOL":true}}},{"S":"z"}]},"m":{"M":{"k":{"S":"v"}}},"n":{"N":"6"},"nums":{"NS":["2"]},"q":{"N":"1"},"s":{"S":"v"},"tags":{"SS":["x","y","z"]}}"#
        )
        #expect(
            wire(result.attributes(for: .updatedOld))
                == #"{"l":{"L":[{"S":"a"},{"N":"2"},{"M":{"deep":{"BOOL":true}}}]},"m":{"M":{"k":{"S":"v"},"nest":{"M":{"z":{"N":"0"}}}}},"n":{"N":"5"},"nul":{"NULL":true},"nums":{"NS":["1","2"]},"s":{"S":"hello"},"tags":{"SS":["x","y"]}}"#
        )
        #expect(result.attributes(for: .none) == nil)
        #expect(result.attributes(for: .allOld) == result.old)
    }

    @Test func aListIndexPastTheEndAppends() throws {
        let result = try update("SET l[9] = :v", values: #"{":v":{"S":"v"}}"#)
        #expect(wire(["l": result.new["l"] ?? .null]) == #"{"l":{"L":[{"S":"a"},{"N":"2"},{"M":{"deep":{"BOOL":true}}},{"S":"v"}]}}"#)
        let removed = try update("REMOVE l[9], l[0], l[1]", values: nil)
        #expect(wire(["l": removed.new["l"] ?? .null]) == #"{"l":{"L":[{"M":{"deep":{"BOOL":true}}}]}}"#)
    }

    @Test func aMissingItemStartsFromItsKey() throws {
        let result = try update("SET a = :v ADD c :one", on: nil, values: #"{":v":{"S":"x"},":one":{"N":"1"}}"#)
        #expect(wire(result.new) == #"{"a":{"S":"x"},"c":{"N":"1"},"id":{"S":"k"}}"#)
        #expect(result.attributes(for: .allOld) == nil)
        #expect(wire(result.attributes(for: .updatedNew)) == #"{"a":{"S":"x"},"c":{"N":"1"}}"#)
    }

    static let one = #"{":one":{"N":"1"}}"#
    static let invalidPath = "The document path provided in the update expression is invalid for update"
    static let incorrectType = "An operand in the update expression has an incorrect data type"

    @Test(arguments: [
        ("SET a = absent", nil, "The provided expression refers to an attribute that does not exist in the item"),
        ("SET a = s + :one", one, incorrectType),
        ("SET a = list_append(s, :l)", #"{":l":{"L":[]}}"#, incorrectType),
        ("ADD s :one", one, incorrectType),
        ("DELETE tags :ns", #"{":ns":{"NS":["1"]}}"#, incorrectType),
        ("SET absent.a = :one", one, invalidPath),
        ("SET s.a = :one", one, invalidPath),
        ("SET l[7].a = :one", one, invalidPath),
        ("REMOVE absent.a", nil, invalidPath),
        ("SET id = :one", one, "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key"),
        (
            "SET n = :big + :big", #"{":big":{"N":"9.9999999999999999999999999999999999999E+125"}}"#,
            "Number overflow. Attempting to store a number with magnitude larger than supported range"
        ),
    ])
    func updatesFailAtRunTimeWithAWSMessages(expression: String, values: String?, message: String) throws {
        #expect(throws: ItemError.validation(message)) { _ = try update(expression, values: values) }
    }

    @Test func projectionsPickNestedPathsAndCompactLists() throws {
        let parsed = try ExpressionFixture.parse([.projection: "s, l[2].deep, l[0], m.nest.z, absent, #n"], names: ##"{"#n":"n"}"##)
        let projected = Projection.apply(try #require(parsed.projection), to: try ExpressionFixture.item(Self.item))
        #expect(
            wire(projected)
                == #"{"l":{"L":[{"S":"a"},{"M":{"deep":{"BOOL":true}}}]},"m":{"M":{"nest":{"M":{"z":{"N":"0"}}}}},"n":{"N":"5"},"s":{"S":"hello"}}"#
        )
    }
}
