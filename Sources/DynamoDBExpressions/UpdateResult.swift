import DynamoDBItems

/// An update's outcome: the item before (nil when there was none), after, and the paths it changed.
public struct UpdateResult: Sendable, Equatable {
    public var old: Item?
    public var new: Item
    /// The paths the actions named, in order (UPDATED_OLD / UPDATED_NEW project them).
    public var updatedPaths: [DocumentPath]

    /// The `Attributes` DynamoDB returns for `returnValues` (nil: no `Attributes` member).
    public func attributes(for returnValues: ReturnValues) -> Item? {
        let result: Item?
        switch returnValues {
        case .none: result = nil
        case .allOld: result = old
        case .allNew: result = new
        case .updatedOld: result = old.map { Projection.apply(updatedPaths, to: $0) }
        case .updatedNew: result = Projection.apply(updatedPaths, to: new)
        }
        guard let result, !result.isEmpty else { return nil }
        return result
    }
}
