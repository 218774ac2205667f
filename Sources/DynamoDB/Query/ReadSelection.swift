import DynamoDBExpressions
import DynamoDBItems

/// `Select` of Query and Scan: what each returned item carries ("Query" > Select, Amazon DynamoDB API
/// Reference). Absent, it is ALL_ATTRIBUTES on a table, ALL_PROJECTED_ATTRIBUTES on an index, and
/// SPECIFIC_ATTRIBUTES with a projection.
enum ReadSelection: String, Sendable {
    case allAttributes = "ALL_ATTRIBUTES"
    case allProjectedAttributes = "ALL_PROJECTED_ATTRIBUTES"
    case specificAttributes = "SPECIFIC_ATTRIBUTES"
    case count = "COUNT"

    static let wireValues = ["SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"]

    /// The selection a request makes, refusing the combinations DynamoDB refuses before it looks the table
    /// up, the projection conflict first (texts as DynamoDB answers them, captured by several emulators'
    /// conformance suites against DynamoDB; one capture shows a `1 validation error detected: ` prefix on
    /// Query's, Unverified).
    static func resolve(_ sent: String?, projectionMember: String?, hasIndex: Bool) throws(ItemError) -> ReadSelection {
        let selection = sent.flatMap(ReadSelection.init(rawValue:))
        if let member = projectionMember {
            switch selection {
            case .count: throw .validation("Cannot specify the \(member) when choosing to get only the Count")
            case .allAttributes, .allProjectedAttributes:
                throw .validation("Cannot specify the \(member) when choosing to get \(selection?.rawValue ?? "")")
            case .specificAttributes, nil: return .specificAttributes
            }
        }
        switch selection {
        case .specificAttributes:
            throw .validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES")
        case .allProjectedAttributes where !hasIndex:
            throw .validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
        case let selection?: return selection
        case nil: return hasIndex ? .allProjectedAttributes : .allAttributes
        }
    }
}
