import AWSProtocol

/// UpdateTable's rule that a new global index may not give an attribute the table already keys on another type.
extension Table {
    /// The stored AttributeType of `name`, if the table defines it.
    func definedType(of name: String) -> String? { attributeDefinitions.first { $0.name == name }?.type }

    /// The first key schema that uses `attribute`: the table's, then its local, then its global indexes'.
    func keySchema(using attribute: String) -> [KeyElement]? {
        let schemas = [keySchema] + localIndexes.map(\.keySchema) + globalIndexes.map(\.keySchema)
        return schemas.first { $0.contains { $0.name == attribute } }
    }

    /// Throws when a key of the index being created is defined in `definitions` with another type than the
    /// table's (text from AWS as recorded in scylladb/scylladb test/alternator/test_gsi_updatetable.py,
    /// test_gsi_key_type_conflict_on_update). Unverified: the separators between several SchemaElements.
    func checkNoRedefinition(_ newKeys: [KeyInput], _ definitions: [KeyInput]) throws(AWSServiceError) {
        func requestedType(_ name: String?) -> String { definitions.first { $0.name == name }?.type ?? "" }
        for key in newKeys {
            guard let name = key.name, let existing = definedType(of: name), existing != requestedType(name),
                let schema = keySchema(using: name)
            else { continue }
            let existingElements = schema.map { "\($0.name):\(definedType(of: $0.name) ?? ""):\($0.type)" }
            let newElements = newKeys.map { "\($0.name ?? ""):\(requestedType($0.name)):\($0.type ?? "")" }
            throw DynamoDBError.attributeRedefined(existing: existingElements, new: newElements)
        }
    }
}
