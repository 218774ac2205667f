import AWSProtocol
import CallHandling
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Router {
    /// The AWS JSON protocols, checked in DynamoDB's order (observed DynamoDB behaviour): content
    /// type, JSON syntax, then the pipeline's target, authentication, empty body, and the operation's
    /// own type and constraint checks.
    func jsonProtocol(_ request: HTTPRequest, requestId: String) async -> HTTPResponse {
        let target = ServiceTarget(header: request.headers["X-Amz-Target"])
        let service = target?.service ?? .dynamoDB
        let crc32 = service != .cloudTrail
        let mediaType = request.headers["Content-Type"].map {
            $0.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces().lowercased() } ?? ""
        }
        let acceptedTypes = [service.contentType, "application/json"]
        guard let mediaType, acceptedTypes.contains(mediaType) else {
            return WireResponse.unknownOperation404(requestId: requestId)
        }
        // DynamoDB answers in the content type it was asked in.
        let contentType = mediaType == "application/json" ? "application/json" : service.contentType
        func fail(_ error: AWSServiceError) -> HTTPResponse {
            WireResponse.error(error, requestId: requestId, contentType: contentType, crc32: crc32)
        }

        var input: JSONValue? = nil
        if !request.body.isEmpty {
            do {
                // At most JSONLimits.maximumRequestDepth deep, so the call's record stays readable.
                input = try JSONParser.parseRequest(request.body)
            } catch {
                return fail(.serialization)
            }
        }
        guard let target else { return fail(.unknownOperation) }
        let call = IncomingCall(
            target: target, input: input, credentials: .signed(SigV4Request(request)), requestId: requestId,
            receivedAt: clock.now(), sourceIPAddress: request.remoteAddress, userAgent: request.headers["User-Agent"] ?? "")
        let result = await pipeline.run(call)
        switch result {
        case .success(let output):
            return WireResponse.json(output, requestId: requestId, contentType: contentType, crc32: crc32)
        case .failure(let error):
            return fail(error)
        }
    }
}
