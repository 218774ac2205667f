import AWSProtocol
import DynamoDBItems

/// The checks TransactWriteItems and TransactGetItems share: Coral's constraints on the action lists, the
/// table of each action, the keys (a key the table refuses cancels the transaction) and one action per item.
extension DynamoDBService {
    /// TransactWriteItems' Coral constraints. Observed order (dynalite's recordings): the enums, then
    /// `transactItems`; inside an entry, the actions and their members alphabetically (Unverified beyond
    /// those recordings). Required members per the botocore model.
    static func transactWriteConstraints(_ input: InputReader, _ validator: inout CoralValidator) {
        if let token = input.string("ClientRequestToken") {
            validator.length(token, at: "clientRequestToken", min: 1, max: 36)
        }
        itemEnum(input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", returnConsumedCapacityEnum, &validator)
        itemEnum(input, "ReturnItemCollectionMetrics", at: "returnItemCollectionMetrics", returnItemCollectionMetricsEnum, &validator)
        guard let entries = transactItemsConstraints(input, className: "TransactWriteItem", &validator) else { return }
        let required: [(action: String, path: String, members: [String])] = [
            ("ConditionCheck", "conditionCheck", ["ConditionExpression", "Key", "TableName"]),
            ("Delete", "delete", ["Key", "TableName"]),
            ("Put", "put", ["Item", "TableName"]),
            ("Update", "update", ["Key", "TableName", "UpdateExpression"]),
        ]
        for (position, entry) in entries.enumerated() {
            for action in required {
                guard let body = entry.reader(action.action) else { continue }
                actionConstraints(body, at: "transactItems.\(position + 1).member.\(action.path)", required: action.members, &validator)
            }
        }
    }

    /// `transactItems`: present, 1 to 100 entries. Over 100, Coral prints the list as Java's `toString`
    /// (`[com.amazonaws.dynamodb.v20120810.TransactWriteItem@1a2b3c4d, …]`); the hash codes are AWS's object
    /// identities, so ours are stand-ins.
    static func transactItemsConstraints(_ input: InputReader, className: String, _ validator: inout CoralValidator)
        -> [InputReader]?
    {
        guard validator.notNull(input.has("TransactItems"), at: "transactItems"), let entries = input.readers("TransactItems")
        else { return nil }
        if entries.isEmpty { validator.listLength(0, rendered: "[]", at: "transactItems", min: 1) }
        if entries.count > transactionActionLimit {
            let rendered = entries.indices.map { "com.amazonaws.dynamodb.v20120810.\(className)@\(String(0x1000_0000 + $0, radix: 16))" }
            validator.listLength(
                entries.count, rendered: "[" + rendered.joined(separator: ", ") + "]", at: "transactItems",
                max: transactionActionLimit)
        }
        return entries
    }

    /// One action's members: the required ones present, the enum, the table name's length.
    static func actionConstraints(_ body: InputReader, at path: String, required: [String], _ validator: inout CoralValidator) {
        let ordered = Set(required + ["ReturnValuesOnConditionCheckFailure"]).sorted()
        for member in ordered {
            let memberPath = path + "." + member.prefix(1).lowercased() + member.dropFirst()
            if member == "ReturnValuesOnConditionCheckFailure" {
                itemEnum(body, member, at: memberPath, returnValuesOnConditionCheckFailureEnum, &validator)
                continue
            }
            guard validator.notNull(body.has(member), at: memberPath), member == "TableName", let name = body.string(member)
            else { continue }
            validator.length(name, at: memberPath, min: 1, max: 1024)
        }
    }

    /// The table an action names: a name, or a table ARN of the caller's account and region. A missing
    /// name is not found (Unverified).
    static func transactTableReference(_ name: String?, _ context: RequestContext) throws(AWSServiceError) -> TableReference {
        guard let name else { return TableReference(target: .table(""), shown: "") }
        if name.hasPrefix("arn:") { return TableReference(target: try parseTableArn(name, context), shown: name) }
        return TableReference(target: .table(name), shown: name)
    }

    /// Each action's key; the first key a table refuses cancels the transaction with that action's
    /// ValidationError and `None` for every other (observed on DynamoDB by a public test suite: only the first
    /// validation error is reported, and no condition is evaluated).
    static func transactKeys(_ count: Int, _ key: (Int) throws(ItemError) -> PrimaryKey) throws(AWSServiceError) -> [PrimaryKey] {
        var keys: [PrimaryKey] = []
        for position in 0..<count {
            do {
                keys.append(try key(position))
            } catch {
                var reasons = Array(repeating: CancellationReason.none, count: count)
                reasons[position] = .validation(error)
                throw CancellationReason.canceled(reasons)
            }
        }
        return keys
    }

    /// "Transaction request cannot include multiple operations on one item".
    static func checkOneActionPerItem(tables: [Table], keys: [PrimaryKey]) throws(AWSServiceError) {
        var seen: [String: Set<PrimaryKey>] = [:]
        for (table, key) in zip(tables, keys) where !seen[table.id, default: []].insert(key).inserted {
            throw DynamoDBError.transactionMultipleOperations
        }
    }
}
