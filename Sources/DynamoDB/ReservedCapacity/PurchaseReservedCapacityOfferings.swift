import AWSProtocol

/// PurchaseReservedCapacityOfferings (our proposal): buys `CapacityUnits` (a multiple of 100) of an
/// offering; the reservation is payment-pending, then active for its term.
extension DynamoDBService {
    static let maxReservedUnits: Int64 = 1_000_000

    func purchaseReservedCapacityOfferings(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError)
        -> JSONValue
    {
        guard let offeringId = input.string("ReservedCapacityOfferingId") else {
            throw DynamoDBError.missingParameter("ReservedCapacityOfferingId")
        }
        guard let units = input.long("CapacityUnits") else { throw DynamoDBError.missingParameter("CapacityUnits") }
        var validator = CoralValidator()
        validator.length(offeringId, at: "reservedCapacityOfferingId", min: 1, max: 255)
        validator.range(units, at: "capacityUnits", min: 1)
        let requestedId = input.string("ReservedCapacityId")
        if let requestedId { validator.name(requestedId, at: "reservedCapacityId") }
        if let error = validator.error { throw error }
        if units % 100 != 0 { throw DynamoDBError.capacityUnitsMultiple }
        let tags = try TableInputs.checkTags(input.readers("Tags") ?? [])
        guard let offering = ReservedCapacityOffering.catalogue(region: context.region).first(where: { $0.id == offeringId })
        else { throw DynamoDBError.offeringNotFound(offeringId) }
        return try withRegion(context) { (state: inout RegionState) throws(AWSServiceError) -> JSONValue in
            let id = requestedId ?? random.uuid()
            if state.reservations.contains(where: { $0.id == id }) { throw DynamoDBError.reservationExists(id) }
            let held = state.reservations.filter { $0.state(at: context.now, activeAt: reservationActiveAt($0)) != .retired }
                .reduce(Int64(0)) { $0 + $1.capacityUnits }
            if units > Self.maxReservedUnits - held { throw DynamoDBError.reservedCapacityLimit }
            let reservation = Reservation(
                id: id, arn: "arn:aws:dynamodb:\(context.region):\(context.accountId):reserved-capacity/\(id)",
                offering: offering, capacityUnits: units, startTime: context.now, tags: tags)
            state.reservations.append(reservation)
            let shownAt = context.now.addingTimeInterval(-Self.responseEpsilon)
            return ["ReservedCapacityDescription": reservation.json(now: shownAt, activeAt: reservationActiveAt(reservation))]
        }
    }
}
