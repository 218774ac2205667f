import AWSProtocol
import DynamoDBItems

/// The legacy `ConditionalOperator` of Query and Scan joins the conditions of `QueryFilter`/`ScanFilter`, so
/// DynamoDB refuses it without at least two of them (texts observed on DynamoDB by a public conformance suite
/// run against it, and DynamoDB Local's; checked right after expression/legacy mixing, before the key
/// conditions are required).
extension ReadRequest {
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
