import AWSProtocol

/// DescribeEndpoints: the regional endpoint with AWS's 1,440-minute cache period.
extension DynamoDBService {
    func describeEndpoints(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        [
            "Endpoints": [
                ["Address": .string("dynamodb.\(context.region).amazonaws.com"), "CachePeriodInMinutes": 1440]
            ]
        ]
    }
}
