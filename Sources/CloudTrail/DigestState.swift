import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The durable state of every digest chain, so the chain survives restarts and `kill -9`
/// without gaps or duplicates.
///
/// ## Files (`<state directory>/digests/`)
/// - `state.json`: a snapshot, replaced atomically (temp, fsync, rename, fsync directory):
///   `{"version":1,"generation":N,"chains":[chain…],"pending":[plan…]}` where a chain is
///   `{"account","region","windowStart":epoch,"last":{"bucket","key","endTime","sha256","signature"}|null,
///   "lastLogKeys":[…],"open":[logFile…]}` and a logFile is
///   `{"bucket","key","sha256","oldest":epoch,"newest":epoch}`.
/// - `wal-<N>.log`: what happened after snapshot N, as framed entries
///   (`u32 length, u32 crc32, JSON`, little-endian; a torn or corrupt tail ends the log):
///   `{"t":"log","account","region","at":epoch,…logFile}` — a delivered log file, written and
///   synced by the delivery hook *before* the recorder journals the delivery done;
///   `{"t":"digest",…plan}` — a digest decision (its full uncompressed body, base64, and
///   signature), synced *before* the digest object is written, so a replay rewrites it
///   byte-identically under the same key.
///
/// Replay = snapshot + its WAL; plans are re-executed (idempotent); then a new snapshot with
/// generation N+1 is written and older WALs are deleted.
///
/// Isolation: a value type plus static file helpers; owned by `DigestWriter` on its queue.
struct DigestState: Equatable {
    struct Last: Equatable {
        var bucket: String
        var key: String
        var endTime: Int64
        var sha256Hex: String
        var signatureHex: String
    }

    struct Chain: Equatable {
        var account: String
        var region: String
        /// Start of the open window: the previous digest's end, or when the chain began.
        var windowStart: Int64
        var last: Last?
        /// Keys listed by `last`: a replayed delivery hook for one of them is a duplicate.
        var lastLogKeys: [String] = []
        /// Log files delivered in the open window, in delivery order.
        var open: [DigestLogFile] = []
    }

    /// A digest decided and journaled but not yet known to be written.
    struct Plan: Equatable {
        var account: String
        var region: String
        var bucket: String
        var key: String
        var startTime: Int64
        var endTime: Int64
        var body: [UInt8]
        var sha256Hex: String
        var signatureHex: String
        var logKeys: [String]
    }

    struct ChainID: Hashable, Comparable {
        var account: String
        var region: String
        static func < (a: ChainID, b: ChainID) -> Bool { (a.account, a.region) < (b.account, b.region) }
    }

    var generation: Int = 1
    var chains: [ChainID: Chain] = [:]
    var pending: [Plan] = []

    // MARK: - Transitions (shared by live operation and replay)

    /// Applies one delivered log file; returns false when it is a duplicate (already open or in the last digest).
    /// With `regions`, it also starts the chains of the trail's other regions: every account with a chain gets
    /// one in every covered region, beginning now (`startIdleChains`).
    @discardableResult
    mutating func applyLogFile(
        account: String, region: String, at: Int64, file: DigestLogFile, regions: DigestRegions? = nil
    ) -> Bool {
        let id = ChainID(account: account, region: region)
        var chain = chains[id] ?? Chain(account: account, region: region, windowStart: at)
        guard !chain.open.contains(where: { $0.key == file.key }), !chain.lastLogKeys.contains(file.key) else { return false }
        chain.open.append(file)
        chains[id] = chain
        if let regions { startIdleChains(regions, at: at) }
        return true
    }

    /// Starts an empty chain, at `at`, for every (account with a chain, covered region) that has none, so each
    /// account's multi-region trail has a digest chain in each of its regions.
    mutating func startIdleChains(_ regions: DigestRegions, at: Int64) {
        let accounts = Set(chains.keys.map(\.account))
        let covered = regions.covered(delivered: chains.keys.map(\.region))
        for account in accounts.sorted() {
            for region in covered where chains[ChainID(account: account, region: region)] == nil {
                chains[ChainID(account: account, region: region)] = Chain(account: account, region: region, windowStart: at)
            }
        }
    }

    /// Applies a digest decision: the chain's head moves to it and its log files leave the window.
    mutating func applyPlan(_ plan: Plan) {
        let id = ChainID(account: plan.account, region: plan.region)
        var chain = chains[id] ?? Chain(account: plan.account, region: plan.region, windowStart: plan.startTime)
        chain.last = Last(
            bucket: plan.bucket, key: plan.key, endTime: plan.endTime, sha256Hex: plan.sha256Hex,
            signatureHex: plan.signatureHex)
        chain.lastLogKeys = plan.logKeys
        chain.open.removeAll { plan.logKeys.contains($0.key) }
        chain.windowStart = plan.endTime
        chains[id] = chain
        pending.removeAll { $0.key == plan.key }
        pending.append(plan)
    }

    // MARK: - Encoding

    static func encode(_ file: DigestLogFile, into object: inout JSONObject) {
        object.append("bucket", .string(file.bucket))
        object.append("key", .string(file.key))
        object.append("sha256", .string(file.sha256Hex))
        object.append("oldest", .int64(UTCTime.clampedSeconds(file.oldestEventTime)))
        object.append("newest", .int64(UTCTime.clampedSeconds(file.newestEventTime)))
    }

    static func decodeLogFile(_ value: JSONValue) -> DigestLogFile? {
        guard let bucket = value["bucket"]?.stringValue, let key = value["key"]?.stringValue,
            let sha = value["sha256"]?.stringValue, let oldest = value["oldest"]?.numberValue?.int64Value,
            let newest = value["newest"]?.numberValue?.int64Value
        else { return nil }
        return DigestLogFile(
            bucket: bucket, key: key, sha256Hex: sha, oldestEventTime: Date(timeIntervalSince1970: Double(oldest)),
            newestEventTime: Date(timeIntervalSince1970: Double(newest)))
    }

    static func encode(_ plan: Plan) -> JSONObject {
        var object = JSONObject()
        object.append("account", .string(plan.account))
        object.append("region", .string(plan.region))
        object.append("bucket", .string(plan.bucket))
        object.append("key", .string(plan.key))
        object.append("startTime", .int64(plan.startTime))
        object.append("endTime", .int64(plan.endTime))
        object.append("body", .string(Data(plan.body).base64EncodedString()))
        object.append("sha256", .string(plan.sha256Hex))
        object.append("signature", .string(plan.signatureHex))
        object.append("logKeys", .array(plan.logKeys.map { .string($0) }))
        return object
    }

    static func decodePlan(_ value: JSONValue) -> Plan? {
        guard let account = value["account"]?.stringValue, let region = value["region"]?.stringValue,
            let bucket = value["bucket"]?.stringValue, let key = value["key"]?.stringValue,
            let start = value["startTime"]?.numberValue?.int64Value, let end = value["endTime"]?.numberValue?.int64Value,
            let body = value["body"]?.stringValue.flatMap({ Data(base64Encoded: $0) }),
            let sha = value["sha256"]?.stringValue, let signature = value["signature"]?.stringValue,
            let keys = value["logKeys"]?.arrayValue
        else { return nil }
        let logKeys = keys.compactMap(\.stringValue)
        guard logKeys.count == keys.count else { return nil }
        return Plan(
            account: account, region: region, bucket: bucket, key: key, startTime: start, endTime: end, body: Array(body),
            sha256Hex: sha, signatureHex: signature, logKeys: logKeys)
    }

    /// The snapshot bytes (`state.json`).
    func snapshot() -> [UInt8] {
        var chainValues: [JSONValue] = []
        for id in chains.keys.sorted() {
            guard let chain = chains[id] else { continue }
            var object = JSONObject()
            object.append("account", .string(chain.account))
            object.append("region", .string(chain.region))
            object.append("windowStart", .int64(chain.windowStart))
            if let last = chain.last {
                object.append(
                    "last",
                    .object(
                        JSONObject([
                            "bucket": .string(last.bucket), "key": .string(last.key), "endTime": .int64(last.endTime),
                            "sha256": .string(last.sha256Hex), "signature": .string(last.signatureHex),
                        ])))
            } else {
                object.append("last", .null)
            }
            object.append("lastLogKeys", .array(chain.lastLogKeys.map { .string($0) }))
            object.append(
                "open",
                .array(
                    chain.open.map { file in
                        var entry = JSONObject()
                        Self.encode(file, into: &entry)
                        return .object(entry)
                    }))
            chainValues.append(.object(object))
        }
        var root = JSONObject()
        root.append("version", .int(1))
        root.append("generation", .int(generation))
        root.append("chains", .array(chainValues))
        root.append("pending", .array(pending.map { .object(Self.encode($0)) }))
        return JSONWriter.bytes(.object(root))
    }

    /// Reads a snapshot; nil when it is not one.
    static func decodeSnapshot(_ bytes: [UInt8]) -> DigestState? {
        guard let value = try? JSONParser.parse(bytes), value["version"]?.numberValue?.int64Value == 1,
            let generation = value["generation"]?.numberValue?.int64Value, let chains = value["chains"]?.arrayValue,
            let pending = value["pending"]?.arrayValue
        else { return nil }
        var state = DigestState()
        state.generation = Int(generation)
        for item in chains {
            guard let account = item["account"]?.stringValue, let region = item["region"]?.stringValue,
                let windowStart = item["windowStart"]?.numberValue?.int64Value
            else { return nil }
            var chain = Chain(account: account, region: region, windowStart: windowStart)
            if let last = item["last"], !last.isNull {
                guard let bucket = last["bucket"]?.stringValue, let key = last["key"]?.stringValue,
                    let end = last["endTime"]?.numberValue?.int64Value, let sha = last["sha256"]?.stringValue,
                    let signature = last["signature"]?.stringValue
                else { return nil }
                chain.last = Last(bucket: bucket, key: key, endTime: end, sha256Hex: sha, signatureHex: signature)
            }
            chain.lastLogKeys = (item["lastLogKeys"]?.arrayValue ?? []).compactMap(\.stringValue)
            for file in item["open"]?.arrayValue ?? [] {
                guard let decoded = decodeLogFile(file) else { return nil }
                chain.open.append(decoded)
            }
            state.chains[ChainID(account: account, region: region)] = chain
        }
        for item in pending {
            guard let plan = decodePlan(item) else { return nil }
            state.pending.append(plan)
        }
        return state
    }

    // MARK: - WAL entries

    static func logEntry(account: String, region: String, at: Int64, file: DigestLogFile) -> [UInt8] {
        var object = JSONObject()
        object.append("t", .string("log"))
        object.append("account", .string(account))
        object.append("region", .string(region))
        object.append("at", .int64(at))
        encode(file, into: &object)
        return frame(JSONWriter.bytes(.object(object)))
    }

    static func planEntry(_ plan: Plan) -> [UInt8] {
        var object = JSONObject()
        object.append("t", .string("digest"))
        for member in encode(plan).members { object.append(member.key, member.value) }
        return frame(JSONWriter.bytes(.object(object)))
    }

    static func frame(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        Journal.appendUInt32(UInt32(payload.count), to: &out)
        Journal.appendUInt32(CRC32.checksum(payload), to: &out)
        out.append(contentsOf: payload)
        return out
    }

    /// Applies every intact WAL entry (with the trail's `regions`, as live delivery applied them); returns the
    /// length of the intact prefix.
    mutating func replay(wal bytes: [UInt8], regions: DigestRegions? = nil) -> Int {
        var offset = 0
        while bytes.count - offset >= 8 {
            let length = Int(Journal.readUInt32(bytes, offset))
            let crc = Journal.readUInt32(bytes, offset + 4)
            guard length > 0, bytes.count - offset - 8 >= length else { break }
            let payload = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            guard CRC32.checksum(payload) == crc, let value = try? JSONParser.parse(payload) else { break }
            switch value["t"]?.stringValue {
            case "log":
                guard let account = value["account"]?.stringValue, let region = value["region"]?.stringValue,
                    let at = value["at"]?.numberValue?.int64Value, let file = Self.decodeLogFile(value)
                else { return offset }
                applyLogFile(account: account, region: region, at: at, file: file, regions: regions)
            case "digest":
                guard let plan = Self.decodePlan(value) else { return offset }
                applyPlan(plan)
            default:
                return offset
            }
            offset += 8 + length
        }
        return offset
    }
}
