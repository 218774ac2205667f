import AWSProtocol

/// The Coral constraints of the two batch operations' `RequestItems`, in the order DynamoDB reports them:
/// the return-option enums, then the map (null, size, keys, values), then each table's members. Texts and
/// paths as dynalite's recordings against DynamoDB show them (`requestItems.<table>.member.keys`,
/// `requestItems.<table>.member.1.member.deleteRequest.key`, one-based), values echoed by `JavaText`.
enum BatchConstraints {
    /// Map keys are table names or ARNs. The bracket lists the key shape's constraints whichever failed
    /// (dynalite's recordings); the bounds are those item calls answer for `TableName` today (1 to 255 and
    /// the name pattern, observed 2026) — Unverified for map keys. An ARN may be up to 1024 characters.
    static let mapKeysConstraint =
        "Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
        + "Member must have length greater than or equal to 1, "
        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]"
    static let writeListConstraint =
        "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
        + "Member must have length greater than or equal to 1]"

    /// True when `name` passes the map-key constraints.
    static func isValidTableKey(_ name: String) -> Bool {
        if name.hasPrefix("arn:") { return name.utf16.count <= 1024 }
        return name.utf16.count <= 255 && CoralValidator.matchesNamePattern(name)
    }

    /// BatchGetItem: `returnConsumedCapacity`, then `requestItems` (at most 100 tables), then each table's
    /// `keys` (1 to 100) and `attributesToGet` (at least 1).
    static func checkGet(_ input: InputReader, _ validator: inout CoralValidator) {
        DynamoDBService.itemEnum(
            input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", DynamoDBService.returnConsumedCapacityEnum, &validator)
        guard let tables = input.object["RequestItems"]?.objectValue else {
            validator.notNull(false, at: "requestItems")
            return
        }
        if tables.members.count > 100 {
            validator.fail(
                JavaText.keysAndAttributesMap(tables), at: "requestItems", "Member must have length less than or equal to 100")
        }
        if !tables.keys.allSatisfy(isValidTableKey) {
            validator.fail(JavaText.keysAndAttributesMap(tables), at: "requestItems", mapKeysConstraint)
        }
        for table in tables.members {
            let entry = InputReader(table.value) ?? InputReader(JSONObject())
            let path = "requestItems.\(table.key).member"
            if let keys = entry.list("Keys") {
                if !(1...100).contains(keys.count) {
                    validator.listLength(keys.count, rendered: JavaText.keyList(.array(keys)), at: "\(path).keys", min: 1, max: 100)
                }
            } else {
                validator.notNull(false, at: "\(path).keys")
            }
            if let names = entry.list("AttributesToGet"), names.isEmpty {
                validator.listLength(0, rendered: "[]", at: "\(path).attributesToGet", min: 1)
            }
        }
    }

    /// BatchWriteItem: the two enums, then `requestItems` (at most 25 tables, each with 1 to 25 requests),
    /// then each request's missing `Key`/`Item` (DeleteRequest first, as recorded).
    static func checkWrite(_ input: InputReader, _ validator: inout CoralValidator) {
        DynamoDBService.itemEnum(
            input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", DynamoDBService.returnConsumedCapacityEnum, &validator)
        DynamoDBService.itemEnum(
            input, "ReturnItemCollectionMetrics", at: "returnItemCollectionMetrics",
            DynamoDBService.returnItemCollectionMetricsEnum, &validator)
        guard let tables = input.object["RequestItems"]?.objectValue else {
            validator.notNull(false, at: "requestItems")
            return
        }
        if tables.members.count > 25 {
            validator.fail(
                JavaText.writeRequestMap(tables), at: "requestItems", "Member must have length less than or equal to 25")
        }
        if !tables.keys.allSatisfy(isValidTableKey) {
            validator.fail(JavaText.writeRequestMap(tables), at: "requestItems", mapKeysConstraint)
        }
        if tables.members.contains(where: { !(1...25).contains($0.value.arrayValue?.count ?? 0) }) {
            validator.fail(JavaText.writeRequestMap(tables), at: "requestItems", writeListConstraint)
        }
        for table in tables.members {
            for (offset, request) in (table.value.arrayValue ?? []).enumerated() {
                let path = "requestItems.\(table.key).member.\(offset + 1).member"
                if let delete = request["DeleteRequest"]?.objectValue, delete["Key"] == nil || delete["Key"] == .null {
                    validator.notNull(false, at: "\(path).deleteRequest.key")
                }
                if let put = request["PutRequest"]?.objectValue, put["Item"] == nil || put["Item"] == .null {
                    validator.notNull(false, at: "\(path).putRequest.item")
                }
            }
        }
    }
}
