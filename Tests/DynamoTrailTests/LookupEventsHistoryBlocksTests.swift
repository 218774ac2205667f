import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// LookupEvents over many more events than one block of the history holds (its records are kept
/// gzip-compressed in blocks of about 64 KiB): every `CloudTrailEvent` is the delivered record, byte
/// for byte, across blocks, with and without a filter.
@Suite struct LookupEventsHistoryBlocksTests {
    @Test func everyEventReadsBackAsDelivered() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let calls = 600
            for index in 0..<calls {
                switch index % 4 {
                case 0:
                    // Recorded whatever the answer (a quota may refuse some): only the records matter here.
                    try await harness.dynamoDB(
                        "CreateTable",
                        #"{"TableName":"t\#(index)","AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],"KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#
                    )
                case 1: try await harness.dynamoDB("DescribeTable", #"{"TableName":"t\#(index - 1)"}"#)
                case 2: try await harness.dynamoDB("ListTables", #"{"Limit":\#(index % 90 + 1)}"#)
                default: try await harness.dynamoDB("DescribeTable", #"{"TableName":"missing\#(index)"}"#)
                }
            }
            try await harness.flush()
            let delivered = harness.delivered()
            var seen = 0
            var token: String? = nil
            var pages = 0
            repeat {
                let tokenPart = token.map { #","NextToken":"\#($0)""# } ?? ""
                let page = try await harness.lookup(#"{"MaxResults":50\#(tokenPart)}"#)
                for event in page["Events"]?.arrayValue ?? [] {
                    let id = event["EventId"]?.stringValue ?? ""
                    let text = event["CloudTrailEvent"]?.stringValue ?? ""
                    #expect(delivered[id].map { String(decoding: $0.bytes, as: UTF8.self) } == text, "\(id)")
                    seen += 1
                }
                token = page["NextToken"]?.stringValue
                pages += 1
            } while token != nil && pages < 100
            // The LookupEvents calls themselves are management events too: at least the 600 DynamoDB ones.
            #expect(seen >= calls)
            let byTable = try await harness.lookup(
                #"{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"t100"}]}"#)
            let names = (byTable["Events"]?.arrayValue ?? []).map { $0["EventName"]?.stringValue ?? "" }
            #expect(names == ["DescribeTable", "CreateTable"])
            for event in byTable["Events"]?.arrayValue ?? [] {
                let id = event["EventId"]?.stringValue ?? ""
                #expect(delivered[id].map { String(decoding: $0.bytes, as: UTF8.self) } == event["CloudTrailEvent"]?.stringValue)
            }
        }
    }
}
