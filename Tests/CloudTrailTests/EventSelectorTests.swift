import AWSProtocol
import Testing

@testable import CloudTrail

/// Event selectors: which events they select, and how PutEventSelectors' members are read and refused.
@Suite struct EventSelectorTests {
    static let music = "arn:aws:dynamodb:us-east-1:123456789012:table/Music"

    static func item(_ name: String = "PutItem", readOnly: Bool = false, arn: String = music, errorCode: String? = nil) -> SelectableEvent {
        SelectableEvent(
            eventCategory: "Data", eventSource: "dynamodb.amazonaws.com", eventName: name, readOnly: readOnly, errorCode: errorCode,
            resources: [.init(accountId: "123456789012", type: "AWS::DynamoDB::Table", arn: arn)])
    }

    static func management(_ name: String = "CreateTable", readOnly: Bool = false, source: String = "dynamodb.amazonaws.com")
        -> SelectableEvent
    {
        SelectableEvent(eventCategory: "Management", eventSource: source, eventName: name, readOnly: readOnly)
    }

    static func parse(_ basic: String? = nil, advanced: String? = nil) -> Result<TrailEventSelectors, EventSelectorsError> {
        func json(_ text: String?) -> JSONValue? { text.flatMap { try? JSONParser.parse(Array($0.utf8)) } }
        return TrailEventSelectors.parse(basic: json(basic), advanced: json(advanced))
    }

    @Test func aDefaultTrailLogsEveryManagementEventAndNoDataEvent() {
        let selectors = TrailEventSelectors.default
        #expect(selectors.selects(Self.management()))
        #expect(selectors.selects(Self.management("DescribeTable", readOnly: true)))
        #expect(!selectors.selects(Self.item()))
        #expect(!selectors.mayLogDataEvents)
        #expect(!selectors.isCustom)
        #expect(TrailEventSelectors.managementEvents(.all) == .default)
    }

    @Test func readWriteTypeFiltersManagementAndDataEventsAlike() {
        let writes = EventSelector(
            readWriteType: .writeOnly, dataResources: [.init(type: "AWS::DynamoDB::Table", values: ["arn:aws:dynamodb"])])
        #expect(writes.selects(Self.management()))
        #expect(!writes.selects(Self.management("DescribeTable", readOnly: true)))
        #expect(writes.selects(Self.item()))
        #expect(!writes.selects(Self.item("GetItem", readOnly: true)))
    }

    @Test func dataResourceValuesNameAllTablesOrOneTable() {
        func selects(_ value: String, _ arn: String) -> Bool {
            EventSelector(dataResources: [.init(type: "AWS::DynamoDB::Table", values: [value])]).selects(Self.item(arn: arn))
        }
        #expect(selects("arn:aws:dynamodb", Self.music))
        #expect(selects(Self.music, Self.music))
        #expect(!selects(Self.music, Self.music + "2"))
        #expect(selects("arn:aws:dynamodb:us-east-1:123456789012:table/", Self.music))
        #expect(!selects("arn:aws:dynamodb:eu-west-1", Self.music))
        // Another type never selects a table's events.
        #expect(!EventSelector(dataResources: [.init(type: "AWS::S3::Object", values: ["arn:aws:s3"])]).selects(Self.item()))
    }

    @Test func theTableMarkerIsFoundByItsFirstOccurrence() {
        #expect(EventSelector.endOfTableMarker(in: "arn:aws:dynamodb") == nil)
        #expect(EventSelector.endOfTableMarker(in: "arn:aws:dynamodb:us-east-1:1:table/") == 35)
        #expect(EventSelector.endOfTableMarker(in: "a::table/x:table/") == 9)
        #expect(EventSelector.endOfTableMarker(in: ":tabl:table/é") == 12)
        #expect(EventSelector.endOfTableMarker(in: "") == nil)
    }

    @Test func managementEventsCanBeLeftOutOrHaveSourcesExcluded() {
        let noManagement = EventSelector(includeManagementEvents: false)
        #expect(!noManagement.selects(Self.management()))
        let noKMS = EventSelector(excludeManagementEventSources: ["kms.amazonaws.com"])
        #expect(!noKMS.selects(Self.management("Decrypt", source: "kms.amazonaws.com")))
        #expect(noKMS.selects(Self.management()))
    }

    @Test func advancedSelectorsMatchEveryOperator() {
        typealias Field = AdvancedEventSelector.FieldSelector
        let selector = AdvancedEventSelector(
            name: "writes to Music tables",
            fieldSelectors: [
                Field(field: "eventCategory", equals: ["Data"]), Field(field: "resources.type", equals: ["AWS::DynamoDB::Table"]),
                Field(field: "resources.ARN", startsWith: ["arn:aws:dynamodb:us-east-1:123456789012:table/Mus"], notEndsWith: ["-test"]),
                Field(field: "eventName", notEquals: ["DeleteItem"]), Field(field: "readOnly", equals: ["false"]),
            ])
        #expect(selector.selects(Self.item()))
        #expect(!selector.selects(Self.item("DeleteItem")))
        #expect(!selector.selects(Self.item("GetItem", readOnly: true)))
        #expect(!selector.selects(Self.item(arn: Self.music + "-test")))
        #expect(!selector.selects(Self.item(arn: "arn:aws:dynamodb:us-east-1:123456789012:table/Other")))
        #expect(!selector.selects(Self.management()))
        let errors = AdvancedEventSelector(fieldSelectors: [
            Field(field: "eventCategory", equals: ["Data"]), Field(field: "resources.type", equals: ["AWS::DynamoDB::Table"]),
            Field(field: "errorCode", endsWith: ["Exception"]), Field(field: "eventName", notStartsWith: ["Batch"]),
        ])
        #expect(errors.selects(Self.item(errorCode: "ConditionalCheckFailedException")))
        #expect(!errors.selects(Self.item()))
        #expect(!errors.selects(Self.item("BatchWriteItem", errorCode: "ValidationException")))
        let managementOnly = TrailEventSelectors.advanced([
            AdvancedEventSelector(fieldSelectors: [Field(field: "eventCategory", equals: ["Management"])])
        ])
        #expect(managementOnly.selects(Self.management()))
        #expect(!managementOnly.selects(Self.item()))
        #expect(!managementOnly.mayLogDataEvents)
        #expect(TrailEventSelectors.advanced([selector]).mayLogDataEvents)
    }

    @Test func requestsAreReadAndWrittenInTheAPIShapes() throws {
        let basic = try Self.parse(
            #"[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":false,"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["arn:aws:dynamodb"]}]}]"#
        ).get()
        #expect(
            JSONWriter.string(.object(basic.wireMembers()))
                == #"{"EventSelectors":[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":false,"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["arn:aws:dynamodb"]}],"ExcludeManagementEventSources":[]}]}"#
        )
        #expect(
            JSONWriter.string(.object(TrailEventSelectors.default.wireMembers()))
                == #"{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],"ExcludeManagementEventSources":[]}]}"#
        )
        let advanced = try Self.parse(
            advanced:
                #"[{"Name":"n","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::DynamoDB::Table"]},{"Field":"resources.ARN","NotStartsWith":["arn:aws:dynamodb:us-east-1:123456789012:table/tmp"]}]}]"#
        ).get()
        #expect(
            JSONWriter.string(.object(advanced.wireMembers()))
                == #"{"AdvancedEventSelectors":[{"Name":"n","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::DynamoDB::Table"]},{"Field":"resources.ARN","NotStartsWith":["arn:aws:dynamodb:us-east-1:123456789012:table/tmp"]}]}]}"#
        )
        #expect(TrailEventSelectors.fromWireMembers(.object(advanced.wireMembers())) == advanced)
        #expect(TrailEventSelectors.fromWireMembers(.object(basic.wireMembers())) == basic)
    }

    /// Every refusal with its kind and exact text.
    @Test(
        arguments: [
            (#"[{}]"#, nil, EventSelectorsError.invalid("You can use either EventSelectors or AdvancedEventSelectors, but not both.")),
            (nil, nil, .invalid("You must specify either EventSelectors or AdvancedEventSelectors.")),
            ("[]", nil, .invalid("Specify a valid number of EventSelectors (1 to 5) for your trail.")),
            ("[{},{},{},{},{},{}]", nil, .invalid("Specify a valid number of EventSelectors (1 to 5) for your trail.")),
            (#"[{"ReadWriteType":"read-only"}]"#, nil, .invalid("Value read-only for ReadWriteType is invalid.")),
            (#"[{"ReadWriteType":1}]"#, nil, .serialization("NUMBER_VALUE cannot be converted to String")),
            (#"[{"IncludeManagementEvents":"yes"}]"#, nil, .serialization("STRING_VALUE cannot be converted to Boolean")),
            (
                #"[{"DataResources":[{"Type":"AWS::SNS::Topic","Values":[]}]}]"#, nil,
                .invalid("Value AWS::SNS::Topic for DataResources.Type is invalid.")
            ),
            (
                #"[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::*"]}]}]"#, nil,
                .invalid("Value arn:aws:s3:::* for DataResources.Values is invalid.")
            ),
            (
                #"[{"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["Music"]}]}]"#, nil,
                .invalid("Value Music for DataResources.Values is invalid.")
            ),
            (
                #"[{"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["arn:aws:dynamodb:us-east-1:123:table/Music"]}]}]"#, nil,
                .invalid("Value arn:aws:dynamodb:us-east-1:123:table/Music for DataResources.Values is invalid.")
            ),
            (
                #"[{"ExcludeManagementEventSources":["s3.amazonaws.com"]}]"#, nil,
                .invalid("Value s3.amazonaws.com for ExcludeManagementEventSources is invalid.")
            ),
            (
                nil, #"[{"Name":"x"}]"#,
                .validation(
                    "1 validation error detected: Value null at 'advancedEventSelectors.1.member.fieldSelectors' failed to satisfy constraint: Member must not be null"
                )
            ),
            (
                nil, #"[{"FieldSelectors":[]}]"#,
                .validation(
                    "1 validation error detected: Value '[]' at 'advancedEventSelectors.1.member.fieldSelectors' failed to satisfy constraint: Member must have length greater than or equal to 1"
                )
            ),
            (
                nil, #"[{"FieldSelectors":[{"Equals":["Data"]}]}]"#,
                .validation(
                    "1 validation error detected: Value null at 'advancedEventSelectors.1.member.fieldSelectors.1.member.field' failed to satisfy constraint: Member must not be null"
                )
            ),
            (
                nil, #"[{"FieldSelectors":[{"Field":"eventCategory","Equals":[]}]}]"#,
                .validation(
                    "1 validation error detected: Value '[]' at 'advancedEventSelectors.1.member.fieldSelectors.1.member.equals' failed to satisfy constraint: Member must have length greater than or equal to 1"
                )
            ),
            (
                nil, #"[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"bogus","Equals":["x"]}]}]"#,
                .invalid("Value bogus for FieldSelectors.Field is invalid.")
            ),
            (
                nil, #"[{"FieldSelectors":[{"Field":"eventCategory","StartsWith":["Dat"]}]}]"#,
                .invalid("Equals is the only valid operator for the eventCategory field.")
            ),
            (
                nil, #"[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Insight"]}]}]"#,
                .invalid("Value Insight for eventCategory is invalid.")
            ),
            (
                nil, #"[{"FieldSelectors":[{"Field":"eventName","Equals":["PutItem"]}]}]"#,
                .invalid("Each advanced event selector must have a condition on the eventCategory field.")
            ),
            (
                nil, #"[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]}]}]"#,
                .invalid("Advanced event selectors for data events must have a condition on the resources.type field.")
            ),
            (
                nil,
                #"[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::DynamoDB::Table"]},{"Field":"eventName"}]}]"#,
                .invalid(
                    "Each field selector must have at least one operator: Equals, StartsWith, EndsWith, NotEquals, NotStartsWith or NotEndsWith."
                )
            ),
        ] as [(String?, String?, EventSelectorsError)])
    func refusals(basic: String?, advanced: String?, expected: EventSelectorsError) {
        let result = Self.parse(basic, advanced: advanced ?? (basic == #"[{}]"# ? "[]" : nil))
        #expect(result == .failure(expected))
    }

    @Test func theLimitsCountValuesAcrossSelectors() {
        let values = (0..<251).map { #""arn:aws:dynamodb:us-east-1:123456789012:table/T\#($0)xx""# }.joined(separator: ",")
        let tooMany = Self.parse(#"[{"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":[\#(values)]}]}]"#)
        #expect(tooMany == .failure(.invalid("Specify a valid number of DataResources.Values (0 to 250) for all your selectors.")))
        let allTables = Self.parse(#"[{"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["arn:aws:dynamodb"]}]}]"#)
        #expect((try? allTables.get()) != nil)
        let conditions = (0..<499).map { #""v\#($0)""# }.joined(separator: ",")
        let advanced = Self.parse(
            advanced:
                #"[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::DynamoDB::Table"]},{"Field":"eventName","Equals":[\#(conditions)]}]}]"#
        )
        #expect(
            advanced
                == .failure(.invalid("Specify a valid number of values (1 to 500) for all conditions of your advanced event selectors.")))
    }
}
