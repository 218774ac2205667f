import AWSProtocol

/// Reading one advanced selector from a PutEventSelectors request: the model's constraints (Coral's
/// validation texts) first, then CloudTrail's rules on fields, operators and values.
extension AdvancedEventSelector {
    /// The fields a trail's advanced selectors may test ("AdvancedFieldSelector"); the resource fields
    /// are matched per resource.
    public static let fields: Set<String> = [
        "eventCategory", "eventSource", "eventName", "eventType", "readOnly", "resources.type", "resources.ARN", "errorCode",
        "userIdentity.arn", "sessionCredentialFromConsole", "vpcEndpointId",
    ]
    /// "Equals … is the only valid operator that you can use with the readOnly, eventCategory, and
    /// resources.type fields" ("AdvancedFieldSelector").
    static let equalsOnlyFields: Set<String> = ["readOnly", "eventCategory", "resources.type"]
    /// The operators, in the model's order.
    static let operatorNames = ["Equals", "StartsWith", "EndsWith", "NotEquals", "NotStartsWith", "NotEndsWith"]

    static func parse(_ item: JSONValue, path: String) -> Result<AdvancedEventSelector, EventSelectorsError> {
        guard let object = item.objectValue else { return .failure(.serialization("Unexpected field type")) }
        var name: String?
        switch object["Name"] {
        case nil, .null?: break
        case .string(let text)?:
            guard text.count <= 1000 else {
                return .failure(.constraint("'\(text)'", at: "\(path).name", "Member must have length less than or equal to 1000"))
            }
            name = text
        case let other?: return .failure(.serialization(CoralSerializationText.mismatch(other, javaType: "String")))
        }
        guard let list = object["FieldSelectors"], list != .null else {
            return .failure(.constraint("null", at: "\(path).fieldSelectors", "Member must not be null"))
        }
        guard let items = list.arrayValue else { return .failure(.serialization("Unexpected field type")) }
        guard !items.isEmpty else {
            return .failure(.constraint("'[]'", at: "\(path).fieldSelectors", "Member must have length greater than or equal to 1"))
        }
        var conditions: [FieldSelector] = []
        for (index, entry) in items.enumerated() {
            switch FieldSelector.parse(entry, path: "\(path).fieldSelectors.\(index + 1).member") {
            case .success(let condition): conditions.append(condition)
            case .failure(let error): return .failure(error)
            }
        }
        return check(AdvancedEventSelector(name: name, fieldSelectors: conditions))
    }

    /// CloudTrail's rules beyond the model (texts Unverified, in the form of the observed
    /// "Value … for … is invalid."): known fields, Equals only where AWS allows only it, known categories
    /// and readOnly values, an eventCategory condition in every selector, a resources.type one for data events.
    static func check(_ selector: AdvancedEventSelector) -> Result<AdvancedEventSelector, EventSelectorsError> {
        for condition in selector.fieldSelectors {
            guard fields.contains(condition.field) else { return .failure(.invalidValue(condition.field, for: "FieldSelectors.Field")) }
            guard condition.valueCount > 0 else {
                // A condition without an operator is refused by AWS (observed as an HTTP 400); the text is Unverified.
                return .failure(
                    .invalid(
                        "Each field selector must have at least one operator: Equals, StartsWith, EndsWith, NotEquals, NotStartsWith or NotEndsWith."
                    ))
            }
            if equalsOnlyFields.contains(condition.field) {
                let others = [
                    condition.startsWith, condition.endsWith, condition.notEquals, condition.notStartsWith, condition.notEndsWith,
                ]
                guard condition.equals != nil, others.allSatisfy({ $0 == nil }) else {
                    return .failure(.invalid("Equals is the only valid operator for the \(condition.field) field."))
                }
            }
            let allowed: [String]? =
                switch condition.field {
                case "eventCategory": ["Management", "Data", "NetworkActivity"]
                case "readOnly": ["true", "false"]
                default: nil
                }
            if let allowed, let bad = condition.equals?.first(where: { !allowed.contains($0) }) {
                return .failure(.invalidValue(bad, for: "\(condition.field)"))
            }
        }
        guard let category = selector.fieldSelectors.first(where: { $0.field == "eventCategory" }) else {
            return .failure(.invalid("Each advanced event selector must have a condition on the eventCategory field."))
        }
        if category.equals?.contains("Data") ?? false, !selector.fieldSelectors.contains(where: { $0.field == "resources.type" }) {
            return .failure(.invalid("Advanced event selectors for data events must have a condition on the resources.type field."))
        }
        return .success(selector)
    }
}

extension AdvancedEventSelector.FieldSelector {
    static func parse(_ item: JSONValue, path: String) -> Result<Self, EventSelectorsError> {
        guard let object = item.objectValue else { return .failure(.serialization("Unexpected field type")) }
        guard let fieldValue = object["Field"], fieldValue != .null else {
            return .failure(.constraint("null", at: "\(path).field", "Member must not be null"))
        }
        guard let field = fieldValue.stringValue else {
            return .failure(.serialization(CoralSerializationText.mismatch(fieldValue, javaType: "String")))
        }
        let fieldCharacters = field.allSatisfy { $0.isLetter || $0.isNumber || "|._".contains($0) }
        guard (1...1000).contains(field.count), fieldCharacters else {
            return .failure(
                .constraint("'\(field)'", at: "\(path).field", "Member must satisfy regular expression pattern: [\\w|\\d|\\.|_]+"))
        }
        var condition = Self(field: field)
        for name in AdvancedEventSelector.operatorNames {
            guard let value = object[name], value != .null else { continue }
            let member = "\(path).\(name.prefix(1).lowercased() + name.dropFirst())"
            guard let entries = value.arrayValue else { return .failure(.serialization("Unexpected field type")) }
            guard !entries.isEmpty else {
                return .failure(.constraint("'[]'", at: member, "Member must have length greater than or equal to 1"))
            }
            var values: [String] = []
            for entry in entries {
                guard let text = entry.stringValue else {
                    return .failure(.serialization(CoralSerializationText.mismatch(entry, javaType: "String")))
                }
                guard (1...2048).contains(text.count) else {
                    return .failure(
                        .constraint(
                            "'[\(entries.compactMap(\.stringValue).joined(separator: ", "))]'", at: member,
                            "Member must satisfy constraint: [Member must have length less than or equal to 2048, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: .+]"
                        ))
                }
                values.append(text)
            }
            condition.set(name, values)
        }
        return .success(condition)
    }

    mutating func set(_ operatorName: String, _ values: [String]) {
        switch operatorName {
        case "Equals": equals = values
        case "StartsWith": startsWith = values
        case "EndsWith": endsWith = values
        case "NotEquals": notEquals = values
        case "NotStartsWith": notStartsWith = values
        default: notEndsWith = values
        }
    }
}
