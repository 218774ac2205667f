import AWSProtocol

/// DescribeReservedCapacityOfferings (our proposal): the region's catalogue, filtered and paged.
extension DynamoDBService {
    func describeReservedCapacityOfferings(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError)
        -> JSONValue
    {
        var validator = CoralValidator()
        if let type = input.string("CapacityUnitType") { validator.enumValue(type, at: "capacityUnitType", Self.capacityUnitTypes) }
        if let offeringType = input.string("OfferingType") {
            validator.enumValue(offeringType, at: "offeringType", [ReservedCapacityOffering.offeringType])
        }
        var offerings = ReservedCapacityOffering.catalogue(region: context.region)
        if let id = input.string("ReservedCapacityOfferingId") { offerings = offerings.filter { $0.id == id } }
        if let type = input.string("CapacityUnitType") { offerings = offerings.filter { $0.unitType.rawValue == type } }
        if let duration = input.long("Duration") { offerings = offerings.filter { $0.duration == duration } }
        let page = try Self.page(input, count: offerings.count, &validator)
        let end = min(page.from + page.size, offerings.count)
        var object = JSONObject()
        object.append("ReservedCapacityOfferings", .array(offerings[page.from..<end].map(\.json)))
        if end < offerings.count { object.append("NextToken", .string(String(end))) }
        return .object(object)
    }
}
