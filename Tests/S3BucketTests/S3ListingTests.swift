import AWSProtocol
import Foundation
import Testing

@testable import S3Bucket

/// ListObjects v1 and v2 over a temporary bucket directory: order, prefixes, delimiters, paging,
/// URL encoding, what is hidden, and that listing reads names and `lstat` only.
@Suite struct S3ListingTests {
    static let keys = [
        "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/f1.json.gz",
        "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/f2.json.gz",
        "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/24/d1.json.gz",
        "a-b", "a/b", "a0", "space key.txt", "plus+key", "ü.txt", "z",
    ]

    func fixture() throws -> BucketFixture {
        let fixture = try BucketFixture()
        for key in Self.keys { try fixture.put(key, "content of \(key)") }
        try fixture.put(".dynamotrail/journal/000001.log", "private")
        try fixture.put(".dynamotrail/metadata/z.json", "{}")
        try FileManager.default.createDirectory(
            at: fixture.root.appendingPathComponent("empty/dir"), withIntermediateDirectories: true)
        return fixture
    }

    static var byteOrder: [String] { keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }

    @Test func listsEveryKeyInUTF8ByteOrderWithoutThePrivateFolder() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let xml = await fixture.text("GET", "/trail-bucket")
        #expect(elements("Key", in: xml) == Self.byteOrder.map { S3XML.escape($0) })
        // "a-b" < "a/b" < "a0": the directory "a" sorts as "a/".
        #expect(Array(elements("Key", in: xml)[3...5]) == ["a-b", "a/b", "a0"])
        #expect(!xml.contains(".dynamotrail"))
        #expect(!xml.contains("empty"))
        #expect(elements("IsTruncated", in: xml) == ["false"])
        #expect(elements("MaxKeys", in: xml) == ["1000"])
        #expect(elements("Name", in: xml) == ["trail-bucket"])
        #expect(
            xml.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>trail-bucket</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>AWSLogs/"
            ))
    }

    @Test func contentsCarrySizeTimeAndStorageClass() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.put("dated", "12345", modified: Date(timeIntervalSince1970: 1_795_530_820))
        try fixture.sidecar(
            "z",
            ObjectMetadata(
                contentType: "text/plain", storageClass: "GLACIER", etag: "0123abcd",
                lastModified: Date(timeIntervalSince1970: 1_700_000_000)))
        let xml = await fixture.text("GET", "/trail-bucket?prefix=dated")
        #expect(
            xml.contains(
                "<Contents><Key>dated</Key><LastModified>2026-11-24T14:33:40.000Z</LastModified><Size>5</Size><StorageClass>STANDARD</StorageClass></Contents>"
            ))
        let z = await fixture.text("GET", "/trail-bucket?prefix=z")
        #expect(
            z.contains(
                "<Contents><Key>z</Key><LastModified>2023-11-14T22:13:20.000Z</LastModified><ETag>&quot;0123abcd&quot;</ETag><Size>12</Size><StorageClass>GLACIER</StorageClass></Contents>"
            ))
    }

    @Test func prefixAndMarkerAreByteWise() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let logs = await fixture.text("GET", "/trail-bucket?prefix=AWSLogs%2F111122223333%2FCloudTrail%2F")
        #expect(elements("Key", in: logs).count == 2)
        #expect(elements("Prefix", in: logs) == ["AWSLogs/111122223333/CloudTrail/"])
        // validate-logs style: marker + prefix + encoding-type=url.
        let digest = await fixture.text(
            "GET",
            "/trail-bucket?marker=AWSLogs%2F111122223333%2FCloudTrail-Digest%2Fus-east-1%2F2026%2F11%2F24%2Fd0.json.gz&prefix=AWSLogs%2F111122223333%2FCloudTrail-Digest%2Fus-east-1&encoding-type=url"
        )
        #expect(elements("Key", in: digest) == ["AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/24/d1.json.gz"])
        #expect(elements("EncodingType", in: digest) == ["url"])
        // Keys strictly after the marker, which need not exist.
        let after = await fixture.text("GET", "/trail-bucket?marker=a%2Fb")
        #expect(elements("Key", in: after) == Array(Self.byteOrder.drop { $0 != "a0" }).map { S3XML.escape($0) })
        let afterAll = await fixture.text("GET", "/trail-bucket?marker=%C3%BF")
        #expect(elements("Key", in: afterAll).isEmpty)
    }

    @Test func pagesWithMaxKeysAndMarkerCoverEveryKeyOnce() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        var seen: [String] = []
        var marker = ""
        var pages = 0
        while true {
            let xml = await fixture.text("GET", "/trail-bucket?max-keys=3&encoding-type=url&marker=\(ListObjectsPage.urlEncode(marker))")
            let keys = elements("Key", in: xml).map {
                String(decoding: S3Query.percentDecode(Substring($0), plusAsSpace: true), as: UTF8.self)
            }
            seen += keys
            pages += 1
            #expect(keys.count <= 3)
            #expect(elements("NextMarker", in: xml).isEmpty)  // no delimiter: no NextMarker, as S3
            guard elements("IsTruncated", in: xml) == ["true"], let last = keys.last else { break }
            marker = last
        }
        #expect(seen == Self.byteOrder)
        #expect(pages == 4)
    }

    @Test func delimiterRollsUpCommonPrefixesCountedOnceAgainstMaxKeys() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let top = await fixture.text("GET", "/trail-bucket?delimiter=%2F")
        #expect(elements("Prefix", in: top).dropFirst().elementsEqual(["AWSLogs/", "a/"]))
        #expect(elements("Key", in: top).map { $0 } == ["a-b", "a0", "plus+key", "space key.txt", "z", "ü.txt"])
        let nested = await fixture.text("GET", "/trail-bucket?prefix=AWSLogs%2F111122223333%2F&delimiter=%2F")
        #expect(
            Array(elements("Prefix", in: nested).dropFirst()) == [
                "AWSLogs/111122223333/CloudTrail-Digest/", "AWSLogs/111122223333/CloudTrail/",
            ])
        // Paging with a delimiter: NextMarker is the last key or prefix; a prefix is never repeated.
        let first = await fixture.text("GET", "/trail-bucket?delimiter=%2F&max-keys=2")
        #expect(elements("Key", in: first) == ["a-b"])
        #expect(Array(elements("Prefix", in: first).dropFirst()) == ["AWSLogs/"])
        #expect(elements("NextMarker", in: first) == ["a-b"])
        #expect(elements("IsTruncated", in: first) == ["true"])
        let second = await fixture.text("GET", "/trail-bucket?delimiter=%2F&max-keys=2&marker=a-b")
        #expect(Array(elements("Prefix", in: second).dropFirst()) == ["a/"])
        #expect(elements("Key", in: second) == ["a0"])
        #expect(elements("NextMarker", in: second) == ["a0"])
        let inside = await fixture.text("GET", "/trail-bucket?delimiter=%2F&marker=AWSLogs%2F1")
        #expect(Array(elements("Prefix", in: inside).dropFirst()) == ["a/"])
    }

    @Test func urlEncodingEncodesKeysPrefixesAndMarkers() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let xml = await fixture.text("GET", "/trail-bucket?encoding-type=url&marker=plus%2Bkey&prefix=")
        #expect(elements("Key", in: xml) == ["space+key.txt", "z", "%C3%BC.txt"])
        #expect(elements("Marker", in: xml) == ["plus%2Bkey"])
        let plain = await fixture.text("GET", "/trail-bucket?marker=plus%2Bkey")
        #expect(elements("Key", in: plain) == ["space key.txt", "z", "ü.txt"])
        #expect(ListObjectsPage.urlEncode("a b/c+d&e<ü~") == "a+b/c%2Bd%26e%3C%C3%BC~")
    }

    @Test func listObjectsV2PagesWithContinuationTokens() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        var seen: [String] = []
        var token: String? = nil
        repeat {
            let tokenQuery = token.map { "&continuation-token=" + ListObjectsPage.urlEncode($0) } ?? ""
            let xml = await fixture.text("GET", "/trail-bucket?list-type=2&max-keys=4&fetch-owner=true" + tokenQuery)
            #expect(!xml.contains("<Owner>"))
            let keys = elements("Key", in: xml)
            seen += keys
            #expect(elements("KeyCount", in: xml) == [String(keys.count)])
            #expect(elements("ContinuationToken", in: xml) == (token.map { [$0] } ?? []))
            token = elements("NextContinuationToken", in: xml).first
            #expect((token != nil) == (elements("IsTruncated", in: xml) == ["true"]))
        } while token != nil
        #expect(seen == Self.byteOrder)
        let startAfter = await fixture.text("GET", "/trail-bucket?list-type=2&start-after=plus%2Bkey")
        #expect(elements("Key", in: startAfter) == ["space key.txt", "z", "ü.txt"])
        #expect(elements("StartAfter", in: startAfter) == ["plus+key"])
        let bad = await fixture.send("GET", "/trail-bucket?list-type=2&continuation-token=bm9wZQ%3D%3D")
        #expect(
            bad
                == .failure(
                    .invalidArgument(message: "The continuation token provided is incorrect", name: "continuation-token", value: "bm9wZQ==")
                ))
    }

    @Test func maxKeysEdgeCases() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let zero = await fixture.text("GET", "/trail-bucket?max-keys=0")
        #expect(elements("Key", in: zero).isEmpty)
        #expect(elements("IsTruncated", in: zero) == ["false"])
        let big = await fixture.text("GET", "/trail-bucket?max-keys=5000")
        #expect(elements("MaxKeys", in: big) == ["5000"])
        #expect(elements("Key", in: big).count == Self.keys.count)
        #expect(
            await fixture.send("GET", "/trail-bucket?max-keys=-1")
                == .failure(
                    .invalidArgument(message: "Argument maxKeys must be an integer between 0 and 2147483647", name: "maxKeys", value: "-1"))
        )
        #expect(
            await fixture.send("GET", "/trail-bucket?max-keys=ten")
                == .failure(
                    .invalidArgument(message: "Provided max-keys not an integer or within integer range", name: "max-keys", value: "ten")))
        #expect(
            await fixture.send("GET", "/trail-bucket?encoding-type=base64")
                == .failure(
                    .invalidArgument(message: "Invalid Encoding Method specified in Request", name: "encoding-type", value: "base64")))
    }

    @Test func listingNeverReadsContentsAndSkipsLinks() async throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        // A 16 GiB sparse file: listing it reports the size without reading a byte.
        let huge = try fixture.put("huge.bin", "")
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1 << 34)
        try handle.close()
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("link").path, withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("linkdir").path, withDestinationPath: "/etc")
        let xml = await fixture.text("GET", "/trail-bucket?prefix=huge")
        #expect(elements("Size", in: xml) == ["17179869184"])
        let all = await fixture.text("GET", "/trail-bucket")
        #expect(!elements("Key", in: all).contains { $0.hasPrefix("link") })
        #expect(await fixture.send("GET", "/trail-bucket/link") == .failure(.noSuchKey(key: "link")))
        #expect(await fixture.send("GET", "/trail-bucket/linkdir/hostname") == .failure(.noSuchKey(key: "linkdir/hostname")))
    }

    @Test func aMissingBucketDirectoryListsEmpty() async throws {
        let bucket = S3Bucket(name: "b", path: "/nonexistent-\(UUID().uuidString)", region: "us-east-1")
        let result = await bucket.perform(bucket.operation(method: "GET", rawPath: "/b", rawQuery: "", host: nil))
        guard case .success(let reply) = result else {
            Issue.record("expected a listing, got \(result)")
            return
        }
        #expect(elements("Key", in: String(decoding: reply.body, as: UTF8.self)).isEmpty)
    }
}
