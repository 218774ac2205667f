import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// One action of a TransactWriteItems request, parsed by the single-item request types (a Delete and a
/// ConditionCheck share DeleteItem's members), so its expressions and values are checked exactly as PutItem,
/// UpdateItem and DeleteItem check theirs ("TransactWriteItem", Amazon DynamoDB API Reference).
struct TransactWriteAction {
    /// The four actions, by their member names.
    enum Kind: String, Sendable, CaseIterable {
        case conditionCheck = "ConditionCheck"
        case put = "Put"
        case delete = "Delete"
        case update = "Update"
    }

    /// The parsed request of the action.
    enum Request {
        case put(PutItemRequest)
        case update(UpdateItemRequest)
        /// Delete and ConditionCheck: a key and an optional condition.
        case keyed(DeleteItemRequest)
    }

    /// What the action does to its item when the transaction commits.
    enum Write: Equatable {
        case keep
        case put(Item)
        case delete
    }

    var kind: Kind
    /// `TableName` as sent (a name or a table ARN); nil when missing.
    var tableName: String?
    var request: Request

    /// Parses one `TransactItems` entry: exactly one action, its unknown members ignored.
    init(_ entry: InputReader) throws(AWSServiceError) {
        let present = Kind.allCases.filter { entry.has($0.rawValue) }
        guard present.count == 1, let kind = present.first, let body = entry.reader(kind.rawValue) else {
            throw DynamoDBError.transactionOneAction
        }
        let reader = Self.modelled(body, kind.rawValue)
        self.kind = kind
        tableName = reader.string("TableName")
        request = try DynamoDBService.itemStep { () throws(ItemError) -> Request in
            switch kind {
            case .put: return .put(try PutItemRequest(reader))
            case .update: return .update(try UpdateItemRequest(reader))
            case .delete, .conditionCheck: return .keyed(try DeleteItemRequest(reader))
            }
        }
    }

    /// `body` keeping only the members the model gives `action` (Coral ignores the others).
    static func modelled(_ body: InputReader, _ action: String) -> InputReader {
        let allowed = InputShapes.transactActionMembers[action] ?? []
        var object = JSONObject()
        for member in body.object.members where allowed.contains(member.key) { object.append(member.key, member.value) }
        return InputReader(object)
    }

    var condition: Condition? {
        switch request {
        case .put(let put): return put.condition
        case .update(let update): return update.condition
        case .keyed(let keyed): return keyed.condition
        }
    }

    var returnOldOnFailure: Bool {
        switch request {
        case .put(let put): return put.options.returnOldOnFailure
        case .update(let update): return update.options.returnOldOnFailure
        case .keyed(let keyed): return keyed.options.returnOldOnFailure
        }
    }

    /// The bytes this action adds to the transaction's payload: a Put's item, otherwise its key. Deleting
    /// or updating large items does not count (observed by a public test suite run against DynamoDB).
    var payloadBytes: Int {
        switch request {
        case .put(let put): return AttributeValue.size(of: put.item)
        case .update(let update): return AttributeValue.size(of: update.key)
        case .keyed(let keyed): return AttributeValue.size(of: keyed.key)
        }
    }

    /// The item's key in `table`, after what the table's schema decides: key names and types, index key
    /// types of a Put, updates of key attributes. A failure cancels the transaction with a ValidationError.
    func key(in table: Table) throws(ItemError) -> PrimaryKey {
        switch request {
        case .put(let put):
            let key = try table.itemKeySchema.key(ofItem: put.item)
            try DynamoDBService.checkIndexKeys(of: put.item, in: table)
            return key
        case .update(let update):
            let key = try table.itemKeySchema.key(ofKey: update.key)
            try DynamoDBService.checkUpdatedPaths(update.actions.map(\.path), in: table)
            return key
        case .keyed(let keyed):
            return try table.itemKeySchema.key(ofKey: keyed.key)
        }
    }

    /// The write this action makes on `old`, or why it cancels the transaction: its condition is false, or
    /// its update cannot apply (a wrong operand type, a missing path, an item over 400 KB).
    func outcome(on old: Item?, in table: Table) -> Result<Write, CancellationReason> {
        if let condition, !condition.isSatisfied(by: old) {
            return .failure(.conditionalCheckFailed(old: old, returnOld: returnOldOnFailure))
        }
        switch (kind, request) {
        case (.conditionCheck, _): return .success(.keep)
        case (_, .put(let put)): return .success(.put(put.item))
        case (_, .update(let update)):
            do {
                let result = try update.apply(to: old)
                try DynamoDBService.checkUpdatedIndexKeys(result.new, update.actions, in: table)
                return .success(.put(result.new))
            } catch {
                return .failure(.validation(error))
            }
        case (_, .keyed): return .success(.delete)
        }
    }
}
