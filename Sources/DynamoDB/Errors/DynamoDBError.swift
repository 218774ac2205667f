import AWSProtocol

/// Every error text the control plane answers, grouped by operation in `DynamoDBError+<Family>.swift`. Texts
/// are verbatim as observed on DynamoDB (2019 and 2026 captures) unless a comment says they are Unverified or our
/// proposal. Envelope and namespaces: AWS "Error handling with DynamoDB"
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
enum DynamoDBError {
    static let namespace = "com.amazonaws.dynamodb.v20120810#"
    static let invalid = "One or more parameter values were invalid: "
    static let inUse = "Attempt to change a resource which is still in use: "

    static func service(_ name: String, _ message: String) -> AWSServiceError {
        AWSServiceError(type: namespace + name, message: message)
    }
    static func resourceNotFound(_ message: String) -> AWSServiceError { service("ResourceNotFoundException", message) }
    static func resourceInUse(_ message: String) -> AWSServiceError { service("ResourceInUseException", message) }
    static func limitExceeded(_ message: String) -> AWSServiceError { service("LimitExceededException", message) }
    /// "One or more parameter values were invalid: …"
    static func invalidParameter(_ detail: String) -> AWSServiceError { .validation(invalid + detail) }

    // MARK: Common

    static func missingParameter(_ name: String) -> AWSServiceError {
        .validation("The parameter '\(name)' is required but was not present in the request")
    }
    static func tableNotFound(_ name: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: Table: \(name) not found")
    }
    static func invalidArn(_ part: String, _ arn: String) -> AWSServiceError {
        .validation("1 validation error detected: Invalid AWS \(part) in '\(arn)'")
    }
    /// An ARN of another account (observed on AWS, 2026, for DescribeTable and the tag APIs). Unverified: the
    /// namespace; Coral's front-end one is assumed, as for the other authorization errors.
    static let accessDenied = AWSServiceError.coral("AccessDeniedException", "Access is denied")
    static func tableBeingCreated(_ name: String) -> AWSServiceError {
        resourceInUse(inUse + "Table is being created: \(name)")
    }
    static func tableBeingDeleted(_ name: String) -> AWSServiceError {
        resourceInUse(inUse + "Table is being deleted: \(name)")
    }
    static func tableBeingUpdated(_ name: String) -> AWSServiceError {
        resourceInUse(inUse + "Table: \(name) is in the process of being updated.")
    }
    static func capacityOutOfBounds(_ value: Int64, _ member: String) -> AWSServiceError {
        .validation("Given value \(value) for \(member) is out of bounds")
    }
    static func aboveTableMaximum(_ member: String, _ value: Int64, region: String, maximum: Int64) -> AWSServiceError {
        limitExceeded(
            "The requested \(member), \(value), is above the per table maximum for the account in \(region). Per table maximum: \(maximum)."
        )
    }
    static func aboveIndexMaximum(_ member: String, index: String, _ value: Int64, region: String, maximum: Int64)
        -> AWSServiceError
    {
        // The index variant was observed only as "…for index <IDX>, N, is above the per index maximum…" (the rest is assumed).
        limitExceeded(
            "The requested \(member) for index \(index), \(value), is above the per index maximum for the account in \(region). Per index maximum: \(maximum)."
        )
    }
}
