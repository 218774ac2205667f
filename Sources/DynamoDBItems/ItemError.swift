import AWSProtocol

/// A refusal raised while decoding, validating or changing items: which AWS error it is and its exact
/// message. Rendered to the wire once, by `serviceError`.
public struct ItemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The AWS error families the data plane's pure layers raise.
    public enum Kind: Sendable, Equatable {
        /// `com.amazon.coral.validate#ValidationException`.
        case validation
        /// `com.amazon.coral.service#SerializationException` (capital `Message`), for values of the wrong JSON shape.
        case serialization
        /// `ConditionalCheckFailedException` ("The conditional request failed").
        case conditionalCheckFailed
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func validation(_ message: String) -> ItemError { ItemError(.validation, message) }
    public static func serialization(_ message: String) -> ItemError { ItemError(.serialization, message) }

    /// DynamoDB's answer when a condition is false.
    public static let conditionalCheckFailed = ItemError(.conditionalCheckFailed, "The conditional request failed")

    /// The error as it goes on the wire.
    public var serviceError: AWSServiceError {
        switch kind {
        case .validation: return .validation(message)
        case .serialization: return .serialization(message)
        case .conditionalCheckFailed:
            return AWSServiceError(type: "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", message: message)
        }
    }

    public var description: String { message }
}
