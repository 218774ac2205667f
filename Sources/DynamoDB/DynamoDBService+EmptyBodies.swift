/// Which successful answers have no body at all.
extension DynamoDBService {
    /// True for the operations whose success is an HTTP 200 with an empty body rather than `{}`: TagResource and
    /// UntagResource (their botocore models have no output shape; erlcloud/erlcloud#502 reports AWS's empty
    /// responses). `handle` still returns an empty object for them, so CloudTrail's `responseElements` stays null;
    /// the HTTP layer writes no bytes when this is true.
    public static func answersWithEmptyBody(_ service: DynamoDBAPI, operation: String) -> Bool {
        service == .dynamoDB && (operation == "TagResource" || operation == "UntagResource")
    }
}
