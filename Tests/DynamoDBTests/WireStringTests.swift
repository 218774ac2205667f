import Testing

@testable import DynamoDB

/// The closed sets keep AWS's wire strings.
@Suite struct WireStringTests {
    @Test func statusesAndModes() {
        #expect([TableStatus.creating, .updating, .deleting, .active].map(\.rawValue) == ["CREATING", "UPDATING", "DELETING", "ACTIVE"])
        #expect([IndexStatus.creating, .updating, .deleting, .active].map(\.rawValue) == ["CREATING", "UPDATING", "DELETING", "ACTIVE"])
        #expect(
            [StreamStatus.enabling, .enabled, .disabling, .disabled].map(\.rawValue) == ["ENABLING", "ENABLED", "DISABLING", "DISABLED"])
        #expect([BillingMode.provisioned, .payPerRequest].map(\.rawValue) == ["PROVISIONED", "PAY_PER_REQUEST"])
        #expect([TableClass.standard, .standardInfrequentAccess].map(\.rawValue) == ["STANDARD", "STANDARD_INFREQUENT_ACCESS"])
        #expect([SSEStatus.enabled, .updating].map(\.rawValue) == ["ENABLED", "UPDATING"])
        #expect(ReservationState.allCases.map(\.rawValue) == ["payment-pending", "active", "payment-failed", "retired"])
    }

    @Test func inputSets() {
        #expect([KeyType.hash, .range].map(\.rawValue) == ["HASH", "RANGE"])
        #expect([ProjectionType.all, .include, .keysOnly].map(\.rawValue) == ["ALL", "INCLUDE", "KEYS_ONLY"])
        #expect([SSEType.aes256, .kms].map(\.rawValue) == ["AES256", "KMS"])
        #expect(CapacityUnitType.allCases.map(\.rawValue) == ["READ", "WRITE"])
        #expect(ShardIteratorType.atSequenceNumber.needsSequenceNumber && !ShardIteratorType.latest.needsSequenceNumber)
    }

    /// Coral prints enum value sets in the service's order, not the model's.
    @Test func coralOrder() {
        #expect(CoralEnums.billingMode == ["PROVISIONED", "PAY_PER_REQUEST"])
        #expect(CoralEnums.shardIteratorType == ["TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"])
        #expect(CoralEnums.streamViewType == ["OLD_IMAGE", "KEYS_ONLY", "NEW_AND_OLD_IMAGES", "NEW_IMAGE"])
    }
}
