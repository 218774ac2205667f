import Testing

@testable import AWSProtocol

@Suite struct WireTests {
    @Test func crc32MatchesRecordedDynamoDBValues() {
        // Observed DynamoDB behaviour (recorded 2015–2020): the 29-byte 404 body has x-amz-crc32 3552371480.
        #expect(CRC32.checksum(Array("<UnknownOperationException/>\n".utf8)) == 3_552_371_480)
    }

    @Test func requestIdsAre52UppercaseAlphanumerics() {
        let random = SeededRandomSource(seed: 1)
        for _ in 0..<100 { #expect(RequestID.isValid(RequestID.make(using: random))) }
        #expect(!RequestID.isValid("abc"))
    }

    @Test func requestIdsHaveDynamoDBsTwoHalves() {
        let random = SeededRandomSource(seed: 2)
        let ids = (0..<200).map { _ in RequestID.make(using: random) }
        for id in ids {
            #expect(id.hasSuffix("VV4KQNSO5AEMVJF66Q9ASUAAJG") && id.utf8.count == 52)
            #expect(id.utf8.prefix(26).allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 86) }, "\(id)")
        }
        #expect(Set(ids).count == ids.count)
        // A real id from AWS's CloudTrail examples for DynamoDB passes; W-Z never appear in the random half.
        #expect(RequestID.isValid("4KBNVRGD25RG1KEO9UT4V3FQDJVV4KQNSO5AEMVJF66Q9ASUAAJG"))
        #expect(!RequestID.isValid("WKBNVRGD25RG1KEO9UT4V3FQDJVV4KQNSO5AEMVJF66Q9ASUAAJG"))
    }

    @Test func errorBodiesFollowTheEnvelope() {
        #expect(JSONWriter.string(AWSServiceError.serialization.body) == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
        #expect(
            JSONWriter.string(AWSServiceError.serialization("NUMBER_VALUE cannot be converted to String").body)
                == #"{"__type":"com.amazon.coral.service#SerializationException","Message":"NUMBER_VALUE cannot be converted to String"}"#)
        #expect(AWSServiceError.unknownOperation.code == "UnknownOperationException")
    }

    @Test func digestsComeFromLibcrypto() {
        #expect(Digest.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Hex.encode(Digest.md5(Array("abc".utf8))) == "900150983cd24fb0d6963f7d28e17f72")
        // RFC 4231 test case 2.
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func seededRandomIsDeterministicAndUUIDsAreVersion4() {
        let a = SeededRandomSource(seed: 7)
        let b = SeededRandomSource(seed: 7)
        #expect(a.nextUInt64() == b.nextUInt64())
        let uuid = a.uuid()
        #expect(uuid.count == 36)
        #expect(Array(uuid)[14] == "4")
    }
}
