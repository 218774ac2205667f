import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A journaled delivery decision: which records go, in which order, into which key.
struct DeliveryPlanEntry {
    var planId: UInt64
    var key: String
    var account: String
    var region: String
    var deliveredAt: Date
    var seqs: [UInt64]

    func encode() -> [UInt8] {
        JSONWriter.bytes(
            .object(
                JSONObject([
                    "plan": .number(JSONNumber(text: String(planId))), "key": .string(key), "account": .string(account),
                    "region": .string(region), "deliveredAt": .epochSeconds(deliveredAt),
                    "seqs": .array(seqs.map { .number(JSONNumber(text: String($0))) }),
                ])))
    }

    static func decode(_ payload: [UInt8]) -> DeliveryPlanEntry? {
        guard let value = try? JSONParser.parse(payload),
            let id = value["plan"]?.numberValue?.int64Value.flatMap({ UInt64(exactly: $0) }),
            let key = value["key"]?.stringValue,
            let account = value["account"]?.stringValue, let region = value["region"]?.stringValue,
            let at = value["deliveredAt"]?.numberValue?.doubleValue, let seqs = value["seqs"]?.arrayValue
        else { return nil }
        let numbers = seqs.compactMap { $0.numberValue?.int64Value.flatMap { UInt64(exactly: $0) } }
        guard numbers.count == seqs.count else { return nil }
        guard at.isFinite else { return nil }
        return DeliveryPlanEntry(
            planId: id, key: key, account: account, region: region,
            deliveredAt: Date(timeIntervalSince1970: at), seqs: numbers)
    }
}
