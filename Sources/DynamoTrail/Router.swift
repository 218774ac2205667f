import AWSProtocol
import CallHandling
import Dispatch
import HTTPServer
import S3Bucket

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns HTTP requests into service calls and their results into HTTP responses: DynamoDB,
/// DynamoDB Streams and CloudTrail by `X-Amz-Target` (through the call pipeline), S3 by path,
/// admin endpoints under `/_dynamotrail/`. Sendable and immutable; the services it calls own their state.
public struct Router: HTTPHandler {
    /// The JSON-protocol calls: recognise, authenticate, authorize, perform, audit.
    let pipeline: CallPipeline
    let admin: AdminActions
    /// The trail's bucket directory, served read-only over S3.
    let bucket: S3Bucket
    /// DynamoDB's region for unsigned calls (and its `GET /` health answer).
    let defaultRegion: String
    let clock: any WallClock
    /// Draws request ids (and S3's).
    let random: any RandomSource
    let logger: Logger
    /// The `Host` names served and the origins admin endpoints accept.
    let hostPolicy: HostPolicy

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let started = DispatchTime.now()
        let serviceTarget = ServiceTarget(header: request.headers["X-Amz-Target"])
        let requestId = Self.requestId(for: serviceTarget, random: random)
        let response: HTTPResponse
        if hostPolicy.allows(hostHeader: request.headers["Host"]) {
            response = await route(request, target: serviceTarget, requestId: requestId)
        } else {
            response = WireResponse.admin(
                ["error": .string("Host \"\(request.headers["Host"] ?? "")\" is not served here; list it in server.allowedHosts")],
                status: 403, requestId: requestId)
        }
        return finish(response, to: request, requestId: requestId, started: started)
    }

    /// A DynamoDB or DynamoDB Streams call with a small body, answered on the connection's Dispatch
    /// thread (see `CallPipeline.runImmediately`); nil for every other request, which `handle` answers.
    public func handleImmediately(_ request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "POST", request.path == "/", request.body.count <= Self.largeBodyBytes,
            let serviceTarget = ServiceTarget(header: request.headers["X-Amz-Target"]),
            pipeline.runsImmediately(serviceTarget), hostPolicy.allows(hostHeader: request.headers["Host"])
        else { return nil }
        let started = DispatchTime.now()
        let requestId = Self.requestId(for: serviceTarget, random: random)
        guard let response = jsonProtocolImmediately(request, target: serviceTarget, requestId: requestId) else { return nil }
        return finish(response, to: request, requestId: requestId, started: started)
    }

    /// CloudTrail's API answers with UUID request ids (its records' `requestID` too); DynamoDB with its own form.
    private static func requestId(for target: ServiceTarget?, random: any RandomSource) -> String {
        target?.service == .cloudTrail ? random.uuid() : RequestID.make(using: random)
    }

    /// The headers every answer gets, and the access log line.
    private func finish(_ routed: HTTPResponse, to request: HTTPRequest, requestId: String, started: DispatchTime) -> HTTPResponse {
        var response = routed
        // DynamoDB answers browsers (CORS) on its endpoint, `/`; S3 and admin answers carry no CORS headers.
        if request.path == "/", request.headers.contains("Origin") {
            response.headers.set("Access-Control-Allow-Origin", "*")
        }
        // S3 answers carry their own `x-amz-request-id` and no `x-amzn-RequestId` (botocore would prefer it).
        if !response.headers.contains("x-amzn-RequestId"), !response.headers.contains("x-amz-request-id") {
            response.headers.add("x-amzn-RequestId", requestId)
        }
        if logger.enabled(.info) {
            let millis = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            let what = request.headers["X-Amz-Target"] ?? "\(request.method) \(request.path)"
            logger.info("\(requestId) \(what) \(response.status) \(DecimalText.fixed(millis, digits: 1))ms")
        }
        return response
    }

    /// `target`: the request's `X-Amz-Target`, parsed once by `handle`.
    private func route(_ request: HTTPRequest, target: ServiceTarget?, requestId: String) async -> HTTPResponse {
        let path = request.path
        if path.hasPrefix("/_dynamotrail/") || path == "/moto-api/reset" {
            return await admin(request, requestId: requestId)
        }
        switch request.method {
        case "POST" where path == "/":
            return await jsonProtocol(request, target: target, requestId: requestId)
        case "GET" where path == "/" && request.headers["X-Amz-Target"] == nil:
            // DynamoDB's health check answer (note the trailing space).
            var headers = HTTPHeaders()
            headers.add("x-amzn-RequestId", requestId)
            let body = Array("healthy: dynamodb.\(defaultRegion).amazonaws.com ".utf8)
            headers.add("x-amz-crc32", String(CRC32.checksum(body)))
            return HTTPResponse(status: 200, headers: headers, body: body)
        case "GET", "HEAD":
            return await s3(request, requestId: requestId)
        case "OPTIONS" where request.headers.contains("Origin"):
            return corsPreflight(request, requestId: requestId)
        case "PUT", "POST", "DELETE":
            // Writes to a bucket path get S3's refusal; DynamoDB answers anything else with its 404.
            return path == "/" ? WireResponse.unknownOperation404(requestId: requestId) : await s3(request, requestId: requestId)
        default:
            return WireResponse.unknownOperation404(requestId: requestId)
        }
    }

    /// DynamoDB's CORS preflight answer (observed DynamoDB behaviour: any origin, a two-day max age,
    /// the asked headers and method echoed).
    private func corsPreflight(_ request: HTTPRequest, requestId: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("x-amzn-RequestId", requestId)
        headers.add("Access-Control-Allow-Origin", "*")
        headers.add("Access-Control-Max-Age", "172800")
        if let asked = request.headers["Access-Control-Request-Headers"] { headers.add("Access-Control-Allow-Headers", asked) }
        if let asked = request.headers["Access-Control-Request-Method"] { headers.add("Access-Control-Allow-Methods", asked) }
        return HTTPResponse(status: 200, headers: headers)
    }
}
