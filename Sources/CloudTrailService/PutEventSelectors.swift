import AWSProtocol
import CloudTrail

extension CloudTrailAPI {
    /// PutEventSelectors: `TrailName` (name or ARN) plus `EventSelectors` or `AdvancedEventSelectors` →
    /// `TrailARN` and the selectors now in force (AWS CloudTrail API Reference: "PutEventSelectors").
    /// Each account sets its own trail's selectors; the organization trail's are set by the management
    /// account for every account (a member account gets NotOrganizationMasterAccountException, text
    /// Unverified). Like StartLogging, only from the trail's home region ("PutEventSelectors": "must be
    /// called from the Region in which the trail was created; otherwise, an InvalidHomeRegionException is
    /// thrown"). The selectors are kept in the state directory and survive restarts (`TrailSelection`).
    func putEventSelectors(_ input: CloudTrailInput, context: CallContext) async -> Result<JSONValue, AWSServiceError> {
        if let error = refusedTrailChange(input, member: "TrailName", context: context) { return .failure(error) }
        let parsed = TrailEventSelectors.parse(
            basic: Self.present(input.object["EventSelectors"]), advanced: Self.present(input.object["AdvancedEventSelectors"]))
        let selectors: TrailEventSelectors
        switch parsed {
        case .success(let value): selectors = value
        case .failure(let error): return .failure(Self.wireError(error))
        }
        let account = loggingAccount(context)
        let failure: String? = await onRecorderQueue { recorder in
            do throws(FileIOError) {
                try recorder.selection.set(selectors, account: account)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure {
            return .failure(.internalServerError("The event selectors could not be saved: \(failure)"))
        }
        return .success(selectorsAnswer(selectors, context: context))
    }

    /// `{"TrailARN": …, "EventSelectors" | "AdvancedEventSelectors": […]}`.
    func selectorsAnswer(_ selectors: TrailEventSelectors, context: CallContext) -> JSONValue {
        var object = JSONObject()
        object.append("TrailARN", .string(trailARN(context)))
        for member in selectors.wireMembers().members { object.append(member.key, member.value) }
        return .object(object)
    }

    /// A member given as JSON null counts as absent (as `CloudTrailInput` reads every member).
    static func present(_ value: JSONValue?) -> JSONValue? { value == .null ? nil : value }

    /// The selector parser's refusal in CloudTrail's wire form.
    static func wireError(_ error: EventSelectorsError) -> AWSServiceError {
        switch error {
        case .invalid(let message): CloudTrailError.make("InvalidEventSelectorsException", message)
        case .validation(let message): .validation(message)
        case .serialization(let message): .serialization(message)
        }
    }
}
