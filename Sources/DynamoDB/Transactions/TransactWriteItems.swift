import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// TransactWriteItems: up to 100 ConditionCheck/Put/Update/Delete actions across tables, all or nothing
/// ("TransactWriteItems", Amazon DynamoDB API Reference). Every condition is evaluated on the items as they
/// are before anything is written; only when all hold are the writes applied, so a cancelled transaction
/// leaves every table as it was. A `ClientRequestToken` makes a repeat within ten minutes answer as the
/// first call did without writing again.
extension DynamoDBService {
    static let transactionActionLimit = 100
    /// "The aggregate size of the items in the transaction cannot exceed 4 MB" (API Reference).
    static let transactionPayloadLimit = 4 * 1024 * 1024

    func transactWriteItems(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        Self.transactWriteConstraints(input, &validator)
        if let error = validator.error { throw error }
        let actions = try (input.readers("TransactItems") ?? []).map { entry throws(AWSServiceError) in
            try TransactWriteAction(entry)
        }
        if actions.reduce(0, { $0 + $1.payloadBytes }) > Self.transactionPayloadLimit {
            throw DynamoDBError.transactionTooLarge
        }
        let token = input.string("ClientRequestToken")
        let parameters = JSONWriter.string(.object(input.object))
        if let token {
            switch transactionTokens.lookup(token, parameters: parameters, in: context.key, now: context.now) {
            case .fresh: break
            case .repeated(let answer):
                return repeatedTransactWriteAnswer(answer, actions, capacity: ItemReturnOptions.capacity(input), context)
            case .mismatch: throw DynamoDBError.idempotentParameterMismatch
            }
        }
        let answer = try performTransactWrite(
            actions, capacity: ItemReturnOptions.capacity(input),
            collectionMetrics: input.string("ReturnItemCollectionMetrics") == "SIZE", context)
        if let token {
            transactionTokens.record(token, parameters: parameters, answer: answer, in: context.key, now: context.now)
        }
        return answer
    }

    /// Looks up the tables, checks the keys, evaluates every action, then writes all or nothing.
    private func performTransactWrite(
        _ actions: [TransactWriteAction], capacity: CapacityReport, collectionMetrics: Bool, _ context: RequestContext
    ) throws(AWSServiceError) -> JSONValue {
        let references = try actions.map { action throws(AWSServiceError) in
            try Self.transactTableReference(action.tableName, context)
        }
        let tables = try references.map { reference throws(AWSServiceError) in try itemTable(reference, context) }
        let keys = try Self.transactKeys(actions.count) { position throws(ItemError) in
            try actions[position].key(in: tables[position])
        }
        try Self.checkOneActionPerItem(tables: tables, keys: keys)
        let olds = actions.indices.map { itemTables.store(of: tables[$0])?.item(at: keys[$0]) }
        var reasons: [CancellationReason] = []
        var writes: [TransactWriteAction.Write] = []
        for position in actions.indices {
            switch actions[position].outcome(on: olds[position], in: tables[position]) {
            case .success(let write):
                writes.append(write)
                reasons.append(.none)
            case .failure(let reason):
                writes.append(.keep)
                reasons.append(reason)
            }
        }
        let growth = transactCollectionGrowth(writes, tables: tables, keys: keys, olds: olds)
        for position in growth.offendingWrites(limit: settings.itemCollectionSizeLimitBytes) where reasons[position].code == .none {
            reasons[position] = .itemCollectionSizeLimitExceeded
        }
        if reasons.contains(where: { $0.code != .none }) { throw CancellationReason.canceled(reasons) }
        var consumed = TransactionCapacity(.write)
        var metrics = JSONObject()
        for position in actions.indices {
            let (table, key, old) = (tables[position], keys[position], olds[position])
            let new = try applyTransactWrite(writes[position], table: table, key: key, old: old, context)
            // A ConditionCheck is charged as a write of the item it reads (Unverified).
            consumed.add(ConsumedCapacity.write(table, named: references[position].shown, old: old, new: new).transactional)
            guard collectionMetrics, let step = growth.steps[position] else { continue }
            let entry = ItemCollectionMetrics.json(table.itemKeySchema, partition: key.partition, bytes: step.bytesAfter)
            let shown = references[position].shown
            metrics[shown] = .array((metrics[shown]?.arrayValue ?? []) + [entry])
        }
        var answer = JSONObject()
        if let capacityJSON = consumed.json(capacity) { answer.append("ConsumedCapacity", capacityJSON) }
        if !metrics.isEmpty { answer.append("ItemCollectionMetrics", .object(metrics)) }
        return .object(answer)
    }

    /// The answer to a repeat of a completed transaction: nothing is written; `ItemCollectionMetrics` as the first
    /// time, and `ConsumedCapacity` (when asked) counts reading the items, not writing them (API Reference,
    /// ClientRequestToken: "Subsequent TransactWriteItems calls with the same client token return the number of
    /// read capacity units consumed in reading the item"). Unverified: a strongly consistent read per item.
    private func repeatedTransactWriteAnswer(
        _ first: JSONValue, _ actions: [TransactWriteAction], capacity: CapacityReport, _ context: RequestContext
    ) -> JSONValue {
        var consumed = TransactionCapacity(.read)
        for action in actions {
            guard let reference = try? Self.transactTableReference(action.tableName, context),
                let table = try? itemTable(reference, context), let key = try? action.key(in: table)
            else { continue }
            let bytes = itemTables.store(of: table)?.item(at: key).map(AttributeValue.size(of:)) ?? 0
            consumed.add(ConsumedCapacity.read(named: reference.shown, bytes: bytes, consistent: true))
        }
        var answer = JSONObject()
        if let capacityJSON = consumed.json(capacity) { answer.append("ConsumedCapacity", capacityJSON) }
        if let metrics = first["ItemCollectionMetrics"] { answer.append("ItemCollectionMetrics", metrics) }
        return .object(answer)
    }

    /// The item-collection sizes the transaction's writes lead to, one step per action (a ConditionCheck, or an
    /// action that cancels, writes nothing). An action that grows a collection past the limit cancels the
    /// transaction with `ItemCollectionSizeLimitExceeded` ("TransactionCanceledException", API Reference).
    private func transactCollectionGrowth(
        _ writes: [TransactWriteAction.Write], tables: [Table], keys: [PrimaryKey], olds: [Item?]
    ) -> CollectionGrowth {
        var growth = CollectionGrowth()
        for position in writes.indices {
            switch writes[position] {
            case .keep: growth.skip()
            case .put(let item): addCollectionWrite(&growth, tables[position], keys[position], old: olds[position], new: item)
            case .delete: addCollectionWrite(&growth, tables[position], keys[position], old: olds[position], new: nil)
            }
        }
        return growth
    }

    /// Writes one action's item and keeps the index figures in step; answers the item as it now is.
    private func applyTransactWrite(
        _ write: TransactWriteAction.Write, table: Table, key: PrimaryKey, old: Item?, _ context: RequestContext
    )
        throws(AWSServiceError) -> Item?
    {
        switch write {
        case .keep: return old
        case .put(let item):
            try itemTables.withStore(of: table) { (store: inout ItemStore) in _ = store.put(item, at: key) }
            didChangeItem(in: table, key: key, old: old, new: item, origin: .caller, context)
            return item
        case .delete:
            try itemTables.withStore(of: table) { (store: inout ItemStore) in _ = store.delete(at: key) }
            didChangeItem(in: table, key: key, old: old, new: nil, origin: .caller, context)
            return nil
        }
    }
}
