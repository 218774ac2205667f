import DynamoDBItems

/// The one entry point for a request's expressions: parses and checks each one in AWS's order (update,
/// condition, key condition, filter, projection), then refuses unused names and values, with AWS's
/// messages (`Invalid UpdateExpression: Syntax error; token: …`, `Value provided in
/// ExpressionAttributeValues unused in expressions: keys: {:v}`).
public enum Expressions {
    /// The longest expression string DynamoDB accepts, in UTF-8 bytes.
    public static let maximumExpressionSize = 4096

    /// Parses every expression present in `expressions` against `attributes`.
    public static func parse(_ expressions: [ExpressionKind: String], attributes: ExpressionAttributes) throws(ItemError)
        -> ParsedExpressions
    {
        var checker = ExpressionChecker(names: attributes.names, values: attributes.values)
        var parsed = ParsedExpressions()
        for kind in ExpressionKind.allCases {
            guard let text = expressions[kind] else { continue }
            func invalid(_ message: String) -> ItemError { .validation("Invalid \(kind.rawValue): \(message)") }
            guard !text.isEmpty else { throw invalid("The expression can not be empty;") }
            // "Expression parameters" quota, Amazon DynamoDB Developer Guide: an expression string is at most 4 KB.
            // The message is as DynamoDB answers it (observed in users' reports).
            guard text.utf8.count <= Expressions.maximumExpressionSize else {
                throw invalid("Expression size has exceeded the maximum allowed size; expression size: \(text.utf8.count)")
            }
            checker.issues = ExpressionIssues()
            let issue: String?
            do throws(ExpressionSyntaxError) {
                issue = try parseOne(kind, text, &checker, &parsed)
            } catch {
                throw invalid(error.message)
            }
            if let issue { throw invalid(issue) }
        }
        let unusedNames = attributes.nameOrder.filter { !checker.usedNames.contains($0) }
        if !unusedNames.isEmpty {
            throw .validation(
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {\(unusedNames.joined(separator: ", "))}")
        }
        let unusedValues = attributes.valueOrder.filter { !checker.usedValues.contains($0) }
        if !unusedValues.isEmpty {
            throw .validation(
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {\(unusedValues.joined(separator: ", "))}")
        }
        parsed.usedNames = checker.usedNames
        parsed.usedValues = checker.usedValues
        return parsed
    }

    /// Parses one expression into `parsed`; returns the problem AWS reports first, if any.
    private static func parseOne(
        _ kind: ExpressionKind, _ text: String, _ checker: inout ExpressionChecker, _ parsed: inout ParsedExpressions
    ) throws(ExpressionSyntaxError) -> String? {
        switch kind {
        case .update:
            let raw = try ExpressionParser.update(text)
            checker.separatesUndefinedKinds = true
            parsed.update = checker.update(raw)
            checker.separatesUndefinedKinds = false
            return checker.issues.reported(in: ExpressionIssues.updateOrder)
        case .condition, .keyCondition, .filter:
            let condition = checker.condition(try ExpressionParser.condition(text))
            switch kind {
            case .condition: parsed.condition = condition
            case .keyCondition: parsed.keyCondition = condition
            default: parsed.filter = condition
            }
            return checker.issues.reported(in: ExpressionIssues.conditionOrder)
        case .projection:
            let paths = try ExpressionParser.projection(text).map { checker.path($0) }
            checker.checkPaths(paths)
            parsed.projection = paths
            return checker.issues.reported(in: ExpressionIssues.conditionOrder)
        }
    }
}
