// SigV4 verification cost per request, on code compiled with -O from Sources/AWSProtocol.
// Built and run by run.sh (this file is compiled into the same module as AWSProtocol's sources,
// so there is no `import AWSProtocol`). Prints figures; asserts nothing about time.
import Foundation

/// botocore 1.43.11's ListTables request, signed by alice for us-west-2 at 2026-11-24T12:00:00Z
/// (the request of Tests/DynamoTrailTests/AuthTests.swift).
let botoListTables = SigV4Request(
    method: "POST", rawPath: "/",
    headers: [
        ("Host", "localhost:8000"), ("Accept-Encoding", "identity"),
        ("X-Amz-Target", "DynamoDB_20120810.ListTables"), ("Content-Type", "application/x-amz-json-1.0"),
        ("User-Agent", "Boto3/1.41.11 md/Botocore#1.43.11"), ("X-Amz-Date", "20261124T120000Z"),
        ("Content-Length", "2"),
        (
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261124/us-west-2/dynamodb/aws4_request, SignedHeaders=accept-encoding;content-length;content-type;host;x-amz-date;x-amz-target, Signature=7cb72588d8e877fe43c1e0d8edaa673a61497b2d6eae56deb06d23f6922290e1"
        ),
    ], body: Array("{}".utf8))
let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
let now = SigV4Date.parseBasic("20261124T120005Z")!

/// A boto-like PutItem-sized request with a `size`-byte body, signed here with the same secret.
func signedRequest(bodySize: Int) -> SigV4Request {
    let body = [UInt8](repeating: UInt8(ascii: "a"), count: bodySize)
    var request = SigV4Request(
        method: "POST", rawPath: "/",
        headers: [
            ("Host", "localhost:8000"), ("Accept-Encoding", "identity"),
            ("X-Amz-Target", "DynamoDB_20120810.CreateTable"), ("Content-Type", "application/x-amz-json-1.0"),
            ("User-Agent", "Boto3/1.41.11 md/Botocore#1.43.11"), ("X-Amz-Date", "20261124T120000Z"),
            ("Content-Length", String(bodySize)),
        ], body: body)
    let authorization = SigV4Signer.authorizationHeader(
        for: request, accessKeyId: "AKIAIOSFODNN7EXAMPLE", secret: secret, region: "us-west-2", service: "dynamodb",
        amzDate: "20261124T120000Z")
    request.headers.append(.init("Authorization", authorization))
    return request
}

/// What the Authenticator does for a signed request in enforce mode, minus the key lookup.
@inline(never)
func verify(_ request: SigV4Request) -> Bool {
    guard case .success(let parsed) = SigV4Authorization.parse(request), let auth = parsed else { return false }
    if SigV4Verifier.checkScope(auth, expectedService: "dynamodb") != nil { return false }
    if SigV4Verifier.checkTime(auth, now: now) != nil { return false }
    return SigV4Verifier.checkSignature(auth, request: request, secret: secret, style: .doubleEncoded) == nil
}

func measure(_ label: String, _ request: SigV4Request, iterations: Int) {
    guard verify(request) else {
        print("\(label): does not verify — benchmark is wrong")
        exit(1)
    }
    for _ in 0..<min(1000, iterations) { _ = verify(request) }  // warm-up
    var ok = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations where verify(request) { ok += 1 }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
    precondition(ok == iterations)
    let micros = elapsed / Double(iterations) / 1000
    report(label, micros, iterations, elapsed)
}

func report(_ label: String, _ micros: Double, _ iterations: Int, _ elapsed: Double) {
    let padded = label.padding(toLength: 44, withPad: " ", startingAt: 0)
    print(padded + String(format: "%8.2f µs  (%d runs, %.2f s)", micros, iterations, elapsed / 1e9))
}

/// Times one step of verification on its own, for the breakdown.
func step(_ label: String, iterations: Int, _ body: () -> Int) {
    var sink = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { sink &+= body() }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
    report("  " + label, elapsed / Double(iterations) / 1000, iterations, elapsed)
    if sink == 42 { print("") }  // keeps the work observable
}

let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
print("SigV4 verification per request (parse, scope, time, canonical request, signing key, HMAC, compare):")
measure("ListTables (boto3, 2-byte body)", botoListTables, iterations: iterations)
measure("CreateTable-sized (1 KiB body)", signedRequest(bodySize: 1024), iterations: iterations)
measure("PutItem-sized (64 KiB body)", signedRequest(bodySize: 65536), iterations: max(1, iterations / 10))

print("breakdown for the ListTables request:")
let parsedAuth: SigV4Authorization
if case .success(let parsed?) = SigV4Authorization.parse(botoListTables) { parsedAuth = parsed } else { exit(1) }
step("parse Authorization", iterations: iterations) {
    if case .success(let parsed?) = SigV4Authorization.parse(botoListTables) { return parsed.signature.utf8.count }
    return 0
}
step("canonical request", iterations: iterations) {
    SigV4Signer.canonicalRequest(
        botoListTables, signedHeaders: parsedAuth.signedHeaders, style: .doubleEncoded, presigned: false
    ).utf8.count
}
step("signing key (4 HMAC-SHA256)", iterations: iterations) {
    SigV4Signer.signingKey(secret: secret, date: "20261124", region: "us-west-2", service: "dynamodb").count
}
step("one SHA-256 of 2 bytes", iterations: iterations) { Digest.sha256([UInt8(1), 2]).count }
step("one header lookup (Authorization)", iterations: iterations) { botoListTables.header("Authorization")?.utf8.count ?? 0 }
step("query items of an empty query", iterations: iterations) { botoListTables.queryItems.count }
step("SigV4Date.parseBasic", iterations: iterations) { SigV4Date.parseBasic("20261124T120000Z") == nil ? 0 : 1 }
