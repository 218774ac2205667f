import AWSProtocol
import DynamoDBControlPlane
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Router {
    /// The AWS JSON protocols, checked in DynamoDB's order (dynamodb-api §1.2): content type, JSON
    /// syntax, target, authentication, empty body, then the operation's own type and constraint checks.
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
                input = try JSONParser.parse(request.body)
            } catch {
                return fail(.serialization)
            }
        }
        guard let target, services.recognizes(target) else { return fail(.unknownOperation) }

        let receivedAt = services.clock.now()
        let caller: AuthenticatedCall
        switch services.authenticate(request, target: target, requestId: requestId, receivedAt: receivedAt) {
        case .success(let authenticated): caller = authenticated
        case .failure(let error): return fail(error)
        }
        guard let input else {
            let error = AWSServiceError.serialization
            await services.audit(target: target, input: nil, call: caller, result: .failure(error))
            return fail(error)
        }
        if let denial = services.denial(for: target, input: input, call: caller) {
            await services.audit(target: target, input: input, call: caller, result: .failure(denial))
            return fail(denial)
        }
        let result = await services.perform(target, input: input, call: caller)
        await services.audit(target: target, input: input, call: caller, result: result)
        switch result {
        case .success(let output):
            return WireResponse.json(output, requestId: requestId, contentType: contentType, crc32: crc32)
        case .failure(let error):
            return fail(error)
        }
    }
}
