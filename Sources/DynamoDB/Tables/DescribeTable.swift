import AWSProtocol

/// DescribeTable: `{"Table": TableDescription}` for a name or table ARN.
extension DynamoDBService {
    func describeTable(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.tableReference(input, &validator, context)
        if let error = validator.error { throw error }
        let table = try existingTable(reference, context)
        return ["Table": withItemStatistics(table.description(now: context.now, form: .full), of: table, context)]
    }
}
