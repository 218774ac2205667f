import AWSProtocol

extension CloudTrailAPI {
    /// DescribeTrails: lowercase `trailNameList` / `includeShadowTrails` in, `trailList` out (AWS CloudTrail API Reference: "DescribeTrails").
    /// No list: the trail the caller sees. A list: that trail when its ARN is in it, or its name (only for the
    /// caller's own trail: a member account names the organization trail by ARN); others are ignored.
    /// `includeShadowTrails: false` hides it outside the home region and from member accounts of an
    /// organization (a shadow trail there: "If you do not include shadow trails, organization trails in a
    /// member account and Region replication trails will not be returned", "DescribeTrails").
    func describeTrails(_ input: CloudTrailInput, context: CallContext) -> Result<JSONValue, AWSServiceError> {
        let names: [JSONValue]?
        let includeShadow: Bool?
        switch (input.list("trailNameList"), input.bool("includeShadowTrails")) {
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        case (.success(let list), .success(let flag)): (names, includeShadow) = (list, flag)
        }
        var show = true
        if let names, !names.isEmpty {
            var strings: [String] = []
            for value in names {
                guard let text = value.stringValue else {
                    return .failure(.serialization(CoralSerializationText.mismatch(value, javaType: "String")))
                }
                strings.append(text)
            }
            show = strings.contains(trailARN(context)) || (strings.contains(trailSettings.name) && !seesOrganizationShadow(context))
        }
        if includeShadow == false, context.region != trailSettings.homeRegion || seesOrganizationShadow(context) { show = false }
        return .success(["trailList": .array(show ? [trailDescription(context)] : [])])
    }
}
