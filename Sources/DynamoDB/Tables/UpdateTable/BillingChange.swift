/// A table's billing mode before and after an UpdateTable call.
struct BillingChange: Sendable, Equatable {
    var current: BillingMode
    var target: BillingMode

    var switchesToPayPerRequest: Bool { current == .provisioned && target == .payPerRequest }
    var switchesToProvisioned: Bool { current == .payPerRequest && target == .provisioned }
}
