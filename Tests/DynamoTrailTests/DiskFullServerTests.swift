import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// The server on a full disk (simulated with `ENOSPC` through CloudTrail's `FileFault` seam): calls
/// are refused with InternalServerError before they change anything, health says so with true
/// counters, every call answered 200 has exactly one delivered record, and the server takes calls
/// again by itself once there is room.
@Suite(.serialized) struct DiskFullServerTests {
    static func createTable(_ name: String) -> String {
        #"{"TableName":"\#(name)","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"#
            + #""KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#
    }

    /// Concurrent CreateTable calls: the name and the answer of each.
    static func load(_ server: TestServer, workers: Int, calls: Int) async -> [(name: String, response: TestHTTPClient.Response)] {
        await withTaskGroup(of: [(name: String, response: TestHTTPClient.Response)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var answers: [(name: String, response: TestHTTPClient.Response)] = []
                    for index in 0..<calls {
                        let name = "w\(worker)-\(index)"
                        answers.append((name, await server.call("DynamoDB_20120810.CreateTable", createTable(name))))
                    }
                    return answers
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
    }

    static func health(_ server: TestServer) async throws -> JSONValue {
        try JSONParser.parse(await server.handle("GET", "/_dynamotrail/health").body)
    }

    @Test func refusedCallsChangeNothingAndEveryAnsweredCallIsDeliveredOnce() async throws {
        try await withServer(
            listening: false,
            configure: { configuration in
                configuration.journal.reserveBytes = 64 * 1024
                configuration.trail.deliveryIntervalSeconds = 3600
            }
        ) { (server: TestServer) async throws in
            let disk = SimulatedDisk(root: server.stateDirectory.path)  // where the journal and its reserve are
            disk.install()
            defer { disk.uninstall() }
            disk.fill(leaving: 24 * 1024)

            let answers = await Self.load(server, workers: 8, calls: 30)
            let answered = answers.filter { $0.response.status == 200 }.map(\.name).sorted()
            let refused = answers.filter { $0.response.status != 200 }
            #expect(!answered.isEmpty && !refused.isEmpty)
            for (_, response) in refused {
                #expect(response.status == 500)
                let type = try JSONParser.parse(response.body)["__type"]?.stringValue
                #expect(type == "com.amazonaws.dynamodb.v20120810#InternalServerError")
            }
            let degraded = try await Self.health(server)
            #expect(degraded["status"] == "degraded")
            #expect(degraded["delivery"]?["acceptingCalls"] == .bool(false))
            #expect(degraded["delivery"]?["refusedCalls"]?.numberValue?.int64Value == Int64(refused.count))
            #expect(degraded["delivery"]?["unrecordedCalls"]?.numberValue?.int64Value == 0)

            // Room again: the next delivery round takes the reserve back and calls are accepted.
            disk.setCapacity(nil)
            _ = await server.server.flush()
            #expect(try await Self.health(server)["delivery"]?["acceptingCalls"] == .bool(true))
            let list = await server.call("DynamoDB_20120810.ListTables", #"{"Limit":100}"#)
            let tables = try JSONParser.parse(list.body)["TableNames"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(tables.sorted() == answered, "refused calls must not have created their tables")

            await server.server.shutdown()
            var created: [String] = []
            LogReader(bucketRoot: server.bucket.path).forEachRecord { record in
                guard record.value["eventName"] == "CreateTable" else { return }
                if let name = record.value["requestParameters"]?["tableName"]?.stringValue { created.append(name) }
            }
            #expect(created.sorted() == answered, "each answered call exactly once, no refused call")
        }
    }

    /// With the reserve turned off (`journal.reserveBytes` 0) a full disk is met after a call was
    /// performed: the call is answered InternalServerError, never 200, health counts it, and the calls
    /// after it are refused before they change anything.
    @Test func aRecordTheJournalCannotTakeIsNeverAnsweredAsSuccess() async throws {
        try await withServer(
            listening: false,
            configure: { configuration in
                configuration.journal.reserveBytes = 0
                configuration.trail.deliveryIntervalSeconds = 3600
            }
        ) { (server: TestServer) async throws in
            let disk = SimulatedDisk(root: server.stateDirectory.path)  // where the journal and its reserve are
            disk.install()
            defer { disk.uninstall() }
            disk.fill(leaving: 0)
            let performed = await server.call("DynamoDB_20120810.CreateTable", Self.createTable("performed"))
            #expect(performed.status == 500)
            #expect(try JSONParser.parse(performed.body)["message"]?.stringValue?.contains("could not be saved") == true)
            let refused = await server.call("DynamoDB_20120810.CreateTable", Self.createTable("refused"))
            #expect(refused.status == 500)
            #expect(try JSONParser.parse(refused.body)["message"]?.stringValue?.contains("did not perform") == true)
            let health = try await Self.health(server)
            #expect(health["delivery"]?["unrecordedCalls"]?.numberValue?.int64Value == 1)
            #expect(health["delivery"]?["refusedCalls"]?.numberValue?.int64Value == 1)
            disk.setCapacity(nil)
            _ = await server.server.flush()
            let list = await server.call("DynamoDB_20120810.ListTables", "{}")
            // The known limit without a reserve: the performed call's table exists, unrecorded (its caller
            // was told the call failed); the refused one does not.
            #expect(try JSONParser.parse(list.body)["TableNames"] == .array([.string("performed")]))
        }
    }
}
