import AWSProtocol

/// One attribute of a key schema or an attribute definition.
struct KeyElement: Sendable, Equatable {
    var name: String
    /// KeyType (HASH/RANGE) in a key schema, AttributeType (S/N/B) in an attribute definition.
    var type: String

    /// A KeySchemaElement: `{"AttributeName", "KeyType"}`.
    var keySchemaJSON: JSONValue { ["AttributeName": .string(name), "KeyType": .string(type)] }

    /// An AttributeDefinition: `{"AttributeName", "AttributeType"}`.
    var attributeDefinitionJSON: JSONValue { ["AttributeName": .string(name), "AttributeType": .string(type)] }
}

extension KeyElement {
    /// A key element as sent; absent members read as empty (they were refused before this is built).
    init(_ input: KeyInput) {
        self.init(name: input.name ?? "", type: input.type ?? "")
    }
}
