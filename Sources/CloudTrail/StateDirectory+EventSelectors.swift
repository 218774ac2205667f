extension StateDirectory {
    /// The event selectors set by PutEventSelectors (`TrailSelection`).
    public var eventSelectorsFile: String { FileIO.join(root, "event-selectors.json") }
}
