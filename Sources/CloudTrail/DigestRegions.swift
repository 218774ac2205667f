/// Which regions each account's multi-region trail covers, for its digest chains: AWS delivers a digest
/// for every region of the trail every interval, "even when there has been no API activity in your account
/// during the one hour period" ("CloudTrail digest file structure",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html).
/// Pure value.
public struct DigestRegions: Sendable, Equatable {
    /// The trail's home region, always covered.
    public var homeRegion: String
    /// `trail.regions`; nil: the home region plus every region with a delivered log file (our proposal).
    public var configured: [String]?

    public init(homeRegion: String, configured: [String]?) {
        self.homeRegion = homeRegion
        self.configured = configured
    }

    public init(_ settings: TrailSettings) {
        self.init(homeRegion: settings.homeRegion, configured: settings.regions)
    }

    /// The covered regions, given the regions that have delivered log files so far (sorted, unique).
    public func covered(delivered: some Sequence<String>) -> [String] {
        var regions = Set(configured ?? [homeRegion])
        if configured == nil { regions.formUnion(delivered) }
        return regions.sorted()
    }
}
