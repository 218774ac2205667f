import AWSProtocol
import DynamoDBItems

/// The capacity units one item call consumed on the table and on each secondary index, by DynamoDB's
/// rounding ("Read and write capacity units", Amazon DynamoDB Developer Guide).
struct ConsumedCapacity: Sendable {
    /// The table as the request named it (a name, or the ARN when it sent one: "ConsumedCapacity", API Reference).
    var tableName: String
    var table: Double
    var localIndexes: [(name: String, units: Double)] = []
    var globalIndexes: [(name: String, units: Double)] = []

    var total: Double { table + localIndexes.reduce(0) { $0 + $1.units } + globalIndexes.reduce(0) { $0 + $1.units } }

    /// The `ConsumedCapacity` member for `report`, or nil for NONE.
    func json(_ report: CapacityReport) -> JSONValue? {
        guard report != .none else { return nil }
        var object = JSONObject()
        object.append("TableName", .string(tableName))
        object.append("CapacityUnits", .double(total))
        guard report == .indexes else { return .object(object) }
        object.append("Table", ["CapacityUnits": .double(table)])
        if !localIndexes.isEmpty { object.append("LocalSecondaryIndexes", Self.indexesJSON(localIndexes)) }
        if !globalIndexes.isEmpty { object.append("GlobalSecondaryIndexes", Self.indexesJSON(globalIndexes)) }
        return .object(object)
    }

    private static func indexesJSON(_ indexes: [(name: String, units: Double)]) -> JSONValue {
        var object = JSONObject()
        for index in indexes { object.append(index.name, ["CapacityUnits": .double(index.units)]) }
        return .object(object)
    }

    /// A write that changed `old` into `new` (nil: no item): the table pays for the larger of the two
    /// sizes; each index pays for the entries it writes ("Provisioned throughput considerations for Global
    /// Secondary Indexes", Amazon DynamoDB Developer Guide): one write for a new or removed entry, two when
    /// the index key changes, one when only projected attributes change, none otherwise.
    static func write(_ table: Table, named name: String, old: Item?, new: Item?) -> ConsumedCapacity {
        let bytes = max(old.map(AttributeValue.size(of:)) ?? 0, new.map(AttributeValue.size(of:)) ?? 0)
        var consumed = ConsumedCapacity(tableName: name, table: CapacityUnits.write(bytes: bytes))
        let tableSchema = table.itemKeySchema
        for index in table.secondaryIndexes {
            let before = index.entry(of: old, tableSchema: tableSchema)
            let after = index.entry(of: new, tableSchema: tableSchema)
            var units = 0.0
            switch (before, after) {
            case (nil, nil): continue
            case (let entry?, nil), (nil, let entry?): units = CapacityUnits.write(bytes: AttributeValue.size(of: entry))
            case (let before?, let after?):
                if before == after { continue }
                let keyChanged = index.schema.names.contains { before[$0] != after[$0] }
                let sizes = (AttributeValue.size(of: before), AttributeValue.size(of: after))
                units =
                    keyChanged
                    ? CapacityUnits.write(bytes: sizes.0) + CapacityUnits.write(bytes: sizes.1)
                    : CapacityUnits.write(bytes: max(sizes.0, sizes.1))
            }
            if index.isGlobal {
                consumed.globalIndexes.append((index.name, units))
            } else {
                consumed.localIndexes.append((index.name, units))
            }
        }
        return consumed
    }

    /// A read of one item (`bytes` 0 when there was none).
    static func read(named name: String, bytes: Int, consistent: Bool) -> ConsumedCapacity {
        ConsumedCapacity(tableName: name, table: CapacityUnits.read(bytes: bytes, consistency: consistent ? .strong : .eventual))
    }
}
