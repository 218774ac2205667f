import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Our proposal: reserved capacity is console-only on AWS and no wire shape is public (AWS: "IAM policy to prevent
// the purchase of DynamoDB reserved capacity",
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-prevent-purchase-reserved-capacity.html).
// Everything in this folder follows invented shapes modelled on the MemoryDB/RDS reserved offerings of the botocore
// models. Pagination uses MaxResults/NextToken.

/// One reserved-capacity offering of the catalogue (our proposal).
struct ReservedCapacityOffering: Sendable, Equatable {
    var id: String
    var unitType: CapacityUnitType
    var capacityUnits: Int64
    var duration: Int64
    /// Upfront USD per allocation of 100 units.
    var fixedPrice: Double
    /// Hourly USD per allocation of 100 units.
    var usagePrice: Double
    var region: String

    static let oneYear: Int64 = 31_536_000
    static let threeYears: Int64 = 94_608_000
    static let offeringType = "Partial Upfront"

    /// The catalogue of a region: READ and WRITE, 1- and 3-year terms. Prices are AWS's published
    /// us-east-1 reserved-capacity prices per 100 units, used for every region (illustrative only).
    static func catalogue(region: String) -> [ReservedCapacityOffering] {
        [
            (CapacityUnitType.write, oneYear, 150.0, 0.0128), (.read, oneYear, 30.0, 0.0025),
            (.write, threeYears, 180.0, 0.0081), (.read, threeYears, 36.0, 0.0016),
        ].map { unit, duration, fixed, hourly in
            ReservedCapacityOffering(
                id: stableId("\(region)|\(unit.rawValue)|\(duration)"), unitType: unit, capacityUnits: 100, duration: duration,
                fixedPrice: fixed, usagePrice: hourly, region: region)
        }
    }

    /// A UUID-shaped id derived from `seed` (FNV-1a), stable across restarts and resets.
    static func stableId(_ seed: String) -> String {
        func fnv(_ salt: UInt8) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in [salt] + Array(seed.utf8) {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        let hex = Hex.encode(withUnsafeBytes(of: fnv(1).bigEndian, Array.init) + withUnsafeBytes(of: fnv(2).bigEndian, Array.init))
        let digits = Array(hex)
        return String(digits[0..<8]) + "-" + String(digits[8..<12]) + "-4" + String(digits[13..<16]) + "-8"
            + String(digits[17..<20]) + "-" + String(digits[20..<32])
    }

    var recurringCharges: JSONValue {
        [["RecurringChargeAmount": .double(usagePrice), "RecurringChargeFrequency": "Hourly"]]
    }

    var json: JSONValue {
        var object = JSONObject()
        object.append("ReservedCapacityOfferingId", .string(id))
        object.append("CapacityUnitType", .string(unitType.rawValue))
        object.append("CapacityUnits", .int64(capacityUnits))
        object.append("Duration", .int64(duration))
        object.append("FixedPrice", .double(fixedPrice))
        object.append("UsagePrice", .double(usagePrice))
        object.append("CurrencyCode", "USD")
        object.append("OfferingType", .string(Self.offeringType))
        object.append("RecurringCharges", recurringCharges)
        object.append("Region", .string(region))
        return .object(object)
    }
}
