/// A DynamoDB number: up to 38 significant digits, magnitude 1E-130 to 9.99…E+125, kept exactly as a
/// sign, significant digits and exponent (value = 0.d₁d₂…dₙ × 10^exponent), so `5`, `5.0` and `0.5E1`
/// are one value. "Data types" (Number), Amazon DynamoDB Developer Guide:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
public struct DynamoNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// True for values below zero (never for zero).
    public let isNegative: Bool
    /// Significant digits 0–9, no leading or trailing zeros; empty for zero.
    public let digits: [UInt8]
    /// The power of ten of the digits read as `0.d₁d₂…`; 0 for zero.
    public let exponent: Int

    /// The most significant digits DynamoDB stores.
    public static let maximumDigits = 38
    public static let zero = DynamoNumber(isNegative: false, digits: [], exponent: 0)

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        let leading = digits.prefix(while: { $0 == 0 }).count
        digits.removeFirst(leading)
        exponent -= leading
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty {
            self.isNegative = false
            self.digits = []
            self.exponent = 0
        } else {
            self.isNegative = isNegative
            self.digits = digits
            self.exponent = exponent
        }
    }

    /// Parses DynamoDB's number text (Java BigDecimal syntax: sign, digits, point, exponent) and applies
    /// AWS's limits with AWS's messages.
    public init(parsing text: String) throws(ItemError) {
        guard !text.isEmpty else { throw .validation("The parameter cannot be converted to a numeric value") }
        guard let parsed = DynamoNumber.parse(Array(text.utf8)) else {
            throw .validation("The parameter cannot be converted to a numeric value: \(text)")
        }
        try parsed.checkLimits()
        self = parsed
    }

    /// Throws AWS's overflow, underflow and precision errors for values DynamoDB cannot store.
    public func checkLimits() throws(ItemError) {
        guard !digits.isEmpty else { return }
        if exponent > 126 {
            throw .validation("Number overflow. Attempting to store a number with magnitude larger than supported range")
        }
        if exponent < -129 {
            throw .validation("Number underflow. Attempting to store a number with magnitude smaller than supported range")
        }
        if digits.count > DynamoNumber.maximumDigits {
            throw .validation("Attempting to store more than 38 significant digits in a Number")
        }
    }

    private static func parse(_ bytes: [UInt8]) -> DynamoNumber? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var pointPosition: Int?
        var sawDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte - 0x30)
                sawDigit = true
            } else if byte == UInt8(ascii: "."), pointPosition == nil {
                pointPosition = digits.count
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        var exponentPart = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            guard let value = parseExponent(bytes[index...]) else { return nil }
            exponentPart = value
            index = bytes.count
        }
        guard index == bytes.count else { return nil }
        return DynamoNumber(isNegative: negative, digits: digits, exponent: (pointPosition ?? digits.count) + exponentPart)
    }

    /// An exponent's digits, clamped far beyond any limit so huge exponents cannot overflow.
    private static func parseExponent(_ bytes: ArraySlice<UInt8>) -> Int? {
        var rest = bytes
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var value = 0
        for byte in rest { value = min(value * 10 + Int(byte - 0x30), 1_000_000_000) }
        return negative ? -value : value
    }

    /// The number as DynamoDB returns it: plain notation, no exponent, no insignificant zeros.
    /// Observed in DynamoDB's answers (`1E+2` comes back `100`, `0.50` as `0.5`).
    public var text: String {
        guard !digits.isEmpty else { return "0" }
        var text = isNegative ? "-" : ""
        let characters = digits.map { Character(Unicode.Scalar($0 + 0x30)) }
        if exponent <= 0 {
            text += "0." + String(repeating: "0", count: -exponent) + String(characters)
        } else if exponent >= digits.count {
            text += String(characters) + String(repeating: "0", count: exponent - digits.count)
        } else {
            text += String(characters[..<exponent]) + "." + String(characters[exponent...])
        }
        return text
    }

    public var description: String { text }
    public var isZero: Bool { digits.isEmpty }
    public var negated: DynamoNumber { DynamoNumber(isNegative: !isNegative, digits: digits, exponent: exponent) }

    public static func < (lhs: DynamoNumber, rhs: DynamoNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = compareMagnitude(lhs, rhs)
        return lhs.isNegative ? magnitudeLess == .greater : magnitudeLess == .less
    }

    enum Ordering { case less, equal, greater }

    static func compareMagnitude(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> Ordering {
        if lhs.isZero || rhs.isZero {
            if lhs.isZero && rhs.isZero { return .equal }
            return lhs.isZero ? .less : .greater
        }
        if lhs.exponent != rhs.exponent { return lhs.exponent < rhs.exponent ? .less : .greater }
        for (left, right) in zip(lhs.digits, rhs.digits) where left != right { return left < right ? .less : .greater }
        if lhs.digits.count == rhs.digits.count { return .equal }
        return lhs.digits.count < rhs.digits.count ? .less : .greater
    }
}
