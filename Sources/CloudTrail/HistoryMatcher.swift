/// A lookup attribute resolved against the history's pools once per lookup, so each index entry is
/// tested by comparing ids (exact, case-sensitive matches as `HistoryEvent.matches`; resource lists
/// are decided once per distinct list).
///
/// Isolation: a value type used under `EventHistory`'s lock for one lookup.
struct HistoryMatcher {
    private enum Test {
        case all
        case eventID(HistoryEventID)
        case text(KeyPath<HistoryIndexEntry, UInt32>, UInt32)
        case readOnly(Bool?)
        case resource(type: Bool, value: String)
    }

    private let test: Test
    /// Resource lists already decided (by pool id).
    private var decided: [UInt32: Bool] = [:]

    /// Nil when no entry can match (the value is in no pool, so no event has it).
    init?(_ attribute: LookupAttribute?, state: EventHistory.State) {
        guard let attribute else {
            test = .all
            return
        }
        let value = attribute.value
        switch attribute.key {
        case .eventId:
            guard let id = HistoryEventID.packed(value) ?? state.texts.id(of: value).map(HistoryEventID.pooled) else {
                return nil
            }
            test = .eventID(id)
        case .eventName: test = .text(\.eventName, state.texts.id(of: value) ?? HistoryPool<String>.none)
        case .username: test = .text(\.username, state.texts.id(of: value) ?? HistoryPool<String>.none)
        case .eventSource: test = .text(\.eventSource, state.texts.id(of: value) ?? HistoryPool<String>.none)
        case .accessKeyId: test = .text(\.accessKeyId, state.texts.id(of: value) ?? HistoryPool<String>.none)
        case .readOnly:
            switch value.lowercased() {
            case "true": test = .readOnly(true)
            case "false": test = .readOnly(false)
            default: test = .readOnly(nil)
            }
        case .resourceType: test = .resource(type: true, value: value)
        case .resourceName: test = .resource(type: false, value: value)
        }
        if case .text(_, let id) = test, id == HistoryPool<String>.none { return nil }
    }

    /// Whether `entry` has the attribute.
    mutating func matches(_ entry: HistoryIndexEntry, state: EventHistory.State) -> Bool {
        switch test {
        case .all: return true
        case .eventID(let id): return entry.eventID == id
        case .text(let field, let id): return entry[keyPath: field] == id
        case .readOnly(let wanted): return wanted == entry.readOnly
        case .resource(let type, let value):
            if let known = decided[entry.resources] { return known }
            let flattened = state.lists.value(entry.resources) ?? []
            let offset = type ? 0 : 1
            let result = stride(from: offset, to: flattened.count, by: 2).contains { flattened[$0] == value }
            decided[entry.resources] = result
            return result
        }
    }
}
