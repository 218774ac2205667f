import AWSProtocol
import CallHandling
import Dispatch
import DynamoDB
import HTTPServer
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Router {
    /// The AWS JSON protocols, checked in DynamoDB's order (observed DynamoDB behaviour): content
    /// type, JSON syntax, then the pipeline's target, authentication, empty body, and the operation's
    /// own type and constraint checks.
    func jsonProtocol(_ request: HTTPRequest, target: ServiceTarget?, requestId: String) async -> HTTPResponse {
        let service = target?.service ?? .dynamoDB
        let crc32 = service != .cloudTrail
        let mediaType = request.headers["Content-Type"].map {
            $0.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces().lowercased() } ?? ""
        }
        let acceptedTypes = [service.contentType, "application/json"]
        // A body with another content type (or none) gets DynamoDB's 404; a request with neither body nor
        // content type is still a DynamoDB request, answered by its target (observed DynamoDB behaviour:
        // the 404 is for a body DynamoDB cannot read).
        let bodyless = request.body.isEmpty && mediaType == nil
        guard bodyless || mediaType.map(acceptedTypes.contains) == true else {
            return WireResponse.unknownOperation404(requestId: requestId)
        }
        // DynamoDB answers in the content type it was asked in.
        let contentType = mediaType == "application/json" ? "application/json" : service.contentType
        func fail(_ error: AWSServiceError) -> HTTPResponse {
            WireResponse.error(error, requestId: requestId, contentType: contentType, crc32: crc32)
        }

        var input: JSONValue? = nil
        if !request.body.isEmpty {
            guard let parsed = await Self.parseJSONBody(request.body) else { return fail(.serialization) }
            input = parsed
        }
        guard let target else { return fail(.unknownOperation) }
        let call = IncomingCall(
            target: target, input: input, credentials: .signed(SigV4Request(request)), requestId: requestId,
            receivedAt: clock.now(), sourceIPAddress: request.remoteAddress, userAgent: request.headers["User-Agent"] ?? "")
        let result = await pipeline.run(call)
        switch result {
        case .success(let output):
            if let service = target.service.controlPlane, DynamoDBService.answersWithEmptyBody(service, operation: target.operation) {
                return WireResponse.empty(requestId: requestId, contentType: contentType)
            }
            return WireResponse.json(output, requestId: requestId, contentType: contentType, crc32: crc32)
        case .failure(let error):
            return fail(error)
        }
    }

    /// Bodies larger than this are parsed on `bodyParsingQueue` (our proposal: 64 KiB; a 16 MiB body
    /// takes seconds to parse, and the two concurrency threads also serve every other connection).
    static let largeBodyBytes = 64 * 1024

    /// Where large bodies are parsed: Dispatch threads, so the concurrency threads stay free.
    static let bodyParsingQueue = DispatchQueue(
        label: "dynamotrail.json-body-parsing", qos: .userInitiated, attributes: .concurrent)

    /// Large bodies being parsed on `bodyParsingQueue` right now (tests watch it).
    static let largeBodyParsesInProgress = Atomic<Int>(0)

    /// Tests only: runs on the parsing thread before a large body is parsed (a test holds the parses there
    /// to show that other calls are answered meanwhile, without depending on timing).
    static let beforeLargeBodyParse = Mutex<(@Sendable () -> Void)?>(nil)

    /// The parsed body, or nil when it is not JSON or nests deeper than `JSONLimits.maximumRequestDepth`
    /// (so the call's record stays readable); large bodies are parsed off the concurrency threads.
    static func parseJSONBody(_ body: [UInt8]) async -> JSONValue? {
        guard body.count > largeBodyBytes else { return try? JSONParser.parseRequest(body) }
        return await withCheckedContinuation { (continuation: CheckedContinuation<JSONValue?, Never>) in
            bodyParsingQueue.async {
                largeBodyParsesInProgress.add(1, ordering: .relaxed)
                beforeLargeBodyParse.withLock { $0 }?()
                let parsed = try? JSONParser.parseRequest(body)
                largeBodyParsesInProgress.subtract(1, ordering: .relaxed)
                continuation.resume(returning: parsed)
            }
        }
    }
}
