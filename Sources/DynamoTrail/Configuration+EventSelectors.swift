import AWSProtocol
import CloudTrail

extension Configuration {
    /// `trail.eventSelectors` / `trail.advancedEventSelectors`: the trail's selectors in PutEventSelectors'
    /// shapes, checked as PutEventSelectors checks them. `trail.readWriteType` (the older setting: one basic
    /// selector for management events of that kind) may not be combined with them.
    mutating func applyEventSelectors(_ section: inout ConfigReader) throws(ConfigurationError) {
        let basic = try section.array("eventSelectors")
        let advanced = try section.array("advancedEventSelectors")
        guard basic != nil || advanced != nil else { return }
        let key = section.key(basic != nil ? "eventSelectors" : "advancedEventSelectors")
        if basic != nil, advanced != nil {
            throw ConfigurationError(key: section.key("eventSelectors"), reason: "cannot be combined with trail.advancedEventSelectors")
        }
        if section.object["readWriteType"].map({ $0 != .null }) ?? false {
            throw ConfigurationError(
                key: section.key("readWriteType"),
                reason: "cannot be combined with \(key) (use a selector's ReadWriteType instead)")
        }
        switch TrailEventSelectors.parse(basic: basic.map(JSONValue.array), advanced: advanced.map(JSONValue.array)) {
        case .success(let selectors): trail.eventSelectors = selectors
        case .failure(let error): throw ConfigurationError(key: key, reason: error.message)
        }
    }
}
