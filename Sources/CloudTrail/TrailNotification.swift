import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// CloudTrail's per-file SNS message (AWS: "Configuring Amazon SNS notifications for CloudTrail",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html),
/// written to the notifications file and POSTed to the webhook.
public enum TrailNotification {
    /// `{"s3Bucket":"…","s3ObjectKey":["…"]}`, compact, keys bucket-relative including the prefix.
    public static func message(bucket: String, keys: [String]) -> [UInt8] {
        JSONWriter.bytes(.object(JSONObject(["s3Bucket": .string(bucket), "s3ObjectKey": .array(keys.map(JSONValue.string))])))
    }

    /// The SNS HTTP(S) notification envelope, in the field order of a real one (a published 2023 envelope). DynamoTrail
    /// cannot sign as SNS: `Signature` is empty and the certificate/unsubscribe URLs are empty
    /// (our decision).
    public static func envelope(message: [UInt8], messageId: String, topicArn: String, timestamp: Date) -> [UInt8] {
        let millis = Int((timestamp.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        let stamp = UTCTime(timestamp).iso8601.dropLast() + "." + threeDigits(millis) + "Z"
        return JSONWriter.bytes(
            .object(
                JSONObject([
                    "Type": "Notification", "MessageId": .string(messageId), "TopicArn": .string(topicArn),
                    "Message": .string(String(decoding: message, as: UTF8.self)), "Timestamp": .string(String(stamp)),
                    "SignatureVersion": "1", "Signature": "", "SigningCertURL": "", "UnsubscribeURL": "",
                ])))
    }

    /// `String(format: "%03d", value)`: at least three characters, zero-padded after any minus sign.
    static func threeDigits(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let width = value < 0 ? 2 : 3
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
