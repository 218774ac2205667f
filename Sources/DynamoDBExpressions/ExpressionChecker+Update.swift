import DynamoDBItems

/// Checking update expressions: sections once each, paths that neither overlap nor conflict, SET values
/// built from `if_not_exists`, `list_append`, `+` and `-`, ADD and DELETE values of set (or, for ADD,
/// number) type.
extension ExpressionChecker {
    mutating func update(_ raw: [(section: String, actions: [RawUpdateAction])]) -> [UpdateAction] {
        var sections: Set<String> = []
        for (section, _) in raw where !sections.insert(section).inserted {
            issues.record(.section, "The \"\(section)\" section can only be used once in an update expression;")
        }
        var actions: [UpdateAction] = []
        for action in raw.flatMap(\.actions) {
            switch action {
            case .set(let rawPath, let rawValue):
                let target = path(rawPath)
                actions.append(.set(target, updateOperand(rawValue)))
            case .remove(let rawPath):
                actions.append(.remove(path(rawPath)))
            case .add(let rawPath, let placeholder):
                let target = path(rawPath)
                let operand = value(placeholder)
                checkSetOperand("ADD", operand, placeholder)
                actions.append(.add(target, operand))
            case .delete(let rawPath, let placeholder):
                let target = path(rawPath)
                let operand = value(placeholder)
                checkSetOperand("DELETE", operand, placeholder)
                actions.append(.delete(target, operand))
            }
        }
        checkPaths(actions.map(\.path))
        return actions
    }

    private mutating func checkSetOperand(_ operation: String, _ operand: AttributeValue, _ placeholder: String) {
        guard values[placeholder] != nil else { return }
        let names: [AttributeType: String] = [
            .string: "STRING", .number: "NUMBER", .binary: "BINARY", .null: "NULL", .bool: "BOOLEAN", .list: "LIST", .map: "MAP",
        ]
        let type = operand.typeName
        if let name = names[type], !(operation == "ADD" && type == .number) {
            issues.record(.operandType, "Incorrect operand type for operator or function; operator: \(operation), operand type: \(name)")
        }
    }

    /// A SET value: a path, a value, `if_not_exists(path, operand)`, `list_append(a, b)`, or `a + b` / `a - b`.
    mutating func updateOperand(_ raw: RawOperand) -> Operand {
        switch raw {
        case .parenthesized(let inner): return updateOperand(inner)
        case .path(let elements): return .path(path(elements))
        case .value(let placeholder): return .value(value(placeholder))
        case .arithmetic(let symbol, let rawLeft, let rawRight):
            let left = updateOperand(rawLeft)
            let right = updateOperand(rawRight)
            for operand in [left, right] {
                if case .value(let value) = operand, value.typeName != .number { recordOperandType(symbol, value.typeName) }
            }
            return symbol == "+" ? .add(left, right) : .subtract(left, right)
        case .function(let name, let arguments):
            let checked = arguments.map { updateOperand($0) }
            guard ExpressionChecker.updateFunctions.contains(name) else {
                if ExpressionChecker.conditionFunctions.contains(name) {
                    issues.record(.unknownFunction, "The function is not allowed in an update expression; function: \(name)")
                } else {
                    issues.record(.unknownFunction, "Invalid function name; function: \(name)")
                }
                return .value(.null)
            }
            guard checkCount(name, arguments, 2, as: .functionOperand) else { return .value(.null) }
            if name == "if_not_exists" {
                guard case .path(let target) = checked[0] else {
                    issues.record(.functionOperand, "Operator or function requires a document path; operator or function: \(name)")
                    return .value(.null)
                }
                return .ifNotExists(target, checked[1])
            }
            for operand in checked {
                if case .value(let value) = operand, value.typeName != .list { recordOperandType(name, value.typeName) }
            }
            return .listAppend(checked[0], checked[1])
        }
    }
}
