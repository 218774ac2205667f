import AWSProtocol
import Foundation
import Testing

/// The FoundationEssentials stand-ins in AWSProtocol match the full-Foundation calls they replaced.
@Suite struct TextHelperTests {
    @Test func decimalTextMatchesStringFormat() {
        var samples: [Double] = [
            0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.25, 2.5, 0.95, 9.95, 99.95, 123.456, -1.25, -0.04, 1e17, 123_456_789.987_654_3,
            0.999_96, 9.999_999_999,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 { samples.append(Double.random(in: 0..<100_000, using: &generator)) }
        for _ in 0..<2_000 { samples.append(Double(Int.random(in: 0..<100_000, using: &generator)) / 1000 + 0.0005) }
        for value in samples {
            #expect(DecimalText.fixed(value, digits: 1) == String(format: "%.1f", value), "\(value)")
            #expect(DecimalText.fixed(value, digits: 3) == String(format: "%.3f", value), "\(value)")
        }
    }

    @Test func trimmingSpacesMatchesWhitespaces() {
        for text in ["", " ", "\t a b \t", "\u{00A0}x\u{2003}", "\nx\n", " application/json ", "x"] {
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func firstByteRangeMatchesRangeOf() {
        let cases = [
            ("AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host", "Credential="),
            ("arn:aws:dynamodb:us-east-1:123456789012:table/Music/stream/x", ":table/"), ("no match here", ":table/"),
            ("", "x"), ("aaab", "aab"), ("é:table/ü", ":table/"),
        ]
        for (text, needle) in cases {
            let ours: String? = text.firstByteRange(of: needle).map { String(text[$0.upperBound...]) }
            let foundation: String? = text.range(of: needle).map { String(text[$0.upperBound...]) }
            #expect(ours == foundation)
        }
    }

    @Test func utcCalendarRoundTrips() {
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            let (year, month, day) = UTCCalendar.civilFromDays(days)
            #expect(UTCCalendar.daysFromCivil(year: year, month: month, day: day) == days)
        }
        #expect(UTCCalendar.fields(epochSeconds: 0).weekday == 4)
        let t = UTCCalendar.fields(epochSeconds: -1)
        let expected: [Int] = [1969, 12, 31, 23, 59, 59, 3]
        #expect([t.year, t.month, t.day, t.hour, t.minute, t.second, t.weekday] == expected)
    }
}
