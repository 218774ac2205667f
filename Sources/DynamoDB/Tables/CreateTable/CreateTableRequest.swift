import AWSProtocol

/// CreateTable's input, read once, and its Coral constraints.
struct CreateTableRequest: Sendable {
    let input: InputReader
    let tableName: String
    let attributeDefinitions: [KeyInput]?
    let keySchema: [KeyInput]?
    let localIndexes: [IndexInput]?
    let globalIndexes: [IndexInput]?
    /// BillingMode as sent (one of `BillingMode`'s values once the Coral constraints passed).
    let billingModeName: String?
    let throughput: ThroughputInput?
    let stream: InputReader?
    let encryption: InputReader?
    let onDemand: OnDemandLimits?
    let warm: ThroughputInput?

    init(_ input: InputReader) throws(AWSServiceError) {
        guard let tableName = input.string("TableName") else { throw DynamoDBError.missingParameter("TableName") }
        self.input = input
        self.tableName = tableName
        attributeDefinitions = TableInputs.keys(input.readers("AttributeDefinitions"), typeMember: "AttributeType")
        keySchema = TableInputs.keys(input.readers("KeySchema"), typeMember: "KeyType")
        localIndexes = input.readers("LocalSecondaryIndexes")?.map(TableInputs.index)
        globalIndexes = input.readers("GlobalSecondaryIndexes")?.map(TableInputs.index)
        billingModeName = input.string("BillingMode")
        throughput = TableInputs.throughput(input.reader("ProvisionedThroughput"))
        stream = input.reader("StreamSpecification")
        encryption = input.reader("SSESpecification")
        onDemand = TableInputs.onDemand(input.reader("OnDemandThroughput"))
        warm = TableInputs.warm(input.reader("WarmThroughput"))
    }

    /// PROVISIONED unless PAY_PER_REQUEST was asked for.
    var billingMode: BillingMode { billingModeName == BillingMode.payPerRequest.rawValue ? .payPerRequest : .provisioned }

    var isPayPerRequest: Bool { billingMode == .payPerRequest }

    /// The on-demand baseline 12,000/4,000, or the provisioned capacity, unless WarmThroughput asks for more.
    var initialWarmThroughput: (read: Int64, write: Int64) {
        if isPayPerRequest { return (warm?.read ?? 12_000, warm?.write ?? 4_000) }
        return (max(warm?.read ?? 0, throughput?.read ?? 0), max(warm?.write ?? 0, throughput?.write ?? 0))
    }

    /// Coral constraints, collected into one ValidationException.
    func validateConstraints() throws(AWSServiceError) {
        var validator = CoralValidator()
        TableInputs.validateAttributeDefinitions(attributeDefinitions, at: "attributeDefinitions", required: true, &validator)
        validator.name(tableName, at: "tableName")
        TableInputs.validateKeySchema(keySchema, at: "keySchema", maxLength: 2, &validator)
        // GSI constraint errors are listed before LSI ones whatever the request's order (observed on AWS in
        // eu-west-2 and us-east-1, 2026: paritysuite/dynamodb-conformance validation-ordering/createTable).
        for (position, index) in (globalIndexes ?? []).enumerated() {
            TableInputs.validateIndex(
                index, at: "globalSecondaryIndexes.\(position + 1).member", keyMaxLength: 8, &validator)
        }
        for (position, index) in (localIndexes ?? []).enumerated() {
            TableInputs.validateIndex(index, at: "localSecondaryIndexes.\(position + 1).member", keyMaxLength: 2, &validator)
        }
        if let billingModeName { validator.enumValue(billingModeName, at: "billingMode", CoralEnums.billingMode) }
        TableInputs.validateThroughput(throughput, at: "provisionedThroughput", &validator)
        TableInputs.validateStreamSpecification(stream, &validator)
        TableInputs.validateSSEType(encryption, &validator)
        if let error = validator.error { throw error }
    }
}
