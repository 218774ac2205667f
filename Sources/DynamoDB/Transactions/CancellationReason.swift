import AWSProtocol
import DynamoDBItems

/// Why one action of a cancelled transaction failed, or `None` when it did not ("CancellationReason" and
/// "TransactionCanceledException", Amazon DynamoDB API Reference).
struct CancellationReason: Error, Sendable, Equatable {
    /// The codes this emulator answers (AWS lists further ones for throttling and conflicts it cannot meet here).
    enum Code: String, Sendable {
        case none = "None"
        case conditionalCheckFailed = "ConditionalCheckFailed"
        case validationError = "ValidationError"
        case itemCollectionSizeLimitExceeded = "ItemCollectionSizeLimitExceeded"
    }

    var code: Code
    var message: String?
    /// The item as it was, for a failed condition with `ReturnValuesOnConditionCheckFailure: ALL_OLD`.
    var item: Item?

    static let none = CancellationReason(code: .none)

    static func conditionalCheckFailed(old: Item?, returnOld: Bool) -> CancellationReason {
        CancellationReason(
            code: .conditionalCheckFailed, message: ItemError.conditionalCheckFailed.message, item: returnOld ? old : nil)
    }

    /// An action that would grow an item collection past its limit: the code and message the API Reference lists
    /// under TransactionCanceledException ("Item Collection Size Limit Exceeded").
    static let itemCollectionSizeLimitExceeded = CancellationReason(
        code: .itemCollectionSizeLimitExceeded, message: "Collection size exceeded.")

    static func validation(_ error: ItemError) -> CancellationReason {
        CancellationReason(code: .validationError, message: error.message)
    }

    /// `{"Code": …, "Item": …, "Message": …}`: a `None` reason has only its code (observed bodies quoted in
    /// public SDK issues, e.g. aws/aws-sdk-net#1292). Unverified: where `Item` sits among the members.
    var json: JSONValue {
        var object = JSONObject()
        object.append("Code", .string(code.rawValue))
        if let item { object.append("Item", AttributeValue.wire(item)) }
        if let message { object.append("Message", .string(message)) }
        return .object(object)
    }

    /// TransactionCanceledException with every action's reason in request order and AWS's top-level text,
    /// "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]"
    /// ("Understanding DynamoDB log file entries", TransactWriteItems example), under a capital `Message`.
    static func canceled(_ reasons: [CancellationReason]) -> AWSServiceError {
        let codes = reasons.map(\.code.rawValue).joined(separator: ", ")
        var error = AWSServiceError(
            type: DynamoDBError.namespace + "TransactionCanceledException",
            message: "Transaction cancelled, please refer cancellation reasons for specific reasons [\(codes)]",
            messageKey: .upper)
        error.extraMembers.append("CancellationReasons", .array(reasons.map(\.json)))
        return error
    }
}
