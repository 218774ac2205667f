import AWSProtocol

/// The authorization failure for a denied action, worded as IAM words it
/// (IAM's wording in AWS's examples: "User: ARN is not authorized to perform: ACTION on resource: RES because no
/// identity-based policy allows the ACTION action").
public enum AccessDenied {
    /// CloudTrail's `errorCode` for these calls: `AccessDenied`, not `AccessDeniedException`, as real CloudTrail records of denied calls show.
    public static let cloudTrailErrorCode = "AccessDenied"

    /// The IAM message; an anonymous caller (no ARN) is named `anonymous`.
    public static func message(callerArn: String?, action: String, resource: String) -> String {
        "User: \(callerArn ?? "anonymous") is not authorized to perform: \(action) on resource: \(resource) because no identity-based policy allows the \(action) action"
    }

    /// The JSON-protocol error: `com.amazon.coral.service#AccessDeniedException`, HTTP 400, lowercase `message`.
    /// Unverified: the namespace and status for DynamoDB are not captured in the reference; Coral's
    /// front-end namespace (the same as DynamoDB's other authentication errors) is assumed.
    public static func jsonError(callerArn: String?, action: String, resource: String) -> AWSServiceError {
        .coral("AccessDeniedException", message(callerArn: callerArn, action: action, resource: resource))
    }

    /// S3's answer to a denied request: `AccessDenied`, "Access Denied", HTTP 403.
    public static let s3Error = SigV4S3Error("AccessDenied", "Access Denied", 403)

    /// `arn:aws:dynamodb:REGION:ACCT:table/NAME`; `table/*` for table-less actions such as ListTables.
    public static func tableResource(region: String, accountId: String, tableName: String?) -> String {
        "arn:aws:dynamodb:\(region):\(accountId):table/\(tableName ?? "*")"
    }
}
