import AWSProtocol
import DynamoDBItems

/// The legacy `ConditionalOperator` joins the conditions of `QueryFilter`/`ScanFilter` or of an item write's
/// `Expected`, so DynamoDB refuses it without at least two of them (texts observed on DynamoDB by a public
/// conformance suite run against it, and DynamoDB Local's; Query and Scan check it right after
/// expression/legacy mixing, the item writes where they read `Expected`).
extension ItemExpressionMembers {
    /// Refuses `ConditionalOperator` sent with no `filter` conditions, or with only one.
    static func checkConditionalOperator(_ input: InputReader, filter: String) throws(ItemError) {
        guard input.has("ConditionalOperator") else { return }
        let conditions = input.object[filter]?.objectValue?.members.count ?? 0
        if conditions == 0 { throw .validation("ConditionalOperator cannot be used without Filter or Expected") }
        if conditions == 1 {
            throw .validation("ConditionalOperator can only be used when Filter or Expected has two or more elements")
        }
    }
}
