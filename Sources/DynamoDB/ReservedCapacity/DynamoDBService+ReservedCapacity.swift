import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reserved-capacity helpers shared by the three reserved-capacity operations (our proposal).
extension DynamoDBService {
    static let capacityUnitTypes = CapacityUnitType.allCases.map(\.rawValue)
    /// The State values DescribeReservedCapacity accepts as a filter, in the order its error lists them.
    /// The purchase response is rendered a hair before `now`, so a zero-second payment-pending phase
    /// still shows in it and is over for the next call.
    static let responseEpsilon: TimeInterval = 0.0005

    static let reservationStates = ReservationState.allCases.map(\.rawValue)

    /// MaxResults 1..100 (default 100) and an opaque NextToken (a decimal offset) → the page bounds.
    static func page(_ input: InputReader, count: Int, _ validator: inout CoralValidator) throws(AWSServiceError)
        -> (from: Int, size: Int)
    {
        let maxResults = input.long("MaxResults")
        if let maxResults { validator.range(maxResults, at: "maxResults", min: 1, max: 100) }
        if let error = validator.error { throw error }
        var from = 0
        if let token = input.string("NextToken") {
            guard let offset = Int(token), offset >= 0, offset <= count else { throw DynamoDBError.invalidNextToken }
            from = offset
        }
        return (from, Int(maxResults ?? 100))
    }

    /// A reservation is payment-pending for as long as a new table is CREATING.
    func reservationActiveAt(_ reservation: Reservation) -> Date {
        reservation.startTime.addingTimeInterval(settings.createSeconds)
    }
}
