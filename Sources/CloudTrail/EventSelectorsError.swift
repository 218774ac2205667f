/// Why a set of event selectors was refused, in the three forms CloudTrail answers with: its own
/// InvalidEventSelectorsException, Coral's constraint-validation text (ValidationException, as DynamoDB
/// words it) and a member of the wrong JSON type (SerializationException).
public enum EventSelectorsError: Error, Sendable, Equatable {
    case invalid(String)
    case validation(String)
    case serialization(String)

    public var message: String {
        switch self {
        case .invalid(let text), .validation(let text), .serialization(let text): text
        }
    }

    /// `Value <value> for <member> is invalid.`, the form of AWS's observed answer
    /// "Value arn:aws:s3:::* for DataResources.Values is invalid." (an InvalidEventSelectorsException
    /// quoted in public issue reports); for members other than `DataResources.Values` the text is Unverified.
    static func invalidValue(_ value: String, for member: String) -> EventSelectorsError {
        .invalid("Value \(value) for \(member) is invalid.")
    }

    /// Coral's "1 validation error detected: Value … at '<path>' failed to satisfy constraint: …".
    static func constraint(_ shownValue: String, at path: String, _ constraint: String) -> EventSelectorsError {
        .validation("1 validation error detected: Value \(shownValue) at '\(path)' failed to satisfy constraint: \(constraint)")
    }
}
