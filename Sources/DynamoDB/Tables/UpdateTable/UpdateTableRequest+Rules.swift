import AWSProtocol

/// The checks that need no table: Coral's constraints (collected into one ValidationException), then the
/// rules on which members may come together, in the service's order (observed DynamoDB behaviour, 2019 and
/// 2026; AWS: "UpdateTable", https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html).
extension UpdateTableRequest {
    /// Coral constraints; returns what `TableName` names.
    func validateConstraints(_ context: RequestContext) throws(AWSServiceError) -> TableReference {
        var validator = CoralValidator()
        TableInputs.validateAttributeDefinitions(attributeDefinitions, at: "attributeDefinitions", required: false, &validator)
        let reference = try DynamoDBService.tableReference(input, &validator, context)
        if let billingModeName { validator.enumValue(billingModeName, at: "billingMode", CoralEnums.billingMode) }
        TableInputs.validateThroughput(throughput, at: "provisionedThroughput", &validator)
        for (position, update) in indexUpdates.enumerated() {
            update.validate(at: "globalSecondaryIndexUpdates.\(position + 1).member", &validator)
        }
        TableInputs.validateStreamSpecification(stream, &validator)
        TableInputs.validateSSEType(encryption, &validator)
        if let error = validator.error { throw error }
        return reference
    }

    /// The rules on the request alone, before the table is looked up.
    func checkCombination() throws(AWSServiceError) {
        try checkSomethingToUpdate()
        try TableInputs.checkBounds(throughput)
        try checkIndexActions()
        try checkSingleConcernRules()
        if has(.provisionedThroughput) && has(.stream) { throw DynamoDBError.streamWithThroughput }
        if has(.provisionedThroughput) && onlineIndexChanges > 0 { throw DynamoDBError.indexWithThroughput }
        if has(.stream) && onlineIndexChanges > 0 { throw DynamoDBError.indexWithStream }
        try checkStreamSpecification()
        if onlineIndexChanges > 1 { throw DynamoDBError.oneOnlineIndexAtATime }
        if tableClassName != nil && tableClass == nil { throw DynamoDBError.invalidTableClass }
    }

    /// "At least one of … is required", then the global-table members DynamoTrail does not serve.
    private func checkSomethingToUpdate() throws(AWSServiceError) {
        if concerns.isEmpty && globalTableMembers.isEmpty {
            var present = Set(DynamoDBError.updatableMembers.filter { input.has($0) })
            if input.has("StreamSpecification") { present.insert("UpdateStreamEnabled") }
            throw DynamoDBError.nothingToUpdate(excluding: present)
        }
        if let member = globalTableMembers.first { throw DynamoDBError.globalTablesNotServed(member) }
    }

    /// Each GlobalSecondaryIndexUpdates element holds exactly one action, and names an index no other one does.
    private func checkIndexActions() throws(AWSServiceError) {
        var namesSeen = Set<String>()
        for update in indexUpdates {
            if update.actionCount == 0 { throw DynamoDBError.indexActionMissing }
            if update.actionCount > 1 { throw DynamoDBError.indexActionTwice }
            let name = update.indexName ?? ""
            if !namesSeen.insert(name).inserted { throw DynamoDBError.indexUpdatedTwice(name) }
        }
    }

    /// SSE, table class, deletion protection and warm throughput come alone; on-demand limits only with a billing mode.
    private func checkSingleConcernRules() throws(AWSServiceError) {
        let alone = concerns.count == 1
        if has(.encryption) && !alone { throw DynamoDBError.sseMustBeAlone }
        if has(.tableClass) && !alone { throw DynamoDBError.tableClassMustBeAlone }
        if has(.deletionProtection) && !alone { throw DynamoDBError.deletionProtectionMustBeAlone }
        if has(.warmThroughput) && indexUpdates.contains(where: { $0.create != nil }) {
            throw DynamoDBError.indexCreateWithWarm
        }
        if has(.warmThroughput) && !alone { throw DynamoDBError.warmMustBeAlone }
        if has(.onDemandThroughput) && concerns.subtracting([.billingMode]).count > 1 {
            throw DynamoDBError.onDemandOnlyWithBilling
        }
    }
}
