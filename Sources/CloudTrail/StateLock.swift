/// The exclusive lock on a journal directory (`lock` inside it, held with `flock`): a second server
/// on the same state would replay the first one's journal and deliver every record twice. The lock
/// is released when this value goes away or the process dies (`kill -9` included).
///
/// Isolation: immutable after `init`; the descriptor is closed once, in `deinit`.
final class StateLock: Sendable {
    let path: String
    private let fd: Int32

    /// Takes the lock on `directory` (creating it) without waiting.
    /// - Throws: `TrailError.locked` when another holder has it, `.journal` when it cannot be opened.
    init(directory: String) throws(TrailError) {
        path = FileIO.join(directory, "lock")
        let taken: Int32?
        do throws(FileIOError) {
            try FileIO.makeDirectories(directory)
            taken = try FileIO.lockExclusively(path)
        } catch {
            throw .journal(error)
        }
        guard let taken else { throw .locked(directory: directory) }
        fd = taken
    }

    deinit { FileIO.closeFile(fd) }
}
