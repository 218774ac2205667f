/// One advanced event selector of a trail (CloudTrail API Reference: "AdvancedEventSelector"): an
/// optional name and the field conditions an event must all meet. Pure value.
public struct AdvancedEventSelector: Sendable, Equatable {
    /// One condition on one record field ("AdvancedFieldSelector"). An event meets it when its value
    /// matches one of the `Equals`/`StartsWith`/`EndsWith` values (if any are given) and none of the
    /// `NotEquals`/`NotStartsWith`/`NotEndsWith` values.
    public struct FieldSelector: Sendable, Equatable {
        public var field: String
        public var equals: [String]?
        public var startsWith: [String]?
        public var endsWith: [String]?
        public var notEquals: [String]?
        public var notStartsWith: [String]?
        public var notEndsWith: [String]?

        public init(
            field: String, equals: [String]? = nil, startsWith: [String]? = nil, endsWith: [String]? = nil,
            notEquals: [String]? = nil, notStartsWith: [String]? = nil, notEndsWith: [String]? = nil
        ) {
            self.field = field
            self.equals = equals
            self.startsWith = startsWith
            self.endsWith = endsWith
            self.notEquals = notEquals
            self.notStartsWith = notStartsWith
            self.notEndsWith = notEndsWith
        }

        /// Every value of every operator (the trail's limit counts them).
        public var valueCount: Int {
            [equals, startsWith, endsWith, notEquals, notStartsWith, notEndsWith].reduce(0) { $0 + ($1?.count ?? 0) }
        }

        /// Whether `value` meets the condition.
        public func matches(_ value: String) -> Bool {
            let positive = [equals, startsWith, endsWith].contains { $0 != nil }
            if positive {
                let hit =
                    (equals?.contains(value) ?? false) || (startsWith?.contains(where: value.hasPrefix) ?? false)
                    || (endsWith?.contains(where: value.hasSuffix) ?? false)
                if !hit { return false }
            }
            if notEquals?.contains(value) ?? false { return false }
            if notStartsWith?.contains(where: value.hasPrefix) ?? false { return false }
            if notEndsWith?.contains(where: value.hasSuffix) ?? false { return false }
            return true
        }
    }

    public var name: String?
    public var fieldSelectors: [FieldSelector]

    public init(name: String? = nil, fieldSelectors: [FieldSelector]) {
        self.name = name
        self.fieldSelectors = fieldSelectors
    }

    /// The fields that describe one resource of the event (`resources.type`, `resources.ARN`): they must
    /// all hold for the same resource.
    static let resourceFields: Set<String> = ["resources.type", "resources.ARN"]

    /// True when every condition holds: the event's own fields, and the resource fields for one of its resources.
    public func selects(_ event: SelectableEvent) -> Bool {
        let resourceConditions = fieldSelectors.filter { Self.resourceFields.contains($0.field) }
        for condition in fieldSelectors where !Self.resourceFields.contains(condition.field) {
            guard condition.matches(event.value(of: condition.field) ?? "") else { return false }
        }
        guard !resourceConditions.isEmpty else { return true }
        return event.resources.contains { resource in
            resourceConditions.allSatisfy { $0.matches($0.field == "resources.type" ? resource.type : resource.arn) }
        }
    }
}
