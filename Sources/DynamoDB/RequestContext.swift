#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What one call knows besides its input: who, where, when.
struct RequestContext: Sendable {
    var accountId: String
    var region: String
    var now: Date
    var key: RegionKey { RegionKey(accountId: accountId, region: region) }

    func tableArn(_ name: String) -> String { "arn:aws:dynamodb:\(region):\(accountId):table/\(name)" }
}
