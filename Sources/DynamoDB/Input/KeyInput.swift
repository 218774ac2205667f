/// A key schema element or attribute definition as sent (members may be missing).
struct KeyInput: Sendable {
    var name: String?
    var type: String?
}
