import AWSProtocol

/// Reserved-capacity texts: our proposal, invented (AWS publishes no wire shape for these console-only actions).
extension DynamoDBError {
    static func offeringNotFound(_ id: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: ReservedCapacityOffering: \(id) not found")
    }
    static let capacityUnitsMultiple = invalidParameter("CapacityUnits must be a multiple of 100")
    static func reservationExists(_ id: String) -> AWSServiceError {
        resourceInUse("Reserved capacity already exists: \(id)")
    }
    static let reservedCapacityLimit = limitExceeded(
        "Subscriber limit exceeded: Reserved capacity purchases are limited to 1000000 capacity units per account")
    static let invalidNextToken = AWSServiceError.validation("Invalid NextToken")
}
