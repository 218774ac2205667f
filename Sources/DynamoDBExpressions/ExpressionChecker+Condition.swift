import DynamoDBItems

/// Checking conditions: operands may use `size` only; the condition functions stand alone.
extension ExpressionChecker {
    mutating func condition(_ raw: RawCondition) -> Condition {
        switch raw {
        case .parenthesized(let inner):
            if case .parenthesized = inner { issues.record(.redundantParentheses, "The expression has redundant parentheses;") }
            return condition(inner)
        case .and(let left, let right): return .and(condition(left), condition(right))
        case .or(let left, let right): return .or(condition(left), condition(right))
        case .not(let inner): return .not(condition(inner))
        case .comparison(let symbol, let rawLeft, let rawRight):
            let left = operand(rawLeft)
            let right = operand(rawRight)
            checkDistinct(symbol, left, right)
            return .compare(Comparator(rawValue: symbol) ?? .equal, left, right)
        case .between(let rawValue, let rawLow, let rawHigh):
            let low = operand(rawLow)
            let high = operand(rawHigh)
            checkBounds(low, high)
            return .between(operand(rawValue), low, high)
        case .isIn(let rawValue, let rawCandidates):
            let value = operand(rawValue)
            let candidates = rawCandidates.map { operand($0) }
            if candidates.count > 100 {
                issues.record(.operandCount, "The IN operator is provided with too many operands; number of operands: \(candidates.count)")
            }
            return .isIn(value, candidates)
        case .function(let name, let arguments):
            return function(name, arguments)
        }
    }

    /// A condition operand: a path, a value, or `size(…)`.
    mutating func operand(_ raw: RawOperand) -> Operand {
        switch raw {
        case .parenthesized(let inner):
            if case .parenthesized = inner { issues.record(.redundantParentheses, "The expression has redundant parentheses;") }
            return operand(inner)
        case .path(let elements): return .path(path(elements))
        case .value(let placeholder): return .value(value(placeholder))
        case .arithmetic(let symbol, let left, let right):
            return symbol == "+" ? .add(operand(left), operand(right)) : .subtract(operand(left), operand(right))
        case .function(let name, let arguments):
            let checked = arguments.map { operand($0) }
            guard name == "size" else {
                recordMisplaced(name)
                return .path(DocumentPath([]))
            }
            guard checkCount(name, arguments, 1, as: .operandCount) else { return .size(checked.first ?? .value(.null)) }
            if let type = staticType(checked[0]), [.number, .bool, .null].contains(type) { recordOperandType(name, type) }
            return .size(checked[0])
        }
    }

    private mutating func recordMisplaced(_ name: String) {
        if ExpressionChecker.conditionFunctions.contains(name) {
            issues.record(.misusedFunction, "The function is not allowed to be used this way in an expression; function: \(name)")
        } else if ExpressionChecker.updateFunctions.contains(name) {
            issues.record(.unknownFunction, "The function is not allowed in a condition expression; function: \(name)")
        } else {
            issues.record(.unknownFunction, "Invalid function name; function: \(name)")
        }
    }

    private mutating func function(_ name: String, _ arguments: [RawOperand]) -> Condition {
        let checked = arguments.map { operand($0) }
        let expected = ["attribute_exists": 1, "attribute_not_exists": 1, "attribute_type": 2, "begins_with": 2, "contains": 2]
        guard let count = expected[name] else {
            if name == "size" {
                issues.record(.misusedFunction, "The function is not allowed to be used this way in an expression; function: size")
            } else {
                recordMisplaced(name)
            }
            return .attributeExists(DocumentPath([]))
        }
        guard checkCount(name, arguments, count, as: .operandCount) else { return .attributeExists(DocumentPath([])) }
        if count == 2 { checkDistinct(name, checked[0], checked[1]) }
        switch name {
        case "attribute_exists", "attribute_not_exists":
            guard case .path(let path) = checked[0] else {
                issues.record(.functionOperand, "Operator or function requires a document path; operator or function: \(name)")
                return .attributeExists(DocumentPath([]))
            }
            return name == "attribute_exists" ? .attributeExists(path) : .attributeNotExists(path)
        case "begins_with":
            for argument in checked {
                if let type = staticType(argument), type != .string, type != .binary { recordOperandType(name, type) }
            }
            return .beginsWith(checked[0], checked[1])
        case "attribute_type":
            checkTypeName(checked[1])
            return .attributeType(checked[0], checked[1])
        default:
            return .contains(checked[0], checked[1])
        }
    }

    private mutating func checkTypeName(_ operand: Operand) {
        guard case .value(let value) = operand else {
            issues.record(
                .functionOperand,
                "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"
            )
            return
        }
        guard case .string(let name) = value else {
            recordOperandType("attribute_type", value.typeName)
            return
        }
        if AttributeType(rawValue: name) == nil {
            issues.record(.functionOperand, "Invalid attribute type name found; type: \(name), valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")
        }
    }

    /// BETWEEN's bounds, when both are values: same type, lower not above upper.
    private mutating func checkBounds(_ low: Operand, _ high: Operand) {
        guard case .value(let lowValue) = low, case .value(let highValue) = high else { return }
        let bounds =
            "lower bound operand: AttributeValue: {\(ValueText.brief(lowValue))}, upper bound operand: AttributeValue: {\(ValueText.brief(highValue))}"
        if lowValue.typeName != highValue.typeName {
            issues.record(.functionOperand, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds)
        } else if let order = ValueOrder.compare(lowValue, highValue), order > 0 {
            issues.record(
                .functionOperand, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds)
        }
    }
}
