import AWSProtocol

/// DescribeReservedCapacity (our proposal): the account's purchases in this region, filtered and paged.
extension DynamoDBService {
    func describeReservedCapacity(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError)
        -> JSONValue
    {
        var validator = CoralValidator()
        if let type = input.string("CapacityUnitType") { validator.enumValue(type, at: "capacityUnitType", Self.capacityUnitTypes) }
        if let state = input.string("State") { validator.enumValue(state, at: "state", Self.reservationStates) }
        let now = context.now
        var reservations = regions[context.key]?.reservations ?? []
        if let id = input.string("ReservedCapacityId") { reservations = reservations.filter { $0.id == id } }
        if let id = input.string("ReservedCapacityOfferingId") {
            reservations = reservations.filter { $0.offering.id == id }
        }
        if let type = input.string("CapacityUnitType") { reservations = reservations.filter { $0.offering.unitType.rawValue == type } }
        if let state = input.string("State") {
            reservations = reservations.filter { $0.state(at: now, activeAt: reservationActiveAt($0)).rawValue == state }
        }
        let page = try Self.page(input, count: reservations.count, &validator)
        let end = min(page.from + page.size, reservations.count)
        var object = JSONObject()
        object.append(
            "ReservedCapacityDescriptions",
            .array(reservations[page.from..<end].map { $0.json(now: now, activeAt: reservationActiveAt($0)) }))
        if end < reservations.count { object.append("NextToken", .string(String(end))) }
        return .object(object)
    }
}
