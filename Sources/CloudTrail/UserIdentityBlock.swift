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
/// accessKeyId, userName, sessionContext`, and inside the session context `sessionIssuer` before
/// `attributes` (the 2019 real DescribeStream record and every DynamoDB doc example since 2021),
/// `attributes` holding `creationDate` (ISO, extended form) then `mfaAuthenticated` as the
/// *string* `"true"`/`"false"`. Absent optionals are left out, never written as null.
///
/// Our decisions where AWS's documentation is silent: `webIdFederationData` is not written (no DynamoDB
/// record shows it); a FederatedUser carries its IAM-user `sessionIssuer` in the same shape as an
/// assumed role; an anonymous `AWSAccount` caller carries only what the auth layer gave it.
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
        context.append(
            "attributes",
            .object(
                JSONObject([
                    "creationDate": .string(UTCTime(session.creationDate).iso8601),
                    "mfaAuthenticated": .string(session.mfaAuthenticated ? "true" : "false"),
                ])))
        return .object(context)
    }
}
