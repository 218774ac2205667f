/// An error as an AWS JSON-protocol service puts it on the wire: `__type`, an optional message
/// under `message` or `Message`, and an HTTP status. Every layer throws these; the router renders them.
public struct AWSServiceError: Error, Sendable, Equatable {
    /// The member name that carries the message: Coral type-mismatch errors use `Message`, the rest `message`.
    public enum MessageKey: String, Sendable {
        case lower = "message"
        case upper = "Message"
    }

    /// The full `__type`, namespace included (`com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`).
    public var type: String
    public var message: String?
    public var messageKey: MessageKey
    public var httpStatus: Int
    /// Members the body carries after the message (DynamoDB's ConditionalCheckFailedException has `Item`
    /// when ReturnValuesOnConditionCheckFailure is ALL_OLD); empty for most errors.
    public var extraMembers: JSONObject = JSONObject()

    public init(type: String, message: String?, messageKey: MessageKey = .lower, httpStatus: Int = 400) {
        self.type = type
        self.message = message
        self.messageKey = messageKey
        self.httpStatus = httpStatus
    }

    /// The short error code (after `#`), as CloudTrail writes it in `errorCode` and botocore reports it.
    public var code: String {
        guard let hash = type.lastIndex(of: "#") else { return type }
        return String(type[type.index(after: hash)...])
    }

    /// The JSON body: `{"__type":"…","message":"…"}`, the message member omitted when there is none.
    public var body: JSONValue {
        var object = JSONObject()
        object.append("__type", .string(type))
        if let message { object.append(messageKey.rawValue, .string(message)) }
        for member in extraMembers.members { object.append(member.key, member.value) }
        return .object(object)
    }
}

extension AWSServiceError {
    static let coralService = "com.amazon.coral.service#"

    /// A body that is not JSON, or an empty body: Coral answers with no message at all.
    public static let serialization = AWSServiceError(type: coralService + "SerializationException", message: nil)

    /// A member of the wrong JSON type: Coral's text under a capital `Message`.
    public static func serialization(_ message: String) -> AWSServiceError {
        AWSServiceError(type: coralService + "SerializationException", message: message, messageKey: .upper)
    }

    /// A missing or unknown `X-Amz-Target`: no message.
    public static let unknownOperation = AWSServiceError(type: coralService + "UnknownOperationException", message: nil)

    /// Coral constraint validation, `message` already in the "N validation error(s) detected: …" form when it applies.
    public static func validation(_ message: String) -> AWSServiceError {
        AWSServiceError(type: "com.amazon.coral.validate#ValidationException", message: message)
    }

    /// Authentication and authorization failures raised by the Coral front end (`com.amazon.coral.service#…`).
    public static func coral(_ name: String, _ message: String, httpStatus: Int = 400) -> AWSServiceError {
        AWSServiceError(type: coralService + name, message: message, httpStatus: httpStatus)
    }

    /// An unexpected failure of ours: DynamoDB's InternalServerError with HTTP 500.
    public static func internalServerError(_ message: String = "Internal server error") -> AWSServiceError {
        AWSServiceError(type: "com.amazonaws.dynamodb.v20120810#InternalServerError", message: message, httpStatus: 500)
    }
}
