import AWSProtocol
import CloudTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Typed reading of a CloudTrail request body. A member of the wrong JSON type fails the call with
/// Coral's SerializationException wording (as DynamoDB's front end words it, observed);
/// `null` reads as absent; unknown members are ignored.
struct CloudTrailInput: Sendable {
    let object: JSONObject

    init(_ object: JSONObject) { self.object = object }

    func string(_ key: String) -> Result<String?, AWSServiceError> {
        switch object[key] {
        case nil, .null?: return .success(nil)
        case .string(let text)?: return .success(text)
        case let value?: return .failure(.serialization(CoralSerializationText.mismatch(value, javaType: "String")))
        }
    }

    func bool(_ key: String) -> Result<Bool?, AWSServiceError> {
        switch object[key] {
        case nil, .null?: return .success(nil)
        case .bool(let flag)?: return .success(flag)
        case let value?: return .failure(.serialization(CoralSerializationText.mismatch(value, javaType: "Boolean")))
        }
    }

    /// Integers; decimals are truncated (as Java's conversion would).
    func integer(_ key: String) -> Result<Int64?, AWSServiceError> {
        switch object[key] {
        case nil, .null?: return .success(nil)
        case .number(let number)?:
            let value = number.doubleValue
            guard value.isFinite else { return .success(value > 0 ? Int64.max : Int64.min) }
            return .success(Int64(exactly: value.rounded(.towardZero)) ?? (value > 0 ? Int64.max : Int64.min))
        case let value?: return .failure(.serialization(CoralSerializationText.mismatch(value, javaType: "Integer")))
        }
    }

    /// Timestamps: epoch seconds on the wire (botocore's `json` protocol); an ISO 8601 string is accepted too.
    func timestamp(_ key: String) -> Result<Date?, AWSServiceError> {
        switch object[key] {
        case nil, .null?: return .success(nil)
        case .number(let number)?:
            let value = number.doubleValue
            guard value.isFinite, abs(value) < 1e13 else {
                return .failure(.serialization("Timestamp \(number.text) is out of range"))
            }
            return .success(Date(timeIntervalSince1970: value))
        case .string(let text)?:
            if let seconds = LogRecordFilter.parseTime(text) { return .success(Date(timeIntervalSince1970: seconds)) }
            return .failure(.serialization("STRING_VALUE cannot be converted to Date"))
        case let value?: return .failure(.serialization(CoralSerializationText.mismatch(value, javaType: "Date")))
        }
    }

    /// A list member: nil when absent; a non-list fails.
    func list(_ key: String) -> Result<[JSONValue]?, AWSServiceError> {
        switch object[key] {
        case nil, .null?: return .success(nil)
        case .array(let items)?: return .success(items)
        case .object?: return .failure(.serialization("Start of structure or map found where not expected"))
        default: return .failure(.serialization("Unexpected field type"))
        }
    }

}
