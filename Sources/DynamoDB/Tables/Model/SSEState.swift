import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Server-side encryption with a KMS key (AWS-owned default keys are not described).
struct SSEState: Sendable, Equatable {
    var kmsKeyArn: String
    var updatingUntil: Date?
    /// The key a key change replaces: still reported while the change is in flight (observed DynamoDB
    /// behaviour (2026): a key change echoes the old KMSMasterKeyArn for 8–9 s; Unverified simplification:
    /// for the whole change).
    var previousKeyArn: String? = nil
    /// A switch back to the AWS-owned key: the KMS description shows UPDATING, then goes when the change ends
    /// (Unverified: by analogy with the key-change echo; SSEDescription is absent for AWS-owned keys).
    var removedWhenSettled = false

    /// SSEDescription: UPDATING (with the old key) while a change is in flight, else ENABLED.
    func json(now: Date, updating forced: Bool) -> JSONValue {
        let updating = forced || (updatingUntil.map { now < $0 } ?? false)
        var description = JSONObject()
        description.append("Status", .string((updating ? SSEStatus.updating : .enabled).rawValue))
        description.append("SSEType", .string(SSEType.kms.rawValue))
        description.append("KMSMasterKeyArn", .string(updating ? previousKeyArn ?? kmsKeyArn : kmsKeyArn))
        return .object(description)
    }
}
