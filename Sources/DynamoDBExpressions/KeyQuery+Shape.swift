import DynamoDBItems

/// The checks of a key condition DynamoDB makes before it looks the table up: each leaf names one key
/// attribute with an indexable operator, one condition per key, one or two conditions (texts as DynamoDB
/// answers them, recorded by the dynalite emulator's tests against DynamoDB). A multi-attribute GSI key
/// takes up to eight (four partition and four sort attributes), so before the table is known up to eight
/// pass, and `checkConditionCount(_:schema:)` applies the one-or-two rule to single-attribute keys after.
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

    /// The most conditions any key schema takes: a multi-attribute GSI key of four plus four attributes.
    static let maximumConditions = 8

    /// `Conditions can be of length 1 or 2 only` (KeyConditions and KeyConditionExpression alike), before the
    /// key schema is known: none, or more than any schema takes.
    public static func checkConditionCount(_ count: Int) throws(ItemError) {
        guard count >= 1, count <= maximumConditions else { throw .validation("Conditions can be of length 1 or 2 only") }
    }

    /// The same rule once the key schema is known: one or two conditions unless the key is multi-attribute
    /// (`multiAttribute` false also for a table that does not exist: recorded against DynamoDB, three
    /// conditions on a missing table answer this rule, not ResourceNotFoundException).
    public static func checkConditionCount(_ count: Int, multiAttribute: Bool) throws(ItemError) {
        guard multiAttribute || count <= 2 else { throw .validation("Conditions can be of length 1 or 2 only") }
    }

    /// The number of key attributes a key condition expression names.
    public static func conditionCount(_ condition: Condition) -> Int {
        Set(leaves(condition).compactMap { try? keyCondition($0).0 }).count
    }
}
