import DynamoDB

/// The service and operation an `X-Amz-Target` header names.
public struct ServiceTarget: Sendable, Equatable {
    public enum Service: Sendable, Equatable {
        case dynamoDB, dynamoDBStreams, cloudTrail

        /// The control-plane service that answers it; nil for CloudTrail.
        public var controlPlane: DynamoDBAPI? {
            switch self {
            case .dynamoDB: .dynamoDB
            case .dynamoDBStreams: .streams
            case .cloudTrail: nil
            }
        }

        /// The SigV4 signing name the credential scope must carry (Streams signs as `dynamodb`).
        public var signingName: String {
            switch self {
            case .dynamoDB, .dynamoDBStreams: "dynamodb"
            case .cloudTrail: "cloudtrail"
            }
        }

        /// The `Content-Type` the service's JSON protocol uses.
        public var contentType: String {
            switch self {
            case .dynamoDB, .dynamoDBStreams: "application/x-amz-json-1.0"
            case .cloudTrail: "application/x-amz-json-1.1"
            }
        }

        /// CloudTrail's `eventSource` (DynamoDB Streams records as `dynamodb.amazonaws.com` too).
        public var eventSource: String {
            switch self {
            case .dynamoDB, .dynamoDBStreams: "dynamodb.amazonaws.com"
            case .cloudTrail: "cloudtrail.amazonaws.com"
            }
        }
    }

    public var service: Service
    public var operation: String

    public init(service: Service, operation: String) {
        self.service = service
        self.operation = operation
    }

    /// Parses a target; nil for a missing or unknown prefix, or an empty operation.
    /// CloudTrail is accepted in the long botocore form and in the short form some SDKs (Go v2) send.
    public init?(header: String?) {
        guard let header, let dot = header.lastIndex(of: ".") else { return nil }
        let prefix = header[..<dot]
        let operation = String(header[header.index(after: dot)...])
        guard !operation.isEmpty else { return nil }
        switch prefix {
        case "DynamoDB_20120810": service = .dynamoDB
        case "DynamoDBStreams_20120810": service = .dynamoDBStreams
        case "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "CloudTrail_20131101": service = .cloudTrail
        default: return nil
        }
        self.operation = operation
    }
}
