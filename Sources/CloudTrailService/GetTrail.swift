import AWSProtocol

extension CloudTrailAPI {
    /// GetTrail: `Name` (name or ARN) → `{"Trail": Trail}`. Visible from every region (a multi-region trail).
    func getTrail(_ input: CloudTrailInput, context: CallContext) -> Result<JSONValue, AWSServiceError> {
        requireTrail(input, context: context).map { _ in ["Trail": trailDescription(context)] }
    }
}
