import AWSProtocol

extension CallPipeline {
    /// AccessDeniedException when the caller's deny list covers the action; nil when allowed. The
    /// resource is what IAM would evaluate: the stream, the account (reserved capacity), the trail,
    /// or the table (by name or ARN; `table/*` for table-less calls).
    func denial(for target: ServiceTarget, input: JSONValue, call: AuthenticatedCall) -> AWSServiceError? {
        let action = "\(target.service.signingName):\(target.operation)"
        guard call.caller.isDenied(action: action) else { return nil }
        let context = call.context
        let resource: String
        if let streamArn = input["StreamArn"]?.stringValue {
            resource = streamArn
        } else if target.operation.contains("ReservedCapacity") {
            // Reserved capacity is bought for the account, not a table: IAM policies grant it on
            // `arn:aws:dynamodb:REGION:ACCOUNT:*` (AWS: "Reserved capacity", DynamoDB Developer Guide).
            resource = "arn:aws:dynamodb:\(context.region):\(context.accountId):*"
        } else if target.service == .cloudTrail {
            resource = "arn:aws:cloudtrail:\(context.region):\(context.accountId):trail/\(trailName)"
        } else {
            let name = (input["TableName"] ?? input["ResourceArn"])?.stringValue
            resource =
                name.map {
                    $0.hasPrefix("arn:")
                        ? $0 : AccessDenied.tableResource(region: context.region, accountId: context.accountId, tableName: $0)
                }
                ?? AccessDenied.tableResource(region: context.region, accountId: context.accountId, tableName: nil)
        }
        return call.caller.accessDenied(action: action, resource: resource)
    }
}
