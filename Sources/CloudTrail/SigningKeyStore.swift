import AWSProtocol
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The digest signing keys: one RSA-2048 key pair per region ("CloudTrail uses different key
/// pairs for each AWS region", AWS: "Validating CloudTrail log file integrity"), created on first use, kept on disk and reused
/// after a restart, rotated after `rotationInterval` (the public keys AWS lists show ~30-day windows).
/// A rotated key stays listed (and its digests stay valid) for good.
///
/// ## Files (`<state directory>/keys/`, directory mode 0700)
/// - `<region>_<YYYYMMDDTHHMMSSZ>_<fingerprint>.pem`: the private key, PEM `RSA PRIVATE KEY`
///   (PKCS#1), mode 0600, written to a temp name, fsynced, renamed. The time is the creation time.
/// - `<region>_<YYYYMMDDTHHMMSSZ>_<fingerprint>.pub`: the public key, PEM `RSA PUBLIC KEY`
///   (PKCS#1), for tools (`rsa.PublicKey.load_pkcs1`). Recreated from the `.pem` when missing.
///
/// Isolation: the in-memory cache sits behind a `Mutex`; `load()` and `signingKey(region:)` do
/// blocking file I/O (call them on a DispatchQueue); `publicKeys` and `key(region:fingerprint:)`
/// only read memory and are safe from async code once `load()` has run.
public final class SigningKeyStore: Sendable {
    public let directory: String
    public let rotationInterval: TimeInterval
    private let clock: any WallClock
    private let durable: Bool

    private struct Entry: Sendable {
        var region: String
        var createdAt: Date
        var key: SigningKey
    }

    /// Keys by region, oldest first.
    private let entries = Mutex<[String: [Entry]]>([:])

    /// - Parameters:
    ///   - directory: usually `<state directory>/keys` (`TrailSettings.state.keys`).
    ///   - durable: fsync key files (false only for `journal.fsync = never`).
    public init(
        directory: String, clock: any WallClock, rotationInterval: TimeInterval = 30 * 86_400, durable: Bool = true
    ) {
        self.directory = directory
        self.clock = clock
        self.rotationInterval = rotationInterval
        self.durable = durable
    }

    /// The keys of a bucket whose state directory is the default one: `<bucketRoot>-state/keys`.
    public static func defaultDirectory(bucketRoot: String) -> String { StateDirectory.besideBucket(bucketRoot).keys }

    /// Reads every key file in `directory` (blocking). Unreadable or mismatching files are skipped
    /// and reported through `log`. Returns how many keys are known.
    @discardableResult
    public func load(log: (String) -> Void = { _ in }) -> Int {
        let names = FileIO.listDirectory(directory) ?? []
        var loaded: [String: [Entry]] = [:]
        for name in names.sorted() where name.hasSuffix(".pem") {
            guard let (region, createdAt, fingerprint) = Self.parseName(String(name.dropLast(4))) else { continue }
            let path = FileIO.join(directory, name)
            do {
                guard let pem = try FileIO.readFile(path), let der = SigningKeyPEM.decode(pem, label: "RSA PRIVATE KEY") else {
                    log("key store: \(name): not a PEM RSA PRIVATE KEY; ignored")
                    continue
                }
                let key = try SigningKey.load(privateKeyDER: der)
                guard key.fingerprint == fingerprint else {
                    log("key store: \(name): fingerprint is \(key.fingerprint); ignored")
                    continue
                }
                let publicPath = FileIO.join(directory, String(name.dropLast(4)) + ".pub")
                if !FileIO.exists(publicPath) {
                    try? writeFile(SigningKeyPEM.encode(key.publicKeyDER, label: "RSA PUBLIC KEY"), to: publicPath, mode: 0o644)
                }
                loaded[region, default: []].append(Entry(region: region, createdAt: createdAt, key: key))
            } catch {
                log("key store: \(name): \(error); ignored")
            }
        }
        for region in loaded.keys { loaded[region]?.sort { $0.createdAt < $1.createdAt } }
        entries.withLock { current in
            for (region, list) in loaded {
                var merged = current[region] ?? []
                for entry in list where !merged.contains(where: { $0.key.fingerprint == entry.key.fingerprint }) {
                    merged.append(entry)
                }
                current[region] = merged.sorted { $0.createdAt < $1.createdAt }
            }
        }
        return loaded.values.reduce(0) { $0 + $1.count }
    }

    /// The key that signs digests of `region` at `time` (default now): the newest one, or a new
    /// one created at `time` (written to disk before it is returned) when there is none or the
    /// newest is older than `rotationInterval`. Digest writers pass the digest's end time so a
    /// key's validity always starts at or before the digests it signs.
    public func signingKey(region: String, at time: Date? = nil) throws(SigningKeyStoreError) -> SigningKey {
        guard TrailRecorder.isSafeKeySegment(region), !region.contains("_") else {
            throw .invalidRegion(region)
        }
        let now = time ?? clock.now()
        if let newest = entries.withLock({ $0[region]?.last }), now.timeIntervalSince(newest.createdAt) < rotationInterval {
            return newest.key
        }
        let key: SigningKey
        do { key = try SigningKey.generate() } catch { throw .crypto(error) }
        let createdAt = Date(timeIntervalSince1970: Double(UTCTime.clampedSeconds(now)))
        let base = "\(region)_\(Self.stamp(createdAt))_\(key.fingerprint)"
        do throws(FileIOError) {
            let der: [UInt8]
            do { der = try key.privateKeyDER() } catch {
                throw FileIOError(operation: "encode", path: base, code: FileIO.invalidArgumentCode)
            }
            try writeFile(
                SigningKeyPEM.encode(key.publicKeyDER, label: "RSA PUBLIC KEY"), to: FileIO.join(directory, base + ".pub"), mode: 0o644)
            try writeFile(SigningKeyPEM.encode(der, label: "RSA PRIVATE KEY"), to: FileIO.join(directory, base + ".pem"), mode: 0o600)
        } catch {
            throw .io(error)
        }
        entries.withLock { $0[region, default: []].append(Entry(region: region, createdAt: createdAt, key: key)) }
        return key
    }

    /// The key of `region` with this fingerprint (for re-signing or verifying), if known.
    public func key(region: String, fingerprint: String) -> SigningKey? {
        entries.withLock { $0[region]?.first { $0.key.fingerprint == fingerprint }?.key }
    }

    /// Every public key of `region` whose validity overlaps `[from, to]`, oldest first: what
    /// `ListPublicKeys` answers ("all public keys whose private keys were used to sign the digest
    /// files within the specified time range"). The CLI asks for `[start, end + 2 h]` and aborts
    /// with "No public keys found" on an empty answer.
    public func publicKeys(region: String, from: Date, to: Date) -> [TrailPublicKey] {
        let now = clock.now()
        let list = entries.withLock { $0[region] ?? [] }
        var result: [TrailPublicKey] = []
        for (index, entry) in list.enumerated() {
            let end: Date =
                index + 1 < list.count
                ? list[index + 1].createdAt : max(entry.createdAt.addingTimeInterval(rotationInterval), now)
            guard entry.createdAt <= to, end >= from else { continue }
            result.append(
                TrailPublicKey(
                    derPKCS1: entry.key.publicKeyDER, fingerprint: entry.key.fingerprint, validityStart: entry.createdAt,
                    validityEnd: end))
        }
        return result
    }

    /// Regions that have at least one key.
    public var regions: [String] { entries.withLock { $0.keys.sorted() } }

    // MARK: - Names and files

    static func stamp(_ date: Date) -> String { DigestTime.stamp(date) }

    /// `<region>_<YYYYMMDDTHHMMSSZ>_<32 hex>` → parts.
    static func parseName(_ base: String) -> (String, Date, String)? {
        let parts = base.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, TrailRecorder.isSafeKeySegment(parts[0]), parts[2].count == 32,
            parts[2].allSatisfy({ $0.isHexDigit && !$0.isUppercase }), let date = DigestTime.parseStamp(parts[1])
        else { return nil }
        return (parts[0], date, parts[2])
    }

    private func writeFile(_ bytes: [UInt8], to path: String, mode: UInt32) throws(FileIOError) {
        try FileIO.writePrivateFile(bytes, to: path, mode: mode, directory: directory, durable: durable)
    }
}
