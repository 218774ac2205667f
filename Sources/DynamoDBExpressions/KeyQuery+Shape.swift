import DynamoDBItems

/// The checks of a key condition DynamoDB makes before it looks the table up: each leaf names one key
/// attribute with an indexable operator, one condition per key, one or two conditions (texts as DynamoDB
/// answers them, recorded by the dynalite emulator's tests against DynamoDB).
extension KeyQuery {
    /// Refuses a KeyConditionExpression whose shape no key schema can satisfy.
    public static func checkShape(_ condition: Condition) throws(ItemError) {
        var names = Set<String>()
        for leaf in leaves(condition) {
            let (name, _) = try keyCondition(leaf)
            guard names.insert(name).inserted else {
                throw .validation("KeyConditionExpressions must only contain one condition per key")
            }
        }
        try checkConditionCount(names.count)
    }

    /// `Conditions can be of length 1 or 2 only` (KeyConditions and KeyConditionExpression alike).
    public static func checkConditionCount(_ count: Int) throws(ItemError) {
        guard count == 1 || count == 2 else { throw .validation("Conditions can be of length 1 or 2 only") }
    }
}
