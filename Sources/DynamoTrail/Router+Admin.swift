import AWSProtocol
import HTTPServer

extension Router {
    /// `/_dynamotrail/health`, `/_dynamotrail/flush`, `/_dynamotrail/reset` and moto's `/moto-api/reset`.
    func admin(_ request: HTTPRequest, requestId: String) async -> HTTPResponse {
        switch (request.method, String(request.path)) {
        case ("GET", "/_dynamotrail/health"), ("HEAD", "/_dynamotrail/health"):
            return WireResponse.admin(await services.health(), requestId: requestId)
        case ("POST", "/_dynamotrail/flush"):
            let keys = await services.flush()
            return WireResponse.admin(["keys": .array(keys.map { .string($0) })], requestId: requestId)
        case ("POST", "/_dynamotrail/reset"), ("POST", "/moto-api/reset"):
            await services.reset()
            return WireResponse.admin(["status": "ok"], requestId: requestId)
        case (_, "/_dynamotrail/health"), (_, "/_dynamotrail/flush"), (_, "/_dynamotrail/reset"), (_, "/moto-api/reset"):
            return WireResponse.admin(
                ["error": .string("method \(request.method) not allowed on \(request.path)")], status: 405, requestId: requestId)
        default:
            return WireResponse.admin(["error": .string("no admin endpoint \(request.path)")], status: 404, requestId: requestId)
        }
    }
}
