/// A table's storage class: TableClass / TableClassSummary.TableClass (raw values are the wire strings).
enum TableClass: String, Sendable, Equatable {
    case standard = "STANDARD"
    case standardInfrequentAccess = "STANDARD_INFREQUENT_ACCESS"
}
