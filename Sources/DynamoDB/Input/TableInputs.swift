import AWSProtocol

/// Reading and checking the members CreateTable and UpdateTable share.
enum TableInputs {
    static let maxCapacity: Int64 = 1_000_000_000_000

    static func keys(_ readers: [InputReader]?, typeMember: String) -> [KeyInput]? {
        readers?.map { KeyInput(name: $0.string("AttributeName"), type: $0.string(typeMember)) }
    }

    static func throughput(_ reader: InputReader?) -> ThroughputInput? {
        reader.map { ThroughputInput(read: $0.long("ReadCapacityUnits"), write: $0.long("WriteCapacityUnits")) }
    }

    static func onDemand(_ reader: InputReader?) -> OnDemandLimits? {
        reader.map { OnDemandLimits(maxRead: $0.long("MaxReadRequestUnits"), maxWrite: $0.long("MaxWriteRequestUnits")) }
    }

    static func warm(_ reader: InputReader?) -> ThroughputInput? {
        reader.map { ThroughputInput(read: $0.long("ReadUnitsPerSecond"), write: $0.long("WriteUnitsPerSecond")) }
    }

    static func index(_ reader: InputReader) -> IndexInput {
        IndexInput(
            name: reader.string("IndexName"),
            keySchema: keys(reader.readers("KeySchema"), typeMember: "KeyType"),
            projection: reader.reader("Projection").map {
                ProjectionInput(type: $0.string("ProjectionType"), nonKeyAttributes: $0.strings("NonKeyAttributes"))
            },
            throughput: throughput(reader.reader("ProvisionedThroughput")),
            onDemand: onDemand(reader.reader("OnDemandThroughput")),
            warm: warm(reader.reader("WarmThroughput")))
    }

    /// Java's toString of a KeySchemaElement list, as Coral prints list values.
    static func javaKeySchema(_ keys: [KeyInput]) -> String {
        "["
            + keys.map { "KeySchemaElement(attributeName=\($0.name ?? "null"), keyType=\($0.type ?? "null"))" }
            .joined(separator: ", ") + "]"
    }

    static func javaStrings(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }
}
