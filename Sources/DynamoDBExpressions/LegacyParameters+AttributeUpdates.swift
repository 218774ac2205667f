import AWSProtocol
import DynamoDBItems

/// `AttributeUpdates` (PUT, ADD, DELETE per attribute) as update actions, with AWS's messages.
extension LegacyParameters {
    public static func attributeUpdates(_ wire: JSONValue) throws(ItemError) -> [UpdateAction] {
        guard case .object(let object) = wire else { return [] }
        var actions: [UpdateAction] = []
        for member in object.members where member.value != .null {
            let entry = member.value.objectValue ?? JSONObject()
            let path = DocumentPath(attribute: member.key)
            let action = entry["Action"]?.stringValue ?? "PUT"
            let value: AttributeValue? = try entry["Value"].flatMap { wire throws(ItemError) in
                wire == .null ? nil : try AttributeValue(wire: wire)
            }
            guard let value else {
                guard action == "DELETE" else {
                    throw .validation(
                        "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified")
                }
                actions.append(.remove(path))
                continue
            }
            switch action {
            case "DELETE":
                guard value.typeName.isSet else {
                    throw .validation(
                        "One or more parameter values were invalid: DELETE action with value is not supported for the type \(value.typeName.rawValue)"
                    )
                }
                actions.append(.delete(path, value))
            case "ADD":
                guard value.typeName.isSet || value.typeName == .number || value.typeName == .list else {
                    throw .validation(
                        "One or more parameter values were invalid: ADD action is not supported for the type \(value.typeName.rawValue)")
                }
                actions.append(.add(path, value))
            default:
                actions.append(.set(path, .value(value)))
            }
        }
        return actions
    }
}
