/// A reservation's State (our proposal, after RDS reserved instances; raw values are the wire strings).
enum ReservationState: String, Sendable, Equatable, CaseIterable {
    case paymentPending = "payment-pending"
    case active = "active"
    case paymentFailed = "payment-failed"
    case retired = "retired"
}
