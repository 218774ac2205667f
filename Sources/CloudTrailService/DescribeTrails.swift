import AWSProtocol

extension CloudTrailAPI {
    /// DescribeTrails: lowercase `trailNameList` / `includeShadowTrails` in, `trailList` out (AWS CloudTrail API Reference: "DescribeTrails").
    /// No list: the trail. A list: the trail when a name or ARN in it names it (others are ignored).
    /// `includeShadowTrails: false` outside the home region hides it (it is a shadow copy there).
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
                    return .failure(.serialization(CloudTrailInput.mismatch(value, javaType: "String")))
                }
                strings.append(text)
            }
            show = strings.contains(trailSettings.name) || strings.contains(trailARN)
        }
        if includeShadow == false, context.region != trailSettings.homeRegion { show = false }
        return .success(["trailList": .array(show ? [trailDescription] : [])])
    }
}
