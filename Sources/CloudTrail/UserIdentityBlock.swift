import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Renders `CallerIdentity` as CloudTrail's `userIdentity` block (AWS: "CloudTrail userIdentity element",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
///
/// Key order follows the real and documented records: `type, principalId, arn, accountId,
/// accessKeyId, userName, sessionContext`, and inside the session context `sessionIssuer`,
/// `webIdFederationData`, then `attributes` holding `creationDate` (ISO, extended form) then
/// `mfaAuthenticated` as the *string* `"true"`/`"false"`. Absent optionals are left out, never written as null.
///
/// `webIdFederationData` is written only for sessions from `AssumeRoleWithWebIdentity`, as
/// `{"federatedProvider": …, "attributes": {…}}` (the userIdentity page: "If the request was made with
/// temporary security credentials obtained by web identity federation"; the populated form as in
/// AWS Marketplace's "Logging AWS Marketplace Metering API calls" RegisterUsage example from an EKS
/// pod). Records of eventVersion 1.05–1.09 (2019–2024) also carried an empty `"webIdFederationData": {}`
/// in every role and federated-user session; current records (eventVersion 1.10/1.11, observed in
/// real 2025 log files) and the userIdentity page's current examples leave it out, and so do we.
///
/// Our decisions where AWS's documentation is silent: a FederatedUser carries its IAM-user
/// `sessionIssuer` in the same shape as an assumed role; an anonymous `AWSAccount` caller carries only
/// what the auth layer gave it; web-identity `attributes` are written in key order (the order
/// observed in a real Cognito record: `amr`, `aud`, `sub`).
public enum UserIdentityBlock {
    public static func render(_ identity: CallerIdentity) -> JSONValue {
        var block = JSONObject()
        block.append("type", .string(identity.type.rawValue))
        block.append("principalId", .string(identity.principalId))
        if let arn = identity.arn { block.append("arn", .string(arn)) }
        block.append("accountId", .string(identity.accountId))
        if let accessKeyId = identity.accessKeyId { block.append("accessKeyId", .string(accessKeyId)) }
        if let userName = identity.userName { block.append("userName", .string(userName)) }
        if let session = identity.sessionContext { block.append("sessionContext", render(session)) }
        return .object(block)
    }

    static func render(_ session: SessionContext) -> JSONValue {
        var context = JSONObject()
        if let issuer = session.sessionIssuer {
            context.append(
                "sessionIssuer",
                .object(
                    JSONObject([
                        "type": .string(issuer.type), "principalId": .string(issuer.principalId),
                        "arn": .string(issuer.arn), "accountId": .string(issuer.accountId),
                        "userName": .string(issuer.userName),
                    ])))
        }
        if let federation = session.webIdFederationData { context.append("webIdFederationData", render(federation)) }
        context.append(
            "attributes",
            .object(
                JSONObject([
                    "creationDate": .string(UTCTime(session.creationDate).iso8601),
                    "mfaAuthenticated": .string(session.mfaAuthenticated ? "true" : "false"),
                ])))
        return .object(context)
    }

    static func render(_ federation: WebIdFederationData) -> JSONValue {
        var attributes = JSONObject()
        for key in federation.attributes.keys.sorted() {
            attributes.append(key, .string(federation.attributes[key] ?? ""))
        }
        var block = JSONObject()
        block.append("federatedProvider", .string(federation.federatedProvider))
        block.append("attributes", .object(attributes))
        return .object(block)
    }
}
