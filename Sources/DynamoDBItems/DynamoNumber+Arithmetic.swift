/// Exact addition and subtraction for `SET a = a + :n`, `ADD` and `AttributeUpdates` ADD, with DynamoDB's
/// limits checked on the result.
extension DynamoNumber {
    /// `self + other`, exact; throws AWS's overflow, underflow or precision error when the sum cannot be stored.
    public func adding(_ other: DynamoNumber) throws(ItemError) -> DynamoNumber {
        let sum = DynamoNumber.exactSum(self, other)
        try sum.checkLimits()
        return sum
    }

    /// `self - other`, exact, with the same checks.
    public func subtracting(_ other: DynamoNumber) throws(ItemError) -> DynamoNumber {
        try adding(other.negated)
    }

    static func exactSum(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> DynamoNumber {
        if lhs.isZero { return rhs }
        if rhs.isZero { return lhs }
        let lowScale = min(lhs.exponent - lhs.digits.count, rhs.exponent - rhs.digits.count)
        let left = lhs.digits + [UInt8](repeating: 0, count: lhs.exponent - lhs.digits.count - lowScale)
        let right = rhs.digits + [UInt8](repeating: 0, count: rhs.exponent - rhs.digits.count - lowScale)
        if lhs.isNegative == rhs.isNegative {
            let digits = addMagnitudes(left, right)
            return DynamoNumber(isNegative: lhs.isNegative, digits: digits, exponent: digits.count + lowScale)
        }
        switch compareMagnitude(lhs, rhs) {
        case .equal: return .zero
        case .greater:
            let digits = subtractMagnitudes(left, right)
            return DynamoNumber(isNegative: lhs.isNegative, digits: digits, exponent: digits.count + lowScale)
        case .less:
            let digits = subtractMagnitudes(right, left)
            return DynamoNumber(isNegative: rhs.isNegative, digits: digits, exponent: digits.count + lowScale)
        }
    }

    /// Digit arrays, most significant first.
    private static func addMagnitudes(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        let length = max(left.count, right.count)
        var result = [UInt8](repeating: 0, count: length + 1)
        var carry: UInt8 = 0
        for offset in 0..<length {
            let leftDigit = offset < left.count ? left[left.count - 1 - offset] : 0
            let rightDigit = offset < right.count ? right[right.count - 1 - offset] : 0
            let total = leftDigit + rightDigit + carry
            result[length - offset] = total % 10
            carry = total / 10
        }
        result[0] = carry
        return result
    }

    /// `left - right` for `left ≥ right` in magnitude, padded to `left`'s length.
    private static func subtractMagnitudes(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        let length = max(left.count, right.count)
        let paddedLeft = [UInt8](repeating: 0, count: length - left.count) + left
        let paddedRight = [UInt8](repeating: 0, count: length - right.count) + right
        var result = [UInt8](repeating: 0, count: length)
        var borrow: Int = 0
        for index in stride(from: length - 1, through: 0, by: -1) {
            var difference = Int(paddedLeft[index]) - Int(paddedRight[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 10 }
            result[index] = UInt8(difference)
        }
        return result
    }
}
