import AWSProtocol
import Testing

@testable import DynamoDB

/// DescribeContinuousBackups and UpdateContinuousBackups.
@Suite struct ContinuousBackupsTests {
    @Test func continuousBackups() async throws {
        let h = Harness()
        try await h.createBasic("pitr")
        #expect(
            JSONWriter.string(try await h.ok("DescribeContinuousBackups", ["TableName": "pitr"]))
                == #"{"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED","PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"DISABLED"}}}"#
        )
        let on = try await h.ok(
            "UpdateContinuousBackups", ["TableName": "pitr", "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true]])
        let recovery = try #require(on["ContinuousBackupsDescription"]?["PointInTimeRecoveryDescription"])
        #expect(
            recovery.keys == [
                "PointInTimeRecoveryStatus", "RecoveryPeriodInDays", "EarliestRestorableDateTime", "LatestRestorableDateTime",
            ])
        #expect(recovery["RecoveryPeriodInDays"] == 35)
        let bad = await h.fail(
            "UpdateContinuousBackups",
            ["TableName": "pitr", "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true, "RecoveryPeriodInDays": 36]])
        #expect(
            bad?.message
                == "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 35"
        )
    }

    /// A recovery period with PITR off, and a CREATING table, are refused with AWS's texts (observed in 2026).
    @Test func refusedUpdates() async throws {
        let h = Harness { $0.createSeconds = 5 }
        try await h.createBasic("pitr2")
        let on: JSONValue = ["TableName": "pitr2", "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true]]
        let creating = await h.fail("UpdateContinuousBackups", on)
        #expect(creating?.type == "com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException")
        #expect(creating?.message == "Backups are being enabled for the table: pitr2. Please retry later")
        h.clock.advance(by: 5)
        try await h.ok("UpdateContinuousBackups", on)
        let off: JSONValue = [
            "TableName": "pitr2",
            "PointInTimeRecoverySpecification": [
                "PointInTimeRecoveryEnabled": false, "RecoveryPeriodInDays": 35,
            ],
        ]
        #expect(
            await h.fail("UpdateContinuousBackups", off)?.message
                == "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.")
    }

    /// LatestRestorableDateTime trails now by five minutes, but never precedes the moment PITR was enabled.
    @Test func latestRestorableTrailsByFiveMinutes() async throws {
        let h = Harness()
        try await h.createBasic("pitr3")
        let enabledAt = h.clock.now()
        try await h.ok(
            "UpdateContinuousBackups",
            [
                "TableName": "pitr3",
                "PointInTimeRecoverySpecification": [
                    "PointInTimeRecoveryEnabled": true
                ],
            ])
        func latest() async throws -> JSONValue? {
            try await h.ok("DescribeContinuousBackups", ["TableName": "pitr3"])["ContinuousBackupsDescription"]?[
                "PointInTimeRecoveryDescription"]?["LatestRestorableDateTime"]
        }
        #expect(try await latest() == .epochSeconds(enabledAt))
        h.clock.advance(by: 1000)
        #expect(try await latest() == .epochSeconds(enabledAt.addingTimeInterval(700)))
    }
}
