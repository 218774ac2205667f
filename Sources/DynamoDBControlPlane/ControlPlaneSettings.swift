/// The `dynamodb` section of config.json: transition delays and quotas. Defaults are AWS's quotas
/// with instant transitions, so the call after a mutation already sees ACTIVE or not-found.
public struct ControlPlaneSettings: Sendable, Equatable {
    /// Seconds a new table (or a new index) stays CREATING.
    public var createSeconds: Double = 0
    /// Seconds an updated table stays UPDATING.
    public var updateSeconds: Double = 0
    /// Seconds a deleted table stays DELETING before it disappears.
    public var deleteSeconds: Double = 0
    /// Tables per account and region (AWS default quota 2,500).
    public var maxTablesPerRegion: Int = 2500
    /// Tables in CREATING, UPDATING or DELETING at once per account and region (AWS: 500).
    public var maxConcurrentTableOperations: Int = 500

    public init() {}
}
