import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// `sessionContext.webIdFederationData` and the dates inside `requestParameters`/`responseElements`, rendered
/// as current CloudTrail records show them (AWS: "CloudTrail userIdentity element"; observed 2025 log files).
@Suite struct WebIdentityRecordTests {
    static func session(_ federation: WebIdFederationData?) -> CallerIdentity {
        CallerIdentity(
            type: .assumedRole, principalId: "AROAEXAMPLEGITHUBROLE:GitHubActions",
            arn: "arn:aws:sts::123456789012:assumed-role/github/GitHubActions", accountId: "123456789012",
            accessKeyId: "ASIAEXAMPLEGITHUB001",
            sessionContext: SessionContext(
                sessionIssuer: SessionIssuer(
                    type: "Role", principalId: "AROAEXAMPLEGITHUBROLE", arn: "arn:aws:iam::123456789012:role/github",
                    accountId: "123456789012", userName: "github"),
                webIdFederationData: federation, creationDate: Fixtures.date("2023-09-25T13:24:17Z"), mfaAuthenticated: false))
    }

    /// The GitHub Actions OIDC session, field by field and in order as the real 2023 record shows it
    /// (sessionIssuer, webIdFederationData with an empty attributes object, attributes).
    @Test func aGitHubActionsSessionCarriesItsProviderBetweenIssuerAndAttributes() {
        let federation = WebIdFederationData(
            federatedProvider: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
        let block = JSONWriter.string(UserIdentityBlock.render(Self.session(federation)))
        let expected = Fixtures.compact(
            """
            {"type":"AssumedRole","principalId":"AROAEXAMPLEGITHUBROLE:GitHubActions",
             "arn":"arn:aws:sts::123456789012:assumed-role/github/GitHubActions","accountId":"123456789012",
             "accessKeyId":"ASIAEXAMPLEGITHUB001",
             "sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLEGITHUBROLE",
               "arn":"arn:aws:iam::123456789012:role/github","accountId":"123456789012","userName":"github"},
              "webIdFederationData":{"federatedProvider":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com","attributes":{}},
              "attributes":{"creationDate":"2023-09-25T13:24:17Z","mfaAuthenticated":"false"}}}
            """)
        #expect(block == expected)
    }

    /// Cognito identity pools: the claims as strings, in key order (amr, aud, sub, as observed).
    @Test func cognitoClaimsAreStringsInKeyOrder() {
        let federation = WebIdFederationData(
            federatedProvider: "cognito-identity.amazonaws.com",
            attributes: [
                "cognito-identity.amazonaws.com:sub": "us-east-1:22222222-example",
                "cognito-identity.amazonaws.com:amr": #"["authenticated"]"#,
                "cognito-identity.amazonaws.com:aud": "us-east-1:11111111-example",
            ])
        let rendered = UserIdentityBlock.render(Self.session(federation))
        #expect(
            JSONWriter.string(rendered["sessionContext"]?["webIdFederationData"] ?? .null)
                == #"{"federatedProvider":"cognito-identity.amazonaws.com","attributes":{"cognito-identity.amazonaws.com:amr":"[\"authenticated\"]","cognito-identity.amazonaws.com:aud":"us-east-1:11111111-example","cognito-identity.amazonaws.com:sub":"us-east-1:22222222-example"}}"#
        )
    }

    /// Plain role and federated-user sessions carry no `webIdFederationData`, as eventVersion 1.11 records.
    @Test func otherSessionsCarryNone() {
        for identity in [Self.session(nil), Fixtures.assumedRole, Fixtures.federated] {
            let context = UserIdentityBlock.render(identity)["sessionContext"]
            #expect(context?.objectValue?.keys.contains("webIdFederationData") == false)
            #expect(context?.objectValue?.keys.last == "attributes")
        }
    }

    /// The date form of the real 2025 LookupEvents record, at every depth, numbers only.
    @Test func recordDatesTakeTheCurrentForm() {
        #expect(CloudTrailPayload.recordDateString(Date(timeIntervalSince1970: 1_761_522_652)) == "Oct 26, 2025, 11:50:52 PM")
        #expect(CloudTrailPayload.recordDateString(Date(timeIntervalSince1970: 1_761_523_252.9)) == "Oct 27, 2025, 12:00:52 AM")
        #expect(CloudTrailPayload.recordDateString(Date(timeIntervalSince1970: 1_767_268_800)) == "Jan 1, 2026, 12:00:00 PM")
        #expect(CloudTrailPayload.recordDateString(Date(timeIntervalSince1970: 1e300)) == "Dec 31, 9999, 11:59:59 PM")
        let input: JSONValue = [
            "StartTime": .number(JSONNumber(text: "1761522652")), "EndTime": "not a number",
            "Nested": [["StartTime": .number(JSONNumber(text: "1761523252.5"))]], "Other": 1_761_522_652,
        ]
        let dated = CloudTrailPayload.recordDates(in: input, dateMembers: ["StartTime", "EndTime"])
        #expect(
            JSONWriter.string(dated)
                == #"{"StartTime":"Oct 26, 2025, 11:50:52 PM","EndTime":"not a number","Nested":[{"StartTime":"Oct 27, 2025, 12:00:52 AM"}],"Other":1761522652}"#
        )
    }
}
