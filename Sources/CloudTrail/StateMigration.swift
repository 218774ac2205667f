#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Prepares the state directory on start: moves an old layout's `<bucket>/.dynamotrail/` into it
/// (journal with its undelivered records, signing keys, digest state, metadata sidecars), so that
/// nothing is lost and the digest chain continues, then removes the old folder; and removes the
/// temp files a crash left behind. Our design: the old folder's subfolders have the state
/// directory's names (`journal`, `keys`, `digests`, `metadata`, `tmp`).
///
/// Crash-safe: files move one by one (a rename, or across file systems a fsynced copy renamed into
/// place before the original is removed); a marker file (`migrating`) says a move is under way, so
/// a restart after a crash finishes it: a file found at both places with the same bytes is the
/// same file moved halfway. Without the marker, a state directory that already holds a journal or
/// digest state next to an old folder that holds one too is a conflict: nothing is moved.
///
/// Isolation: stateless; blocking file I/O, run it on a Dispatch queue after the journal lock is taken.
public enum StateMigration {
    /// The marker file in the state directory while a migration is under way.
    static let markerName = "migrating"

    /// Runs the preparation; returns one line per thing done, for the log.
    /// - Parameter journalDirectory: where the recorder's journal lives (`journal.path` or `<state>/journal`).
    public static func run(settings: TrailSettings, journalDirectory: String) throws(StateMigrationError) -> [String] {
        let state = settings.state
        var lines: [String] = []
        do throws(FileIOError) {
            // The bucket exists from the start, as a trail's S3 bucket does (empty until the first delivery).
            try FileIO.makeDirectories(settings.bucket.path)
            try FileIO.makeDirectories(state.root)
            let temps = FileIO.removeFallbackTemps(bucketRoot: settings.bucket.path)
            if temps > 0 { lines.append("removed \(temps) unfinished temp file(s) from the bucket") }
            try FileIO.removeTree(state.temporary)
        } catch {
            throw StateMigrationError(reason: "\(error)")
        }
        let legacy = StateDirectory.legacyFolder(bucketPath: settings.bucket.path)
        guard FileIO.isDirectory(legacy) == true else { return lines }
        return lines + (try migrate(legacy: legacy, state: state, journalDirectory: journalDirectory))
    }

    /// Moves every file of `legacy` to its place in `state`, then removes `legacy`.
    static func migrate(legacy: String, state: StateDirectory, journalDirectory: String) throws(StateMigrationError) -> [String] {
        let legacyJournal = FileIO.join(legacy, "journal")
        // An older server still running on the old layout holds this lock: moving its journal would lose records.
        var legacyLock: StateLock?
        defer { withExtendedLifetime(legacyLock) {} }
        if FileIO.isDirectory(legacyJournal) == true {
            do throws(TrailError) {
                legacyLock = try StateLock(directory: legacyJournal)
            } catch {
                throw StateMigrationError(reason: "\(legacyJournal) is in use by another DynamoTrail server; stop it first")
            }
        }
        let marker = FileIO.join(state.root, markerName)
        if !FileIO.exists(marker) {
            try checkNoConflict(legacy: legacy, state: state, journalDirectory: journalDirectory)
        }
        var lines: [String] = []
        do {
            try FileIO.writeAtomically(Array(legacy.utf8), to: marker, temp: marker + ".tmp", durable: true)
            for name in (FileIO.listDirectory(legacy) ?? []).sorted() {
                let source = FileIO.join(legacy, name)
                if name == "tmp" {
                    try FileIO.removeTree(source)
                    continue
                }
                let target = name == "journal" ? journalDirectory : FileIO.join(state.root, name)
                let count = try moveTree(source, to: target, skipping: name == "journal" ? ["lock", "reserve.bin"] : [])
                if count > 0 { lines.append("moved \(count) file(s) from \(source) to \(target)") }
            }
            if FileIO.isDirectory(state.keys) == true { try FileIO.makePrivate(keysDirectory: state.keys) }
            try FileIO.removeTree(legacy)
            try FileIO.remove(marker)
        } catch let error as FileIOError {
            throw StateMigrationError(reason: "\(error)")
        } catch let error as StateMigrationError {
            throw error
        } catch {
            throw StateMigrationError(reason: "\(error)")
        }
        lines.append("removed the old state folder \(legacy); the bucket directory now holds only S3 objects")
        return lines
    }

    /// Refuses to merge two journals or two digest states that did not come from one interrupted move.
    static func checkNoConflict(legacy: String, state: StateDirectory, journalDirectory: String) throws(StateMigrationError) {
        let pairs = [
            (FileIO.join(legacy, "journal"), journalDirectory, Set(["lock", "reserve.bin"])),
            (FileIO.join(legacy, "digests"), state.digests, Set<String>()),
        ]
        for (old, new, ignored) in pairs {
            let oldFiles = (FileIO.listDirectory(old) ?? []).filter { !ignored.contains($0) }
            let newFiles = (FileIO.listDirectory(new) ?? []).filter { !ignored.contains($0) }
            if !oldFiles.isEmpty, !newFiles.isEmpty {
                throw StateMigrationError(
                    reason: "both \(old) and \(new) hold files; move one of them away by hand (or point trail.stateDirectory elsewhere)")
            }
        }
    }

    /// Moves the files below `source` to the same relative paths below `target`; a file already there
    /// with the same bytes (an interrupted earlier move) replaces nothing and the old copy is dropped.
    /// Returns how many files were moved.
    static func moveTree(_ source: String, to target: String, skipping: Set<String>) throws -> Int {
        if FileIO.isDirectory(source) == false {
            try moveOne(source, to: target)
            return 1
        }
        var moved = 0
        for relative in FileIO.subpaths(source) ?? [] where FileIO.isDirectory(FileIO.join(source, relative)) == false {
            if skipping.contains(relative) { continue }
            try moveOne(FileIO.join(source, relative), to: FileIO.join(target, relative))
            moved += 1
        }
        return moved
    }

    private static func moveOne(_ from: String, to: String) throws {
        if FileIO.exists(to) {
            guard try FileIO.readFile(from) == FileIO.readFile(to) else {
                throw StateMigrationError(reason: "\(to) exists and differs from \(from)")
            }
            try FileIO.remove(from)
            return
        }
        try FileIO.moveFile(from, to: to)
    }
}
