import AWSProtocol

extension CloudTrailAPI {
    /// ListTrails: `Trails[{TrailARN, Name, HomeRegion}]`; one trail, so never a `NextToken`.
    func listTrails(_ input: CloudTrailInput, context: CallContext) -> Result<JSONValue, AWSServiceError> {
        if case .failure(let error) = input.string("NextToken") { return .failure(error) }
        var info = JSONObject()
        info.append("TrailARN", .string(trailARN))
        info.append("Name", .string(trailSettings.name))
        info.append("HomeRegion", .string(trailSettings.homeRegion))
        return .success(["Trails": .array([.object(info)])])
    }
}
