/// What a stream's records carry: StreamSpecification.StreamViewType (raw values are the wire strings).
enum StreamViewType: String, Sendable, Equatable {
    case keysOnly = "KEYS_ONLY"
    case newImage = "NEW_IMAGE"
    case oldImage = "OLD_IMAGE"
    case newAndOldImages = "NEW_AND_OLD_IMAGES"
}
