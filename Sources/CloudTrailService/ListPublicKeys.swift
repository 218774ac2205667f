import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CloudTrailAPI {
    /// ListPublicKeys: the caller region's digest keys valid in `[StartTime, EndTime]` (AWS CloudTrail API
    /// Reference: "ListPublicKeys"). No times: the key valid now (AWS: "returns the current public key"); only a
    /// start: start to now. `Value` is base64 of the DER PKCS#1 key. One page, so a `NextToken`
    /// (which this server never issues) is refused with InvalidTokenException.
    func listPublicKeys(_ input: CloudTrailInput, context: CallContext) -> Result<JSONValue, AWSServiceError> {
        let start: Date?
        let end: Date?
        switch (input.timestamp("StartTime"), input.timestamp("EndTime")) {
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        case (.success(let from), .success(let to)): (start, end) = (from, to)
        }
        switch input.string("NextToken") {
        case .failure(let error): return .failure(error)
        case .success(let token?) where !token.isEmpty: return .failure(CloudTrailError.invalidToken)
        case .success: break
        }
        let now = clock.now()
        let to = end ?? (start.map { max($0, now) } ?? now)
        let from = start ?? to
        guard from <= to else { return .failure(CloudTrailError.invalidTimeRange()) }
        let keys = publicKeys.publicKeys(region: context.region, from: from, to: to).map { key -> JSONValue in
            var object = JSONObject()
            object.append("Value", .string(Data(key.der).base64EncodedString()))
            object.append("ValidityStartTime", .epochSeconds(key.validityStart))
            object.append("ValidityEndTime", .epochSeconds(key.validityEnd))
            object.append("Fingerprint", .string(key.fingerprint))
            return .object(object)
        }
        return .success(["PublicKeyList": .array(keys)])
    }
}
