/// The history's record bytes, in blocks of consecutive records: the open block takes new records
/// as they are; a full block is sealed and then compressed as one gzip member (similar records
/// compress about 10× together, against about 2× alone). A block is forgotten with its last entry.
///
/// Isolation: a value type, mutated only under `EventHistory`'s lock; compression runs outside it on
/// a snapshot (`sealedBytes`), and `install` swaps the result in.
struct HistoryRecordStore {
    /// One block: its bytes (raw or one gzip member), where each record ends in the raw bytes, and
    /// how many index entries still point at it.
    struct Block {
        var bytes: [UInt8]
        var compressed: Bool
        var ends: [UInt32]
        var live: Int

        /// About the bytes held: the storage, the ends and a fixed allowance (our estimate).
        var footprint: Int { bytes.count + 4 * ends.count + 96 }

        /// The record at `slot` of raw block bytes `raw`.
        func record(_ slot: UInt16, in raw: [UInt8]) -> [UInt8]? {
            let index = Int(slot)
            guard index < ends.count else { return nil }
            let start = index == 0 ? 0 : Int(ends[index - 1])
            let end = Int(ends[index])
            guard start <= end, end <= raw.count else { return nil }
            return Array(raw[start..<end])
        }
    }

    /// A block is sealed at this many raw bytes (gzip's window is 32 KiB: larger blocks gain little).
    let blockBytes: Int
    private(set) var blocks: [UInt32: Block] = [:]
    private var openBlock: UInt32 = 0
    /// The sum of the blocks' footprints.
    private(set) var byteCount = 0

    init(blockBytes: Int) {
        self.blockBytes = max(1, blockBytes)
        blocks[0] = Block(bytes: [], compressed: false, ends: [], live: 0)
        byteCount = blocks[0]?.footprint ?? 0
    }

    /// Stores `record` in the open block. Returns where it went and the block it sealed, if any
    /// (the caller compresses it).
    mutating func append(_ record: [UInt8]) -> (block: UInt32, slot: UInt16, sealed: UInt32?) {
        let number = openBlock
        guard var block = blocks.removeValue(forKey: number) else { return (number, 0, nil) }
        byteCount -= block.footprint
        block.bytes.append(contentsOf: record)
        block.ends.append(UInt32(block.bytes.count))
        block.live += 1
        let slot = UInt16(block.ends.count - 1)
        let full = block.bytes.count >= blockBytes || block.ends.count > Int(UInt16.max)
        byteCount += block.footprint
        blocks[number] = block
        guard full else { return (number, slot, nil) }
        openBlock = number &+ 1
        var fresh = Block(bytes: [], compressed: false, ends: [], live: 0)
        fresh.bytes.reserveCapacity(blockBytes + 2048)
        blocks[openBlock] = fresh
        byteCount += fresh.footprint
        return (number, slot, number)
    }

    /// Counts one entry fewer pointing at `number`; a sealed block is forgotten with its last one,
    /// the open block emptied.
    mutating func release(_ number: UInt32) {
        guard var block = blocks.removeValue(forKey: number) else { return }
        byteCount -= block.footprint
        block.live -= 1
        if block.live <= 0 {
            guard number == openBlock else { return }
            block = Block(bytes: [], compressed: false, ends: [], live: 0)
        }
        byteCount += block.footprint
        blocks[number] = block
    }

    /// The raw bytes of a sealed block not yet compressed, to compress outside the lock.
    func sealedBytes(_ number: UInt32) -> [UInt8]? {
        guard number != openBlock, let block = blocks[number], !block.compressed else { return nil }
        return block.bytes
    }

    /// Replaces a sealed block's raw bytes by their gzip member (if the block is still held).
    mutating func install(compressed: [UInt8], for number: UInt32) {
        guard number != openBlock, var block = blocks[number], !block.compressed else { return }
        byteCount -= block.footprint
        block.bytes = Self.exactCopy(compressed)
        block.compressed = true
        byteCount += block.footprint
        blocks[number] = block
    }

    /// `bytes` in a buffer of exactly their size: zlib's output buffer is sized for the worst case,
    /// ten times what a block of records compresses to.
    static func exactCopy(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }
}
