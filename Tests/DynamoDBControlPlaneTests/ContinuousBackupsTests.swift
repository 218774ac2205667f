import AWSProtocol
import Testing

@testable import DynamoDBControlPlane

/// DescribeContinuousBackups and UpdateContinuousBackups.
@Suite struct ContinuousBackupsTests {
    @Test func continuousBackups() async throws {
        let h = Harness()
        try await h.createBasic("pitr")
        #expect(JSONWriter.string(try await h.ok("DescribeContinuousBackups", ["TableName": "pitr"]))
            == #"{"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED","PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"DISABLED"}}}"#)
        let on = try await h.ok(
            "UpdateContinuousBackups", ["TableName": "pitr", "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true]])
        let recovery = try #require(on["ContinuousBackupsDescription"]?["PointInTimeRecoveryDescription"])
        #expect(recovery.keys == ["PointInTimeRecoveryStatus", "RecoveryPeriodInDays", "EarliestRestorableDateTime", "LatestRestorableDateTime"])
        #expect(recovery["RecoveryPeriodInDays"] == 35)
        let bad = await h.fail(
            "UpdateContinuousBackups",
            ["TableName": "pitr", "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true, "RecoveryPeriodInDays": 36]])
        #expect(bad?.message == "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 35")
    }
}
