import AWSProtocol

/// Reading CloudTrail API answers in tests.
extension JSONValue {
    /// An error answer's `__type`.
    var errorType: String? { self["__type"]?.stringValue }

    /// A LookupEvents answer's event names, newest first.
    var eventNames: [String] { (self["Events"]?.arrayValue ?? []).compactMap { $0["EventName"]?.stringValue } }
}
