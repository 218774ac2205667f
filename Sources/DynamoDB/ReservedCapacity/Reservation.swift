import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A reserved-capacity purchase (our proposal: AWS sells reserved capacity in the console only and
/// publishes no wire shape for it).
struct Reservation: Sendable {
    var id: String
    var arn: String
    var offering: ReservedCapacityOffering
    var capacityUnits: Int64
    var startTime: Date
    var tags: [(key: String, value: String)]

    /// payment-pending until `activeAt`, active for the term, then retired (our proposal, after RDS).
    func state(at now: Date, activeAt: Date) -> ReservationState {
        if now < activeAt { return .paymentPending }
        if now.timeIntervalSince(startTime) >= TimeInterval(offering.duration) { return .retired }
        return .active
    }

    func json(now: Date, activeAt: Date) -> JSONValue {
        let allocations = Double(capacityUnits / 100)
        var object = JSONObject()
        object.append("ReservedCapacityId", .string(id))
        object.append("ReservedCapacityArn", .string(arn))
        object.append("ReservedCapacityOfferingId", .string(offering.id))
        object.append("CapacityUnitType", .string(offering.unitType.rawValue))
        object.append("CapacityUnits", .int64(capacityUnits))
        object.append("StartTime", .epochSeconds(startTime))
        object.append("Duration", .int64(offering.duration))
        object.append("FixedPrice", .double(offering.fixedPrice * allocations))
        object.append("UsagePrice", .double(offering.usagePrice * allocations))
        object.append("CurrencyCode", "USD")
        object.append("OfferingType", .string(ReservedCapacityOffering.offeringType))
        object.append(
            "RecurringCharges",
            [["RecurringChargeAmount": .double(offering.usagePrice * allocations), "RecurringChargeFrequency": "Hourly"]])
        object.append("State", .string(state(at: now, activeAt: activeAt).rawValue))
        return .object(object)
    }
}
