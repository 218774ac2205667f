import DynamoDBItems

/// ProjectionExpression and AttributesToGet: the parts of an item the paths name, nested as in the item;
/// list elements picked by index keep their order, compacted ("Projection expressions", Amazon DynamoDB
/// Developer Guide).
public enum Projection {
    /// The parts of `item` at `paths` (missing paths contribute nothing).
    public static func apply(_ paths: [DocumentPath], to item: Item) -> Item {
        var result: [String: Picked] = [:]
        for path in paths {
            guard case .name(let first)? = path.elements.first, let value = item[first] else { continue }
            let picked = pick(Array(path.elements.dropFirst())[...], from: value)
            guard let picked else { continue }
            result[first] = merge(result[first], picked)
        }
        return result.mapValues(compacted)
    }

    /// A sparse copy of `value` holding only what `steps` reach; lists become maps of index → element
    /// until `compacted` turns them back into lists.
    private static func pick(_ steps: ArraySlice<DocumentPath.Element>, from value: AttributeValue) -> Picked? {
        guard let step = steps.first else { return .whole(value) }
        switch (step, value) {
        case (.name(let name), .map(let members)):
            guard let member = members[name], let inner = pick(steps.dropFirst(), from: member) else { return nil }
            return .map([name: inner])
        case (.index(let index), .list(let elements)):
            guard index < elements.count, let inner = pick(steps.dropFirst(), from: elements[index]) else { return nil }
            return .list([index: inner])
        default:
            return nil
        }
    }

    indirect enum Picked {
        case whole(AttributeValue)
        case map([String: Picked])
        case list([Int: Picked])
    }

    private static func merge(_ existing: Picked?, _ new: Picked) -> Picked {
        guard let existing else { return new }
        switch (existing, new) {
        case (.whole, _): return existing
        case (_, .whole): return new
        case (.map(let left), .map(let right)): return .map(left.merging(right) { merge($0, $1) })
        case (.list(let left), .list(let right)): return .list(left.merging(right) { merge($0, $1) })
        default: return existing
        }
    }

    private static func compacted(_ picked: Picked) -> AttributeValue {
        switch picked {
        case .whole(let value): return value
        case .map(let members): return .map(members.mapValues(compacted))
        case .list(let elements): return .list(elements.keys.sorted().compactMap { elements[$0].map(compacted) })
        }
    }
}
