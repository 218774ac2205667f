import DynamoDBItems

/// A value in an expression: a document path into the item, an expression attribute value, or a
/// function of them. `size` appears in conditions; `ifNotExists`, `listAppend`, `add` and `subtract`
/// in update expressions' SET values.
public indirect enum Operand: Sendable, Equatable {
    case path(DocumentPath)
    case value(AttributeValue)
    case size(Operand)
    case ifNotExists(DocumentPath, Operand)
    case listAppend(Operand, Operand)
    case add(Operand, Operand)
    case subtract(Operand, Operand)
}
