import Dispatch

/// Sends one HTTP POST and answers its status code. Blocking: the poster calls it on its own queue.
/// Injected by the server, so CloudTrail carries no HTTP client (nor FoundationNetworking) of its own.
public typealias WebhookTransport =
    @Sendable (_ url: String, _ headers: [(String, String)], _ body: [UInt8]) -> Result<
        Int, any Error
    >

/// POSTs SNS envelopes to the configured webhook off the delivery path, with retries.
///
/// Isolation: immutable configuration; POSTs and their retries run on its own serial queue, so a slow
/// or dead webhook never delays deliveries.
final class WebhookPoster: Sendable {
    let url: String
    let maxAttempts: Int
    let baseDelay: Double
    private let transport: WebhookTransport
    private let queue = DispatchQueue(label: "dynamotrail.cloudtrail.webhook")
    private let log: @Sendable (String) -> Void

    init(
        url: String, transport: @escaping WebhookTransport, maxAttempts: Int = 5, baseDelay: Double = 1,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.url = url
        self.transport = transport
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.log = log
    }

    func post(_ body: [UInt8], messageId: String, topicArn: String, attempt: Int = 1) {
        queue.async { [self] in
            let headers = [
                ("Content-Type", "text/plain; charset=UTF-8"), ("x-amz-sns-message-type", "Notification"),
                ("x-amz-sns-message-id", messageId), ("x-amz-sns-topic-arn", topicArn),
            ]
            let reason: String
            switch transport(url, headers, body) {
            case .success(let status) where (200..<300).contains(status): return
            case .success(let status): reason = "HTTP \(status)"
            case .failure(let error): reason = "\(error)"
            }
            guard attempt < maxAttempts else {
                log("webhook: giving up on \(messageId) after \(attempt) attempts: \(reason)")
                return
            }
            let delay = baseDelay * Double(1 << (attempt - 1))
            queue.asyncAfter(deadline: .now() + delay) {
                self.post(body, messageId: messageId, topicArn: topicArn, attempt: attempt + 1)
            }
        }
    }
}
