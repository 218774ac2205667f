import DynamoDBItems

/// Applies checked update actions to an item with DynamoDB's semantics and runtime errors ("Update
/// expressions", Amazon DynamoDB Developer Guide): every SET value is computed from the item as it was
/// before the update; a missing item starts from its key; key attributes cannot change.
public enum UpdateApplier {
    static let incorrectType = ItemError.validation("An operand in the update expression has an incorrect data type")

    /// The item after `actions`; `key` is the request's key (the new item's start when there is no item).
    public static func apply(_ actions: [UpdateAction], to item: Item?, key: Item) throws(ItemError) -> UpdateResult {
        for action in actions where key[action.path.topLevelName] != nil {
            throw .validation(
                "One or more parameter values were invalid: Cannot update attribute \(action.path.topLevelName). This attribute is part of the key"
            )
        }
        let original = item ?? key
        var updated = original
        for action in UpdateApplier.removalsLast(actions) {
            switch action {
            case .set(let path, let operand):
                try PathWriter.write(try operand.evaluateForUpdate(in: original), at: path, in: &updated)
            case .remove(let path):
                try PathWriter.write(nil, at: path, in: &updated)
            case .add(let path, let value):
                try PathWriter.write(try added(value, to: path.value(in: updated)), at: path, in: &updated)
            case .delete(let path, let value):
                guard let existing = path.value(in: updated) else { continue }
                try PathWriter.write(try removed(value, from: existing), at: path, in: &updated)
            }
        }
        try AttributeValue.checkDepth(of: updated)
        if AttributeValue.size(of: updated) > AttributeValue.maximumItemSize {
            throw .validation("Item size to update has exceeded the maximum allowed size")
        }
        return UpdateResult(old: item, new: updated, updatedPaths: actions.map(\.path))
    }

    /// The actions with REMOVEs last, later list indexes first, so every index names an element of the
    /// list as it was before the update (REMOVE l[0], l[1] removes the first two elements).
    static func removalsLast(_ actions: [UpdateAction]) -> [UpdateAction] {
        let removals = actions.filter { if case .remove = $0 { return true } else { return false } }
        let others = actions.filter { if case .remove = $0 { return false } else { return true } }
        return others + removals.sorted { comesFirst($0.path.elements, $1.path.elements) }
    }

    private static func comesFirst(_ left: [DocumentPath.Element], _ right: [DocumentPath.Element]) -> Bool {
        for (leftElement, rightElement) in zip(left, right) where leftElement != rightElement {
            switch (leftElement, rightElement) {
            case (.index(let leftIndex), .index(let rightIndex)): return leftIndex > rightIndex
            case (.name(let leftName), .name(let rightName)): return leftName < rightName
            case (.name, .index): return true
            case (.index, .name): return false
            }
        }
        return left.count < right.count
    }

    /// ADD: numbers are summed (a missing attribute counts as 0), sets are joined.
    static func added(_ value: AttributeValue, to existing: AttributeValue?) throws(ItemError) -> AttributeValue {
        guard let existing else { return value }
        switch (existing, value) {
        case (.number(let left), .number(let right)): return .number(try left.adding(right))
        case (.stringSet(let left), .stringSet(let right)): return .stringSet(left + right.filter { !left.contains($0) })
        case (.numberSet(let left), .numberSet(let right)): return .numberSet(left + right.filter { !left.contains($0) })
        case (.binarySet(let left), .binarySet(let right)): return .binarySet(left + right.filter { !left.contains($0) })
        case (.list(let left), .list(let right)): return .list(left + right)  // legacy AttributeUpdates ADD only
        default: throw incorrectType
        }
    }

    /// DELETE: members removed from a set of the same type; an emptied set disappears (nil).
    static func removed(_ value: AttributeValue, from existing: AttributeValue) throws(ItemError) -> AttributeValue? {
        switch (existing, value) {
        case (.stringSet(let left), .stringSet(let right)):
            let rest = left.filter { !right.contains($0) }
            return rest.isEmpty ? nil : .stringSet(rest)
        case (.numberSet(let left), .numberSet(let right)):
            let rest = left.filter { !right.contains($0) }
            return rest.isEmpty ? nil : .numberSet(rest)
        case (.binarySet(let left), .binarySet(let right)):
            let rest = left.filter { !right.contains($0) }
            return rest.isEmpty ? nil : .binarySet(rest)
        default: throw incorrectType
        }
    }
}

extension Operand {
    /// A SET value computed from `item`: a missing path is AWS's "The provided expression refers to an
    /// attribute that does not exist in the item"; `+`, `-` need numbers and `list_append` lists.
    public func evaluateForUpdate(in item: Item) throws(ItemError) -> AttributeValue {
        switch self {
        case .path(let path):
            guard let value = path.value(in: item) else {
                throw .validation("The provided expression refers to an attribute that does not exist in the item")
            }
            return value
        case .value(let value): return value
        case .ifNotExists(let path, let fallback):
            if let value = path.value(in: item) { return value }
            return try fallback.evaluateForUpdate(in: item)
        case .listAppend(let left, let right):
            guard case .list(let first) = try left.evaluateForUpdate(in: item),
                case .list(let second) = try right.evaluateForUpdate(in: item)
            else { throw UpdateApplier.incorrectType }
            return .list(first + second)
        case .add(let left, let right), .subtract(let left, let right):
            guard case .number(let first) = try left.evaluateForUpdate(in: item),
                case .number(let second) = try right.evaluateForUpdate(in: item)
            else { throw UpdateApplier.incorrectType }
            if case .add = self { return .number(try first.adding(second)) }
            return .number(try first.subtracting(second))
        case .size(let inner):
            guard let count = Operand.size(of: try inner.evaluateForUpdate(in: item)) else { throw UpdateApplier.incorrectType }
            return .number((try? DynamoNumber(parsing: String(count))) ?? .zero)
        }
    }
}
