/// One action of an update expression as parsed, with its section keyword.
enum RawUpdateAction: Sendable, Equatable {
    case set([RawPathElement], RawOperand)
    case remove([RawPathElement])
    case add([RawPathElement], String)
    case delete([RawPathElement], String)
}
