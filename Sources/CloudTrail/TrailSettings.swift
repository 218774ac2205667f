/// The `trail` section of config.json: where and how records are delivered.
public struct TrailSettings: Sendable, Equatable {
    public enum ReadWriteType: String, Sendable, CaseIterable {
        case all = "All"
        case readOnly = "ReadOnly"
        case writeOnly = "WriteOnly"
    }

    public struct Bucket: Sendable, Equatable {
        /// The directory that stands for the S3 bucket.
        public var path: String = "./bucket"
        /// The bucket name written in digests, notifications and ARNs.
        public var name: String = "dynamotrail-logs"
        /// The S3 key prefix; empty for none. Never ends in `/` (the CLI joins it with `/`).
        public var keyPrefix: String = ""
        public init() {}
    }

    public struct DigestSettings: Sendable, Equatable {
        public var enabled: Bool = true
        /// AWS delivers digests hourly; the shipped config says 60 s.
        public var intervalSeconds: Double = 3600
        public init() {}
    }

    public struct Encryption: Sendable, Equatable {
        /// `AES256` (S3-managed keys, the default) or `aws:kms`.
        public var type: String = "AES256"
        public var kmsKeyId: String? = nil
        public init() {}
    }

    public struct Retention: Sendable, Equatable {
        public var archiveAfterDays: Int? = nil
        public var deleteAfterDays: Int? = nil
        public init() {}
    }

    public struct Notifications: Sendable, Equatable {
        /// Where the JSON-lines file that receives one SNS message per delivered file goes.
        public enum FileDestination: Sendable, Equatable {
            /// `bucket-notifications.jsonl` in the state directory (`trail.notifications.file` absent).
            case stateDirectory
            /// No file (`"file": null`).
            case off
            /// The configured path.
            case path(String)
        }

        /// The notifications file (see `TrailSettings.notificationFilePath` for the resolved path).
        public var fileDestination = FileDestination.stateDirectory
        /// An explicit path, or nil when there is none (off, or the default in the state directory);
        /// setting nil turns the file off. Kept for callers that set a path.
        public var file: String? {
            get { if case .path(let path) = fileDestination { path } else { nil } }
            set { fileDestination = newValue.map { .path($0) } ?? .off }
        }
        public var webhookURL: String? = nil
        /// The `TopicArn` written in webhook envelopes; nil: `arn:aws:sns:<homeRegion>:<account>:<trail name>`.
        public var topicArn: String? = nil
        public init() {}
    }

    public var name: String = "dynamotrail"
    /// `eventVersion` written in every record: 1.11, "the current version" per AWS's "CloudTrail record
    /// contents" page; configurable.
    public var eventVersion: String = "1.11"
    public var homeRegion: String = "us-east-1"
    /// Write `tlsDetails` into records as AWS does for HTTPS calls to the service's public endpoint
    /// (`trail.tlsDetails`); off by default, since calls to DynamoTrail itself use plain HTTP.
    public var recordsTLSDetails = false
    public var bucket = Bucket()
    /// The private state directory (`trail.stateDirectory`, `--state-dir`): journal, signing keys,
    /// digest state, metadata sidecars, temp files; nil: `<bucket path>-state` (`StateDirectory`).
    public var stateDirectory: String? = nil
    /// With an organization id, one organization trail in the home (management) account records every
    /// account into `AWSLogs/<org>/<account>/…`; without, each account has its own trail of this name.
    public var organizationId: String? = nil
    /// The regions the multi-region trail covers (`trail.regions`): each account's trail delivers a digest
    /// for each of them every interval, empty when idle. Nil (the default, our proposal so that a local run
    /// is not flooded with digests of the ~30 regions AWS enables): the home region plus every region in
    /// which a log file was delivered. A region outside the list still gets the chain of its log files.
    public var regions: [String]? = nil
    /// AWS delivers about every 5 minutes; the shipped config says 5 s.
    public var deliveryIntervalSeconds: Double = 300
    public var maxRecordsPerFile: Int = 1000
    /// Management events of this kind only (the older setting; see `configuredEventSelectors`).
    public var readWriteType: ReadWriteType = .all
    /// `trail.eventSelectors` or `trail.advancedEventSelectors`; nil: as `readWriteType` says.
    public var eventSelectors: TrailEventSelectors? = nil
    public var digest = DigestSettings()
    public var encryption = Encryption()
    public var retention = Retention()
    public var notifications = Notifications()

    public init() {}
}
