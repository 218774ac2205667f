import AWSProtocol
import CloudTrail
import DynamoDB

/// Transactions, batches and PartiQL requests: AWS's examples list a transaction's entries under
/// `requestItems`, each with its `operation` (`Put`, `Update`, `Delete`, `ConditionCheck`) and a Put's
/// attribute names as `items` (TransactWriteItems examples); PartiQL statements under `statement`, or
/// `requestItems[].statement` for BatchExecuteStatement, with literals redacted.
extension ItemRequestParameters {
    static func transaction(_ object: JSONObject, facts: [String: TableAuditFacts]) -> JSONValue {
        var result = JSONObject()
        for member in object.members where member.value != .null {
            guard member.key == "TransactItems", let entries = member.value.arrayValue else {
                result.append(CloudTrailPayload.lowerCamel(member.key), CloudTrailPayload.lowerCamelKeys(member.value))
                continue
            }
            let items = entries.map { entry -> JSONValue in
                guard let action = entry.objectValue?.members.first, let body = action.value.objectValue else { return .null }
                var rendered = JSONObject()
                rendered.append("operation", .string(action.key))
                let inner = members(body, table: body["TableName"]?.stringValue, facts: facts, itemName: "items")
                for part in inner.members { rendered.append(part.key, part.value) }
                return .object(rendered)
            }
            result.append("requestItems", .array(items))
        }
        return .object(result)
    }

    /// BatchGetItem / BatchWriteItem: `requestItems` keeps its table names; each table's requests are
    /// rendered like single calls (Unverified: AWS shows no batch example).
    static func batch(_ object: JSONObject, facts: [String: TableAuditFacts]) -> JSONValue {
        var result = JSONObject()
        for member in object.members where member.value != .null {
            guard member.key == "RequestItems", let tables = member.value.objectValue else {
                result.append(CloudTrailPayload.lowerCamel(member.key), CloudTrailPayload.lowerCamelKeys(member.value))
                continue
            }
            var rendered = JSONObject()
            for table in tables.members {
                if let requests = table.value.arrayValue {
                    let writes = requests.map { request -> JSONValue in
                        var entry = JSONObject()
                        for action in request.objectValue?.members ?? [] {
                            let body = action.value.objectValue ?? JSONObject()
                            entry.append(
                                CloudTrailPayload.lowerCamel(action.key),
                                .object(members(body, table: table.key, facts: facts, itemName: "item")))
                        }
                        return .object(entry)
                    }
                    rendered.append(table.key, .array(writes))
                } else if let reads = table.value.objectValue {
                    rendered.append(table.key, .object(members(reads, table: table.key, facts: facts, itemName: "item")))
                }
            }
            result.append("requestItems", .object(rendered))
        }
        return .object(result)
    }

    static func statementRequest(_ object: JSONObject, facts: [String: TableAuditFacts]) -> JSONValue {
        var result = JSONObject()
        for member in object.members where !valueMembers.contains(member.key) && member.value != .null {
            if member.key == "Statement", let text = member.value.stringValue {
                result.append("statement", .string(PartiQLRedaction.redact(text, facts: facts)))
            } else {
                result.append(CloudTrailPayload.lowerCamel(member.key), CloudTrailPayload.lowerCamelKeys(member.value))
            }
        }
        return .object(result)
    }

    /// BatchExecuteStatement (`Statements`) and ExecuteTransaction (`TransactStatements`, Unverified) as `requestItems`.
    static func statementsRequest(_ object: JSONObject, facts: [String: TableAuditFacts]) -> JSONValue {
        var result = JSONObject()
        for member in object.members where member.value != .null {
            guard member.key == "Statements" || member.key == "TransactStatements", let entries = member.value.arrayValue else {
                result.append(CloudTrailPayload.lowerCamel(member.key), CloudTrailPayload.lowerCamelKeys(member.value))
                continue
            }
            result.append("requestItems", .array(entries.map { statementRequest($0.objectValue ?? JSONObject(), facts: facts) }))
        }
        return .object(result)
    }
}
