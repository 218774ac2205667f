@testable import HTTPServer

/// How a test feeds bytes to the parser: whole, one byte at a time, or in random chunks.
enum Feeding: CaseIterable, Sendable { case whole, byteByByte, randomChunks }

/// Feeds `bytes` as `feeding` says and collects every event, stopping at the first error.
func parse(_ text: String, _ feeding: Feeding, limits: HTTPRequestParser.Limits = .init()) -> (
    requests: [HTTPRequest], continues: Int, error: HTTPParseError?
) {
    parse(Array(text.utf8), feeding, limits: limits)
}

func parse(_ bytes: [UInt8], _ feeding: Feeding, limits: HTTPRequestParser.Limits = .init()) -> (
    requests: [HTTPRequest], continues: Int, error: HTTPParseError?
) {
    var parser = HTTPRequestParser(limits: limits)
    var requests: [HTTPRequest] = []
    var continues = 0
    var generator = SplitMix(seed: UInt64(bytes.count))
    var offset = 0
    while offset < bytes.count {
        let size: Int =
            switch feeding {
            case .whole: bytes.count
            case .byteByByte: 1
            case .randomChunks: Int(generator.next() % 17) + 1
            }
        let end = min(bytes.count, offset + size)
        parser.append(bytes[offset..<end])
        offset = end
        do {
            while let event = try parser.next() {
                switch event {
                case .request(let request): requests.append(request)
                case .expectContinue: continues += 1
                }
            }
        } catch {
            return (requests, continues, error)
        }
    }
    return (requests, continues, nil)
}
