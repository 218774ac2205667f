/// The `--help` texts of the tool and each subcommand.
public enum HelpText {
    public static let tool = """
        dynamotrail \(DynamoTrailVersion.current): a local DynamoDB control plane that records every call as AWS CloudTrail does.

        USAGE
          dynamotrail [serve] [options]     serve DynamoDB, DynamoDB Streams, CloudTrail and S3 on one port
          dynamotrail events [options]      print delivered CloudTrail events from a bucket directory
          dynamotrail validate [options]    check digest files and log files offline
          dynamotrail sample [options]      write realistic CloudTrail logs and digests without a server
          dynamotrail <command> --help      options of a command
          dynamotrail --version

        Point any AWS SDK or the AWS CLI at it with AWS_ENDPOINT_URL=http://127.0.0.1:8000.
        """

    public static let serve = """
        USAGE: dynamotrail [serve] [options]

        Serves DynamoDB (X-Amz-Target DynamoDB_20120810.*), DynamoDB Streams, CloudTrail and read-only S3
        on one port and writes CloudTrail log files into the bucket directory.

        OPTIONS
          --config PATH              configuration file (default ./config.json; built-in defaults when absent)
          --host HOST                address to bind (default 127.0.0.1; ::1 or 0.0.0.0 work too)
          --port PORT                port to bind (default 8000; 0 = any free port)
          --bucket DIR               directory that stands for the trail's S3 bucket (default ./bucket); it holds
                                     only what S3 would: AWSLogs/... log and digest files
          --state-dir DIR            private state: journal, signing keys (0600), digest state, S3 metadata,
                                     temp files, bucket-notifications.jsonl (default: beside the bucket,
                                     BUCKET-state; never inside it). An old BUCKET/.dynamotrail is moved here on start
          --delivery-interval SECS   seconds between log file deliveries
          --auth lenient|enforce     accept any signed request, or verify SigV4 against the configured secrets
          --allow-anonymous true     lenient mode: take unsigned requests (curl) as an anonymous caller
                                     instead of refusing them (MissingAuthenticationTokenException)
          --log-level LEVEL          debug, info (a line per request, the default), warn, error
          -h, --help                 this help

        Each option can also be set as DYNAMOTRAIL_<OPTION> (DYNAMOTRAIL_PORT=9000, DYNAMOTRAIL_STATE_DIR=/var/lib/dt).
        Precedence: built-in defaults < config file < environment < flags.
        Prints "dynamotrail listening on http://HOST:PORT" once bound. SIGINT/SIGTERM: finish in-flight
        requests, deliver every pending record, exit 0.
        """

    public static let events = """
        USAGE: dynamotrail events [options]

        Prints the CloudTrail events delivered into a bucket directory: one line per event with its
        time, account, region, event name, user, source IP and error code, or with --json each record
        exactly as delivered, one per line. Reads every AWSLogs/.../CloudTrail/... log file one at a
        time, in key order (account, region, delivery day and minute); records keep their file order.

        OPTIONS
          --bucket DIR          bucket directory (default: trail.bucket.path of the config, ./bucket)
          --config PATH         configuration file to take the bucket directory from
          --account ID          only this account          --region REGION     only this region
          --event-name NAME     only this eventName        --user NAME         only this user name or ARN
          --access-key AKID     only this access key       --read-only         only read-only events
          --errors              only failed calls          --start-time / --end-time   ISO 8601 bounds
          --limit N             at most N events           --json              JSON lines instead of columns

        Exits 1 when the bucket directory is missing or a log file cannot be read (the rest is still printed).
        """

    public static let validate = """
        USAGE: dynamotrail validate [options]

        Checks the digest chain and every log file's hash offline, as `aws cloudtrail validate-logs` does.
        Exits 1 on anything invalid or missing.

        OPTIONS
          --bucket DIR          bucket directory (default ./bucket)
          --state-dir DIR       its state directory, for the signing keys and the digests' signatures
                                (default: BUCKET-state, or an old BUCKET/.dynamotrail not yet moved)
          --start-time TIME     ISO 8601 (default: the earliest digest)
          --end-time TIME       ISO 8601 (default: now)
          --account ID / --region REGION   limit the check
          --verbose             print every file's verdict
        """

    public static let sample = """
        USAGE: dynamotrail sample [options]

        Writes realistic CloudTrail log files and valid digest chains without a server: each account's trail
        gets an hourly digest in every region it covers (trail.regions, else the home region and --regions),
        empty when the region had no calls in that hour.

        OPTIONS
          --output DIR          directory to write (default ./sample-bucket)
          --state-dir DIR       its signing keys, S3 metadata and temp files (default DIR-state, beside it)
          --count N             number of events (default 1000)
          --seed N              random seed: the same command writes byte-identical log files every time
          --start-time / --end-time   ISO 8601 range of event times (default: the last 24 hours; with --seed,
                                the fixed day 2026-01-01 UTC, so a seeded run never depends on the clock)
          --regions LIST        comma-separated regions (default us-east-1,us-west-2,eu-west-1; the first gets most calls)
          --config PATH         accounts and identities to use (default: ./config.json, else two demo accounts)
          --quiet               no progress bar

        Digest files are signed with the RSA keys kept in the state directory's keys/ (made on the first run):
        they repeat byte for byte too when that directory keeps those keys; a fresh one gets new keys, so
        its digests' signatures and key fingerprints differ while the log files do not.
        """

    public static func forSubcommand(_ subcommand: CommandLineInvocation.Subcommand) -> String {
        switch subcommand {
        case .serve: serve
        case .events: events
        case .validate: validate
        case .sample: sample
        }
    }
}
