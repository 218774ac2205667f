/// An account and region: the unit of state (tables, streams and reservations never cross it).
struct RegionKey: Hashable, Sendable {
    var accountId: String
    var region: String
}
