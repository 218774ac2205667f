import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

@Suite struct LogValidatorTests {
    /// Three digests of one chain (us-east-1) with one log file each, plus one eu-west-1 digest.
    static func makeBucket(_ label: String = #function) async throws -> (DigestHarness, digests: [String], logs: [String]) {
        let harness = DigestHarness(label)
        let (recorder, writer) = try harness.start()
        var digests: [String] = []
        var logs: [String] = []
        for i in 0..<3 {
            try await recorder.record(Fixtures.event(table: "t\(i)"))
            if i == 0 { try await recorder.record(Fixtures.event(region: "eu-west-1")) }
            logs += await recorder.flush()
            harness.clock.advance(by: 60)
            digests += writer.tick()
        }
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
        return (harness, digests.filter { $0.contains("/us-east-1/") }, logs.filter { $0.contains("/us-east-1/") })
    }

    static func texts(_ report: LogValidator.Report) -> [String] { report.chains.flatMap(\.statuses).map(\.text) }

    static func path(_ harness: DigestHarness, _ key: String) -> String {
        URL(fileURLWithPath: harness.bucket).appendingPathComponent(key).path
    }

    @Test func anUntouchedBucketIsValidAndPrintedLikeTheCLI() async throws {
        let (harness, digests, logs) = try await Self.makeBucket()
        let report = harness.validate()
        #expect(report.validDigests == 6 && report.invalidDigests == 0 && report.validLogs == 4 && report.exitCode == 0)
        #expect(report.chains.map(\.region) == ["eu-west-1", "us-east-1"])
        let us = try #require(report.chains.last)
        #expect(us.trailARN == "arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail")
        // Newest first, each digest followed by its log files.
        #expect(
            us.statuses.map(\.text) == [
                "Digest file\ts3://test-bucket/\(digests[2])\tvalid", "Log file\ts3://test-bucket/\(logs[2])\tvalid",
                "Digest file\ts3://test-bucket/\(digests[1])\tvalid", "Log file\ts3://test-bucket/\(logs[1])\tvalid",
                "Digest file\ts3://test-bucket/\(digests[0])\tvalid", "Log file\ts3://test-bucket/\(logs[0])\tvalid",
            ])
        let text = report.rendered(verbose: true).map(\.text).joined()
        #expect(
            text.hasPrefix(
                "Validating log files for trail arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail in region eu-west-1 between 2026-01-02T03:04:05Z and "
            ))
        #expect(text.contains("\n\nValidating log files for trail arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail between "))
        #expect(
            text.contains(
                "\nResults requested for 2026-01-02T03:04:05Z to 2026-01-02T03:08:05Z\nResults found for 2026-01-02T03:04:05Z to 2026-01-02T03:07:05Z:\n\n6/6 digest files valid\n4/4 log files valid\n"
            ))
        let quiet = report.rendered(verbose: false).map(\.text).joined()
        #expect(!quiet.contains("\tvalid"))
        // Filters.
        let only = LogValidator(bucketRoot: harness.bucket, bucketName: nil)
            .validate(start: nil, end: harness.clock.now().addingTimeInterval(60), region: "eu-west-1")
        #expect(only.validDigests == 3 && only.validLogs == 1 && only.chains.count == 1)  // empty digests too
        #expect(
            LogValidator(bucketRoot: harness.bucket, bucketName: nil).validate(
                start: nil, end: harness.clock.now(), account: "999999999999"
            ).rendered(verbose: false).map(\.text).joined().hasSuffix("No digests found\n"))
    }

    @Test func aChangedByteInALogFileIsAHashMismatch() async throws {
        let (harness, _, logs) = try await Self.makeBucket()
        let path = Self.path(harness, logs[1])
        var body = try Gzip.decompress([UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        let index = try #require(body.firstIndex(of: UInt8(ascii: "t")))
        body[index] = UInt8(ascii: "T")
        try Data(try Gzip.compress(body)).write(to: URL(fileURLWithPath: path))
        let report = harness.validate()
        #expect(report.invalidLogs == 1 && report.validLogs == 3 && report.invalidDigests == 0 && report.exitCode == 1)
        #expect(Self.texts(report).contains("Log file\ts3://test-bucket/\(logs[1])\tINVALID: hash value doesn't match"))
        let errors = report.rendered(verbose: false).filter(\.toStandardError).map(\.text)
        #expect(errors == ["Log file\ts3://test-bucket/\(logs[1])\tINVALID: hash value doesn't match\n\n"])
        #expect(report.rendered(verbose: false).map(\.text).joined().contains("3/4 log files valid, 1/4 log files INVALID"))

        // A flipped byte in the compressed bytes is caught too (gzip CRC: invalid format).
        var raw = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.path(harness, logs[0]))))
        raw[raw.count - 9] ^= 0xFF
        try Data(raw).write(to: URL(fileURLWithPath: Self.path(harness, logs[0])))
        #expect(Self.texts(harness.validate()).contains("Log file\ts3://test-bucket/\(logs[0])\tINVALID: invalid format"))
    }

    @Test func aDeletedLogFileIsNotFound() async throws {
        let (harness, _, logs) = try await Self.makeBucket()
        try FileManager.default.removeItem(atPath: Self.path(harness, logs[0]))
        let report = harness.validate()
        #expect(report.invalidLogs == 1 && report.exitCode == 1)
        #expect(Self.texts(report).contains("Log file\ts3://test-bucket/\(logs[0])\tINVALID: not found"))
    }

    @Test func aDeletedDigestInTheMiddleBreaksTheChain() async throws {
        let (harness, digests, logs) = try await Self.makeBucket()
        try FileManager.default.removeItem(atPath: Self.path(harness, digests[1]))
        let report = harness.validate()
        #expect(report.invalidDigests == 1 && report.validDigests == 5 && report.exitCode == 1)
        let texts = Self.texts(report)
        #expect(texts.contains("Digest file\ts3://test-bucket/\(digests[1])\tINVALID: not found"))
        // As the CLI: the walk goes on from the next older listed digest.
        #expect(texts.contains("Digest file\ts3://test-bucket/\(digests[0])\tvalid"))
        #expect(!texts.contains { $0.contains(logs[1]) })
    }

    @Test func aDeletedNewestDigestIsFoundThroughTheRecordedChainHead() async throws {
        let (harness, digests, _) = try await Self.makeBucket()
        let newest = try #require(harness.digestKeys().filter { $0.contains("/us-east-1/") }.last)
        #expect(newest == digests[2])
        try FileManager.default.removeItem(atPath: Self.path(harness, newest))
        let report = harness.validate()
        #expect(report.exitCode == 1)
        #expect(Self.texts(report).contains("Digest file\ts3://test-bucket/\(newest)\tINVALID: not found"))
    }

    @Test func tamperedDigestsAreReportedWithTheCLIWording() async throws {
        let (harness, digests, _) = try await Self.makeBucket()
        // 1. A changed signature in the metadata.
        let sidecar = harness.trail.settings.state.sidecarPath(forKey: digests[2])
        var metadata = try ObjectMetadata.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: sidecar))))
        let original = metadata
        let signature = try #require(metadata.userMetadata["signature"])
        metadata.userMetadata["signature"] = (signature.first == "0" ? "1" : "0") + signature.dropFirst()
        try Data(metadata.encoded()).write(to: URL(fileURLWithPath: sidecar))
        var texts = Self.texts(harness.validate())
        #expect(texts.contains("Digest file\ts3://test-bucket/\(digests[2])\tINVALID: signature verification failed"))
        try Data(original.encoded()).write(to: URL(fileURLWithPath: sidecar))

        // 2. A changed digest body (still valid JSON): signature fails.
        let path = Self.path(harness, digests[1])
        let body = try Gzip.decompress([UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        let edited = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\"logFiles\":[{", with: "\"logFiles\":[ {")
        try Data(try Gzip.compress(Array(edited.utf8))).write(to: URL(fileURLWithPath: path))
        let report = harness.validate()
        texts = Self.texts(report)
        #expect(texts.contains("Digest file\ts3://test-bucket/\(digests[1])\tINVALID: signature verification failed"))
        #expect(report.exitCode == 1)

        // 3. Moved: a digest copied to another key.
        let moved = digests[0].replacingOccurrences(of: "05Z.json.gz", with: "04Z.json.gz")
        #expect(moved != digests[0])
        try FileManager.default.moveItem(atPath: Self.path(harness, digests[0]), toPath: Self.path(harness, moved))
        try FileManager.default.moveItem(
            atPath: harness.trail.settings.state.sidecarPath(forKey: digests[0]),
            toPath: harness.trail.settings.state.sidecarPath(forKey: moved))
        texts = Self.texts(harness.validate())
        #expect(texts.contains("Digest file\ts3://test-bucket/\(moved)\tINVALID: has been moved from its original location"))

        // 4. Not gzip at all.
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: Self.path(harness, digests[2])))
        texts = Self.texts(harness.validate())
        #expect(texts.contains("Digest file\ts3://test-bucket/\(digests[2])\tINVALID: invalid format"))
    }

    @Test func aDigestSignedByAnUnknownKeyIsReported() async throws {
        let (harness, digests, _) = try await Self.makeBucket()
        let keysDirectory = SigningKeyStore.defaultDirectory(bucketRoot: harness.bucket)
        for name in try FileManager.default.contentsOfDirectory(atPath: keysDirectory) where name.hasPrefix("us-east-1") {
            try FileManager.default.removeItem(atPath: keysDirectory + "/" + name)
        }
        _ = try harness.makeKeyStore().signingKey(region: "us-east-1")  // a different key now
        let report = harness.validate()
        #expect(report.exitCode == 1)
        let fingerprint = try #require(harness.digest(digests[2]).json["digestPublicKeyFingerprint"]?.stringValue)
        #expect(
            Self.texts(report).contains(
                "Digest file\ts3://test-bucket/\(digests[2])\tINVALID: public key not found in region us-east-1 for fingerprint \(fingerprint)"
            ))
    }

    @Test func timeRangesSelectDigestsLikeTheCLI() async throws {
        let (harness, digests, _) = try await Self.makeBucket()
        // Only digests whose end lies in [start, end + 1 h] are listed; the walk stops below start.
        let start = Fixtures.date("2026-01-02T03:06:05Z")
        let report = LogValidator(bucketRoot: harness.bucket, bucketName: "test-bucket")
            .validate(start: start, end: Fixtures.date("2026-01-02T03:06:30Z"), region: "us-east-1")
        let texts = Self.texts(report)
        #expect(texts.contains("Digest file\ts3://test-bucket/\(digests[2])\tvalid"))
        #expect(texts.contains("Digest file\ts3://test-bucket/\(digests[1])\tvalid"))
        #expect(!texts.contains { $0.contains(digests[0]) })
        #expect(report.foundStart == start && report.foundEnd == Fixtures.date("2026-01-02T03:06:30Z"))
        // A wrong bucket name: every digest "has been moved".
        let wrong = LogValidator(bucketRoot: harness.bucket, bucketName: "other").validate(start: nil, end: harness.clock.now())
        #expect(wrong.invalidDigests > 0 && wrong.validDigests == 0)
        #expect(wrong.rendered(verbose: false).map(\.text).joined().contains("No valid digests found in range"))
    }

    @Test func keysAreParsedForEveryLayout() {
        let parsed = LogValidator.parse(
            key:
                "p/q/AWSLogs/o-abc/111122223333/CloudTrail-Digest/eu-west-1/2026/01/02/111122223333_CloudTrail-Digest_eu-west-1_my_trail_us-east-1_20260102T030405Z.json.gz"
        )
        #expect(parsed?.chain.prefix == "p/q" && parsed?.chain.organizationId == "o-abc")
        #expect(parsed?.chain.trailName == "my_trail" && parsed?.chain.homeRegion == "us-east-1")
        #expect(parsed?.stamp == "20260102T030405Z" && parsed?.isBackfill == false)
        #expect(
            LogValidator.parse(
                key:
                    "AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/01/02/111122223333_CloudTrail-Digest_eu-west-1_t_us-east-1_20260102T030405Z_backfill.json.gz"
            )?
            .isBackfill == true)
        #expect(LogValidator.parse(key: "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/02/x.json.gz") == nil)
        #expect(!LogValidator.isSafe("../etc/passwd") && !LogValidator.isSafe("/abs") && !LogValidator.isSafe(".dynamotrail/keys/x"))
        #expect(LogValidator.isSafe("AWSLogs/1/CloudTrail/x.json.gz"))
    }

    @Test func digestsRemovedByRetentionAreNotReportedWithTheDefaultRange() async throws {
        let (harness, _, _) = try await Self.makeBucket()
        for region in ["us-east-1", "eu-west-1"] {
            let oldest = try #require(harness.digestKeys().first { $0.contains("/\(region)/") })
            try FileManager.default.removeItem(atPath: Self.path(harness, oldest))
        }
        let report = harness.validate()
        #expect(report.exitCode == 0 && report.validDigests == 4 && report.invalidDigests == 0)
        // An explicit earlier start asks for the removed digests: the CLI calls that "not found".
        let explicit = harness.validate(start: Fixtures.date("2026-01-02T03:00:00Z"))
        #expect(explicit.exitCode == 1 && explicit.invalidDigests == 2)
    }
}
