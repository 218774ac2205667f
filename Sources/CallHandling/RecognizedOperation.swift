import DynamoDB

/// A target the pipeline recognised, looked up once: later stages (the audit) read its plane here
/// instead of asking the service again.
public struct RecognizedOperation: Sendable, Equatable {
    public var target: ServiceTarget
    /// DynamoDB's item and stream-record calls; CloudTrail logs them as data events.
    public var plane: OperationPlane

    public init(target: ServiceTarget, plane: OperationPlane) {
        self.target = target
        self.plane = plane
    }
}
