import AWSProtocol
import Foundation
import Synchronization
import Testing

@testable import CloudTrail

@Suite(.serialized) struct WebhookTests {
    @Test func webhookRetriesUntilAccepted() async throws {
        let server = try TinyHTTPServer(statuses: [500, 503])
        defer { server.stop() }
        let poster = WebhookPoster(
            url: "http://127.0.0.1:\(server.port)/sns", transport: httpTransport, maxAttempts: 5, baseDelay: 0.05, log: { _ in })
        poster.post(Array(#"{"Type":"Notification"}"#.utf8), messageId: "m-1", topicArn: "arn:aws:sns:us-east-1:1:t")
        let requests = await server.waitForRequests(3)
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.body == #"{"Type":"Notification"}"# })
        #expect(requests.first?.head.lowercased().contains("x-amz-sns-message-type: notification") == true)
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(server.log.entries.withLock { $0.count } == 3)  // no retry after the 200
    }

    @Test func deliveriesArePostedAsSNSEnvelopes() async throws {
        let server = try TinyHTTPServer(statuses: [])
        defer { server.stop() }
        let harness = TrailHarness { settings, _ in settings.notifications.webhookURL = "http://127.0.0.1:\(server.port)/" }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event())
        let key = try #require(await recorder.flush().first)
        let request = try #require(await server.waitForRequests(1).first)
        let envelope = try JSONParser.parse(request.body)
        #expect(envelope["Type"] == "Notification")
        #expect(envelope["TopicArn"] == "arn:aws:sns:us-east-1:123456789012:dynamotrail")
        #expect(envelope["Message"]?.stringValue == #"{"s3Bucket":"test-bucket","s3ObjectKey":["\#(key)"]}"#)
        _ = await recorder.shutdown()
    }
}
