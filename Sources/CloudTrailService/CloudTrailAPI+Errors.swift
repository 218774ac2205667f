import AWSProtocol

/// CloudTrail's errors: JSON 1.1 envelope `{"__type":…,"message":…}`, HTTP 400 (AWS CloudTrail API Reference: "Common Errors", botocore's `json` 1.1 protocol).
///
/// Whether AWS puts a namespace in `__type` is Unverified (botocore accepts both).
/// DynamoTrail sends `com.amazonaws.cloudtrail.v20131101#<Name>`, the Coral form DynamoDB uses and
/// the namespace of CloudTrail's Smithy model; SDKs report the bare name either way. Messages are
/// AWS's where AWS's documentation quotes one (TrailNotFoundException); the others are Unverified.
enum CloudTrailError {
    static let namespace = "com.amazonaws.cloudtrail.v20131101#"

    static func make(_ name: String, _ message: String) -> AWSServiceError {
        AWSServiceError(type: namespace + name, message: message)
    }

    /// AWS's verbatim form ("Unknown trail: myTrail2 for the user: 123456789012", AWS CloudTrail API Reference: "GetTrailStatus").
    static func trailNotFound(_ name: String, account: String) -> AWSServiceError {
        make("TrailNotFoundException", "Unknown trail: \(name) for the user: \(account)")
    }

    /// Texts as the moto emulator words them ([PEER], Unverified against AWS).
    static func invalidTrailName(_ message: String) -> AWSServiceError { make("InvalidTrailNameException", message) }

    static func invalidARN(_ arn: String) -> AWSServiceError {
        make("CloudTrailARNInvalidException", "Invalid trail ARN: \(arn)")
    }

    static func invalidLookupAttributes(_ message: String) -> AWSServiceError {
        make("InvalidLookupAttributesException", message)
    }

    static func invalidTimeRange(_ message: String = "Start time must be before or equal to end time.") -> AWSServiceError {
        make("InvalidTimeRangeException", message)
    }

    static func invalidMaxResults(_ value: Int64) -> AWSServiceError {
        make("InvalidMaxResultsException", "Value \(value) for MaxResults is not valid. It must be between 1 and 50.")
    }

    static let invalidNextToken = make(
        "InvalidNextTokenException", "The NextToken is not valid, or was issued for a request with different parameters.")

    static let invalidToken = make("InvalidTokenException", "The NextToken is not valid.")

    static func invalidEventCategory(_ value: String) -> AWSServiceError {
        make("InvalidEventCategoryException", "Value \(value) for EventCategory is not valid. The only valid value is insight.")
    }

    /// A required member missing: Coral's constraint-validation text, as DynamoDB words it.
    static func missing(_ member: String) -> AWSServiceError {
        .validation(
            "1 validation error detected: Value null at '\(member)' failed to satisfy constraint: Member must not be null")
    }
}
