extension TrailSettings {
    /// The private state directory: `trail.stateDirectory`, else `<bucket path>-state` (see `StateDirectory`).
    public var state: StateDirectory {
        stateDirectory.map { StateDirectory(root: $0) } ?? StateDirectory.besideBucket(bucket.path)
    }

    /// The notifications file to append to, or nil when `trail.notifications.file` is `null`.
    public var notificationFilePath: String? {
        switch notifications.fileDestination {
        case .stateDirectory: state.notificationsFile
        case .off: nil
        case .path(let path): path
        }
    }
}
