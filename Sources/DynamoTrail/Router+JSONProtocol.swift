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
        let answer: JSONAnswer
        switch JSONAnswer.make(for: request, target: target, requestId: requestId) {
        case .success(let made): answer = made
        case .failure(let refusal): return refusal.response
        }
        var input: JSONValue? = nil
        if !request.body.isEmpty {
            guard let parsed = await Self.parseJSONBody(request.body) else { return answer.fail(.serialization) }
            input = parsed
        }
        guard let target else { return answer.fail(.unknownOperation) }
        let result = await pipeline.run(incomingCall(request, target: target, input: input, requestId: requestId))
        return answer.respond(result, target: target)
    }

    /// `jsonProtocol` on the calling (Dispatch) thread for a call the pipeline runs immediately (see
    /// `CallPipeline.runImmediately`) with a body small enough to parse here; nil when it needs `jsonProtocol`.
    func jsonProtocolImmediately(_ request: HTTPRequest, target: ServiceTarget, requestId: String) -> HTTPResponse? {
        let answer: JSONAnswer
        switch JSONAnswer.make(for: request, target: target, requestId: requestId) {
        case .success(let made): answer = made
        case .failure(let refusal): return refusal.response
        }
        var input: JSONValue? = nil
        if !request.body.isEmpty {
            guard let parsed = try? JSONParser.parseRequest(request.body) else { return answer.fail(.serialization) }
            input = parsed
        }
        guard let result = pipeline.runImmediately(incomingCall(request, target: target, input: input, requestId: requestId))
        else { return nil }
        return answer.respond(result, target: target)
    }

    /// The pipeline's view of the request.
    private func incomingCall(_ request: HTTPRequest, target: ServiceTarget, input: JSONValue?, requestId: String) -> IncomingCall {
        IncomingCall(
            target: target, input: input, credentials: .signed(SigV4Request(request)), requestId: requestId,
            receivedAt: clock.now(), sourceIPAddress: request.remoteAddress, userAgent: request.headers["User-Agent"] ?? "")
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
