import AWSProtocol

/// The `tlsDetails` CloudTrail writes for a call made over HTTPS to the service's public endpoint
/// ("CloudTrail record contents": `tlsDetails` with `tlsVersion`, `cipherSuite` and
/// `clientProvidedHostHeader`, present for calls over TLS). TLS 1.3 with AES-128-GCM, as current SDKs
/// negotiate with AWS endpoints (our choice of the typical values).
enum TLSDetails {
    static func record(service: ServiceTarget.Service, region: String) -> JSONObject {
        let host: String =
            switch service {
            case .dynamoDB: "dynamodb.\(region).amazonaws.com"
            case .dynamoDBStreams: "streams.dynamodb.\(region).amazonaws.com"
            case .cloudTrail: "cloudtrail.\(region).amazonaws.com"
            }
        var details = JSONObject()
        details.append("tlsVersion", "TLSv1.3")
        details.append("cipherSuite", "TLS_AES_128_GCM_SHA256")
        details.append("clientProvidedHostHeader", .string(host))
        return details
    }
}
