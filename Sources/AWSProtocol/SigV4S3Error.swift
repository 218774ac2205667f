/// An S3 authentication error: code, message, HTTP status and the extra elements S3 adds after `<Message>`.
public struct SigV4S3Error: Sendable, Equatable {
    /// One extra element, e.g. `<AWSAccessKeyId>…</AWSAccessKeyId>`, in S3's order.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var code: String
    public var message: String
    public var httpStatus: Int
    public var fields: [Field]

    public init(_ code: String, _ message: String, _ httpStatus: Int, _ fields: [Field] = []) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.fields = fields
    }
}

extension SigV4S3Error {
    /// S3's XML error document: `<Error>` with Code, Message, the extra fields, RequestId and HostId, escaped.
    public func xml(requestId: String, hostId: String) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<Error>"
        out += element("Code", code) + element("Message", message)
        for field in fields { out += element(field.name, field.value) }
        out += element("RequestId", requestId) + element("HostId", hostId) + "</Error>"
        return out
    }

    private func element(_ name: String, _ value: String) -> String {
        var escaped = ""
        for c in value.unicodeScalars {
            switch c {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return "<\(name)>\(escaped)</\(name)>"
    }
}
