/// Disk space kept aside for the journal: a file of `bytes` allocated blocks (`reserve.bin` in the
/// journal directory). When an append meets a full disk the file is deleted, which gives calls
/// already performed room for their records and delivery room for its decisions and log files;
/// meanwhile the recorder refuses new calls until the reserve can be allocated again (our proposal:
/// a full disk is met by the reserve, before any acknowledged record is lost).
///
/// Isolation: not thread-safe; owned by `TrailRecorder` and used only on its serial queue.
final class JournalReserve {
    let path: String
    /// 0 turns the reserve off: it always counts as held.
    let bytes: Int
    private(set) var isHeld = false

    init(directory: String, bytes: Int) {
        self.path = FileIO.join(directory, "reserve.bin")
        self.bytes = max(0, bytes)
    }

    /// Allocates the reserve (again); true when it is held afterwards.
    @discardableResult
    func acquire() throws(FileIOError) -> Bool {
        if isHeld { return true }
        if bytes > 0 { try FileIO.allocate(path, bytes: bytes) }
        isHeld = true
        return true
    }

    /// Deletes the reserve file, freeing its space now; false when there was none to spend.
    func spend() -> Bool {
        guard isHeld, bytes > 0 else { return false }
        isHeld = false
        try? FileIO.remove(path)
        return true
    }
}
