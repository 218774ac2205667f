/// One basic event selector of a trail (CloudTrail API Reference: "EventSelector"): which management
/// events (read, write or all; minus excluded sources) and which data resources the trail logs. Pure value.
public struct EventSelector: Sendable, Equatable {
    /// The basic selector's `ReadWriteType`; "By default, the value is All" ("EventSelector").
    public enum ReadWriteType: String, Sendable, CaseIterable {
        case readOnly = "ReadOnly"
        case writeOnly = "WriteOnly"
        case all = "All"

        /// Whether an event with this `readOnly` value is of this kind.
        public func includes(readOnly: Bool) -> Bool {
            switch self {
            case .all: true
            case .readOnly: readOnly
            case .writeOnly: !readOnly
            }
        }
    }

    /// One `DataResource`: a resource type and the ARNs or ARN prefixes of its resources ("DataResource").
    public struct DataResource: Sendable, Equatable {
        public var type: String
        public var values: [String]
        public init(type: String, values: [String]) {
            self.type = type
            self.values = values
        }
    }

    public var readWriteType: ReadWriteType
    /// "By default, the value is true" ("EventSelector").
    public var includeManagementEvents: Bool
    public var dataResources: [DataResource]
    /// Event sources whose management events are not logged (e.g. `kms.amazonaws.com`).
    public var excludeManagementEventSources: [String]

    public init(
        readWriteType: ReadWriteType = .all, includeManagementEvents: Bool = true, dataResources: [DataResource] = [],
        excludeManagementEventSources: [String] = []
    ) {
        self.readWriteType = readWriteType
        self.includeManagementEvents = includeManagementEvents
        self.dataResources = dataResources
        self.excludeManagementEventSources = excludeManagementEventSources
    }

    /// True when this selector logs `event` ("PutEventSelectors": "if the event matches any event
    /// selector, the trail processes and logs the event").
    public func selects(_ event: SelectableEvent) -> Bool {
        guard readWriteType.includes(readOnly: event.readOnly) else { return false }
        if event.isManagement {
            return includeManagementEvents && !excludeManagementEventSources.contains(event.eventSource)
        }
        return event.resources.contains { resource in
            dataResources.contains { data in
                data.type == resource.type && data.values.contains { Self.value($0, covers: resource.arn) }
            }
        }
    }

    /// A `DataResource` value covers an ARN when it is that ARN, or a prefix that names no single
    /// resource: `arn:aws:dynamodb` for every table ("DataResource": "To log data events for all DynamoDB
    /// tables …, specify the prefix as arn:aws:dynamodb"). A table ARN names that table only, not
    /// tables whose names start with it (our reading: AWS documents exact ARNs for Lambda functions;
    /// for tables it is Unverified).
    static func value(_ value: String, covers arn: String) -> Bool {
        if value == arn { return true }
        guard arn.hasPrefix(value) else { return false }
        guard let end = endOfTableMarker(in: value) else { return true }
        return end == value.utf8.count
    }

    private static let tableMarker = Array(":table/".utf8)

    /// The UTF-8 offset just past the first `:table/` in `value`, or nil. A byte scan: the generic
    /// `firstRange(of:)` cost several per cent of a recorded item call's CPU (observed with perf).
    static func endOfTableMarker(in value: String) -> Int? {
        var matched = 0
        var offset = 0
        for byte in value.utf8 {
            offset += 1
            // ':' occurs only first in the marker, so a mismatch restarts at this byte.
            matched = byte == tableMarker[matched] ? matched + 1 : (byte == tableMarker[0] ? 1 : 0)
            if matched == tableMarker.count { return offset }
        }
        return nil
    }
}
