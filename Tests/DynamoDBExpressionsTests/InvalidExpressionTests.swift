import DynamoDBExpressions
import Testing

/// Invalid expressions and their exact ValidationException messages, in AWS's order of checks.
@Suite struct InvalidExpressionTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: ExpressionKind
        var expression: String
        var names: String?
        var values: String?
        var message: String
        var description: String { "\(kind.rawValue): \(expression)" }
    }

    static let v1 = #"{":v":{"N":"1"}}"#
    static let cases: [Case] = [
        Case(kind: .update, expression: "SET x", message: #"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "x""#),
        Case(
            kind: .update, expression: "SET path = VALUE 1",
            message: #"Invalid UpdateExpression: Syntax error; token: "1", near: "VALUE 1""#),
        Case(kind: .update, expression: "x = :v", values: v1, message: #"Invalid UpdateExpression: Syntax error; token: "x", near: "x =""#),
        Case(
            kind: .update, expression: "SET a = :v,", values: v1,
            message: #"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ",""#),
        Case(
            kind: .update, expression: "SET a = :v REMOVE", values: v1,
            message: #"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "REMOVE""#),
        Case(kind: .update, expression: "REMOVE a[x]", message: #"Invalid UpdateExpression: Syntax error; token: "x", near: "[x]""#),
        Case(
            kind: .update, expression: "SET a = :v; b", values: v1,
            message: #"Invalid UpdateExpression: Syntax error; token: ";", near: ":v; b""#),
        Case(
            kind: .update, expression: "SET a = :v * 2", values: v1,
            message: #"Invalid UpdateExpression: Syntax error; token: "*", near: ":v * 2""#),
        Case(
            kind: .update, expression: "ADD hits : incr", values: #"{":incr":{"N":"1"}}"#,
            message: #"Invalid UpdateExpression: Syntax error; token: ":", near: "hits : incr""#),
        Case(
            kind: .update, expression: "INVALID SYNTAX HERE", values: #"{":v":{"S":"val"}}"#,
            message: #"Invalid UpdateExpression: Syntax error; token: "INVALID", near: "INVALID SYNTAX""#),
        Case(
            kind: .update, expression: "SET #as, #b = :v", names: ##"{"#as":"a","#b":"b"}"##, values: v1,
            message: ##"Invalid UpdateExpression: Syntax error; token: ",", near: "#as, #b""##),
        Case(
            kind: .update, expression: "SET f = :v, f = :v", values: v1,
            message:
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [f], path two: [f]"
        ),
        Case(
            kind: .condition, expression: "contains(#a, #a)", names: ##"{"#a":"data"}"##,
            message:
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [data]"
        ),
        Case(
            kind: .condition, expression: "((attribute_not_exists(pk)))",
            message: "Invalid ConditionExpression: The expression has redundant parentheses;"),
        Case(
            kind: .condition, expression: "attribute_type(a)",
            message:
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_type, number of operands: 1"
        ),
        Case(
            kind: .condition, expression: "begins_with(a)",
            message:
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1"
        ),
        Case(
            kind: .condition, expression: "contains(a, :v, :v)", values: v1,
            message:
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: contains, number of operands: 3"
        ),
        Case(
            kind: .condition, expression: "size(a, b) = :v", values: v1,
            message:
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: size, number of operands: 2"
        ),
        Case(
            kind: .condition, expression: "size(:v) = :v", values: v1,
            message:
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N"),
        Case(
            kind: .condition, expression: "attribute_type(a, b)",
            message:
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"
        ),
        Case(
            kind: .condition, expression: "attribute_type(a, :v)", values: v1,
            message:
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"
        ),
        Case(
            kind: .condition, expression: "a = :v OR", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "OR""#),
        Case(kind: .condition, expression: "a IN ()", message: #"Invalid ConditionExpression: Syntax error; token: ")", near: "()""#),
        Case(
            kind: .condition, expression: "a IN :v", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: ":v", near: "IN :v""#),
        Case(kind: .condition, expression: "NOT", message: #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "NOT""#),
        Case(
            kind: .condition, expression: "a BETWEEN :v AND", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND""#),
        Case(
            kind: .condition, expression: "a[1 = :v", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: "=", near: "1 = :v""#),
        Case(
            kind: .condition, expression: "a.1 = :v", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: "1", near: ".1 =""#),
        Case(
            kind: .condition, expression: "a + :v = :v", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: "+", near: "a + :v""#),
        Case(
            kind: .condition, expression: "a = :v AND b = :w", values: v1,
            message: "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :w"),
        Case(
            kind: .condition, expression: "#x = :w", values: v1,
            message:
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x"),
        Case(
            kind: .condition, expression: "begins_with(a, a)",
            message:
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: begins_with, first operand: [a]"
        ),
        Case(
            kind: .condition, expression: "a.b[1] <> a.b[1]",
            message:
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: <>, first operand: [a, b, [1]]"
        ),
        Case(
            kind: .update, expression: "SET a = :v REMOVE b, b", values: v1,
            message:
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [b], path two: [b]"
        ),
        Case(
            kind: .update, expression: "REMOVE a, a[1]",
            message:
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, [1]]"
        ),
        Case(
            kind: .update, expression: "SET a[1] = :v, a.b = :v", values: v1,
            message:
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [1]], path two: [a, b]"
        ),
        Case(kind: .update, expression: "DELETE a", message: #"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "a""#),
        Case(kind: .update, expression: "ADD a b", message: #"Invalid UpdateExpression: Syntax error; token: "b", near: "a b""#),
        Case(
            kind: .update, expression: "SET a = list_append(:v)", values: #"{":v":{"L":[]}}"#,
            message:
                "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1"
        ),
        Case(
            kind: .update, expression: "SET a = :v - :s", values: #"{":v":{"N":"1"},":s":{"BOOL":true}}"#,
            message:
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: BOOL"),
        Case(
            kind: .update, expression: "REMOVE #n",
            message: "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #n"),
        Case(
            kind: .update, expression: "SET a = b + c + d", message: #"Invalid UpdateExpression: Syntax error; token: "+", near: "c + d""#),
        Case(
            kind: .update, expression: "SET a = :v ADD b :w", values: v1,
            message: "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :w"),
        Case(
            kind: .update, expression: "SET #a = :w", values: v1,
            message: "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a"),
        Case(
            kind: .update, expression: "SET size = :w", values: v1,
            message: "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: size"),
        Case(
            kind: .update, expression: "ADD a :v DELETE b :s ADD c :v", values: #"{":v":{"N":"1"},":s":{"SS":["x"]}}"#,
            message: #"Invalid UpdateExpression: The "ADD" section can only be used once in an update expression;"#),
        Case(
            kind: .update, expression: "SET a = :v", values: #"{":v":{"N":"1"},":b":{"N":"2"},":a":{"N":"3"}}"#,
            message: "Value provided in ExpressionAttributeValues unused in expressions: keys: {:b, :a}"),
        Case(kind: .projection, expression: "a..b", message: #"Invalid ProjectionExpression: Syntax error; token: ".", near: "..b""#),
        Case(kind: .projection, expression: ":v", message: #"Invalid ProjectionExpression: Syntax error; token: ":v", near: ":v""#),
        Case(
            kind: .projection, expression: "#p",
            message:
                "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #p"),
        Case(
            kind: .projection, expression: "a, a",
            message:
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"
        ),
        Case(
            kind: .keyCondition, expression: "pk = :v AND", values: v1,
            message: #"Invalid KeyConditionExpression: Syntax error; token: "<EOF>", near: "AND""#),
        Case(kind: .filter, expression: "", message: "Invalid FilterExpression: The expression can not be empty;"),
        Case(kind: .projection, expression: "", message: "Invalid ProjectionExpression: The expression can not be empty;"),
        Case(kind: .condition, expression: "", message: "Invalid ConditionExpression: The expression can not be empty;"),
        Case(kind: .update, expression: "", message: "Invalid UpdateExpression: The expression can not be empty;"),
        Case(
            kind: .update, expression: "SET name = :v", values: v1,
            message: "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name"),
        Case(
            kind: .update, expression: "SET a = :v SET b = :v", values: v1,
            message: #"Invalid UpdateExpression: The "SET" section can only be used once in an update expression;"#),
        Case(
            kind: .update, expression: "SET #a = :v", values: v1,
            message: "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a"),
        Case(
            kind: .update, expression: "SET a = :w", values: v1,
            message: "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :w"),
        Case(
            kind: .update, expression: "SET a = :v, a.b = :v", values: v1,
            message:
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"
        ),
        Case(
            kind: .update, expression: "SET a.b = :v, a[0] = :v", values: v1,
            message:
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]"
        ),
        Case(
            kind: .update, expression: "ADD a :v", values: #"{":v":{"S":"x"}}"#,
            message: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"),
        Case(
            kind: .update, expression: "DELETE a :v", values: v1,
            message: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"),
        Case(
            kind: .update, expression: "SET a = :v + :s", values: #"{":v":{"N":"1"},":s":{"S":"x"}}"#,
            message: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S"),
        Case(
            kind: .update, expression: "SET a = list_append(:v, b)", values: v1,
            message:
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N"
        ),
        Case(
            kind: .update, expression: "SET a = if_not_exists(:v, b)", values: v1,
            message: "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists"),
        Case(
            kind: .update, expression: "SET a = if_not_exists(b)",
            message:
                "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1"
        ),
        Case(
            kind: .update, expression: "SET a = size(b)",
            message: "Invalid UpdateExpression: The function is not allowed in an update expression; function: size"),
        Case(kind: .update, expression: "SET a = foo(b)", message: "Invalid UpdateExpression: Invalid function name; function: foo"),
        Case(
            kind: .update, expression: "SET a = :v", values: #"{":v":{"N":"1"},":w":{"N":"2"}}"#,
            message: "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"),
        Case(
            kind: .update, expression: "SET a = :v", names: ##"{"#n":"x"}"##, values: v1,
            message: "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}"),
        Case(kind: .condition, expression: "a = ", message: #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "= ""#),
        Case(
            kind: .condition, expression: "a == :v", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: "=", near: "== :v""#),
        Case(
            kind: .condition, expression: "a = :v AND", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND""#),
        Case(
            kind: .condition, expression: "a BETWEEN :v", values: v1,
            message: #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":v""#),
        Case(
            kind: .condition, expression: "((a = :v))", values: v1,
            message: "Invalid ConditionExpression: The expression has redundant parentheses;"),
        Case(kind: .condition, expression: "foo(a)", message: "Invalid ConditionExpression: Invalid function name; function: foo"),
        Case(
            kind: .condition, expression: "size(a)",
            message: "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size"),
        Case(
            kind: .condition, expression: "attribute_exists(a) = :v", values: v1,
            message:
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists"),
        Case(
            kind: .condition, expression: "status = :v", values: v1,
            message: "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"),
        Case(
            kind: .condition, expression: "attribute_exists(a, b)",
            message:
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"
        ),
        Case(
            kind: .condition, expression: "attribute_exists(:v)", values: v1,
            message: "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists"),
        Case(
            kind: .condition, expression: "begins_with(a, :v)", values: v1,
            message:
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"
        ),
        Case(
            kind: .condition, expression: "attribute_type(a, :v)", values: #"{":v":{"S":"X"}}"#,
            message: "Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"),
        Case(
            kind: .condition, expression: "a = a",
            message:
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"
        ),
        Case(
            kind: .condition, expression: "a BETWEEN :h AND :l", values: #"{":l":{"N":"1"},":h":{"N":"5"}}"#,
            message:
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}"
        ),
        Case(
            kind: .condition, expression: "a BETWEEN :l AND :h", values: #"{":l":{"N":"1"},":h":{"S":"5"}}"#,
            message:
                "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:5}"
        ),
        Case(
            kind: .condition, expression: "a = if_not_exists(b, :v)", values: v1,
            message: "Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists"),
        Case(
            kind: .condition, expression: "a = :x", values: v1,
            message: "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x"),
        Case(
            kind: .filter, expression: "#a = :v", values: v1,
            message: "Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: #a"),
        Case(
            kind: .projection, expression: "a, a.b",
            message:
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"
        ),
        Case(kind: .projection, expression: "a,", message: #"Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ",""#),
        Case(
            kind: .projection, expression: "data",
            message: "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: data"),
        Case(kind: .keyCondition, expression: "", message: "Invalid KeyConditionExpression: The expression can not be empty;"),
    ]

    @Test(arguments: cases)
    func refusedWithTheExactMessage(_ testCase: Case) {
        let message = ExpressionFixture.failure([testCase.kind: testCase.expression], names: testCase.names, values: testCase.values)
        #expect(message == testCase.message)
    }

    @Test(arguments: [
        "(attribute_not_exists(pk)) AND (attribute_not_exists(#s))", "(attribute_not_exists(pk) AND attribute_not_exists(#s))",
        "(attribute_not_exists(pk) AND (attribute_not_exists(#s)))", "(attribute_exists(pk)) AND (#s = :w)", "(#s) = :w",
        "NOT (#s = :w)", "NOT NOT #s = :w", "#s IN (:w)", "(#s) BETWEEN (:w) AND (:w)",
    ])
    func parenthesisedConditionsAreAccepted(expression: String) {
        let values = expression.contains(":w") ? #"{":w":{"S":"x"}}"# : nil
        #expect(ExpressionFixture.failure([.condition: expression], names: ##"{"#s":"status"}"##, values: values) == nil)
    }

    @Test func expressionsAreAtMost4KB() {
        let longest = "SET a = :v" + String(repeating: " ", count: 4096 - 10)
        #expect(ExpressionFixture.failure([.update: longest], values: Self.v1) == nil)
        #expect(
            ExpressionFixture.failure([.filter: longest + "x"], values: Self.v1)
                == "Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4097")
    }

    @Test func inAcceptsAHundredOperandsAndNoMore() {
        let values = "{" + (0...100).map { #"":v\#($0)":{"N":"\#($0)"}"# }.joined(separator: ",") + "}"
        let hundred = "a IN (" + (0..<100).map { ":v\($0)" }.joined(separator: ", ") + ")"
        #expect(ExpressionFixture.failure([.condition: hundred + " OR a = :v100"], values: values) == nil)
        let hundredOne = "a IN (" + (0...100).map { ":v\($0)" }.joined(separator: ", ") + ")"
        #expect(
            ExpressionFixture.failure([.condition: hundredOne], values: values)
                == "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101")
    }

    @Test func attributeValuesAndNamesAreCheckedFirst() {
        #expect(ExpressionFixture.failure([.condition: "a = :v"], values: "{}") == "ExpressionAttributeValues must not be empty")
        #expect(
            ExpressionFixture.failure([.condition: "a = :v"], names: "{}", values: Self.v1) == "ExpressionAttributeNames must not be empty")
        #expect(
            ExpressionFixture.failure([.condition: "a = :v"], values: #"{"v":{"N":"1"}}"#)
                == #"ExpressionAttributeValues contains invalid key: Syntax error; key: "v""#)
        #expect(
            ExpressionFixture.failure([.condition: "a = :v"], names: #"{"n":"x"}"#, values: Self.v1)
                == #"ExpressionAttributeNames contains invalid key: Syntax error; key: "n""#)
        #expect(
            ExpressionFixture.failure([.condition: "a = :v"], values: #"{":v":{"SS":[]}}"#)
                == "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :v"
        )
    }
}
