import AWSProtocol
import Foundation

@testable import CloudTrail

/// Shared builders for the CloudTrail tests.
enum Fixtures {
    static func date(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: iso) ?? Date(timeIntervalSince1970: 0)
    }

    static func compact(_ text: String) -> String {
        (try? JSONWriter.string(JSONParser.parse(text))) ?? "<invalid fixture>"
    }

    static let iamUser = CallerIdentity(
        type: .iamUser, principalId: "AIDATAI5Z633QFORB2QCN", arn: "arn:aws:iam::123456789010:user/HoneyUser",
        accountId: "123456789010", accessKeyId: "AKIATAI5Z6332LPA5KXG", userName: "HoneyUser")

    static let assumedRole = CallerIdentity(
        type: .assumedRole, principalId: "AKIAIOSFODNN7EXAMPLE:bob", arn: "arn:aws:sts::111122223333:assumed-role/users/bob",
        accountId: "111122223333", accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        sessionContext: SessionContext(
            sessionIssuer: SessionIssuer(
                type: "Role", principalId: "AKIAI44QH8DHBEXAMPLE", arn: "arn:aws:iam::444455556666:role/admin-role",
                accountId: "444455556666", userName: "bob"),
            creationDate: date("2020-09-03T22:14:13Z"), mfaAuthenticated: false))

    static let root = CallerIdentity(
        type: .root, principalId: "AIDACKCEVSQ6C2EXAMPLE", arn: "arn:aws:iam::111122223333:root",
        accountId: "111122223333", accessKeyId: "")

    static let federated = CallerIdentity(
        type: .federatedUser, principalId: "123456789012:bob", arn: "arn:aws:sts::123456789012:federated-user/bob",
        accountId: "123456789012", accessKeyId: "ASIAEXAMPLEFEDERATED",
        sessionContext: SessionContext(
            sessionIssuer: SessionIssuer(
                type: "IAMUser", principalId: "AIDAEXAMPLEALICE", arn: "arn:aws:iam::123456789012:user/alice",
                accountId: "123456789012", userName: "alice"),
            creationDate: date("2026-01-01T00:00:00Z"), mfaAuthenticated: true))

    static let anonymous = CallerIdentity(
        type: .awsAccount, principalId: "AIDAJ45Q7YFFAREXAMPLE", arn: nil, accountId: "123456789012", accessKeyId: nil)

    static func context(
        _ identity: CallerIdentity = iamUser, account: String = "123456789012", region: String = "us-east-1",
        userAgent: String = "aws-cli/2.11.2", requestId: String = "KM21C3GVN2GJQU0LV0TQUSJQE7VV4KQNSO5AEMVJF66Q9ASUAAJG"
    ) -> CallContext {
        CallContext(
            identity: identity, accountId: account, region: region, sourceIPAddress: "127.0.0.1", userAgent: userAgent,
            requestId: requestId, receivedAt: Date(timeIntervalSince1970: 0), usedSessionCredentials: false)
    }

    static func event(
        account: String = "123456789012", region: String = "us-east-1", name: String = "CreateTable",
        readOnly: Bool = false, table: String = "Music"
    ) -> CloudTrailEvent {
        CloudTrailEvent(
            context: context(account: account, region: region), eventSource: "dynamodb.amazonaws.com",
            eventName: name, requestParameters: ["tableName": .string(table)], readOnly: readOnly,
            apiVersion: "2012-08-10", recipientAccountId: account)
    }

    /// A fresh temporary directory for one test; the caller removes it (`defer`, so a throwing test cleans up too).
    static func tempDir(_ label: String = #function) -> URL {
        let clean = label.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cloudtrail-tests-\(clean)-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
