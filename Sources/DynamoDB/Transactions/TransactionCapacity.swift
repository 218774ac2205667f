import AWSProtocol

/// The `ConsumedCapacity` list of a transaction: one entry per table in the order the request first names
/// it, each the sum of its actions' units ("ConsumedCapacity", Amazon DynamoDB API Reference). Transactions
/// cost twice a plain read or write ("Capacity management for transactions", Amazon DynamoDB Developer
/// Guide); the entries also carry `ReadCapacityUnits` or `WriteCapacityUnits`, as moto answers (Unverified).
struct TransactionCapacity: Sendable {
    /// Whether the units were read or written: names the extra member of each entry.
    enum Direction: String, Sendable {
        case read = "ReadCapacityUnits"
        case write = "WriteCapacityUnits"
    }

    let direction: Direction
    private(set) var tables: [ConsumedCapacity] = []

    init(_ direction: Direction) { self.direction = direction }

    /// Adds one action's units to its table's entry.
    mutating func add(_ consumed: ConsumedCapacity) {
        guard let position = tables.firstIndex(where: { $0.tableName == consumed.tableName }) else {
            tables.append(consumed)
            return
        }
        tables[position].table += consumed.table
        tables[position].localIndexes = Self.merged(tables[position].localIndexes, consumed.localIndexes)
        tables[position].globalIndexes = Self.merged(tables[position].globalIndexes, consumed.globalIndexes)
    }

    /// The member for `report`, or nil for NONE.
    func json(_ report: CapacityReport) -> JSONValue? {
        guard report != .none else { return nil }
        return .array(
            tables.map { entry in
                var object = JSONObject()
                object.append("TableName", .string(entry.tableName))
                object.append("CapacityUnits", .double(entry.total))
                object.append(direction.rawValue, .double(entry.total))
                guard report == .indexes else { return .object(object) }
                object.append("Table", units(entry.table))
                if !entry.localIndexes.isEmpty { object.append("LocalSecondaryIndexes", indexes(entry.localIndexes)) }
                if !entry.globalIndexes.isEmpty { object.append("GlobalSecondaryIndexes", indexes(entry.globalIndexes)) }
                return .object(object)
            })
    }

    private func units(_ value: Double) -> JSONValue {
        var object = JSONObject()
        object.append("CapacityUnits", .double(value))
        object.append(direction.rawValue, .double(value))
        return .object(object)
    }

    private func indexes(_ list: [(name: String, units: Double)]) -> JSONValue {
        var object = JSONObject()
        for index in list { object.append(index.name, units(index.units)) }
        return .object(object)
    }

    private static func merged(_ held: [(name: String, units: Double)], _ added: [(name: String, units: Double)])
        -> [(name: String, units: Double)]
    {
        var result = held
        for index in added {
            if let position = result.firstIndex(where: { $0.name == index.name }) {
                result[position].units += index.units
            } else {
                result.append(index)
            }
        }
        return result
    }
}

extension ConsumedCapacity {
    /// The same units doubled: the two underlying reads or writes of a transactional action.
    var transactional: ConsumedCapacity {
        var doubled = self
        doubled.table *= 2
        doubled.localIndexes = localIndexes.map { ($0.name, $0.units * 2) }
        doubled.globalIndexes = globalIndexes.map { ($0.name, $0.units * 2) }
        return doubled
    }
}
