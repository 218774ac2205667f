import DynamoDBItems

/// Reading and writing an item at a document path.
extension DocumentPath {
    /// The value at this path in `item`, or nil when any step is missing or of another type.
    public func value(in item: Item) -> AttributeValue? {
        guard case .name(let first)? = elements.first, var current = item[first] else { return nil }
        for element in elements.dropFirst() {
            switch (element, current) {
            case (.name(let name), .map(let members)):
                guard let member = members[name] else { return nil }
                current = member
            case (.index(let index), .list(let list)):
                guard index < list.count else { return nil }
                current = list[index]
            default:
                return nil
            }
        }
        return current
    }
}

/// Writing into nested values for SET, REMOVE, ADD and DELETE: the parent of the last step must exist
/// and be a map (for a name) or a list (for an index), else AWS's "The document path provided in the
/// update expression is invalid for update".
enum PathWriter {
    static let invalidPath = ItemError.validation("The document path provided in the update expression is invalid for update")

    /// Sets the value at `path` (nil removes it). A list index past the end appends (SET) or does
    /// nothing (REMOVE).
    static func write(_ value: AttributeValue?, at path: DocumentPath, in item: inout Item) throws(ItemError) {
        guard case .name(let first)? = path.elements.first else { throw invalidPath }
        let rest = Array(path.elements.dropFirst())
        if rest.isEmpty {
            item[first] = value
            return
        }
        guard var child = item[first] else { throw invalidPath }
        try write(value, at: rest[...], in: &child)
        item[first] = child
    }

    private static func write(_ value: AttributeValue?, at steps: ArraySlice<DocumentPath.Element>, in container: inout AttributeValue)
        throws(ItemError)
    {
        guard let step = steps.first else { return }
        let rest = steps.dropFirst()
        switch (step, container) {
        case (.name(let name), .map(var members)):
            if rest.isEmpty {
                members[name] = value
            } else {
                guard var child = members[name] else { throw invalidPath }
                try write(value, at: rest, in: &child)
                members[name] = child
            }
            container = .map(members)
        case (.index(let index), .list(var list)):
            if rest.isEmpty {
                if let value {
                    if index < list.count { list[index] = value } else { list.append(value) }
                } else if index < list.count {
                    list.remove(at: index)
                }
            } else {
                guard index < list.count else { throw invalidPath }
                var child = list[index]
                try write(value, at: rest, in: &child)
                list[index] = child
            }
            container = .list(list)
        default:
            throw invalidPath
        }
    }
}
