/// What a retention sweep did.
public struct RetentionReport: Sendable, Equatable {
    /// Keys whose sidecar storage class was set to `GLACIER`.
    public var archived: [String] = []
    /// Keys deleted with their sidecars.
    public var deleted: [String] = []
    public var errors: [String] = []
    public init() {}
}
