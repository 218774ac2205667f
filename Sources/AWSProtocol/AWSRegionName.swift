/// The region names DynamoTrail serves: AWS's form (`us-east-1`, `us-gov-west-1`, `cn-north-1`) and the
/// one-word names local tools use (`local`, `localhost`): lowercase ASCII letters and digits in groups
/// joined by single hyphens, at most 32 characters (AWS's longest name today has 14). Anything else
/// (`..`, `a_b`, `é`, 65 characters, empty) is refused before a call does anything, as AWS refuses a
/// credential scope it does not route ("Credential should be scoped to a valid region"), so every
/// accepted region can name a folder of the bucket and a digest chain. The exact bound is our proposal.
public enum AWSRegionName {
    public static let maximumLength = 32

    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...maximumLength).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let isLetterOrDigit =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isLetterOrDigit || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return true
    }
}
