/// The version `--version` prints and the health endpoint reports.
public enum DynamoTrailVersion {
    public static let current = "0.1.0"
}
