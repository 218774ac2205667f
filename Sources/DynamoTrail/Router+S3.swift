import AWSProtocol
import CallHandling
import HTTPServer
import S3Bucket

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Router {
    /// Path-style (and `<bucket>.host` virtual-host) S3 over the trail's bucket directory, read-only:
    /// SigV4 for the `s3` signing name (failures as S3's XML errors), the caller's deny list on
    /// `s3:*` actions, then the operation. Every answer carries S3's `x-amz-request-id` (16 hex digits)
    /// and `x-amz-id-2`; HEAD answers carry no body, errors included. S3 calls are not audited: they are
    /// data events, which the trail does not record.
    func s3(_ request: HTTPRequest, requestId: String) async -> HTTPResponse {
        let s3RequestId = Hex.encode(randomBytes(8)).uppercased()
        let hostId = Data(randomBytes(56)).base64EncodedString()
        let isHead = request.method == "HEAD"
        func answer(_ reply: S3Reply) -> HTTPResponse {
            var headers = HTTPHeaders()
            headers.add("x-amz-id-2", hostId)
            headers.add("x-amz-request-id", s3RequestId)
            for header in reply.headers { headers.add(header.name, header.value) }
            headers.add("Server", "AmazonS3")
            return HTTPResponse(status: reply.status, headers: headers, body: isHead ? [] : reply.body)
        }
        func fail(_ error: SigV4S3Error) -> HTTPResponse {
            answer(S3Reply.error(error, requestId: s3RequestId, hostId: hostId, isHead: isHead))
        }

        let signed = SigV4Request(request)
        let caller: AuthenticatedCaller
        switch pipeline.authenticator.authenticate(signed, expectedService: "s3") {
        case .failure(let failure): return fail(failure.s3Error)
        case .success(let authenticated): caller = authenticated
        }
        let operation = bucket.operation(
            method: request.method, rawPath: String(request.path), rawQuery: String(request.query),
            host: request.headers["Host"])
        if caller.isDenied(action: operation.action) { return fail(AccessDenied.s3Error) }
        switch await bucket.perform(operation, range: request.headers["Range"]) {
        case .success(let reply): return answer(reply)
        case .failure(let error): return fail(error.wire)
        }
    }

    /// `count` bytes from the injected random source (ids stay reproducible under a seeded source).
    private func randomBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            let value = random.nextUInt64()
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        return Array(bytes.prefix(count))
    }
}
