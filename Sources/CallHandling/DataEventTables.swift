import AWSProtocol

/// The tables a data-plane request names, in the order it names them: a data event's `resources`
/// list each of them ("Understanding DynamoDB log file entries": one `AWS::DynamoDB::Table` entry per table). Pure functions.
enum DataEventTables {
    /// The names of the tables `input` names (a table ARN is reduced to its name).
    static func names(_ operation: String, _ input: JSONValue?) -> [String] {
        guard let object = input?.objectValue else { return [] }
        var names: [String] = []
        func add(_ name: String?) {
            guard let name, !name.isEmpty else { return }
            let table = tableName(name)
            if !names.contains(table) { names.append(table) }
        }
        switch operation {
        case "BatchGetItem", "BatchWriteItem":
            object["RequestItems"]?.objectValue?.keys.forEach(add)
        case "TransactGetItems", "TransactWriteItems":
            for entry in object["TransactItems"]?.arrayValue ?? [] {
                add(entry.objectValue?.members.first?.value["TableName"]?.stringValue)
            }
        case "ExecuteStatement":
            object["Statement"]?.stringValue.map(PartiQLRedaction.tableNames)?.forEach(add)
        case "BatchExecuteStatement", "ExecuteTransaction":
            for entry in (object["Statements"] ?? object["TransactStatements"])?.arrayValue ?? [] {
                entry["Statement"]?.stringValue.map(PartiQLRedaction.tableNames)?.forEach(add)
            }
        case "GetShardIterator":
            add(object["StreamArn"]?.stringValue.flatMap(streamTable))
        case "GetRecords":
            add(object["ShardIterator"]?.stringValue.flatMap(streamTable))
        default:
            add(object["TableName"]?.stringValue)
        }
        return names
    }

    /// `arn:aws:dynamodb:<region>:<account>:table/Music` (or an index ARN below it) → `Music`; a name stays a name.
    static func tableName(_ reference: String) -> String {
        guard reference.hasPrefix("arn:"), let range = reference.firstRange(of: ":table/") else { return reference }
        return String(reference[range.upperBound...].split(separator: "/").first ?? "")
    }

    /// The table of a stream ARN, or of a shard iterator that starts with one (as AWS's GetRecords example shows).
    static func streamTable(_ text: String) -> String? {
        guard text.hasPrefix("arn:"), text.contains(":table/"), text.contains("/stream/") else { return nil }
        return tableName(text)
    }
}
