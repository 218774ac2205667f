extension TrailSettings {
    /// The trail's selectors as configured: `trail.eventSelectors` / `trail.advancedEventSelectors`, else
    /// the one basic selector that `trail.readWriteType` stands for (management events of that kind, no
    /// data events: a default trail's selector when it is `All`).
    public var configuredEventSelectors: TrailEventSelectors {
        eventSelectors ?? .managementEvents(EventSelector.ReadWriteType(rawValue: readWriteType.rawValue) ?? .all)
    }
}
