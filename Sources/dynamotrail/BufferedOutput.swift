import DynamoTrail

/// Collects stdout in 64 KB chunks (thousands of lines, one write call each would be slow).
/// Isolation: not Sendable; `events` makes and uses it inside its one reading work item.
final class BufferedOutput {
    private var buffer: [UInt8] = []

    func write(_ text: String) { write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 64 * 1024 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        Platform.StandardStream.output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
