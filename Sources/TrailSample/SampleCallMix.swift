import AWSProtocol
import CallHandling

/// The calls `dynamotrail sample` makes, with weights resembling a busy account: mostly reads, some
/// table churn, a few mistakes (bad names, missing tables, protected deletes) that become error records.
struct SampleCallMix {
    struct Call {
        var target: ServiceTarget
        var input: JSONValue
    }

    static let tableNames = [
        "Orders", "Customers", "Sessions", "Inventory", "Payments", "AuditLog", "Music", "Users", "Events", "Carts",
        "Products", "Invoices",
    ]

    private static let weighted: [(weight: Int, operation: String)] = [
        (28, "DescribeTable"), (12, "ListTables"), (9, "CreateTable"), (7, "UpdateTable"), (5, "DeleteTable"),
        (4, "DescribeTimeToLive"), (2, "UpdateTimeToLive"), (3, "ListTagsOfResource"), (2, "TagResource"),
        (3, "DescribeContinuousBackups"), (1, "UpdateContinuousBackups"), (2, "DescribeLimits"), (3, "DescribeStream"),
        (3, "ListStreams"), (1, "DescribeReservedCapacityOfferings"), (1, "DescribeReservedCapacity"), (2, "BadCreateTable"),
    ]
    private static let totalWeight = weighted.reduce(0) { $0 + $1.weight }

    let random: any RandomSource

    /// The next call for `account`/`region`; `streamArns` holds streams created so far (by table ARN).
    func next(account: String, region: String, streamArns: [String: String]) -> Call {
        var roll = random.next(below: Self.totalWeight)
        var operation = "DescribeTable"
        for entry in Self.weighted {
            if roll < entry.weight {
                operation = entry.operation
                break
            }
            roll -= entry.weight
        }
        let table = Self.tableNames[random.next(below: Self.tableNames.count)]
        let tableArn = "arn:aws:dynamodb:\(region):\(account):table/\(table)"
        func dynamo(_ op: String, _ input: JSONValue) -> Call {
            Call(target: ServiceTarget(service: .dynamoDB, operation: op), input: input)
        }
        switch operation {
        case "CreateTable": return dynamo("CreateTable", createTable(table))
        case "BadCreateTable":
            return dynamo("CreateTable", createTable(["my table!", "x", "Orders#2026"][random.next(below: 3)]))
        case "ListTables":
            return dynamo("ListTables", random.next(below: 3) == 0 ? ["Limit": .int(10)] : [:])
        case "UpdateTable":
            switch random.next(below: 3) {
            case 0: return dynamo("UpdateTable", ["TableName": .string(table), "DeletionProtectionEnabled": false])
            case 1: return dynamo("UpdateTable", ["TableName": .string(table), "BillingMode": "PAY_PER_REQUEST"])
            default:
                let units = [5, 10, 25, 50][random.next(below: 4)]
                return dynamo(
                    "UpdateTable",
                    [
                        "TableName": .string(table), "BillingMode": "PROVISIONED",
                        "ProvisionedThroughput": ["ReadCapacityUnits": .int(units), "WriteCapacityUnits": .int(units)],
                    ])
            }
        case "UpdateTimeToLive":
            return dynamo(
                "UpdateTimeToLive",
                ["TableName": .string(table), "TimeToLiveSpecification": ["Enabled": true, "AttributeName": "expiresAt"]])
        case "ListTagsOfResource": return dynamo("ListTagsOfResource", ["ResourceArn": .string(tableArn)])
        case "TagResource":
            return dynamo(
                "TagResource",
                [
                    "ResourceArn": .string(tableArn),
                    "Tags": [["Key": "cost-center", "Value": .string("cc-\(random.next(below: 90) + 10)")]],
                ])
        case "UpdateContinuousBackups":
            return dynamo(
                "UpdateContinuousBackups",
                ["TableName": .string(table), "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true]])
        case "DescribeLimits", "DescribeReservedCapacity", "DescribeReservedCapacityOfferings": return dynamo(operation, [:])
        case "DescribeStream":
            let arn = streamArns[tableArn] ?? "\(tableArn)/stream/2026-01-01T00:00:00.000"
            return Call(target: ServiceTarget(service: .dynamoDBStreams, operation: "DescribeStream"), input: ["StreamArn": .string(arn)])
        case "ListStreams":
            return Call(
                target: ServiceTarget(service: .dynamoDBStreams, operation: "ListStreams"),
                input: random.next(below: 2) == 0 ? ["TableName": .string(table)] : [:])
        default: return dynamo(operation, ["TableName": .string(table)])
        }
    }

    private func createTable(_ name: String) -> JSONValue {
        var attributes: [JSONValue] = [["AttributeName": "pk", "AttributeType": "S"]]
        var keys: [JSONValue] = [["AttributeName": "pk", "KeyType": "HASH"]]
        if random.next(below: 2) == 0 {
            attributes.append(["AttributeName": "sk", "AttributeType": "S"])
            keys.append(["AttributeName": "sk", "KeyType": "RANGE"])
        }
        var input: JSONObject = ["TableName": .string(name)]
        if random.next(below: 4) == 0 {
            attributes.append(["AttributeName": "gsi1pk", "AttributeType": "S"])
            input["GlobalSecondaryIndexes"] = [
                [
                    "IndexName": "GSI1", "KeySchema": [["AttributeName": "gsi1pk", "KeyType": "HASH"]],
                    "Projection": ["ProjectionType": "ALL"],
                ]
            ]
        }
        input["AttributeDefinitions"] = .array(attributes)
        input["KeySchema"] = .array(keys)
        if random.next(below: 5) < 3 {
            input["BillingMode"] = "PAY_PER_REQUEST"
        } else {
            let units = [5, 10, 25, 100][random.next(below: 4)]
            input["BillingMode"] = "PROVISIONED"
            input["ProvisionedThroughput"] = ["ReadCapacityUnits": .int(units), "WriteCapacityUnits": .int(units)]
            if input["GlobalSecondaryIndexes"] != nil {
                input["GlobalSecondaryIndexes"] = [
                    [
                        "IndexName": "GSI1", "KeySchema": [["AttributeName": "gsi1pk", "KeyType": "HASH"]],
                        "Projection": ["ProjectionType": "ALL"],
                        "ProvisionedThroughput": ["ReadCapacityUnits": .int(units), "WriteCapacityUnits": .int(units)],
                    ]
                ]
            }
        }
        if random.next(below: 10) < 3 { input["StreamSpecification"] = ["StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"] }
        if random.next(below: 10) < 4 {
            input["Tags"] = [
                ["Key": "team", "Value": .string(["payments", "search", "platform"][random.next(below: 3)])],
                ["Key": "env", "Value": "prod"],
            ]
        }
        if random.next(below: 10) == 0 { input["DeletionProtectionEnabled"] = true }
        return .object(input)
    }
}
