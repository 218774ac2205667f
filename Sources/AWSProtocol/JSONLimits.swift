/// The one nesting and size limits shared by every JSON reader and writer of DynamoTrail, so that
/// whatever a request may carry is recorded, and whatever is recorded is read back: the request
/// parser, the CloudTrail record writer, the history refill, `dynamotrail events` and `validate`
/// (our proposal: AWS publishes no nesting limit for DynamoDB's JSON front end).
public enum JSONLimits {
    /// Deepest nesting any of our readers accepts; each object or array is one level. Deeper input
    /// is refused before it can exhaust the stack.
    public static let maximumDepth = 512

    /// Levels a delivered log file puts around a request's top-level object: the file's object
    /// (`{"Records":…}`), the `Records` array and the record object. The request object itself is
    /// `requestParameters` (level 4), so a request nested `d` deep sits `d + 3` deep in the file.
    public static let recordLevelsAroundRequest = 3

    /// Deepest request body accepted (509): its record, read as a whole file or record by record,
    /// never exceeds `maximumDepth`.
    public static let maximumRequestDepth = maximumDepth - recordLevelsAroundRequest

    /// Largest `requestParameters`/`responseElements` a record keeps, in compact JSON bytes; larger
    /// ones are written as `null`. AWS: "CloudTrail record contents" gives 100 KB for these fields
    /// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
    public static let maximumPayloadBytes = 100 * 1024
}
