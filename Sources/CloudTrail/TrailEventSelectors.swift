/// A trail's event selectors: basic or advanced, never both ("PutEventSelectors": "You can use either
/// AdvancedEventSelectors or EventSelectors, but not both"). Pure value.
public enum TrailEventSelectors: Sendable, Equatable {
    case basic([EventSelector])
    case advanced([AdvancedEventSelector])

    /// A new trail's selectors: all management events, no data events ("PutEventSelectors": "By default,
    /// trails created without specific event selectors are configured to log all read and write
    /// management events, and no data events").
    public static let `default` = TrailEventSelectors.basic([EventSelector()])

    /// The one basic selector the older `trail.readWriteType` setting stands for: management events of that kind.
    public static func managementEvents(_ readWriteType: EventSelector.ReadWriteType) -> TrailEventSelectors {
        .basic([EventSelector(readWriteType: readWriteType)])
    }

    /// True when the trail logs `event`: one of its selectors selects it.
    public func selects(_ event: SelectableEvent) -> Bool {
        switch self {
        case .basic(let selectors): selectors.contains { $0.selects(event) }
        case .advanced(let selectors): selectors.contains { $0.selects(event) }
        }
    }

    /// True when some data event could be selected (a cheap test before a data event is built).
    public var mayLogDataEvents: Bool {
        switch self {
        case .basic(let selectors): selectors.contains { !$0.dataResources.isEmpty }
        case .advanced(let selectors):
            selectors.contains { selector in
                selector.fieldSelectors.first { $0.field == "eventCategory" }.map { $0.matches("Data") } ?? true
            }
        }
    }

    /// DescribeTrails' `HasCustomEventSelectors`: true when the selectors are not a new trail's (our
    /// reading; whether AWS keeps it true after a PutEventSelectors that restores the default is Unverified).
    public var isCustom: Bool { self != .default }
}
