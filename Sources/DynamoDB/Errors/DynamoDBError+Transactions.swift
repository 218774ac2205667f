import AWSProtocol

/// The refusals of TransactWriteItems and TransactGetItems that are not Coral constraint texts.
extension DynamoDBError {
    /// Two actions on one item (observed DynamoDB text, quoted in many public projects' error logs).
    static let transactionMultipleOperations = AWSServiceError.validation(
        "Transaction request cannot include multiple operations on one item")

    /// A TransactWriteItem with none or several of its four actions (moto's text for several; Unverified
    /// for none, which AWS may word differently).
    static let transactionOneAction = AWSServiceError.validation(
        "TransactItems can only contain one of Check, Put, Update or Delete")

    /// The transaction's payload over 4 MB ("TransactWriteItems", Amazon DynamoDB API Reference: "The aggregate
    /// size of the items in the transaction cannot exceed 4 MB"). Unverified: the exact text; a public test
    /// suite run against DynamoDB shows it contains "size cannot exceed".
    static let transactionTooLarge = AWSServiceError.validation("Transaction request size cannot exceed 4 MB")

    /// The same ClientRequestToken with other parameters within ten minutes. Unverified text: the API
    /// Reference's description of IdempotentParameterMismatchException.
    /// The model gives this exception a capital `Message` member, as TransactionCanceledException's.
    static let idempotentParameterMismatch = AWSServiceError(
        type: namespace + "IdempotentParameterMismatchException",
        message:
            "DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used.",
        messageKey: .upper)
}
