import AWSProtocol

/// Random JSON values and structure-aware mutations of real requests, for round-trip and decoding
/// fuzz tests. Stateless: randomness comes from the caller's `FuzzMutator`.
public enum FuzzJSON {
    static let scalars: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1F}", "\u{7F}", "\u{A0}", "é", "\u{301}", "\u{FEFF}", "\u{202E}",
        "\u{FFFF}", "\u{10FFFF}", "𝄞", "中", "\n", "\t",
    ]

    /// A random string of up to `maximum` scalars, odd ones included.
    public static func string(_ random: inout FuzzMutator, maximum: Int = 12) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<random.below(maximum + 1) {
            text.append(random.chance(3) ? scalars[random.below(scalars.count)] : Unicode.Scalar(UInt8(97 + random.below(26))))
        }
        return String(text)
    }

    /// A random JSON number lexeme: integers, fractions, exponents, huge and negative ones.
    public static func number(_ random: inout FuzzMutator) -> JSONNumber {
        var text = random.chance(3) ? "-" : ""
        let digits = random.chance(10) ? 40 + random.below(400) : 1 + random.below(6)
        text += random.chance(5) ? "0" : String(1 + random.below(9)) + (1..<digits).map { _ in String(random.below(10)) }.joined()
        if random.chance(3) { text += "." + (0...random.below(8)).map { _ in String(random.below(10)) }.joined() }
        if random.chance(4) { text += ["e", "E"][random.below(2)] + ["", "+", "-"][random.below(3)] + String(random.below(400)) }
        return JSONNumber(text: text)
    }

    /// A random value at most `depth` levels deep; member names within an object are distinct.
    public static func value(_ random: inout FuzzMutator, depth: Int) -> JSONValue {
        switch depth <= 0 ? random.below(4) : random.below(7) {
        case 0: return .null
        case 1: return .bool(random.chance(2))
        case 2: return .number(number(&random))
        case 3: return .string(string(&random))
        case 4: return .array((0..<random.below(5)).map { _ in value(&random, depth: depth - 1) })
        default:
            var object = JSONObject()
            for _ in 0..<random.below(6) {
                let key = string(&random, maximum: 6)
                if object[key] == nil { object.append(key, value(&random, depth: depth - 1)) }
            }
            return .object(object)
        }
    }

    /// `value` with one node replaced by a random value, removed, wrapped, retyped or nested deep.
    public static func mutate(_ value: JSONValue, _ random: inout FuzzMutator) -> JSONValue {
        switch value {
        case .object(var object) where !object.isEmpty && !random.chance(4):
            let index = random.below(object.members.count)
            let member = object.members[index]
            if random.chance(6) {
                object[member.key] = nil
            } else {
                object[member.key] = mutate(member.value, &random)
            }
            if random.chance(8) { object.append(string(&random, maximum: 8), FuzzJSON.value(&random, depth: 2)) }
            return .object(object)
        case .array(var elements) where !elements.isEmpty && !random.chance(4):
            let index = random.below(elements.count)
            if random.chance(6) {
                elements.remove(at: index)
            } else if random.chance(6) {
                elements.append(contentsOf: Array(repeating: elements[index], count: random.below(40)))
            } else {
                elements[index] = mutate(elements[index], &random)
            }
            return .array(elements)
        default:
            switch random.below(5) {
            case 0: return .array([value])
            case 1: return nested(random.below(600))
            case 2: return .number(number(&random))
            case 3: return .string(string(&random, maximum: random.chance(10) ? 2000 : 20))
            default: return FuzzJSON.value(&random, depth: 3)
            }
        }
    }

    /// `{"a":…{"a":1}…}` nested `depth` levels.
    public static func nested(_ depth: Int) -> JSONValue {
        var value: JSONValue = 1
        for _ in 0..<depth { value = .object(JSONObject(["a": value])) }
        return value
    }
}
