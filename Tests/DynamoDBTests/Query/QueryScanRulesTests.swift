import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// Select, counts, consumed capacity, parallel scan segments and the index views kept by writes and UpdateTable.
@Suite struct QueryScanRulesTests {
    /// Items p0..p4 (each 3 items, sk 1..3), about 1 KB each, `g` on even sort keys only (sparse GSI).
    func smallTable(_ h: Harness) async throws {
        try await h.createQueryTable("small")
        let padding = String(repeating: "y", count: 1000)
        for p in 0..<5 {
            for sk in 1...3 {
                let g = sk % 2 == 0 ? #","g":{"S":"G"}"# : ""
                try await h.put("small", #"{"pk":{"S":"p\#(p)"},"sk":{"N":"\#(sk)"},"l":{"N":"\#(sk)"},"filler":{"S":"\#(padding)"}\#(g)}"#)
            }
        }
    }

    @Test func selectCountAnswersCountsOnly() async throws {
        let h = Harness()
        try await smallTable(h)
        let counted = try await h.ok(
            "Query",
            json(
                #"{"TableName":"small","Select":"COUNT","KeyConditionExpression":"pk = :p AND sk > :one","ExpressionAttributeValues":{":p":{"S":"p1"},":one":{"N":"1"}}}"#
            ))
        #expect(counted == json(#"{"Count":2,"ScannedCount":2}"#))
        let scanned = try await h.ok(
            "Scan",
            json(#"{"TableName":"small","Select":"COUNT","FilterExpression":"sk = :two","ExpressionAttributeValues":{":two":{"N":"2"}}}"#))
        #expect(scanned == json(#"{"Count":5,"ScannedCount":15}"#))
        let empty = try await h.ok(
            "Query", json(#"{"TableName":"small","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"none"}}}"#))
        #expect(empty == json(#"{"Items":[],"Count":0,"ScannedCount":0}"#))
    }

    @Test func indexReadsReturnTheProjectedAttributes() async throws {
        let h = Harness()
        try await smallTable(h)
        let keysOnly = try await h.ok(
            "Query",
            json(
                #"{"TableName":"small","IndexName":"keysOnly","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"G"}}}"#
            ))
        #expect(keysOnly["Count"] == 5)
        #expect(keysOnly["Items"]?.arrayValue?.allSatisfy { Set($0.keys) == ["pk", "sk", "g"] } == true)
        let lsi = try await h.ok(
            "Query",
            json(
                #"{"TableName":"small","IndexName":"byL","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p0"}}}"#
            ))
        #expect(lsi["Items"]?.arrayValue?.allSatisfy { Set($0.keys) == ["pk", "sk", "l"] } == true)
        let fetched = try await h.ok(
            "Query",
            json(
                #"{"TableName":"small","IndexName":"byL","ProjectionExpression":"filler, l","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p0"}},"ReturnConsumedCapacity":"INDEXES"}"#
            ))
        #expect(fetched["Items"]?.arrayValue?.allSatisfy { Set($0.keys) == ["filler", "l"] } == true)
        // Three index entries (under 4 KB together, eventually consistent: 0.5) plus three table fetches of one unit each, halved.
        #expect(
            fetched["ConsumedCapacity"]
                == [
                    "TableName": "small", "CapacityUnits": .double(2), "Table": ["CapacityUnits": .double(1.5)],
                    "LocalSecondaryIndexes": ["byL": ["CapacityUnits": .double(0.5)]],
                ])
        let refused = await h.fail(
            "Query",
            json(
                #"{"TableName":"small","IndexName":"keysOnly","ProjectionExpression":"filler","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"G"}}}"#
            ))
        #expect(refused?.message == "One or more parameter values were invalid: Global secondary index keysOnly does not project [filler]")
    }

    @Test func consumedCapacityRoundsTheTotalReadPerFourKilobytes() async throws {
        let h = Harness()
        try await smallTable(h)
        let base = #""TableName":"small","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p2"}}"#
        let eventual = try await h.ok("Query", json(#"{\#(base),"ReturnConsumedCapacity":"TOTAL"}"#))
        #expect(eventual["ConsumedCapacity"] == ["TableName": "small", "CapacityUnits": .double(0.5)])
        let strong = try await h.ok("Query", json(#"{\#(base),"ReturnConsumedCapacity":"INDEXES","ConsistentRead":true}"#))
        #expect(strong["ConsumedCapacity"] == ["TableName": "small", "CapacityUnits": .double(1), "Table": ["CapacityUnits": .double(1)]])
        let gsi = try await h.ok(
            "Scan", json(#"{"TableName":"small","IndexName":"byG","ReturnConsumedCapacity":"INDEXES"}"#))
        // Five entries of about 1 KB: 2 units strongly, 1.0 eventually consistent.
        #expect(
            gsi["ConsumedCapacity"]
                == [
                    "TableName": "small", "CapacityUnits": .double(1), "Table": ["CapacityUnits": .double(0)],
                    "GlobalSecondaryIndexes": ["byG": ["CapacityUnits": .double(1)]],
                ])
    }

    @Test func parallelScanSegmentsPartitionTheTable() async throws {
        let h = Harness()
        try await h.createQueryTable("wide")
        for i in 0..<300 { try await h.put("wide", #"{"pk":{"S":"k\#(i)"},"sk":{"N":"\#(i % 3)"}}"#) }
        let whole = try await h.allItems("Scan", object(#"{"TableName":"wide","Limit":40}"#)).map { JSONWriter.string($0) }
        #expect(whole.count == 300 && Set(whole).count == 300)
        for total in [1, 2, 3, 7, 64] {
            var seen: [String] = []
            for segment in 0..<total {
                var input = object(#"{"TableName":"wide","Limit":17}"#)
                input["Segment"] = .int(segment)
                input["TotalSegments"] = .int(total)
                seen += try await h.allItems("Scan", input).map { JSONWriter.string($0) }
            }
            #expect(seen.count == 300 && Set(seen) == Set(whole), "TotalSegments \(total)")
        }
    }

    @Test func indexViewsFollowWritesAndUpdateTable() async throws {
        let h = Harness()
        try await smallTable(h)
        let byG = #"{"TableName":"small","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"G"}}}"#
        #expect(try await h.ok("Query", json(byG))["Count"] == 5)
        try await h.ok("UpdateItem", json(#"{"TableName":"small","Key":{"pk":{"S":"p0"},"sk":{"N":"2"}},"UpdateExpression":"REMOVE g"}"#))
        try await h.ok("DeleteItem", json(#"{"TableName":"small","Key":{"pk":{"S":"p1"},"sk":{"N":"2"}}}"#))
        try await h.put("small", #"{"pk":{"S":"p9"},"sk":{"N":"7"},"g":{"S":"G"}}"#)
        let after = try await h.ok("Query", json(byG))
        #expect(after["Items"]?.arrayValue?.compactMap { $0.scalar("pk") } == ["p2", "p3", "p4", "p9"])
        let create = #"""
            {"TableName":"small","AttributeDefinitions":[{"AttributeName":"filler","AttributeType":"S"}],
             "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byPad","KeySchema":[{"AttributeName":"filler","KeyType":"HASH"}],
               "Projection":{"ProjectionType":"KEYS_ONLY"}}}]}
            """#
        try await h.ok("UpdateTable", json(create))
        h.clock.advance(by: 3600)
        let backfilled = try await h.ok("Scan", json(#"{"TableName":"small","IndexName":"byPad","Select":"COUNT"}"#))
        #expect(backfilled["Count"] == 14)  // p9 has no filler: the index is sparse
        try await h.ok("UpdateTable", json(#"{"TableName":"small","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"byG"}}]}"#))
        h.clock.advance(by: 3600)
        let gone = await h.fail("Query", json(byG))
        #expect(gone?.message == "The table does not have the specified index: byG")
    }
}

/// A global secondary index added by UpdateTable cannot be read while it is being filled.
@Suite struct BackfillingIndexReadTests {
    @Test func aCreatingIndexIsRefusedUntilActive() async throws {
        let h = Harness { $0.createSeconds = 10 }
        try await h.createQueryTable("slow")
        h.clock.advance(by: 60)
        try await h.put("slow", #"{"pk":{"S":"a"},"sk":{"N":"1"},"filler":{"S":"f"}}"#)
        let create = #"""
            {"TableName":"slow","AttributeDefinitions":[{"AttributeName":"filler","AttributeType":"S"}],
             "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byFiller","KeySchema":[{"AttributeName":"filler","KeyType":"HASH"}],
               "Projection":{"ProjectionType":"ALL"}}}]}
            """#
        try await h.ok("UpdateTable", json(create))
        let scan = json(#"{"TableName":"slow","IndexName":"byFiller"}"#)
        #expect(await h.fail("Scan", scan)?.message == "Cannot read from backfilling global secondary index: byFiller")
        h.clock.advance(by: 3600)
        #expect(try await h.ok("Scan", scan)["Count"] == 1)
    }
}

/// A Query naming a table's whole primary key reads one item at most: no LastEvaluatedKey, even at Limit 1.
@Suite struct SingleRowQueryTests {
    @Test func aWholeKeyQueryAnswersNoLastEvaluatedKey() async throws {
        let h = Harness()
        try await h.createBasic("plain")
        try await h.ok("PutItem", json(#"{"TableName":"plain","Item":{"pk":{"S":"a"}}}"#))
        let hashOnly = try await h.ok(
            "Query",
            json(#"{"TableName":"plain","Limit":1,"KeyConditionExpression":"pk = :a","ExpressionAttributeValues":{":a":{"S":"a"}}}"#))
        #expect(hashOnly == json(#"{"Items":[{"pk":{"S":"a"}}],"Count":1,"ScannedCount":1}"#))
        try await h.createQueryTable("ranged")
        try await h.put("ranged", #"{"pk":{"S":"a"},"sk":{"N":"1"}}"#)
        try await h.put("ranged", #"{"pk":{"S":"a"},"sk":{"N":"2"}}"#)
        let exact = try await h.ok(
            "Query",
            json(
                #"{"TableName":"ranged","Limit":1,"KeyConditionExpression":"pk = :a AND sk = :one","ExpressionAttributeValues":{":a":{"S":"a"},":one":{"N":"1"}}}"#
            ))
        #expect(exact["LastEvaluatedKey"] == nil && exact["Count"] == 1)
        let range = try await h.ok(
            "Query",
            json(
                #"{"TableName":"ranged","Limit":1,"KeyConditionExpression":"pk = :a AND sk >= :one","ExpressionAttributeValues":{":a":{"S":"a"},":one":{"N":"1"}}}"#
            ))
        #expect(range["LastEvaluatedKey"] == json(#"{"pk":{"S":"a"},"sk":{"N":"1"}}"#))
    }
}

/// A filter on attributes a local secondary index does not hold fetches every item read from the table.
@Suite struct LocalIndexFilterFetchTests {
    @Test func filteringOnAnUnprojectedAttributeChargesEveryFetch() async throws {
        let h = Harness()
        try await h.createQueryTable("lsi")
        for sk in 1...4 {
            try await h.put(
                "lsi", #"{"pk":{"S":"a"},"sk":{"N":"\#(sk)"},"l":{"N":"\#(sk)"},"colour":{"S":"\#(sk % 2 == 0 ? "red" : "blue")"}}"#)
        }
        let answer = try await h.ok(
            "Query",
            json(
                #"{"TableName":"lsi","IndexName":"byL","KeyConditionExpression":"pk = :a","FilterExpression":"colour = :red","ExpressionAttributeValues":{":a":{"S":"a"},":red":{"S":"red"}},"ReturnConsumedCapacity":"INDEXES","ConsistentRead":true}"#
            ))
        #expect(answer["Count"] == 2 && answer["ScannedCount"] == 4)
        #expect(answer["Items"]?.arrayValue?.allSatisfy { Set($0.keys) == ["pk", "sk", "l"] } == true)
        #expect(
            answer["ConsumedCapacity"]
                == [
                    "TableName": "lsi", "CapacityUnits": .double(5), "Table": ["CapacityUnits": .double(4)],
                    "LocalSecondaryIndexes": ["byL": ["CapacityUnits": .double(1)]],
                ])
    }
}

/// A Query reads only its partition's matching range (the store is ordered per partition and per index):
/// in a table of 5,000 items a Query of 10 reads 10, on the table and through an index.
@Suite struct QueryReadsOnlyItsRangeTests {
    @Test func aQueryOfTenItemsReadsTen() async throws {
        let h = Harness()
        try await h.createQueryTable("large")
        for i in 0..<5_000 {
            let partition = i < 30 ? "hot" : "p\(i % 500)"
            try await h.put("large", #"{"pk":{"S":"\#(partition)"},"sk":{"N":"\#(i)"},"g":{"S":"\#(partition)"}}"#)
        }
        let table = try await h.ok(
            "Query",
            json(
                #"{"TableName":"large","KeyConditionExpression":"pk = :p AND sk BETWEEN :lo AND :hi","ExpressionAttributeValues":{":p":{"S":"hot"},":lo":{"N":"10"},":hi":{"N":"19"}},"ReturnConsumedCapacity":"TOTAL"}"#
            ))
        #expect(table["Count"] == 10 && table["ScannedCount"] == 10)
        #expect(table["ConsumedCapacity"]?["CapacityUnits"] == .double(0.5))
        let index = try await h.ok(
            "Query",
            json(
                #"{"TableName":"large","IndexName":"byG","ScanIndexForward":false,"Limit":10,"KeyConditionExpression":"g = :p","ExpressionAttributeValues":{":p":{"S":"hot"}}}"#
            ))
        #expect(index["Count"] == 10 && index["ScannedCount"] == 10)
        #expect(index["Items"]?.arrayValue?.first?.scalar("sk") == "29")
    }
}
