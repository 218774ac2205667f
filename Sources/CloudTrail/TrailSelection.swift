import AWSProtocol
import Synchronization

/// The event selectors of every trail the recorder writes for: each account's own trail, or the one
/// organization trail (`base`). They start as configured (`trail.eventSelectors`,
/// `trail.advancedEventSelectors` or `trail.readWriteType`); PutEventSelectors changes them at runtime
/// and the change is kept in the state directory (`event-selectors.json`), so it survives restarts
/// for as long as the configured selectors stay the same (our proposal: editing the configuration
/// starts every trail again from it, with a log line).
///
/// Isolation: all mutable state sits in a `Mutex`, readable from any thread without waiting for the
/// recorder's queue; `set` writes the state file while holding it (rare, and never on a concurrency thread).
public final class TrailSelection: Sendable {
    struct State: Sendable {
        var base: TrailEventSelectors
        var byAccount: [String: TrailEventSelectors] = [:]
        var changed = false
    }

    /// The selectors of the configuration.
    public let configured: TrailEventSelectors
    /// The state file; nil keeps runtime changes in memory only.
    let file: String?
    private let state: Mutex<State>

    /// Loads the state file when it was written against the same configured selectors.
    /// Blocking (reads a file): call it at startup.
    public init(configured: TrailEventSelectors, file: String?, log: @Sendable (String) -> Void = { _ in }) {
        self.configured = configured
        self.file = file
        var initial = State(base: configured)
        if let file, let bytes = try? FileIO.readFile(file) {
            if let loaded = Self.decode(bytes, configured: configured) {
                initial = loaded
            } else {
                log(
                    "event selectors set by PutEventSelectors were not restored from \(file): the configured selectors changed or the file is unreadable"
                )
            }
        }
        state = Mutex(initial)
    }

    /// The selectors of `account`'s trail (nil: the organization trail's).
    public func selectors(account: String?) -> TrailEventSelectors {
        state.withLock { state in account.flatMap { state.byAccount[$0] } ?? state.base }
    }

    /// True when `account`'s trail logs `event`.
    public func selects(_ event: SelectableEvent, account: String) -> Bool { selectors(account: account).selects(event) }

    /// True when `account`'s trail may log some data event (checked before a data event is built).
    public func mayLogDataEvents(account: String) -> Bool { selectors(account: account).mayLogDataEvents }

    /// Replaces the selectors of `account`'s trail, or with nil of the organization trail (every account),
    /// and writes the state file. Blocking: call it off the concurrency threads.
    public func set(_ selectors: TrailEventSelectors, account: String?) throws(FileIOError) {
        let result: Result<Void, FileIOError> = state.withLock { state in
            var next = state
            if let account { next.byAccount[account] = selectors } else { next = State(base: selectors) }
            next.changed = true
            if let file {
                do throws(FileIOError) {
                    try FileIO.makeDirectories(FileIO.parent(file))
                    try FileIO.writeAtomically(Self.encode(next, configured: configured), to: file, temp: file + ".tmp", durable: true)
                } catch {
                    return .failure(error)
                }
            }
            state = next
            return .success(())
        }
        try result.get()
    }

    /// `{"configured":{…},"organization":{…},"accounts":{"<id>":{…}}}`, each in GetEventSelectors' members.
    static func encode(_ state: State, configured: TrailEventSelectors) -> [UInt8] {
        var accounts = JSONObject()
        for account in state.byAccount.keys.sorted() {
            if let selectors = state.byAccount[account] { accounts.append(account, .object(selectors.wireMembers())) }
        }
        let document: JSONValue = [
            "configured": .object(configured.wireMembers()), "organization": .object(state.base.wireMembers()),
            "accounts": .object(accounts),
        ]
        return JSONWriter.bytes(document)
    }

    static func decode(_ bytes: [UInt8], configured: TrailEventSelectors) -> State? {
        guard let document = try? JSONParser.parse(bytes), let saved = document["configured"],
            TrailEventSelectors.fromWireMembers(saved) == configured,
            let base = document["organization"].flatMap(TrailEventSelectors.fromWireMembers)
        else { return nil }
        var state = State(base: base, changed: true)
        for member in document["accounts"]?.objectValue?.members ?? [] {
            guard let selectors = TrailEventSelectors.fromWireMembers(member.value) else { return nil }
            state.byAccount[member.key] = selectors
        }
        return state
    }
}
