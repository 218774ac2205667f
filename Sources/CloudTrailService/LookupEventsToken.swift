import AWSProtocol
import CloudTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// LookupEvents' opaque `NextToken`: where the previous page stopped plus a fingerprint of the
/// request's filters, so a token replayed with other parameters is refused (botocore doc: "must
/// be passed in with the same parameters that were specified in the original call").
/// Form (ours, not AWS's): base64 of `v1:<eventTime>:<sequence>:<fingerprint hex>`.
enum LookupEventsToken {
    static func encode(_ cursor: HistoryCursor, fingerprint: UInt64) -> String {
        let text = "v1:\(cursor.eventTime):\(cursor.sequence):\(String(fingerprint, radix: 16))"
        return Data(text.utf8).base64EncodedString()
    }

    /// The cursor, or nil when the token is malformed or belongs to other parameters.
    static func decode(_ token: String, fingerprint: UInt64) -> HistoryCursor? {
        guard token.utf8.count <= 200, let data = Data(base64Encoded: token) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "v1", let time = Int64(parts[1]), let sequence = UInt64(parts[2]),
            let print = UInt64(parts[3], radix: 16), print == fingerprint
        else { return nil }
        return HistoryCursor(eventTime: time, sequence: sequence)
    }

    /// FNV-1a over the parameters a token is bound to (not MaxResults: pages may differ in size).
    static func fingerprint(_ query: HistoryQuery, category: String?) -> UInt64 {
        var parts = [query.account, query.region, query.attribute?.key.rawValue ?? "", query.attribute?.value ?? ""]
        parts.append(query.startTime.map { String($0.timeIntervalSince1970) } ?? "")
        parts.append(query.endTime.map { String($0.timeIntervalSince1970) } ?? "")
        parts.append(category ?? "")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
