import Foundation
import Testing

@testable import CloudTrail

/// The FoundationEssentials replacements in `FileIO` and the calendar arithmetic behave as the
/// full-Foundation and libc calls they replaced.
@Suite struct FileIOTests {
    @Test func pathHelpersMatchNSString() {
        // Not "a" or "a/": this toolchain's NSString.deletingLastPathComponent traps on them (FileIO gives "").
        let paths = [
            "", "/", "a/b", "a/b/", "/a", "/a/", "//a", "/a/b/c.json.gz", "a//b", "/tmp/x//", "./a", "../a/b",
            "bucket/AWSLogs/123/CloudTrail/us-east-1/2026/01/01/file.json.gz",
        ]
        for path in paths {
            #expect(FileIO.parent(path) == (path as NSString).deletingLastPathComponent, "parent of \(path)")
        }
        for path in paths + ["a", "a/", "a//"] {
            #expect(FileIO.lastComponent(path) == (path as NSString).lastPathComponent, "last component of \(path)")
        }
    }

    @Test func directoryHelpers() throws {
        let root = NSTemporaryDirectory() + "fileio-\(UUID().uuidString)"
        try FileIO.makeDirectories(root + "/a/b")
        try FileIO.writeFile(Array("x".utf8), to: root + "/a/b/f.txt", durable: false)
        try FileIO.writeFile(Array("y".utf8), to: root + "/g.txt", durable: false)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileIO.isDirectory(root + "/a") == true)
        #expect(FileIO.isDirectory(root + "/g.txt") == false)
        #expect(FileIO.isDirectory(root + "/missing") == nil)
        #expect(FileIO.listDirectory(root)?.sorted() == ["a", "g.txt"])
        #expect(FileIO.subpaths(root)?.sorted() == ["a", "a/b", "a/b/f.txt", "g.txt"])
        #expect(FileIO.subpaths(root, skipDescendants: { $0 == "a" })?.sorted() == ["a", "g.txt"])
        let expected = try FileManager.default.attributesOfItem(atPath: root + "/g.txt")[.modificationDate] as? Date
        #expect(FileIO.modificationDate(root + "/g.txt") == expected)
    }

    @Test func utcTimeMatchesGmtime() {
        var generator = SystemRandomNumberGenerator()
        var samples: [Int64] = [0, -1, 86_399, 86_400, 951_782_400, 4_107_542_399, -62_135_596_800, 253_402_300_799]
        for _ in 0..<2_000 { samples.append(Int64.random(in: -62_135_596_800...253_402_300_799, using: &generator)) }
        for seconds in samples {
            var time = time_t(seconds)
            var parts = tm()
            gmtime_r(&time, &parts)
            let utc = UTCTime(Date(timeIntervalSince1970: Double(seconds)))
            #expect(utc.year == Int(parts.tm_year) + 1900 && utc.month == Int(parts.tm_mon) + 1 && utc.day == Int(parts.tm_mday))
            #expect(utc.hour == Int(parts.tm_hour) && utc.minute == Int(parts.tm_min) && utc.second == Int(parts.tm_sec))
            #expect(
                DigestTime.parseStamp(DigestTime.stamp(Date(timeIntervalSince1970: Double(seconds))))?.timeIntervalSince1970
                    == Double(timegm(&parts)))
        }
    }

    @Test func digestTimeCarriesOverLikeTimegm() {
        #expect(DigestTime.parseISO("2026-02-31T00:00:60Z") == DigestTime.parseISO("2026-03-03T00:01:00Z"))
        #expect(DigestTime.parseISO("\t 2026-01-02T03:04:05Z\u{00A0}") == DigestTime.parseISO("2026-01-02T03:04:05Z"))
    }

    @Test func threeDigitsMatchesFormat() {
        for value in [-1000, -999, -10, -1, 0, 1, 9, 10, 99, 100, 999, 1000] {
            #expect(TrailNotification.threeDigits(value) == String(format: "%03d", value))
        }
    }
}
