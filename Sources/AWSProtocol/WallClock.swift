import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The time of day, injected so status transitions, event times and file names are testable.
public protocol WallClock: Sendable {
    func now() -> Date
}
