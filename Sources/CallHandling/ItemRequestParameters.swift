import AWSProtocol
import CloudTrail
import DynamoDB

/// The `requestParameters` of a DynamoDB data event, as AWS's examples show them ("Understanding DynamoDB
/// log file entries", PutItem, UpdateItem, TransactWriteItems, ExecuteStatement): members in request order
/// with lower-camel names, the key as plain values (`"key": {"Artist": "No One You Know"}`), an item as the
/// list of its attribute NAMES, expressions and `expressionAttributeNames` as sent — and never an attribute
/// VALUE: `ExpressionAttributeValues`, PartiQL `Parameters` and the values of the legacy conditions are
/// left out, PartiQL literals are redacted (the same page: "Non-key attribute values will be redacted in
/// CloudTrail logs of actions using the PartiQL API and won't appear in logs of actions using the classic
/// API"). Pure functions.
enum ItemRequestParameters {
    /// Members whose values are attribute values: left out.
    static let valueMembers: Set<String> = ["ExpressionAttributeValues", "Parameters", "Value", "AttributeValueList"]
    /// Legacy maps of attribute name → condition or update: the names stay, their values go.
    static let legacyConditionMaps: Set<String> = ["Expected", "KeyConditions", "QueryFilter", "ScanFilter", "AttributeUpdates"]
    /// Members holding a primary key (or the position where a read stopped): written as plain values.
    static let keyMembers: Set<String> = ["Key", "ExclusiveStartKey"]

    /// The request parameters of `operation`; nil for an empty request. `facts` gives the key attributes
    /// that turn a PutItem's item into its `key`.
    static func render(_ operation: String, _ input: JSONValue, facts: [String: TableAuditFacts]) -> JSONValue? {
        guard let object = input.objectValue, !object.isEmpty else { return nil }
        switch operation {
        case "TransactWriteItems", "TransactGetItems": return transaction(object, facts: facts)
        case "ExecuteStatement": return statementRequest(object, facts: facts)
        case "BatchExecuteStatement", "ExecuteTransaction": return statementsRequest(object, facts: facts)
        case "BatchWriteItem", "BatchGetItem": return batch(object, facts: facts)
        default: return .object(members(object, table: object["TableName"]?.stringValue, facts: facts, itemName: "item"))
        }
    }

    /// One request (or transaction entry) rendered member by member; `table` finds the key of an `Item`.
    static func members(_ object: JSONObject, table: String?, facts: [String: TableAuditFacts], itemName: String) -> JSONObject {
        var result = JSONObject()
        for member in object.members where !valueMembers.contains(member.key) && member.value != .null {
            let name = CloudTrailPayload.lowerCamel(member.key)
            if member.key == "Item", let item = member.value.objectValue {
                if let keyNames = table.flatMap({ facts[DataEventTables.tableName($0)]?.keyAttributeNames }) {
                    var key = JSONObject()
                    for keyName in keyNames { if let value = item[keyName] { key.append(keyName, plain(value)) } }
                    if !key.isEmpty, object["Key"] == nil { result.append("key", .object(key)) }
                }
                result.append(itemName, .array(item.keys.map(JSONValue.string)))
            } else if keyMembers.contains(member.key), let key = member.value.objectValue {
                result.append(name, plainMap(key))
            } else if member.key == "Keys", let keys = member.value.arrayValue {
                result.append(name, .array(keys.map { $0.objectValue.map(plainMap) ?? .null }))
            } else if member.key == "ExpressionAttributeNames" {
                result.append(name, member.value)
            } else if legacyConditionMaps.contains(member.key), let map = member.value.objectValue {
                result.append(name, legacyNames(map))
            } else {
                result.append(name, CloudTrailPayload.lowerCamelKeys(member.value))
            }
        }
        return result
    }

    /// An attribute value as a plain JSON value: strings, numbers (kept as their decimal text, Unverified:
    /// AWS's examples show only string keys), binary as its base64 text, booleans, null; sets and documents
    /// as arrays and objects of plain values.
    static func plain(_ value: JSONValue) -> JSONValue {
        guard let object = value.objectValue, object.members.count == 1, let member = object.members.first else { return .null }
        switch member.key {
        case "S", "N", "B": return member.value.stringValue.map(JSONValue.string) ?? .null
        case "BOOL": return member.value.boolValue.map(JSONValue.bool) ?? .null
        case "SS", "NS", "BS": return .array((member.value.arrayValue ?? []).map { $0.stringValue.map(JSONValue.string) ?? .null })
        case "L": return .array((member.value.arrayValue ?? []).map(plain))
        case "M": return member.value.objectValue.map(plainMap) ?? .null
        default: return .null
        }
    }

    static func plainMap(_ map: JSONObject) -> JSONValue {
        var result = JSONObject()
        for member in map.members { result.append(member.key, plain(member.value)) }
        return .object(result)
    }

    /// `{"Artist": {"ComparisonOperator": "EQ", "AttributeValueList": [...]}}` → `{"Artist": {"comparisonOperator": "EQ"}}`.
    static func legacyNames(_ map: JSONObject) -> JSONValue {
        var result = JSONObject()
        for member in map.members {
            var condition = JSONObject()
            for inner in member.value.objectValue?.members ?? [] where !valueMembers.contains(inner.key) {
                condition.append(CloudTrailPayload.lowerCamel(inner.key), CloudTrailPayload.lowerCamelKeys(inner.value))
            }
            result.append(member.key, .object(condition))
        }
        return .object(result)
    }
}
