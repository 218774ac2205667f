import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `ClientRequestToken`s of TransactWriteItems calls that succeeded in the last ten minutes, per account
/// and region, with the request they came with and the answer given ("TransactWriteItems", Amazon DynamoDB
/// API Reference: "A client request token is valid for 10 minutes after the first request that uses it is
/// completed"). A value type confined to the actor `DynamoDBService`.
struct TransactionTokens: Sendable {
    static let validitySeconds: Double = 600

    /// One completed transaction under a token.
    struct Entry: Sendable {
        /// The request's parameters as written JSON (the comparison key for a repeat).
        var parameters: String
        var answer: JSONValue
        var completedAt: Date
    }

    /// What a token says about a new request.
    enum Lookup: Sendable, Equatable {
        /// Not seen in the last ten minutes: perform the transaction.
        case fresh
        /// The same request again: answer as the first time, change nothing.
        case repeated(JSONValue)
        /// The token was used with other parameters.
        case mismatch
    }

    private var entries: [RegionKey: [String: Entry]] = [:]

    /// Looks `token` up for a request with `parameters` at `now`, forgetting what has expired.
    mutating func lookup(_ token: String, parameters: String, in region: RegionKey, now: Date) -> Lookup {
        forgetExpired(in: region, now: now)
        guard let entry = entries[region]?[token] else { return .fresh }
        return entry.parameters == parameters ? .repeated(entry.answer) : .mismatch
    }

    /// Remembers a completed transaction.
    mutating func record(_ token: String, parameters: String, answer: JSONValue, in region: RegionKey, now: Date) {
        entries[region, default: [:]][token] = Entry(parameters: parameters, answer: answer, completedAt: now)
    }

    private mutating func forgetExpired(in region: RegionKey, now: Date) {
        guard let held = entries[region] else { return }
        let live = held.filter { now.timeIntervalSince($0.value.completedAt) < Self.validitySeconds }
        if live.count != held.count { entries[region] = live.isEmpty ? nil : live }
    }
}
