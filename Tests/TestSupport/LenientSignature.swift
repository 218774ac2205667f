/// The SigV4 headers a lenient-mode server reads without checking the signature: the access key
/// (a 12-digit key names its account) and the credential scope's region and service.
public enum LenientSignature {
    public static func headers(
        accessKey: String, region: String = "us-east-1", service: String = "dynamodb", amzDate: String = "20261124T120000Z"
    ) -> [String: String] {
        let day = amzDate.prefix(8)
        return [
            "X-Amz-Date": amzDate,
            "Authorization":
                "AWS4-HMAC-SHA256 Credential=\(accessKey)/\(day)/\(region)/\(service)/aws4_request, SignedHeaders=host;x-amz-date, Signature=00",
        ]
    }
}
