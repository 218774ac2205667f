import AWSProtocol

/// Reading one basic selector from a PutEventSelectors request, with CloudTrail's checks of its values.
extension EventSelector {
    /// The resource types a basic selector can name ("DataResource": DynamoDB tables, Lambda functions, S3 objects).
    public static let basicResourceTypes = ["AWS::DynamoDB::Table", "AWS::Lambda::Function", "AWS::S3::Object"]
    /// The sources `ExcludeManagementEventSources` can hold ("EventSelector": KMS and the RDS Data API).
    public static let excludableSources = ["kms.amazonaws.com", "rdsdata.amazonaws.com"]

    static func parse(_ item: JSONValue) -> Result<EventSelector, EventSelectorsError> {
        guard let object = item.objectValue else { return .failure(.serialization("Unexpected field type")) }
        var selector = EventSelector()
        switch object["ReadWriteType"] {
        case nil, .null?: break
        case .string(let text)?:
            guard let type = ReadWriteType(rawValue: text) else { return .failure(.invalidValue(text, for: "ReadWriteType")) }
            selector.readWriteType = type
        case let other?: return .failure(.serialization(CoralSerializationText.mismatch(other, javaType: "String")))
        }
        switch object["IncludeManagementEvents"] {
        case nil, .null?: break
        case .bool(let flag)?: selector.includeManagementEvents = flag
        case let other?: return .failure(.serialization(CoralSerializationText.mismatch(other, javaType: "Boolean")))
        }
        for resource in object["DataResources"]?.arrayValue ?? [] {
            switch parseResource(resource) {
            case .success(let parsed): selector.dataResources.append(parsed)
            case .failure(let error): return .failure(error)
            }
        }
        for source in object["ExcludeManagementEventSources"]?.arrayValue ?? [] {
            guard let text = source.stringValue else {
                return .failure(.serialization(CoralSerializationText.mismatch(source, javaType: "String")))
            }
            guard excludableSources.contains(text) else {
                return .failure(.invalidValue(text, for: "ExcludeManagementEventSources"))
            }
            selector.excludeManagementEventSources.append(text)
        }
        return .success(selector)
    }

    static func parseResource(_ value: JSONValue) -> Result<DataResource, EventSelectorsError> {
        guard let object = value.objectValue else { return .failure(.serialization("Unexpected field type")) }
        let type = object["Type"]?.stringValue ?? ""
        guard basicResourceTypes.contains(type) else {
            return .failure(.invalidValue(type.isEmpty ? "null" : type, for: "DataResources.Type"))
        }
        var values: [String] = []
        for entry in object["Values"]?.arrayValue ?? [] {
            guard let text = entry.stringValue else {
                return .failure(.serialization(CoralSerializationText.mismatch(entry, javaType: "String")))
            }
            guard isValid(text, for: type) else { return .failure(.invalidValue(text, for: "DataResources.Values")) }
            values.append(text)
        }
        return .success(DataResource(type: type, values: values))
    }

    /// `arn:<partition>:<service>` alone: every resource of the type (not counted against the 250 limit).
    static func isAllResourcesPrefix(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "arn" && parts[1].hasPrefix("aws")
    }

    /// A value AWS accepts for the type: for tables the all-tables prefix or a table ARN; for the other
    /// types (never matched here) an ARN of their service. AWS refuses wildcards such as `arn:aws:s3:::*`
    /// and `arn:aws:lambda:*` (observed); which other partial table ARNs it takes is Unverified.
    static func isValid(_ value: String, for type: String) -> Bool {
        let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "arn", parts[1].hasPrefix("aws"), !value.contains("*") else { return false }
        switch type {
        case "AWS::DynamoDB::Table":
            guard parts[2] == "dynamodb" else { return false }
            if parts.count == 3 { return true }
            guard parts.count == 6, AWSRegionName.isValid(String(parts[3])), parts[4].count == 12,
                parts[4].allSatisfy(\.isNumber), parts[5].hasPrefix("table/")
            else { return false }
            let name = parts[5].dropFirst("table/".count)
            return (3...255).contains(name.count)
                && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
        case "AWS::Lambda::Function": return parts[2] == "lambda"
        default: return parts[2] == "s3"
        }
    }
}
