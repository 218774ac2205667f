import DynamoDBItems

/// Turns parse trees into checked expressions: resolves `#names` and `:values`, refuses reserved words,
/// checks functions, operand counts and types, and records which names and values were used. Problems
/// are kept in `issues` and reported in AWS's order once the expression is read. A value type used for
/// every expression of one request (the used names and values accumulate across them).
struct ExpressionChecker {
    let names: [String: String]
    let values: [String: AttributeValue]
    var usedNames: Set<String> = []
    var usedValues: Set<String> = []
    var issues = ExpressionIssues()
    /// Updates rank undefined names before undefined values; conditions report whichever comes first.
    var separatesUndefinedKinds = false

    static let conditionFunctions: Set<String> = [
        "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size",
    ]
    static let updateFunctions: Set<String> = ["if_not_exists", "list_append"]

    mutating func path(_ raw: [RawPathElement]) -> DocumentPath {
        DocumentPath(
            raw.map { element -> DocumentPath.Element in
                switch element {
                case .index(let index): return .index(index)
                case .identifier(let name):
                    if ReservedWords.contains(name) {
                        issues.record(.reservedWord, "Attribute name is a reserved keyword; reserved keyword: \(name)")
                    }
                    return .name(name)
                case .attributeName(let placeholder):
                    guard let name = names[placeholder] else {
                        issues.record(
                            separatesUndefinedKinds ? .undefinedName : .undefined,
                            "An expression attribute name used in the document path is not defined; attribute name: \(placeholder)")
                        return .name(placeholder)
                    }
                    usedNames.insert(placeholder)
                    return .name(name)
                }
            })
    }

    mutating func value(_ placeholder: String) -> AttributeValue {
        guard let value = values[placeholder] else {
            issues.record(
                separatesUndefinedKinds ? .undefinedValue : .undefined,
                "An expression attribute value used in expression is not defined; attribute value: \(placeholder)")
            return .null
        }
        usedValues.insert(placeholder)
        return value
    }

    /// The type an operand is known to have before any item is read (values, and `size` giving N).
    func staticType(_ operand: Operand) -> AttributeType? {
        switch operand {
        case .value(let value): return value.typeName
        case .size, .add, .subtract: return .number
        case .listAppend: return .list
        default: return nil
        }
    }

    mutating func checkCount(_ function: String, _ arguments: [RawOperand], _ expected: Int, as kind: ExpressionIssues.Kind) -> Bool {
        guard arguments.count == expected else {
            issues.record(
                kind,
                "Incorrect number of operands for operator or function; operator or function: \(function), number of operands: \(arguments.count)"
            )
            return false
        }
        return true
    }

    mutating func recordOperandType(_ function: String, _ type: AttributeType) {
        issues.record(
            .functionOperand,
            "Incorrect operand type for operator or function; operator or function: \(function), operand type: \(type.rawValue)")
    }

    /// Records AWS's "distinct operands" problem when both operands are the same path.
    mutating func checkDistinct(_ function: String, _ left: Operand, _ right: Operand) {
        guard case .path(let first) = left, case .path(let second) = right, first == second else { return }
        issues.record(
            .distinctOperands,
            "The first operand must be distinct from the remaining operands for this operator or function; operator: \(function), first operand: \(first)"
        )
    }

    /// Records overlapping or conflicting paths among `paths` (update actions, projections).
    mutating func checkPaths(_ paths: [DocumentPath]) {
        for (index, path) in paths.enumerated() {
            for earlier in paths[..<index] {
                var conflict = false
                var differs = false
                for (left, right) in zip(earlier.elements, path.elements) {
                    switch (left, right) {
                    case (.name, .index), (.index, .name): conflict = true
                    default: differs = left != right
                    }
                    if conflict || differs { break }
                }
                let pair = "must remove or rewrite one of these paths; path one: \(earlier), path two: \(path)"
                if conflict {
                    issues.record(.pathConflict, "Two document paths conflict with each other; " + pair)
                } else if !differs {
                    issues.record(.pathOverlap, "Two document paths overlap with each other; " + pair)
                }
            }
        }
    }
}
