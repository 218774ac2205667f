/// DynamoDB's `x-amzn-RequestId` (not a UUID): 26 random characters of the base32hex alphabet
/// `[0-9A-V]` followed by a 26-character part that is fixed per DynamoDB host. Every request id in
/// AWS's CloudTrail examples for DynamoDB ends with the same `VV4KQNSO5AEMVJF66Q9ASUAAJG` ("Logging
/// DynamoDB operations by using AWS CloudTrail", DynamoDB Developer Guide); we use that host's part.
public enum RequestID {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV")
    /// The fixed half, as AWS's examples show it.
    public static let hostPart = "VV4KQNSO5AEMVJF66Q9ASUAAJG"

    public static func make(using random: some RandomSource) -> String {
        random.string(count: 26, from: alphabet) + hostPart
    }

    /// True for a well-formed id: 26 characters of `[0-9A-V]`, then the host part.
    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 52, id.hasSuffix(hostPart) else { return false }
        return bytes.prefix(26).allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 86) }
    }
}
