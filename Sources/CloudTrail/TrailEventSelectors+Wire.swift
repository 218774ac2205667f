import AWSProtocol

/// Reading and writing selectors in the shapes of CloudTrail's API (botocore model: `EventSelectors`,
/// `AdvancedEventSelectors`), shared by PutEventSelectors, GetEventSelectors, `config.json` and the
/// state file that keeps selectors across restarts.
extension TrailEventSelectors {
    /// "You can configure up to five event selectors for a trail" ("PutEventSelectors").
    public static let maxBasicSelectors = 5
    /// "the total number of data resources cannot exceed 250 across all event selectors" ("EventSelector").
    public static let maxDataResourceValues = 250
    /// "up to a maximum of 500 values for all conditions and selectors on a trail" ("PutEventSelectors").
    public static let maxAdvancedValues = 500

    /// Parses a PutEventSelectors request's two members (nil: absent) with CloudTrail's checks.
    public static func parse(basic: JSONValue?, advanced: JSONValue?) -> Result<TrailEventSelectors, EventSelectorsError> {
        switch (basic, advanced) {
        case (.some, .some):
            // Unverified text; the rule is AWS's ("but not both").
            return .failure(.invalid("You can use either EventSelectors or AdvancedEventSelectors, but not both."))
        case (nil, nil):
            // Unverified text.
            return .failure(.invalid("You must specify either EventSelectors or AdvancedEventSelectors."))
        case (let basic?, nil):
            return list(basic).flatMap(parseBasic).map { .basic($0) }
        case (nil, let advanced?):
            return list(advanced).flatMap(parseAdvanced).map { .advanced($0) }
        }
    }

    /// A list member, or the SerializationException a non-list gets (as `CloudTrailInput` words it).
    static func list(_ value: JSONValue) -> Result<[JSONValue], EventSelectorsError> {
        switch value {
        case .array(let items): .success(items)
        case .object: .failure(.serialization("Start of structure or map found where not expected"))
        default: .failure(.serialization("Unexpected field type"))
        }
    }

    static func parseBasic(_ items: [JSONValue]) -> Result<[EventSelector], EventSelectorsError> {
        guard (1...maxBasicSelectors).contains(items.count) else {
            // Unverified text, in the style of the observed DataResources.Values limit message.
            return .failure(.invalid("Specify a valid number of EventSelectors (1 to \(maxBasicSelectors)) for your trail."))
        }
        var selectors: [EventSelector] = []
        for item in items {
            switch EventSelector.parse(item) {
            case .success(let selector): selectors.append(selector)
            case .failure(let error): return .failure(error)
            }
        }
        let counted = selectors.flatMap(\.dataResources).flatMap(\.values).filter { !EventSelector.isAllResourcesPrefix($0) }
        if counted.count > maxDataResourceValues {
            // As the observed message reads ("Specify a valid number of DataResources.Values (0 to 250) for all your
            // selectors", quoted in a public issue title); the final period is Unverified.
            return .failure(.invalid("Specify a valid number of DataResources.Values (0 to 250) for all your selectors."))
        }
        return .success(selectors)
    }

    static func parseAdvanced(_ items: [JSONValue]) -> Result<[AdvancedEventSelector], EventSelectorsError> {
        var selectors: [AdvancedEventSelector] = []
        for (index, item) in items.enumerated() {
            switch AdvancedEventSelector.parse(item, path: "advancedEventSelectors.\(index + 1).member") {
            case .success(let selector): selectors.append(selector)
            case .failure(let error): return .failure(error)
            }
        }
        let values = selectors.flatMap(\.fieldSelectors).reduce(0) { $0 + $1.valueCount }
        if values > maxAdvancedValues {
            // Unverified text; the limit is AWS's.
            return .failure(
                .invalid(
                    "Specify a valid number of values (1 to \(maxAdvancedValues)) for all conditions of your advanced event selectors."))
        }
        return .success(selectors)
    }

    /// The members GetEventSelectors and PutEventSelectors answer with, after `TrailARN`.
    public func wireMembers() -> JSONObject {
        var object = JSONObject()
        switch self {
        case .basic(let selectors): object.append("EventSelectors", .array(selectors.map { $0.wire() }))
        case .advanced(let selectors): object.append("AdvancedEventSelectors", .array(selectors.map { $0.wire() }))
        }
        return object
    }

    /// Reads the members `wireMembers` writes (the state file); nil when they are not valid selectors.
    public static func fromWireMembers(_ value: JSONValue) -> TrailEventSelectors? {
        guard let object = value.objectValue else { return nil }
        return try? parse(basic: object["EventSelectors"], advanced: object["AdvancedEventSelectors"]).get()
    }
}

extension EventSelector {
    /// The selector as GetEventSelectors shows it (every member, as AWS's default answer shows:
    /// `ReadWriteType`, `IncludeManagementEvents`, `DataResources`, `ExcludeManagementEventSources`).
    func wire() -> JSONValue {
        var object = JSONObject()
        object.append("ReadWriteType", .string(readWriteType.rawValue))
        object.append("IncludeManagementEvents", .bool(includeManagementEvents))
        let resources = dataResources.map { resource -> JSONValue in
            ["Type": .string(resource.type), "Values": .array(resource.values.map(JSONValue.string))]
        }
        object.append("DataResources", .array(resources))
        object.append("ExcludeManagementEventSources", .array(excludeManagementEventSources.map(JSONValue.string)))
        return .object(object)
    }
}

extension AdvancedEventSelector {
    /// The selector as GetEventSelectors shows it: `Name` when set, then the conditions with the operators given.
    func wire() -> JSONValue {
        var object = JSONObject()
        if let name { object.append("Name", .string(name)) }
        let conditions = fieldSelectors.map { condition -> JSONValue in
            var entry = JSONObject()
            entry.append("Field", .string(condition.field))
            let operators: [(String, [String]?)] = [
                ("Equals", condition.equals), ("StartsWith", condition.startsWith), ("EndsWith", condition.endsWith),
                ("NotEquals", condition.notEquals), ("NotStartsWith", condition.notStartsWith),
                ("NotEndsWith", condition.notEndsWith),
            ]
            for (name, values) in operators {
                if let values { entry.append(name, .array(values.map(JSONValue.string))) }
            }
            return .object(entry)
        }
        object.append("FieldSelectors", .array(conditions))
        return .object(object)
    }
}
