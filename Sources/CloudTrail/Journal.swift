import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The append-only journal that makes "nothing lost, nothing doubled" hold across crashes.
///
/// ## Files
/// A directory of segments `segment-<12-digit number>.jnl`, appended in number order; only the
/// highest-numbered segment is written to.
///
/// ## Entry format (all integers little-endian)
/// ```
/// u32 length   bytes in kind + payload
/// u32 crc32    zlib CRC-32 of kind + payload
/// u8  kind     1 = record, 2 = delivery plan, 3 = delivery done
/// ...payload
/// ```
/// - record: `u64 seq, i64 eventTime (epoch s), u16+utf8 account, u16+utf8 region, record JSON bytes`
///   (the exact bytes that go into the log file).
/// - plan: compact JSON `{"plan":id,"key":"…","account":"…","region":"…","deliveredAt":epoch,"seqs":[…]}`:
///   the delivery decision, written (and synced) *before* the log file is written, so a replay
///   rebuilds the identical body under the identical key.
/// - done: compact JSON `{"plan":id}`: the file, its sidecar and its notification line exist.
///
/// A torn or corrupt entry (short length, CRC mismatch) ends the readable part of a segment; the
/// tail of the last segment is truncated there on open so new entries stay reachable.
///
/// ## Compaction
/// A segment is finished once every record in it and every plan in it is done. Finished segments
/// are deleted strictly oldest-first (never past an unfinished one), so a surviving record can
/// never lose the plan or done entry that proves its delivery. The active segment is rotated when
/// it exceeds `segmentBytes`, or when everything in it is done and it exceeds `idleRotateBytes`.
///
/// Isolation: not thread-safe; owned by `TrailRecorder` and used only on its serial queue.
final class Journal {
    enum Kind: UInt8 {
        case record = 1
        case plan = 2
        case done = 3
    }

    /// One decoded entry, in journal order.
    enum Entry {
        case record(JournaledRecord)
        case plan(DeliveryPlanEntry)
        case done(planId: UInt64)
    }

    /// An open segment file; reference-typed so its descriptor is closed exactly once, in `deinit`,
    /// when the journal lets go of it. Appends run on the recorder's queue; fsyncs there too, except
    /// the background fsync of `journal.fsync: interval`, which holds the segment (so its descriptor
    /// stays open) and touches only the immutable `fd` and `path`.
    // @unchecked: `size` is confined to the recorder queue; `fd` and `path` are immutable.
    final class SegmentFile: @unchecked Sendable {
        let number: Int
        let path: String
        let fd: Int32
        /// Bytes known to be in the file; guarded by the recorder queue.
        var size: Int

        init(number: Int, path: String, fd: Int32, size: Int) {
            self.number = number
            self.path = path
            self.fd = fd
            self.size = size
        }

        func sync() throws(FileIOError) { try FileIO.fsyncFile(fd, path: path) }

        deinit { FileIO.closeFile(fd) }
    }

    let directory: String
    let segmentBytes: Int
    let idleRotateBytes: Int
    private(set) var active: SegmentFile?
    /// A background fsync is scheduled (`journal.fsync: interval`); guarded by the recorder queue.
    var intervalSyncScheduled = false
    /// Open (not yet done) items per segment number: records not delivered plus plans not done.
    private(set) var openItems: [Int: Int] = [:]
    /// Set when a failed append could not be rolled back: the next append starts a new segment.
    private var needsRotation = false

    init(directory: String, segmentBytes: Int, idleRotateBytes: Int = 64 * 1024) {
        self.directory = directory
        self.segmentBytes = segmentBytes
        self.idleRotateBytes = idleRotateBytes
    }

    static func segmentName(_ number: Int) -> String {
        let digits = String(number)
        return "segment-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".jnl"
    }

    /// Segment numbers present on disk, ascending.
    func segmentNumbers() throws(FileIOError) -> [Int] {
        try FileIO.makeDirectories(directory)
        guard let names = FileIO.listDirectory(directory) else {
            throw FileIOError(operation: "list", path: directory, code: FileIO.ioErrorCode)
        }
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("segment-"), name.hasSuffix(".jnl") else { return nil }
            return Int(name.dropFirst(8).dropLast(4))
        }.sorted()
    }

    /// Reads every segment and returns its entries tagged with their segment number, truncating a
    /// torn tail of the last segment, then opens the last segment (or a new one) for appending.
    func open(log: (String) -> Void) throws(FileIOError) -> [(segment: Int, entry: Entry)] {
        let numbers = try segmentNumbers()
        var entries: [(Int, Entry)] = []
        for (index, number) in numbers.enumerated() {
            let path = FileIO.join(directory, Self.segmentName(number))
            let bytes = try FileIO.readFile(path) ?? []
            let (decoded, validLength) = Self.decode(bytes)
            for entry in decoded { entries.append((number, entry)) }
            if validLength < bytes.count {
                log(
                    "journal: \(Self.segmentName(number)): ignoring \(bytes.count - validLength) torn or corrupt bytes at offset \(validLength)"
                )
                if index == numbers.count - 1 { try FileIO.truncate(path, to: validLength) }
            }
        }
        if let last = numbers.last {
            active = try openSegment(last)
        } else {
            active = try openSegment(1)
        }
        return entries
    }

    private func openSegment(_ number: Int) throws(FileIOError) -> SegmentFile {
        let path = FileIO.join(directory, Self.segmentName(number))
        let (fd, size) = try FileIO.openForAppend(path)
        return SegmentFile(number: number, path: path, fd: fd, size: size)
    }

    /// Appends one entry to the active segment (no fsync). Returns the segment number it went to.
    /// On failure the segment is cut back to its previous length so no torn entry stays behind.
    @discardableResult
    func append(_ kind: Kind, _ payload: [UInt8]) throws(FileIOError) -> Int {
        if needsRotation { try rotate() }
        guard let segment = active else { throw FileIOError(operation: "append", path: directory, code: FileIO.badDescriptorCode) }
        let bytes = Self.encode(kind, payload)
        do {
            try FileIO.writeAll(segment.fd, bytes, path: segment.path)
        } catch {
            if !FileIO.truncate(fd: segment.fd, to: segment.size) { needsRotation = true }
            throw error
        }
        segment.size += bytes.count
        return segment.number
    }

    /// Starts a new active segment; the old one is fsynced first so it is complete on disk.
    func rotate() throws(FileIOError) {
        let next = (active?.number ?? 0) + 1
        if let old = active { try old.sync() }
        active = try openSegment(next)
        try? FileIO.fsyncDirectory(directory)
        needsRotation = false
    }

    func addOpen(segment: Int, count: Int = 1) { openItems[segment, default: 0] += count }

    func closeOpen(segment: Int) { openItems[segment, default: 0] -= 1 }

    /// Rotates an idle or oversized active segment and deletes finished segments oldest-first.
    /// Returns the names of deleted segments.
    @discardableResult
    func compact() -> [String] {
        if let segment = active {
            let idle = (openItems[segment.number] ?? 0) == 0
            if segment.size >= segmentBytes || (idle && segment.size >= idleRotateBytes) { try? rotate() }
        }
        var deleted: [String] = []
        guard let numbers = try? segmentNumbers() else { return deleted }
        for number in numbers {
            if number == active?.number || (openItems[number] ?? 0) > 0 { break }
            let name = Self.segmentName(number)
            if (try? FileIO.remove(FileIO.join(directory, name))) != nil {
                openItems[number] = nil
                deleted.append(name)
            } else {
                break
            }
        }
        return deleted
    }

    // MARK: - Encoding

    static func encode(_ kind: Kind, _ payload: [UInt8]) -> [UInt8] {
        var body = [kind.rawValue]
        body.append(contentsOf: payload)
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 8)
        appendUInt32(UInt32(body.count), to: &out)
        appendUInt32(CRC32.checksum(body), to: &out)
        out.append(contentsOf: body)
        return out
    }

    /// Decodes entries until the end or the first torn/corrupt one; returns them and the length of
    /// the valid prefix.
    static func decode(_ bytes: [UInt8]) -> ([Entry], Int) {
        var entries: [Entry] = []
        var offset = 0
        while bytes.count - offset >= 8 {
            let length = Int(readUInt32(bytes, offset))
            let crc = readUInt32(bytes, offset + 4)
            guard length >= 1, bytes.count - offset - 8 >= length else { break }
            let body = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            guard CRC32.checksum(body) == crc, let kind = Kind(rawValue: body[0]),
                let entry = decodeEntry(kind, Array(body.dropFirst()))
            else { break }
            entries.append(entry)
            offset += 8 + length
        }
        return (entries, offset)
    }

    private static func decodeEntry(_ kind: Kind, _ payload: [UInt8]) -> Entry? {
        switch kind {
        case .record: return JournaledRecord.decode(payload).map(Entry.record)
        case .plan: return DeliveryPlanEntry.decode(payload).map(Entry.plan)
        case .done:
            guard let value = try? JSONParser.parse(payload),
                let id = value["plan"]?.numberValue?.int64Value.flatMap({ UInt64(exactly: $0) })
            else { return nil }
            return .done(planId: id)
        }
    }

    static func donePayload(planId: UInt64) -> [UInt8] {
        JSONWriter.bytes(.object(JSONObject(["plan": .number(JSONNumber(text: String(planId)))])))
    }

    static func appendUInt32(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    static func appendUInt64(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<4 { value |= UInt32(bytes[offset + i]) << UInt32(8 * i) }
        return value
    }

    static func readUInt64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
        return value
    }
}
