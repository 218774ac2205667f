import AWSProtocol

/// DescribeReservedCapacityOfferings (PROPOSAL §4.2): the region's catalogue, filtered and paged.
extension DynamoDBControlPlane {
    func describeReservedCapacityOfferings(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError)
        -> JSONValue
    {
        var v = CoralValidator()
        if let type = input.string("CapacityUnitType") { v.enumValue(type, at: "capacityUnitType", Self.capacityUnitTypes) }
        if let offeringType = input.string("OfferingType") {
            v.enumValue(offeringType, at: "offeringType", [ReservedCapacityOffering.offeringType])
        }
        var offerings = ReservedCapacityOffering.catalogue(region: context.region)
        if let id = input.string("ReservedCapacityOfferingId") { offerings = offerings.filter { $0.id == id } }
        if let type = input.string("CapacityUnitType") { offerings = offerings.filter { $0.unitType == type } }
        if let duration = input.long("Duration") { offerings = offerings.filter { $0.duration == duration } }
        let page = try Self.page(input, count: offerings.count, &v)
        let end = min(page.from + page.size, offerings.count)
        var object = JSONObject()
        object.append("ReservedCapacityOfferings", .array(offerings[page.from..<end].map(\.json)))
        if end < offerings.count { object.append("NextToken", .string(String(end))) }
        return .object(object)
    }
}
