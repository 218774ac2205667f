import DynamoDBExpressions
import DynamoDBItems
import Foundation
import TestSupport
import Testing

/// Seeded fuzzing of the expression parser and checker: mutated real expressions and random token soups
/// are parsed or refused with an `ItemError`, never a crash or a hang; what parses evaluates and applies
/// without crashing. `DYNAMOTRAIL_FUZZ_CASES` sets the case count.
@Suite struct ExpressionFuzzTests {
    static let corpus: [(ExpressionKind, String)] = [
        (.update, "SET a = :v, #n.b[2] = if_not_exists(c, :v) + :w REMOVE d[0], e ADD f :s DELETE g :s"),
        (.update, "SET l = list_append(l, :l), m.k = (:v)"),
        (.condition, "attribute_not_exists(a) OR (#n.b <> :v AND size(c) BETWEEN :v AND :w) AND NOT begins_with(d, :t)"),
        (.condition, "a IN (:v, :w) AND contains(#n, :t) AND attribute_type(e, :t) AND (c < :v OR c >= :w)"),
        (.filter, "((a = :v)) OR b.c[1].d > :w"),
        (.keyCondition, "pk = :v AND sk BETWEEN :v AND :w"),
        (.projection, "a, #n.b[3], c.d.e, f[0][1]"),
    ]
    static let names = ##"{"#n":"name"}"##
    static let values = #"{":v":{"N":"1"},":w":{"N":"2"},":s":{"SS":["x"]},":t":{"S":"S"},":l":{"L":[]}}"#
    static let fragments = [
        "SET ", "REMOVE ", "ADD ", "DELETE ", " AND ", " OR ", "NOT ", " BETWEEN ", " IN (", "(", ")", "[", "]", "[99999999999999999999]",
        ".", ",", "=", "<>", "<=", ">", "+", "-", ":v", ":w", ":zz", "#n", "#zz", "size(", "if_not_exists(", "list_append(", "a", "b.c",
        "name", "((((((((((", "))))))))))", ":", "#", "\u{0}", "é", " ",
    ]

    @Test func mutatedExpressionsParseOrFailCleanly() throws {
        let cases = FuzzBudget.cases(default: 1500)
        let started = ContinuousClock.now
        var random = FuzzMutator(seed: FuzzBudget.seed ^ 0xE4)
        let all = try ExpressionFixture.attributes(names: Self.names, values: Self.values)
        let item = try ExpressionFixture.item(#"{"a":{"N":"1"},"name":{"M":{"b":{"L":[{"S":"x"}]}}},"l":{"L":[]},"f":{"SS":["x"]}}"#)
        let corpusBytes = Self.corpus.map { Array($0.1.utf8) }
        var parsed = 0
        for index in 0..<cases {
            let (kind, base) = Self.corpus[random.below(Self.corpus.count)]
            let text: String
            if random.chance(3) {
                text = (0..<(1 + random.below(24))).map { _ in Self.fragments[random.below(Self.fragments.count)] }.joined()
            } else {
                text = String(decoding: random.mutate(Array(base.utf8), corpus: corpusBytes), as: UTF8.self)
            }
            let attributes = ExpressionAttributes(
                names: all.names.filter { text.contains($0.key) }, values: all.values.filter { text.contains($0.key) })
            switch Result(catching: { () throws(ItemError) in try Expressions.parse([kind: text], attributes: attributes) }) {
            case .success(let result):
                parsed += 1
                Self.exercise(result, on: item)
            case .failure(let error):
                #expect(error.kind == .validation && !error.message.isEmpty, "case \(index): \(text)")
            }
        }
        #expect(parsed > 0)
        FuzzBudget.report("expressions", cases: cases, started: started)
    }

    private static func exercise(_ result: ParsedExpressions, on item: Item) {
        _ = result.condition?.isSatisfied(by: item)
        _ = result.filter?.isSatisfied(by: nil)
        if let projection = result.projection { _ = Projection.apply(projection, to: item) }
        if let update = result.update {
            _ = Result(catching: { () throws(ItemError) in try UpdateApplier.apply(update, to: item, key: ["k": .string("k")]) })
        }
    }

    @Test func deepParenthesesAndLongExpressionsStayBounded() throws {
        let attributes = try ExpressionFixture.attributes(values: #"{":v":{"N":"1"}}"#)
        for depth in [10, 100, 1000, 2040] {
            let text = String(repeating: "(", count: depth) + "a = :v" + String(repeating: ")", count: depth)
            #expect(throws: ItemError.self) { try Expressions.parse([.condition: text], attributes: attributes) }
        }
        let long = (0..<400).map { _ in "a = :v" }.joined(separator: " OR ")
        _ = try Expressions.parse([.condition: long], attributes: attributes)
        let negations = String(repeating: "NOT ", count: 1000) + "a = :v"
        #expect(
            try Expressions.parse([.condition: negations], attributes: attributes).condition?.isSatisfied(by: [
                "a": .number(try DynamoNumber(parsing: "1"))
            ]) == true)
        let sizes = String(repeating: "size(", count: 101) + "a" + String(repeating: ")", count: 101) + " = :v"
        #expect(throws: ItemError.self) { try Expressions.parse([.condition: sizes], attributes: attributes) }
    }
}
