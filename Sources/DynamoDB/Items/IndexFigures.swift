/// One secondary index's `ItemCount` and `IndexSizeBytes`: the entries it holds and their summed sizes
/// (each entry is the item's projection; AWS's per-entry overhead is not counted).
struct IndexFigures: Sendable, Equatable {
    var itemCount = 0
    var sizeInBytes = 0
}
