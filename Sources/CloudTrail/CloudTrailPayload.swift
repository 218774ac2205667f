import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Helpers the joining module uses to shape `requestParameters`/`responseElements` the way
/// CloudTrail writes them, as in AWS's "Understanding DynamoDB log file entries" examples
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/understanding-ddb-log-entries.html).
/// Pure functions, no service knowledge.
public enum CloudTrailPayload {
    /// Lowercases only the first character of a member name: `TableName` → `tableName`,
    /// `SSESpecification` → `sSESpecification`, `KMSMasterKeyArn` → `kMSMasterKeyArn`.
    public static func lowerCamel(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// Applies `lowerCamel` to every member name at every depth (inside arrays too).
    ///
    /// Members named in `opaqueMembers` (original, un-lowercased names, e.g. `Key`,
    /// `ExpressionAttributeNames`, `Tags`-style maps of user data) have their own name
    /// lowercased, but their value is copied untouched: CloudTrail keeps user-chosen map keys such
    /// as attribute names (`"key": {"Artist": …}`, Appendix A).
    public static func lowerCamelKeys(_ value: JSONValue, opaqueMembers: Set<String> = []) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            // A member already spelled in lower camel case (unknown to the service, e.g. `tableName` beside
            // `TableName`) would collide with the real member's name: the record keeps the real one, the
            // value the operation acted on.
            let loweredNames = Set(object.members.compactMap { lowerCamel($0.key) == $0.key ? nil : lowerCamel($0.key) })
            for member in object.members where lowerCamel(member.key) != member.key || !loweredNames.contains(member.key) {
                let inner =
                    opaqueMembers.contains(member.key)
                    ? member.value : lowerCamelKeys(member.value, opaqueMembers: opaqueMembers)
                result.append(lowerCamel(member.key), inner)
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { lowerCamelKeys($0, opaqueMembers: opaqueMembers) })
        default:
            return value
        }
    }
}
