/// Which capacity a reserved-capacity offering covers (our proposal; raw values are the wire strings).
enum CapacityUnitType: String, Sendable, Equatable, CaseIterable {
    case read = "READ"
    case write = "WRITE"
}
