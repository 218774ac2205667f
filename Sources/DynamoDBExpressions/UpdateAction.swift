import DynamoDBItems

/// One checked action of an update expression (or of the legacy `AttributeUpdates`).
public enum UpdateAction: Sendable, Equatable {
    case set(DocumentPath, Operand)
    case remove(DocumentPath)
    case add(DocumentPath, AttributeValue)
    case delete(DocumentPath, AttributeValue)

    /// The path the action changes.
    public var path: DocumentPath {
        switch self {
        case .set(let path, _), .remove(let path), .add(let path, _), .delete(let path, _): return path
        }
    }
}
