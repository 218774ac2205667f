import AWSProtocol
import CallHandling
import CloudTrail
import CloudTrailService
import Dispatch
import DynamoDB
import HTTPServer
import S3Bucket

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The whole server: configuration in, a listening socket out; `shutdown()` stops accepting,
/// finishes in-flight requests and delivers what is pending. Isolation: an actor.
public actor DynamoTrailServer {
    public let configuration: Configuration
    private let admin: AdminActions
    private let cloudTrail: CloudTrailAPI
    private let http: HTTPServer
    private let recorder: TrailRecorder
    /// Writes signed digest files (nil when `trail.digest.enabled` is false).
    private let digestWriter: DigestWriter?
    /// The per-region digest signing keys: `signingKeys.publicKeys(region:from:to:)` answers ListPublicKeys.
    public nonisolated let signingKeys: SigningKeyStore
    private let logger: Logger
    private var stopped = false
    private var listening = false
    /// Answers requests; the HTTP server calls it for each one, tests may call it directly.
    public nonisolated let router: Router

    public init(
        configuration: Configuration, clock: any WallClock = SystemWallClock(), random: any RandomSource = SystemRandomSource()
    ) {
        self.configuration = configuration
        let logger = Logger(level: configuration.logLevel)
        self.logger = logger
        let recorder = TrailRecorder(
            settings: configuration.trail, journal: configuration.journal, clock: clock, random: random,
            log: { message in logger.warn(message) },
            webhookTransport: { url, headers, body in
                HTTPClient.post(url: url, headers: headers, body: body).mapError { $0 as any Error }
            })
        self.recorder = recorder
        let signingKeys = SigningKeyStore(
            directory: configuration.trail.state.keys, clock: clock,
            durable: configuration.journal.fsync != .never)
        self.signingKeys = signingKeys
        let digestWriter =
            configuration.trail.digest.enabled
            ? DigestWriter(
                settings: configuration.trail, keyStore: signingKeys, clock: clock,
                durable: configuration.journal.fsync != .never, log: { message in logger.warn(message) })
            : nil
        self.digestWriter = digestWriter
        let controlPlane = DynamoDBService(settings: configuration.dynamodb, clock: clock, random: random)
        let history = EventHistory(clock: clock)
        let cloudTrail = CloudTrailAPI(
            trail: configuration.trail, homeAccountId: configuration.defaultAccount.accountId, recorder: recorder,
            history: history, publicKeys: DigestKeySource(store: signingKeys, writer: digestWriter), clock: clock)
        self.cloudTrail = cloudTrail
        let pipeline = CallPipeline(
            controlPlane: controlPlane, cloudTrail: cloudTrail,
            authenticator: Authenticator(
                mode: configuration.auth.mode, accounts: configuration.accounts, defaultRegion: configuration.defaultRegion,
                clock: clock, allowAnonymous: configuration.auth.allowAnonymous),
            audit: TrailAuditSink(
                recorder: recorder, history: history, eventVersion: configuration.trail.eventVersion,
                log: { message in logger.error(message) }),
            trailName: configuration.trail.name, random: random, recordsTLSDetails: configuration.trail.recordsTLSDetails)
        let admin = AdminActions(recorder: recorder, controlPlane: controlPlane, clock: clock, startedAt: clock.now())
        let bucket = S3Bucket(
            name: configuration.trail.bucket.name, path: configuration.trail.bucket.path, region: configuration.trail.homeRegion,
            stateDirectory: configuration.trail.state.root)
        self.admin = admin
        let router = Router(
            pipeline: pipeline, admin: admin, bucket: bucket, defaultRegion: configuration.defaultRegion, clock: clock,
            random: random, logger: logger,
            hostPolicy: HostPolicy(configured: configuration.allowedHosts, bindHost: configuration.server.host))
        self.router = router
        self.http = HTTPServer(settings: configuration.server, handler: router, log: { message in logger.warn(message) })
    }

    /// Starts the services (see `startServices()`), then binds the socket and starts serving;
    /// returns the bound port (useful with port 0).
    public func start() async throws -> Int {
        try await startServices()
        listening = true
        return try http.start()
    }

    /// Replays the CloudTrail journal (delivering what a crash left behind) and starts the trail's
    /// timers and the event history refill, without a socket: `router.handle(_:)` then answers
    /// in-memory requests (tests).
    public func startServices() async throws {
        let recorder = self.recorder
        let digestWriter = self.digestWriter
        let signingKeys = self.signingKeys
        let trail = configuration.trail
        let logger = self.logger
        // The replay does blocking file I/O: run it on a Dispatch queue, not a concurrency thread.
        let replayed = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[String], any Error>) in
            DispatchQueue.global().async {
                do {
                    // The lock first: a second server on this journal must not touch its state at all.
                    try recorder.lockStateDirectory()
                    // Then an old `<bucket>/.dynamotrail/` moves into the state directory, before anything reads it.
                    for line in try StateMigration.run(settings: trail, journalDirectory: recorder.journalDirectory) {
                        logger.warn("state: \(line)")
                    }
                    // The digest writer starts first and hooks the recorder, so replayed deliveries are digested.
                    if let digestWriter {
                        try digestWriter.start()
                        recorder.setDeliveryHandler(digestWriter.deliveryHandler)
                    } else {
                        signingKeys.load()
                    }
                    continuation.resume(returning: try recorder.start())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        for key in replayed { logger.info("delivered from the journal: \(key)") }
        cloudTrail.startLoadingHistory()
    }

    /// The port bound by `start()`.
    public nonisolated var port: Int { http.port }

    /// Open HTTP connections (tests and health).
    public nonisolated var connectionCount: Int { http.connectionCount }

    /// Delivers pending records now; returns the object keys written.
    public func flush() async -> [String] { await admin.flush() }

    /// Stops accepting, lets in-flight requests finish, then delivers every pending record.
    @discardableResult
    public func shutdown() async -> [String] {
        guard !stopped else { return [] }
        stopped = true
        if listening { await http.shutdown() }
        let keys = await recorder.shutdown()
        // After the recorder: the final digests list the files it just delivered.
        return keys + (await digestWriter?.shutdown() ?? [])
    }
}
