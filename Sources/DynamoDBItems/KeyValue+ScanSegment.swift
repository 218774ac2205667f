extension KeyValue {
    /// Whether a Scan's `segment` of `totalSegments` covers the partition with this key: the same equal ranges
    /// of the partition hash that `ItemStore.scan(segment:of:)` walks (our proposal: AWS's hash is not public).
    public func isInScanSegment(_ segment: Int, of totalSegments: Int) -> Bool {
        let total = UInt64(max(totalSegments, 1))
        let current = UInt64(max(segment, 0))
        let hash = partitionHash
        if hash < HashOrderedPartitions<TableEntry>.segmentStart(current, total) { return false }
        guard current + 1 < total else { return true }
        return hash < HashOrderedPartitions<TableEntry>.segmentStart(current + 1, total)
    }
}
