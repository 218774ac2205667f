#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Whether each account's trail is logging: without an organization trail every account has its own
/// trail, and StopLogging by one account stops only that account's trail. Accounts never switched on
/// their own follow `base` (which is also the one organization trail's state). Pure value.
public struct TrailLoggingStates: Sendable, Equatable {
    /// The state of every trail not switched on its own; the organization trail's state.
    public private(set) var base: TrailLoggingStatus
    /// Trails switched by StartLogging/StopLogging for one account.
    public private(set) var byAccount: [String: TrailLoggingStatus] = [:]

    public init(base: TrailLoggingStatus) { self.base = base }

    /// The state of `account`'s trail; nil: the base (organization) trail's.
    public func status(account: String?) -> TrailLoggingStatus {
        account.flatMap { byAccount[$0] } ?? base
    }

    /// True when every trail is logging (the health endpoint's `logging`).
    public var allLogging: Bool { base.isLogging && byAccount.values.allSatisfy(\.isLogging) }

    /// Switches `account`'s trail, or with nil every trail (the organization trail).
    mutating func set(_ on: Bool, at time: Date, account: String?) {
        guard let account else {
            base.set(on, at: time)
            for key in byAccount.keys { byAccount[key]?.set(on, at: time) }
            return
        }
        var status = status(account: account)
        status.set(on, at: time)
        byAccount[account] = status
    }
}
