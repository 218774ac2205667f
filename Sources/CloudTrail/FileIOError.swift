#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A failed system call on a path, with `errno`'s text; what the health status shows.
public struct FileIOError: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32
    public var description: String { "\(operation) \(path): \(FileIO.errorText(code)) (errno \(code))" }
}
