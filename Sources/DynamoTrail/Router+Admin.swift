import AWSProtocol
import CallHandling
import HTTPServer

extension Router {
    /// `/_dynamotrail/health`, `/_dynamotrail/flush`, `/_dynamotrail/reset` and moto's `/moto-api/reset`.
    /// In enforce mode each of them needs a valid signature of a configured identity (SigV4 for the
    /// `dynamodb` service, as any DynamoDB call; `whoami` accepts any of our services), and a browser may
    /// call them only from a page of this server (`Origin` on an allowed host).
    func admin(_ request: HTTPRequest, requestId: String) async -> HTTPResponse {
        guard hostPolicy.allowsAdmin(origin: request.headers["Origin"]) else {
            return WireResponse.admin(
                ["error": .string("cross-origin requests to \(request.path) are refused")], status: 403, requestId: requestId)
        }
        if pipeline.authenticator.mode == .enforce, request.path != "/_dynamotrail/whoami" {
            if case .failure(let failure) = pipeline.authenticator.authenticate(SigV4Request(request), expectedService: "dynamodb") {
                let error = failure.jsonError
                return WireResponse.admin(error.body, status: error.httpStatus, requestId: requestId)
            }
        }
        switch (request.method, String(request.path)) {
        case ("GET", "/_dynamotrail/health"), ("HEAD", "/_dynamotrail/health"):
            return WireResponse.admin(await admin.health(), requestId: requestId)
        case ("POST", "/_dynamotrail/flush"):
            let keys = await admin.flush()
            return WireResponse.admin(["keys": .array(keys.map { .string($0) })], requestId: requestId)
        case ("GET", "/_dynamotrail/whoami"), ("POST", "/_dynamotrail/whoami"):
            return whoami(request, requestId: requestId)
        case ("POST", "/_dynamotrail/reset"), ("POST", "/moto-api/reset"):
            await admin.reset()
            return WireResponse.admin(["status": "ok"], requestId: requestId)
        case (_, "/_dynamotrail/health"), (_, "/_dynamotrail/whoami"), (_, "/_dynamotrail/flush"), (_, "/_dynamotrail/reset"),
            (_, "/moto-api/reset"):
            return WireResponse.admin(
                ["error": .string("method \(request.method) not allowed on \(request.path)")], status: 405, requestId: requestId)
        default:
            return WireResponse.admin(["error": .string("no admin endpoint \(request.path)")], status: 404, requestId: requestId)
        }
    }

    /// Which identity, account and region a request's credentials map to (signed like any call;
    /// the credential scope's service is not checked here).
    private func whoami(_ request: HTTPRequest, requestId: String) -> HTTPResponse {
        // The credential scope names the service the caller signed for (header or pre-signed query).
        let scopeService = (try? SigV4Authorization.parse(SigV4Request(request)).get())??.service ?? "dynamodb"
        let target = ServiceTarget(service: scopeService == "cloudtrail" ? .cloudTrail : .dynamoDB, operation: "WhoAmI")
        let call = IncomingCall(
            target: target, input: nil, credentials: .signed(SigV4Request(request)), requestId: requestId,
            receivedAt: clock.now(), sourceIPAddress: request.remoteAddress, userAgent: request.headers["User-Agent"] ?? "")
        switch pipeline.authenticate(call) {
        case .failure(let error):
            return WireResponse.admin(error.body, status: error.httpStatus, requestId: requestId)
        case .success(let call):
            let identity = call.context.identity
            var object = JSONObject()
            object.append("accountId", .string(call.context.accountId))
            object.append("region", .string(call.context.region))
            object.append("type", .string(identity.type.rawValue))
            object.append("principalId", .string(identity.principalId))
            object.append("arn", identity.arn.map { .string($0) } ?? .null)
            object.append("accessKeyId", identity.accessKeyId.map { .string($0) } ?? .null)
            object.append("userName", identity.userName.map { .string($0) } ?? .null)
            object.append("usedSessionCredentials", .bool(call.context.usedSessionCredentials))
            return WireResponse.admin(.object(object), requestId: requestId)
        }
    }
}
