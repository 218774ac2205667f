import AWSProtocol

/// DynamoTrail's own texts for what it does not serve (our wording: AWS has no such errors).
extension DynamoDBError {
    /// Item and PartiQL operations: DynamoTrail serves the control plane only. A ValidationException is the
    /// closest AWS-shaped 400 every SDK surfaces as a client error without retrying.
    static func dataPlaneNotServed(_ operation: String) -> AWSServiceError {
        .validation(
            "DynamoTrail serves the DynamoDB control plane only: \(operation) is a data-plane operation and is not supported")
    }
    static func operationNotServed(_ operation: String) -> AWSServiceError {
        .validation("DynamoTrail does not implement the DynamoDB operation \(operation)")
    }
    static func globalTablesNotServed(_ member: String) -> AWSServiceError {
        .validation("DynamoTrail does not support global tables: \(member) is not supported")
    }
}
