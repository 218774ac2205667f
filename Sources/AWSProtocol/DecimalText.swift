/// Fixed-point decimal text for doubles, `String(format: "%.Nf", value)` without Foundation: rounds
/// the exact binary value half to even, as glibc's printf does.
public enum DecimalText {
    /// `value` with `digits` (0–9) digits after the point. Magnitudes of 2^64 and more (never met by
    /// the callers, which print durations) fall back to Swift's shortest form.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? (value.sign == .minus ? "-nan" : "nan") : (value < 0 ? "-inf" : "inf") }
        let digits = min(max(digits, 0), 9)
        let sign = value.sign == .minus ? "-" : ""
        let magnitude = value.magnitude
        guard magnitude < 18_446_744_073_709_551_616 else { return sign + "\(magnitude)" }
        var whole = UInt64(magnitude.rounded(.down))
        let fraction = magnitude - magnitude.rounded(.down)  // exact
        var unitsPerWhole: UInt64 = 1
        for _ in 0..<digits { unitsPerWhole *= 10 }
        let scale = Double(unitsPerWhole)
        let product = fraction * scale
        // product + residual is exactly fraction × scale (the residual of a product is representable).
        let residual = (-product).addingProduct(fraction, scale)
        var rounded = product.rounded(.toNearestOrEven)
        if product - product.rounded(.down) == 0.5 {
            if residual > 0 {
                rounded = product.rounded(.up)
            } else if residual < 0 {
                rounded = product.rounded(.down)
            }
        }
        var units = UInt64(rounded)
        if units >= unitsPerWhole {
            units -= unitsPerWhole
            whole += 1
        }
        var text = sign + String(whole)
        if digits > 0 {
            let fractionText = String(units)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }
}
