import AWSProtocol
import CallHandling
import DynamoDB
import HTTPServer

/// How a JSON-protocol request is answered: in the content type it was asked in, with `x-amz-crc32` for
/// DynamoDB. Pure value.
struct JSONAnswer {
    /// An answer given before the body is read (wrapped so that it can be a `Result`'s failure).
    struct Refusal: Error {
        let response: HTTPResponse
    }

    let requestId: String
    let contentType: String
    let crc32: Bool

    /// The answering rules for `request`, or DynamoDB's 404 for a body with another content type (or none);
    /// a request with neither body nor content type is still a DynamoDB request, answered by its target
    /// (observed DynamoDB behaviour: the 404 is for a body DynamoDB cannot read).
    static func make(for request: HTTPRequest, target: ServiceTarget?, requestId: String) -> Result<JSONAnswer, Refusal> {
        let service = target?.service ?? .dynamoDB
        let mediaType = request.headers["Content-Type"].map {
            $0.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces().lowercased() } ?? ""
        }
        let bodyless = request.body.isEmpty && mediaType == nil
        guard bodyless || mediaType == service.contentType || mediaType == "application/json" else {
            return .failure(Refusal(response: WireResponse.unknownOperation404(requestId: requestId)))
        }
        // DynamoDB answers in the content type it was asked in.
        let contentType = mediaType == "application/json" ? "application/json" : service.contentType
        return .success(JSONAnswer(requestId: requestId, contentType: contentType, crc32: service != .cloudTrail))
    }

    func fail(_ error: AWSServiceError) -> HTTPResponse {
        WireResponse.error(error, requestId: requestId, contentType: contentType, crc32: crc32)
    }

    /// The pipeline's result on the wire (TagResource and UntagResource answer with an empty body).
    func respond(_ result: Result<JSONValue, AWSServiceError>, target: ServiceTarget) -> HTTPResponse {
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
}
