import AWSProtocol

/// Max request units of an on-demand table or index (`-1` = no limit).
struct OnDemandLimits: Sendable, Equatable {
    var maxRead: Int64?
    var maxWrite: Int64?

    /// UpdateTable merges member by member: a member sent replaces the old one, `-1` clears it
    /// (observed on AWS, 2026).
    func merged(with update: OnDemandLimits) -> OnDemandLimits {
        OnDemandLimits(maxRead: update.maxRead ?? maxRead, maxWrite: update.maxWrite ?? maxWrite)
    }

    /// What DescribeTable shows: cleared (`-1`) members are omitted, and nothing when no limit is left
    /// (AWS echoes `-1` only in the mutation's response; observed in 2026).
    var described: OnDemandLimits? {
        let shown = OnDemandLimits(maxRead: maxRead == -1 ? nil : maxRead, maxWrite: maxWrite == -1 ? nil : maxWrite)
        return shown.maxRead == nil && shown.maxWrite == nil ? nil : shown
    }

    var json: JSONValue {
        var object = JSONObject()
        if let maxRead { object.append("MaxReadRequestUnits", .int64(maxRead)) }
        if let maxWrite { object.append("MaxWriteRequestUnits", .int64(maxWrite)) }
        return .object(object)
    }
}
