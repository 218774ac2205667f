import AWSProtocol
import Foundation
import Synchronization
import Testing

@testable import CloudTrail

@Suite struct DigestTests {
    // MARK: - Keys

    @Test func signingKeyIsRSA2048WithPKCS1PublicKeyAndMD5Fingerprint() throws {
        let key = try SigningKey.generate()
        #expect(key.publicKeyDER.count == 270)
        #expect(Data(key.publicKeyDER).base64EncodedString().hasPrefix("MIIBCgKCAQEA"))
        #expect(key.fingerprint == Hex.encode(Digest.md5(key.publicKeyDER)))
        #expect(key.fingerprint.count == 32 && key.fingerprint == key.fingerprint.lowercased())
        let message = Array("2026-01-02T03:04:05Z\nb/k\nabc\nnull".utf8)
        let signature = try key.sign(message)
        #expect(signature.count == 256)
        #expect(try key.sign(message) == signature)  // PKCS#1 v1.5 is deterministic
        #expect(SigningKey.verify(signature: signature, message: message, publicKeyDER: key.publicKeyDER) == true)
        var other = message
        other[0] ^= 1
        #expect(SigningKey.verify(signature: signature, message: other, publicKeyDER: key.publicKeyDER) == false)
        #expect(SigningKey.verify(signature: signature, message: message, publicKeyDER: [0x30, 0x00]) == nil)
        let reloaded = try SigningKey.load(privateKeyDER: try key.privateKeyDER())
        #expect(reloaded.fingerprint == key.fingerprint)
        #expect(try reloaded.sign(message) == signature)
    }

    @Test func keyStoreCreatesOnFirstUseKeepsKeysPrivateAndReusesThemAfterRestart() throws {
        let harness = DigestHarness()
        let store = harness.makeKeyStore()
        #expect(store.publicKeys(region: "us-east-1", from: .distantPast, to: .distantFuture).isEmpty)
        let key = try store.signingKey(region: "us-east-1")
        #expect(try store.signingKey(region: "us-east-1").fingerprint == key.fingerprint)
        let other = try store.signingKey(region: "eu-west-1")
        #expect(other.fingerprint != key.fingerprint)  // one key pair per region

        let directory = SigningKeyStore.defaultDirectory(bucketRoot: harness.bucket)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names.count == 4)
        let pem = try #require(names.first { $0.hasPrefix("us-east-1_20260102T030405Z_") && $0.hasSuffix(".pem") })
        #expect(pem == "us-east-1_20260102T030405Z_\(key.fingerprint).pem")
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/" + pem)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let pub = try String(contentsOfFile: directory + "/" + pem.dropLast(4) + ".pub", encoding: .utf8)
        #expect(pub.hasPrefix("-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA"))

        let restarted = harness.makeKeyStore()
        #expect(restarted.load() == 2)
        #expect(try restarted.signingKey(region: "us-east-1").fingerprint == key.fingerprint)
        #expect(restarted.key(region: "eu-west-1", fingerprint: other.fingerprint) != nil)
        #expect(throws: SigningKeyStoreError.self) { try restarted.signingKey(region: "us_east") }
    }

    @Test func rotatedKeysStayListedForTheTimesTheySigned() throws {
        let harness = DigestHarness()
        let store = harness.makeKeyStore(rotation: 3600)
        let first = try store.signingKey(region: "us-east-1")
        let t0 = harness.clock.now()
        harness.clock.advance(by: 1800)
        #expect(try store.signingKey(region: "us-east-1").fingerprint == first.fingerprint)
        harness.clock.advance(by: 1800)
        let second = try store.signingKey(region: "us-east-1")
        #expect(second.fingerprint != first.fingerprint)
        let all = store.publicKeys(region: "us-east-1", from: t0, to: harness.clock.now())
        #expect(all.map(\.fingerprint) == [first.fingerprint, second.fingerprint])
        #expect(all[0].validityStart == t0 && all[0].validityEnd == all[1].validityStart)
        #expect(all[0].derPKCS1 == first.publicKeyDER)
        #expect(all[1].validityEnd >= all[1].validityStart.addingTimeInterval(3600))
        // A range before the rotation lists only the old key; after it only the new one.
        #expect(store.publicKeys(region: "us-east-1", from: t0, to: t0.addingTimeInterval(60)).map(\.fingerprint) == [first.fingerprint])
        #expect(
            store.publicKeys(region: "us-east-1", from: t0.addingTimeInterval(7200), to: t0.addingTimeInterval(9000)).map(\.fingerprint)
                == [second.fingerprint])
        #expect(store.publicKeys(region: "eu-west-1", from: t0, to: harness.clock.now()).isEmpty)
        let restarted = harness.makeKeyStore(rotation: 3600)
        restarted.load()
        #expect(restarted.publicKeys(region: "us-east-1", from: t0, to: harness.clock.now()) == all)
    }

    // MARK: - Digest contents

    /// The example digest of AWS's "CloudTrail digest file structure" page, verbatim but compacted.
    static let example = """
        {"awsAccountId":"111122223333","digestStartTime":"2015-08-17T14:01:31Z","digestEndTime":"2015-08-17T15:01:31Z","digestS3Bucket":"S3-bucket-name","digestS3Object":"AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz","digestPublicKeyFingerprint":"31e8b5433410dfb61a9dc45cc65b22ff","digestSignatureAlgorithm":"SHA256withRSA","newestEventTime":"2015-08-17T14:52:27Z","oldestEventTime":"2015-08-17T14:42:27Z","previousDigestS3Bucket":"S3-bucket-name","previousDigestS3Object":"AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T140131Z.json.gz","previousDigestHashValue":"97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d","previousDigestHashAlgorithm":"SHA-256","previousDigestSignature":"50887ccf","logFiles":[{"s3Bucket":"S3-bucket-name","s3Object":"AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/17/111122223333_CloudTrail_us-east-2_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz","hashValue":"9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6","hashAlgorithm":"SHA-256","newestEventTime":"2015-08-17T14:52:27Z","oldestEventTime":"2015-08-17T14:42:27Z"}]}
        """

    @Test func digestJSONAndKeyMatchTheDocumentedExampleFieldForField() {
        let end = Fixtures.date("2015-08-17T15:01:31Z")
        let key = DigestFile.key(
            prefix: "", organizationId: nil, account: "111122223333", region: "us-east-2", trailName: "your-trail-name",
            homeRegion: "us-east-2", endTime: end)
        #expect(
            key
                == "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz"
        )
        #expect(String(key.dropLast(8).suffix(16)) == "20150817T150131Z")  // the CLI's key[-24:-8]
        let previousKey = DigestFile.key(
            prefix: "", organizationId: nil, account: "111122223333", region: "us-east-2", trailName: "your-trail-name",
            homeRegion: "us-east-2", endTime: end.addingTimeInterval(-3600))
        let digest = DigestFile(
            account: "111122223333", startTime: Fixtures.date("2015-08-17T14:01:31Z"), endTime: end, bucket: "S3-bucket-name",
            key: key, fingerprint: "31e8b5433410dfb61a9dc45cc65b22ff",
            logFiles: [
                DigestLogFile(
                    bucket: "S3-bucket-name",
                    key:
                        "AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/17/111122223333_CloudTrail_us-east-2_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz",
                    sha256Hex: "9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6",
                    oldestEventTime: Fixtures.date("2015-08-17T14:42:27Z"), newestEventTime: Fixtures.date("2015-08-17T14:52:27Z"))
            ],
            previous: PreviousDigest(
                bucket: "S3-bucket-name", key: previousKey,
                sha256Hex: "97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d", signatureHex: "50887ccf"))
        #expect(String(decoding: digest.jsonBytes(), as: UTF8.self) == Self.example)
    }

    @Test func firstAndEmptyDigestsWriteNulls() throws {
        let end = Fixtures.date("2015-08-20T18:01:31Z")
        let digest = DigestFile(
            account: "111122223333", startTime: end.addingTimeInterval(-3600), endTime: end, bucket: "b",
            key: "myprefix/sub/AWSLogs/o-abc/111122223333/CloudTrail-Digest/eu-west-1/2015/08/20/x.json.gz", fingerprint: "f",
            logFiles: [], previous: nil)
        let json = try JSONParser.parse(digest.jsonBytes())
        for field in [
            "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue",
            "previousDigestHashAlgorithm", "previousDigestSignature",
        ] {
            #expect(json[field] == .null, "\(field)")
        }
        #expect(json["logFiles"] == .array([]))
        #expect(
            DigestFile.key(
                prefix: "myprefix/sub", organizationId: "o-abc", account: "111122223333", region: "eu-west-1", trailName: "t",
                homeRegion: "us-east-1", endTime: end)
                == "myprefix/sub/AWSLogs/o-abc/111122223333/CloudTrail-Digest/eu-west-1/2015/08/20/111122223333_CloudTrail-Digest_eu-west-1_t_us-east-1_20150820T180131Z.json.gz"
        )
        let message = DigestFile.stringToSign(
            endTime: "2015-08-20T18:01:31Z", bucket: "b", key: "k/x.json.gz", digestSHA256Hex: "ab", previousSignatureHex: nil)
        #expect(String(decoding: message, as: UTF8.self) == "2015-08-20T18:01:31Z\nb/k/x.json.gz\nab\nnull")
    }

    @Test func digestTimesParseAndFormat() {
        let date = Fixtures.date("2026-11-24T14:33:40Z")
        #expect(DigestTime.stamp(date) == "20261124T143340Z")
        #expect(DigestTime.parseStamp("20261124T143340Z") == date)
        #expect(DigestTime.parseStamp("20261124T1433Z") == nil)
        #expect(DigestTime.parseISO("2026-11-24T14:33:40Z") == date)
        #expect(DigestTime.parseISO("2026-11-24T15:33:40+01:00") == date)
        #expect(DigestTime.parseISO("2026-11-24 14:33:40") == date)
        #expect(DigestTime.parseISO("2026-11-24T14:33:40.500Z") == date.addingTimeInterval(0.5))
        #expect(DigestTime.parseISO("2026-11-24") == Fixtures.date("2026-11-24T00:00:00Z"))
        #expect(DigestTime.parseISO("yesterday") == nil)
        #expect(DigestTime.parseISO("2026-13-01") == nil)
    }

    // MARK: - The writer

    @Test func writerSignsChainedDigestsListingEveryDeliveredFile() async throws {
        let harness = DigestHarness()
        let (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event(table: "a"))
        try await recorder.record(Fixtures.event(region: "eu-west-1", table: "b"))
        let logs = await recorder.flush()
        #expect(logs.count == 2)
        harness.clock.advance(by: 60)
        let first = writer.tick()
        #expect(first.count == 2)  // one starting digest per (account, region)
        harness.clock.advance(by: 60)
        let second = writer.tick()  // nothing delivered: empty digests still come
        #expect(second.count == 2)
        try await recorder.record(Fixtures.event(table: "c"))
        let third = await recorder.flush()
        harness.clock.advance(by: 60)
        let last = writer.tick()

        let keys = writer.keyStore
        let usEast = [first, second, last].map { try? #require($0.first { $0.contains("/us-east-1/") }) }
        var previous: (key: String, sha: String, signature: String)? = nil
        for (index, key) in usEast.compactMap({ $0 }).enumerated() {
            let (json, body, signature) = try harness.digest(key)
            let signatureHex = try #require(signature)
            #expect(signatureHex.count == 512)
            #expect(json["digestS3Object"]?.stringValue == key)
            #expect(json["digestS3Bucket"]?.stringValue == "test-bucket")
            #expect(key.hasSuffix("_CloudTrail-Digest_us-east-1_dynamotrail_us-east-1_\(String(key.dropLast(8).suffix(16))).json.gz"))
            let endText = try #require(json["digestEndTime"]?.stringValue)
            #expect(key.contains(DigestTime.stamp(DigestTime.parseISO(endText) ?? .distantPast)))
            let fingerprint = try #require(json["digestPublicKeyFingerprint"]?.stringValue)
            let publicKey = try #require(keys.key(region: "us-east-1", fingerprint: fingerprint)?.publicKeyDER)
            let message = DigestFile.stringToSign(
                endTime: endText, bucket: "test-bucket", key: key, digestSHA256Hex: Digest.sha256Hex(body),
                previousSignatureHex: previous?.signature)
            #expect(SigningKey.verify(signature: Hex.decode(signatureHex) ?? [], message: message, publicKeyDER: publicKey) == true)
            if let previous {
                #expect(json["previousDigestS3Object"]?.stringValue == previous.key)
                #expect(json["previousDigestHashValue"]?.stringValue == previous.sha)
                #expect(json["previousDigestSignature"]?.stringValue == previous.signature)
                #expect(json["previousDigestHashAlgorithm"]?.stringValue == "SHA-256")
            } else {
                #expect(json["previousDigestSignature"] == .null && json["previousDigestS3Object"] == .null)
            }
            let files = json["logFiles"]?.arrayValue ?? []
            switch index {
            case 0:
                #expect(files.count == 1)
                #expect(files.first?["s3Object"]?.stringValue == logs.first { $0.contains("/us-east-1/") })
                let logBody = try Gzip.decompress(
                    [UInt8](
                        Data(
                            contentsOf: URL(fileURLWithPath: harness.bucket).appendingPathComponent(
                                files.first?["s3Object"]?.stringValue ?? ""))))
                #expect(files.first?["hashValue"]?.stringValue == Digest.sha256Hex(logBody))
                #expect(json["oldestEventTime"]?.stringValue == "2026-01-02T03:04:05Z")
                #expect(json["digestStartTime"]?.stringValue == "2026-01-02T03:04:05Z")
            case 1:
                #expect(files.isEmpty && json["newestEventTime"] == .null && json["oldestEventTime"] == .null)
            default:
                #expect(files.compactMap { $0["s3Object"]?.stringValue } == third)
            }
            if let previous {
                // Windows tile the timeline: this start is the previous end.
                let previousJSON = try harness.digest(previous.key).json
                #expect(json["digestStartTime"] == previousJSON["digestEndTime"])
            }
            previous = (key, Digest.sha256Hex(body), signatureHex)
        }
        let report = harness.validate()
        #expect(report.validDigests == 6 && report.invalidDigests == 0)
        #expect(report.validLogs == 3 && report.invalidLogs == 0 && report.exitCode == 0)
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
    }

    @Test func sameSecondRoundsAreSkippedAndShutdownWritesAFinalDigest() async throws {
        let harness = DigestHarness()
        let (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event())
        _ = await recorder.flush()
        #expect(writer.tick().isEmpty)  // the chain began this second: no zero-length window
        harness.clock.advance(by: 5)
        #expect(writer.tick().count == 1)
        #expect(writer.tick().isEmpty)
        try await recorder.record(Fixtures.event())
        _ = await recorder.shutdown()
        let final = await writer.shutdown()  // forced: ends one second later rather than drop the file
        #expect(final.count == 1)
        let json = try harness.digest(final[0]).json
        #expect(json["logFiles"]?.arrayValue?.count == 1)
        #expect(json["digestEndTime"]?.stringValue == "2026-01-02T03:04:11Z")
        #expect(harness.validate(end: harness.clock.now().addingTimeInterval(10)).exitCode == 0)
    }

    @Test func chainContinuesAcrossARestartWithoutGapsOrDuplicates() async throws {
        let harness = DigestHarness()
        var (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event())
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        _ = writer.tick()
        _ = await recorder.shutdown()
        let final = await writer.shutdown()
        #expect(final.isEmpty)  // nothing new and no time passed: no extra digest

        harness.clock.advance(by: 600)
        (recorder, writer) = try harness.start(seed: 8)
        try await recorder.record(Fixtures.event())
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        let after = writer.tick()
        #expect(after.count == 1)
        let keys = harness.digestKeys()
        #expect(keys.count == 2)
        let older = try harness.digest(keys[0])
        let newer = try harness.digest(keys[1]).json
        #expect(newer["previousDigestS3Object"]?.stringValue == keys[0])
        #expect(newer["previousDigestSignature"]?.stringValue == older.signature)
        #expect(newer["digestStartTime"] == older.json["digestEndTime"])  // the downtime is covered
        let report = harness.validate()
        #expect(report.validDigests == 2 && report.validLogs == 2 && report.exitCode == 0)
        #expect(!report.chains.flatMap(\.statuses).contains { $0.text.hasPrefix("No log files were delivered") })
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
    }

    @Test func aKilledWriterKeepsDeliveredFilesAndFinishesDecidedDigests() async throws {
        for point in [DigestWriter.CrashPoint.afterPlansJournaled, .afterFilesWritten, nil] {
            let harness = DigestHarness("kill\(String(describing: point))")
            let (recorder, writer) = try harness.start()
            try await recorder.record(Fixtures.event())
            let logs = await recorder.flush()
            harness.clock.advance(by: 60)
            if let point {
                writer.armCrash(point)
                let written = writer.tick()
                #expect(written.count == (point == .afterFilesWritten ? 1 : 0))
            } else {
                writer.simulateCrash()  // the delivered log file is only in the WAL
            }
            recorder.simulateCrash()

            harness.clock.advance(by: 60)
            let (recorder2, writer2) = try harness.start(seed: 9)
            harness.clock.advance(by: 60)
            _ = writer2.tick()
            let keys = harness.digestKeys()
            let expected = point == nil ? 1 : 2
            #expect(keys.count == expected, "\(String(describing: point))")
            let listed = try keys.flatMap { try harness.digest($0).json["logFiles"]?.arrayValue ?? [] }
            #expect(listed.compactMap { $0["s3Object"]?.stringValue } == logs, "\(String(describing: point))")
            let report = harness.validate()
            #expect(report.validDigests == expected && report.validLogs == 1 && report.exitCode == 0, "\(String(describing: point))")
            _ = await recorder2.shutdown()
            _ = await writer2.shutdown()
        }
    }

    @Test func replayedDeliveryHooksAreListedOnce() throws {
        let harness = DigestHarness()
        let writer = harness.makeWriter()
        try writer.start()
        let file = DeliveredLogFile(
            bucket: "test-bucket", key: "AWSLogs/123456789012/CloudTrail/us-east-1/2026/01/02/x.json.gz", account: "123456789012",
            region: "us-east-1", sha256Hex: String(repeating: "a", count: 64), oldestEventTime: harness.clock.now(),
            newestEventTime: harness.clock.now(), deliveredAt: harness.clock.now(), recordCount: 1, replayed: false)
        writer.logFileDelivered(file)
        var again = file
        again.replayed = true
        writer.logFileDelivered(again)
        harness.clock.advance(by: 10)
        let keys = writer.tick()
        writer.logFileDelivered(again)  // a replay after the digest that listed it
        harness.clock.advance(by: 10)
        let next = writer.tick()
        #expect(try harness.digest(keys[0]).json["logFiles"]?.arrayValue?.count == 1)
        #expect(try harness.digest(next[0]).json["logFiles"]?.arrayValue?.count == 0)
    }

    @Test func aDamagedStateFileIsSetAsideAndNewChainsBegin() async throws {
        let harness = DigestHarness()
        var (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event())
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        #expect(writer.tick().count == 1)
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: writer.stateDirectory + "/state.json"))
        harness.clock.advance(by: 60)
        (recorder, writer) = try harness.start(seed: 5)
        #expect(FileManager.default.fileExists(atPath: writer.stateDirectory + "/state.json.corrupt"))
        try await recorder.record(Fixtures.event())
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        let key = try #require(writer.tick().first)
        #expect(try harness.digest(key).json["previousDigestSignature"] == .null)  // a new chain
        let report = harness.validate()
        #expect(report.exitCode == 0 && report.validDigests == 2)
        #expect(report.chains.flatMap(\.statuses).contains { $0.text.hasPrefix("No log files were delivered by CloudTrail between ") })
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
    }

    @Test func prefixAndOrganizationTrailsUseTheirLayoutEndToEnd() async throws {
        let harness = DigestHarness { settings, _ in
            settings.bucket.keyPrefix = "my/prefix"
            settings.organizationId = "o-abc123"
            settings.name = "org-trail"
            settings.homeRegion = "eu-central-1"
        }
        let (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event(region: "us-west-2"))
        let logs = await recorder.flush()
        harness.clock.advance(by: 60)
        // Two chains: the delivery region's and the idle home region's (empty).
        let keys = writer.tick()
        #expect(keys.count == 2)
        let key = try #require(keys.first { $0.contains("/us-west-2/") })
        #expect(
            key
                == "my/prefix/AWSLogs/o-abc123/123456789012/CloudTrail-Digest/us-west-2/2026/01/02/"
                + "123456789012_CloudTrail-Digest_us-west-2_org-trail_eu-central-1_20260102T030505Z.json.gz")
        let json = try harness.digest(key).json
        #expect(json["digestS3Object"]?.stringValue == key)
        #expect(json["logFiles"]?.arrayValue?.first?["s3Object"]?.stringValue == logs.first)
        #expect(writer.keyStore.publicKeys(region: "us-west-2", from: .distantPast, to: .distantFuture).count == 1)
        let report = LogValidator(bucketRoot: harness.bucket, bucketName: nil).validate(start: nil, end: harness.clock.now())
        #expect(report.exitCode == 0 && report.validDigests == 2 && report.validLogs == 1)
        #expect(report.chains.first?.trailARN == "arn:aws:cloudtrail:eu-central-1:123456789012:trail/org-trail")
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
    }
}
