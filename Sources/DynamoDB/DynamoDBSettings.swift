/// The `dynamodb` section of config.json: transition delays and quotas. Defaults are AWS's quotas
/// with instant transitions, so the call after a mutation already sees ACTIVE or not-found.
public struct DynamoDBSettings: Sendable, Equatable {
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
    /// Global secondary indexes per table (AWS default quota 20).
    public var maxGlobalSecondaryIndexes: Int = 20
    /// Per-table (and per-index) capacity maximum of the account (AWS 2026: 40,000 each).
    public var tableMaxReadCapacityUnits: Int64 = 40_000
    public var tableMaxWriteCapacityUnits: Int64 = 40_000
    /// Account-wide capacity maximum reported by DescribeLimits (AWS 2026: 80,000 each).
    public var accountMaxReadCapacityUnits: Int64 = 80_000
    public var accountMaxWriteCapacityUnits: Int64 = 80_000
    /// Cool-down between DeletionProtectionEnabled changes (AWS: 15 s). 0 turns it off, matching instant transitions.
    public var deletionProtectionCooldownSeconds: Double = 0
    /// How often DescribeTable's ItemCount and TableSizeBytes are refreshed, in seconds; 0 (the default, as
    /// DynamoDB Local) shows them live. AWS refreshes them about every six hours (21600).
    public var itemCountRefreshSeconds: Double = 0
    /// The largest item collection (items of one partition key value plus their local secondary index entries) of a
    /// table with local secondary indexes, in bytes (AWS: 10 GB); a smaller value lets tests reach the limit.
    public var itemCollectionSizeLimitBytes: Int = 10_737_418_240

    public init() {}
}
