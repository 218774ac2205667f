#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How many cases each fuzz target runs and from which seed: small by default so `swift test`
/// stays quick, `DYNAMOTRAIL_FUZZ_CASES=100000` for the long run, `DYNAMOTRAIL_FUZZ_SEED` to
/// replay another seed. A value type read from the environment.
public enum FuzzBudget {
    /// The environment's case count when set (and a positive number), else `defaultCases`.
    public static func cases(default defaultCases: Int) -> Int {
        guard let text = ProcessInfo.processInfo.environment["DYNAMOTRAIL_FUZZ_CASES"], let count = Int(text), count > 0
        else { return defaultCases }
        return count
    }

    /// The run's seed: `DYNAMOTRAIL_FUZZ_SEED`, else a fixed one so default runs repeat exactly.
    public static var seed: UInt64 {
        ProcessInfo.processInfo.environment["DYNAMOTRAIL_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_F022
    }

    /// True in the long run: print figures (cases, seconds) for the README.
    public static var isLongRun: Bool { ProcessInfo.processInfo.environment["DYNAMOTRAIL_FUZZ_CASES"] != nil }

    /// Prints `name: N cases in S s` in long runs, so the figures can be reported.
    public static func report(_ name: String, cases: Int, started: ContinuousClock.Instant) {
        guard isLongRun else { return }
        let elapsed = ContinuousClock.now - started
        print("fuzz \(name): \(cases) cases in \(elapsed)")
    }
}
