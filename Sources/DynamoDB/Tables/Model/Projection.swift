import AWSProtocol

/// A secondary index's projection.
struct Projection: Sendable, Equatable {
    var type: ProjectionType
    var nonKeyAttributes: [String]?

    var json: JSONValue {
        var object = JSONObject()
        object.append("ProjectionType", .string(type.rawValue))
        if let nonKeyAttributes { object.append("NonKeyAttributes", .array(nonKeyAttributes.map { .string($0) })) }
        return .object(object)
    }
}

extension Projection {
    /// A projection as sent (after its rules were checked); the type defaults to ALL.
    init(_ input: ProjectionInput?) {
        self.init(
            type: input?.type.flatMap(ProjectionType.init(rawValue:)) ?? .all, nonKeyAttributes: input?.nonKeyAttributes)
    }
}
