import CloudTrail

extension Configuration {
    /// The private state directory the server uses (`trail.stateDirectory` or its default beside the bucket).
    public var stateDirectoryPath: String { trail.state.root }

    /// The private state must stay out of the bucket directory (which holds only what S3 would) and
    /// must not hold it: `trail.stateDirectory` (or its default beside the bucket), `journal.path`
    /// and the notifications file are checked against `trail.bucket.path`. Blocking (`realpath`).
    func validateStatePlacement() throws(ConfigurationError) {
        let bucket = trail.bucket.path
        if let reason = StateDirectory.placementProblem(state: trail.state.root, bucket: bucket) {
            let key = trail.stateDirectory == nil ? "trail.stateDirectory (default \(trail.state.root))" : "trail.stateDirectory"
            throw ConfigurationError(key: key, reason: reason)
        }
        let others = [("journal.path", journal.path), ("trail.notifications.file", trail.notifications.file)]
        for case (let key, let path?) in others {
            if let reason = StateDirectory.placementProblem(state: path, bucket: bucket) {
                throw ConfigurationError(key: key, reason: reason)
            }
        }
    }
}
