import AWSProtocol

/// ListTagsOfResource: the table's tags in the order they were added (one page; no NextToken).
extension DynamoDBService {
    func listTagsOfResource(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let table = try taggedTable(input, &validator, context)
        return ["Tags": .array(table.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })]
    }
}
