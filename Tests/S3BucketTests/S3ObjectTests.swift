import AWSProtocol
import Foundation
import Testing

@testable import S3Bucket

/// GetObject, HeadObject, GetBucketLocation and the error answers over a temporary bucket directory.
@Suite struct S3ObjectTests {
    static let modified = Date(timeIntervalSince1970: 1_795_530_820)  // Tue, 24 Nov 2026 14:33:40 GMT

    func reply(_ result: Result<S3Reply, S3Error>) throws -> S3Reply {
        switch result {
        case .success(let reply): return reply
        case .failure(let error): throw error
        }
    }

    @Test func getObjectWithoutSidecarUsesS3Defaults() async throws {
        let fixture = try BucketFixture()
        defer { fixture.remove() }
        try fixture.put("dir/plain.txt", "hello world", modified: Self.modified)
        let get = try reply(await fixture.send("GET", "/trail-bucket/dir/plain.txt"))
        #expect(get.status == 200)
        #expect(String(decoding: get.body, as: UTF8.self) == "hello world")
        #expect(
            get.headers.map(\.name) == [
                "Last-Modified", "ETag", "x-amz-server-side-encryption", "Accept-Ranges", "Content-Type", "Content-Length",
            ])
        #expect(get.header("ETag") == "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"")
        #expect(get.header("Last-Modified") == "Tue, 24 Nov 2026 14:33:40 GMT")
        #expect(get.header("Content-Type") == "binary/octet-stream")
        #expect(get.header("Content-Length") == "11")
        #expect(get.header("x-amz-server-side-encryption") == "AES256")
        #expect(get.header("x-amz-storage-class") == nil)
        let head = try reply(await fixture.send("HEAD", "/trail-bucket/dir/plain.txt"))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers == get.headers)
    }

    @Test func sidecarMetadataBecomesHeaders() async throws {
        let fixture = try BucketFixture()
        defer { fixture.remove() }
        let key = "AWSLogs/1/CloudTrail-Digest/us-east-1/d.json.gz"
        try fixture.put(key, "digest bytes")
        try fixture.sidecar(
            key,
            ObjectMetadata(
                contentType: "application/json", contentEncoding: "gzip", serverSideEncryption: "aws:kms",
                sseKMSKeyId: "arn:aws:kms:us-east-1:111122223333:key/k", storageClass: "STANDARD_IA",
                userMetadata: ["signature-algorithm": "SHA256withRSA", "signature": "abcd"], etag: "feedface",
                lastModified: Self.modified))
        let head = try reply(await fixture.send("HEAD", "/trail-bucket/" + key))
        #expect(
            head.headers == [
                .init("Last-Modified", "Tue, 24 Nov 2026 14:33:40 GMT"), .init("ETag", "\"feedface\""),
                .init("x-amz-server-side-encryption", "aws:kms"),
                .init("x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:us-east-1:111122223333:key/k"),
                .init("x-amz-storage-class", "STANDARD_IA"), .init("x-amz-meta-signature", "abcd"),
                .init("x-amz-meta-signature-algorithm", "SHA256withRSA"), .init("Accept-Ranges", "bytes"),
                .init("Content-Encoding", "gzip"), .init("Content-Type", "application/json"), .init("Content-Length", "12"),
            ])
        // An undecodable sidecar is ignored: S3's defaults apply.
        try fixture.put(ObjectMetadata.sidecarPath(forKey: key), "not json")
        let plain = try reply(await fixture.send("HEAD", "/trail-bucket/" + key))
        #expect(plain.header("Content-Type") == "binary/octet-stream")
    }

    @Test func rangesServe206OrTheWholeObject() async throws {
        let fixture = try BucketFixture()
        defer { fixture.remove() }
        try fixture.put("r", "0123456789")
        func get(_ range: String) async throws -> (Int, String, String?) {
            let r = try reply(await fixture.send("GET", "/trail-bucket/r", range: range))
            return (r.status, String(decoding: r.body, as: UTF8.self), r.header("Content-Range"))
        }
        #expect(try await get("bytes=2-4") == (206, "234", "bytes 2-4/10"))
        #expect(try await get("bytes=7-") == (206, "789", "bytes 7-9/10"))
        #expect(try await get("bytes=-3") == (206, "789", "bytes 7-9/10"))
        #expect(try await get("bytes=-30") == (206, "0123456789", "bytes 0-9/10"))
        #expect(try await get("bytes=5-100") == (206, "56789", "bytes 5-9/10"))
        #expect(try await get("bytes=9-9") == (206, "9", "bytes 9-9/10"))
        // Ignored as S3 ignores them: bad syntax, several ranges, another unit, last before first.
        for ignored in ["bytes=a-b", "bytes=1-2,4-5", "items=1-2", "bytes=5-2", "bytes=-", "bytes 1-2"] {
            #expect(try await get(ignored) == (200, "0123456789", nil), "\(ignored)")
        }
        let r = try reply(await fixture.send("GET", "/trail-bucket/r", range: "bytes=2-4"))
        #expect(r.header("Content-Length") == "3")
        #expect(r.header("ETag") == "\"781e5e245d69b566979b86e28d23f2c7\"")  // of the whole object
        for unsatisfiable in ["bytes=10-", "bytes=10-20", "bytes=-0"] {
            #expect(
                await fixture.send("GET", "/trail-bucket/r", range: unsatisfiable)
                    == .failure(.invalidRange(requested: unsatisfiable, size: 10)))
        }
        // With a sidecar ETag only the range is read.
        try fixture.sidecar("r", ObjectMetadata(contentType: "text/plain", etag: "e", lastModified: Self.modified))
        #expect(try await get("bytes=3-5") == (206, "345", "bytes 3-5/10"))
    }

    @Test func byteRangeParsing() {
        #expect(ByteRange.resolve(nil, size: 5) == .success(nil))
        #expect(ByteRange.resolve("bytes=0-0", size: 5) == .success(ByteRange(first: 0, last: 0)))
        #expect(ByteRange.resolve(" bytes = 1 - 2 ", size: 5) == .success(nil))  // "bytes =" is not the unit
        #expect(ByteRange.resolve("bytes=1-99999999999999999999999", size: 5) == .success(ByteRange(first: 1, last: 4)))
        #expect(
            ByteRange.resolve("bytes=99999999999999999999999-", size: 5)
                == .failure(.invalidRange(requested: "bytes=99999999999999999999999-", size: 5)))
        #expect(ByteRange.resolve("bytes=0-", size: 0) == .failure(.invalidRange(requested: "bytes=0-", size: 0)))
        #expect(ByteRange.resolve("bytes=-1", size: 0) == .failure(.invalidRange(requested: "bytes=-1", size: 0)))
    }

    @Test func glacierObjectsAreHeadableButNotReadable() async throws {
        let fixture = try BucketFixture()
        defer { fixture.remove() }
        try fixture.put("old.json.gz", "archived")
        try fixture.sidecar(
            "old.json.gz", ObjectMetadata(contentType: "application/json", storageClass: "GLACIER", lastModified: Self.modified))
        #expect(await fixture.send("GET", "/trail-bucket/old.json.gz") == .failure(.invalidObjectState(storageClass: "GLACIER")))
        let head = try reply(await fixture.send("HEAD", "/trail-bucket/old.json.gz"))
        #expect(head.header("x-amz-storage-class") == "GLACIER")
        let wire = S3Error.invalidObjectState(storageClass: "GLACIER").wire
        #expect(
            wire.xml(requestId: "R", hostId: "H")
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidObjectState</Code><Message>The operation is not valid for the object&apos;s storage class</Message><StorageClass>GLACIER</StorageClass><RequestId>R</RequestId><HostId>H</HostId></Error>"
        )
        #expect(wire.httpStatus == 403)
    }

    @Test func keysThatNameNoObject() async throws {
        let fixture = try BucketFixture()
        defer { fixture.remove() }
        try fixture.put("a/b.txt", "x")
        try fixture.put(".dynamotrail/journal/1.log", "private")
        try fixture.put(".dynamotrail/metadata/a/b.txt.json", "{}")
        for key in ["missing", "a", "a/", "a//b.txt", "a/./b.txt", "x/../a/b.txt", ".dynamotrail/journal/1.log", ".dynamotrail"] {
            let encoded = key.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "/")
            #expect(await fixture.send("GET", "/trail-bucket/" + encoded) == .failure(.noSuchKey(key: key)), "\(key)")
            #expect(await fixture.send("HEAD", "/trail-bucket/" + encoded) == .failure(.noSuchKey(key: key)), "\(key)")
        }
        // Percent-encoded traversal decodes to a key with ".." segments: still no object.
        #expect(await fixture.send("GET", "/trail-bucket/%2E%2E/%2E%2E/etc/passwd") == .failure(.noSuchKey(key: "../../etc/passwd")))
        #expect(try reply(await fixture.send("GET", "/trail-bucket/a%2Fb.txt")).status == 200)
        let xml = S3Error.noSuchKey(key: "missing").wire.xml(requestId: "4442587FB7D0A2F9", hostId: "H")
        #expect(
            xml
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>missing</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>H</HostId></Error>"
        )
    }

    @Test func otherBucketsWritesAndSubresources() async throws {
        let fixture = try BucketFixture()
        defer { fixture.remove() }
        try fixture.put("k", "v")
        #expect(await fixture.send("GET", "/other-bucket") == .failure(.noSuchBucket(bucket: "other-bucket")))
        #expect(await fixture.send("GET", "/other-bucket/k") == .failure(.noSuchBucket(bucket: "other-bucket")))
        #expect(await fixture.send("HEAD", "/other-bucket") == .failure(.noSuchBucket(bucket: "other-bucket")))
        for method in ["PUT", "POST", "DELETE"] {
            #expect(await fixture.send(method, "/trail-bucket/k") == .failure(.accessDenied))
            #expect(await fixture.send(method, "/trail-bucket") == .failure(.accessDenied))
        }
        #expect(await fixture.send("GET", "/trail-bucket?acl") == .failure(.notImplemented))
        #expect(await fixture.send("GET", "/trail-bucket/k?tagging") == .failure(.notImplemented))
        let headBucket = try reply(await fixture.send("HEAD", "/trail-bucket"))
        #expect(headBucket.header("x-amz-bucket-region") == "us-east-1")
        #expect(
            S3Error.noSuchBucket(bucket: "b").wire.xml(requestId: "R", hostId: "H")
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>b</BucketName><RequestId>R</RequestId><HostId>H</HostId></Error>"
        )
        #expect(
            S3Error.invalidRange(requested: "bytes=9-", size: 3).wire.xml(requestId: "R", hostId: "H")
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidRange</Code><Message>The requested range is not satisfiable</Message><RangeRequested>bytes=9-</RangeRequested><ActualObjectSize>3</ActualObjectSize><RequestId>R</RequestId><HostId>H</HostId></Error>"
        )
    }

    @Test func virtualHostStyleUsesTheWholePathAsTheKey() async throws {
        let fixture = try BucketFixture()
        defer { fixture.remove() }
        try fixture.put("trail-bucket/nested", "not this")
        try fixture.put("nested", "this")
        let get = try reply(await fixture.send("GET", "/nested", host: "trail-bucket.localhost:8000"))
        #expect(String(decoding: get.body, as: UTF8.self) == "this")
        let list = await fixture.send("GET", "/?prefix=n", host: "trail-bucket.localhost")
        guard case .success(let listing) = list else { throw S3Error.internalError }
        #expect(elements("Key", in: String(decoding: listing.body, as: UTF8.self)) == ["nested"])
    }

    @Test func bucketLocation() async throws {
        let east = try BucketFixture()
        defer { east.remove() }
        #expect(
            await east.text("GET", "/trail-bucket?location")
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>")
        let west = try BucketFixture(region: "eu-west-1")
        defer { west.remove() }
        #expect(
            await west.text("GET", "/trail-bucket?location=")
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-west-1</LocationConstraint>"
        )
    }
}
