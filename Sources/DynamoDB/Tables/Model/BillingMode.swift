/// How a table's capacity is billed: BillingMode / BillingModeSummary.BillingMode (raw values are the wire strings).
enum BillingMode: String, Sendable, Equatable {
    case provisioned = "PROVISIONED"
    case payPerRequest = "PAY_PER_REQUEST"
}
