/// DynamoDB's `x-amzn-RequestId`: 52 characters of `[0-9A-Z]` (not a UUID).
public enum RequestID {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    public static func make(using random: some RandomSource) -> String {
        random.string(count: 52, from: alphabet)
    }

    /// True for a well-formed id.
    public static func isValid(_ id: String) -> Bool {
        id.utf8.count == 52 && id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }
    }
}
