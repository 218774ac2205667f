import AWSProtocol

extension CloudTrailAPI {
    /// ListTrails: `Trails[{TrailARN, Name, HomeRegion}]` of the trail the caller sees (a member account sees the
    /// organization trail; that ListTrails lists it there is Unverified); one trail, so never a `NextToken`.
    func listTrails(_ input: CloudTrailInput, context: CallContext) -> Result<JSONValue, AWSServiceError> {
        if case .failure(let error) = input.string("NextToken") { return .failure(error) }
        var info = JSONObject()
        info.append("TrailARN", .string(trailARN(context)))
        info.append("Name", .string(trailSettings.name))
        info.append("HomeRegion", .string(trailSettings.homeRegion))
        return .success(["Trails": .array([.object(info)])])
    }
}
