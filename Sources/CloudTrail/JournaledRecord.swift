/// A record as journaled: its sequence number, grouping key and the exact bytes for the log file.
struct JournaledRecord {
    var seq: UInt64
    var eventTime: Int64
    var account: String
    var region: String
    var bytes: [UInt8]

    func encode() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 40)
        Journal.appendUInt64(seq, to: &out)
        Journal.appendUInt64(UInt64(bitPattern: eventTime), to: &out)
        for text in [account, region] {
            let utf8 = Array(text.utf8.prefix(Int(UInt16.max)))
            out.append(UInt8(truncatingIfNeeded: utf8.count))
            out.append(UInt8(truncatingIfNeeded: utf8.count >> 8))
            out.append(contentsOf: utf8)
        }
        out.append(contentsOf: bytes)
        return out
    }

    static func decode(_ payload: [UInt8]) -> JournaledRecord? {
        guard payload.count >= 20 else { return nil }
        let seq = Journal.readUInt64(payload, 0)
        let time = Int64(bitPattern: Journal.readUInt64(payload, 8))
        var offset = 16
        var texts: [String] = []
        for _ in 0..<2 {
            guard payload.count - offset >= 2 else { return nil }
            let length = Int(payload[offset]) | Int(payload[offset + 1]) << 8
            offset += 2
            guard payload.count - offset >= length else { return nil }
            texts.append(String(decoding: payload[offset..<(offset + length)], as: UTF8.self))
            offset += length
        }
        return JournaledRecord(seq: seq, eventTime: time, account: texts[0], region: texts[1], bytes: Array(payload[offset...]))
    }
}
