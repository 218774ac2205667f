import AWSProtocol

/// The operations' one call for a request's `Item` or `Key`: decode every value with AWS's checks, then
/// the key against the schema, then (items) the 400 KB limit.
extension KeySchema {
    /// PutItem's `Item`: the item and its primary key.
    public func decodeItem(_ wire: JSONValue) throws(ItemError) -> (item: Item, key: PrimaryKey) {
        let item = try AttributeValue.decodeMap(wire)
        let key = try key(ofItem: item)
        try AttributeValue.checkSize(of: item)
        return (item, key)
    }

    /// GetItem's, UpdateItem's and DeleteItem's `Key`: the primary key and the key attributes as sent.
    public func decodeKey(_ wire: JSONValue) throws(ItemError) -> (key: PrimaryKey, attributes: Item) {
        let attributes = try AttributeValue.decodeMap(wire)
        return (try key(ofKey: attributes), attributes)
    }
}
