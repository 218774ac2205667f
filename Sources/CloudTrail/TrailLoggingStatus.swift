#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Whether the trail is logging and since when (GetTrailStatus' `IsLogging`, `StartLoggingTime`,
/// `StopLoggingTime`). Logging starts with the recorder.
public struct TrailLoggingStatus: Sendable, Equatable {
    public var isLogging: Bool
    public var startedAt: Date
    /// When logging last stopped; nil if it never did.
    public var stoppedAt: Date?

    public init(isLogging: Bool, startedAt: Date, stoppedAt: Date? = nil) {
        self.isLogging = isLogging
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
    }

    /// Records a change; times move only on a real transition (a second StartLogging keeps the first time).
    mutating func set(_ on: Bool, at time: Date) {
        guard on != isLogging else { return }
        isLogging = on
        if on { startedAt = time } else { stoppedAt = time }
    }
}
