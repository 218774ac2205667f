import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// A recorder and a digest writer over one temp bucket and one manual clock.
struct DigestHarness {
    var trail: TrailHarness

    init(_ label: String = #function, configure: (inout TrailSettings, inout JournalSettings) -> Void = { _, _ in }) {
        trail = TrailHarness(label, configure: configure)
    }

    var bucket: String { trail.bucket }
    var clock: ManualWallClock { trail.clock }

    func makeKeyStore(rotation: TimeInterval = 30 * 86_400) -> SigningKeyStore {
        SigningKeyStore(directory: trail.settings.state.keys, clock: clock, rotationInterval: rotation)
    }

    func makeWriter(keys: SigningKeyStore? = nil) -> DigestWriter {
        DigestWriter(settings: trail.settings, keyStore: keys ?? makeKeyStore(), clock: clock)
    }

    /// Starts a writer and a recorder hooked to it (writer first, as the server does).
    func start(seed: UInt64 = 7) throws -> (TrailRecorder, DigestWriter) {
        let writer = makeWriter()
        try writer.start()
        let recorder = trail.makeRecorder(seed: seed)
        recorder.setDeliveryHandler(writer.deliveryHandler)
        try recorder.start()
        return (recorder, writer)
    }

    /// Every digest key in the bucket, oldest first per chain.
    func digestKeys() -> [String] { trail.logKeys().filter { $0.contains("/CloudTrail-Digest/") } }

    func digest(_ key: String) throws -> (json: JSONValue, body: [UInt8], signature: String?) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: bucket).appendingPathComponent(key)))
        let body = try Gzip.decompress(bytes)
        let sidecar = try [UInt8](
            Data(contentsOf: URL(fileURLWithPath: trail.settings.state.sidecarPath(forKey: key))))
        let metadata = try ObjectMetadata.decode(sidecar)
        #expect(metadata.userMetadata["signature-algorithm"] == "SHA256withRSA")
        return (try JSONParser.parse(body), body, metadata.userMetadata["signature"])
    }

    func validate(start: Date? = nil, end: Date? = nil) -> LogValidator.Report {
        LogValidator(bucketRoot: bucket, bucketName: trail.settings.bucket.name)
            .validate(start: start, end: end ?? clock.now().addingTimeInterval(60))
    }
}
