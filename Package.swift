// swift-tools-version:6.0
// DynamoTrail: a local DynamoDB control plane that records every call as AWS CloudTrail does.
// No package dependencies: system libraries (zlib, libcrypto) come in through system-library targets.
import PackageDescription

let package = Package(
    name: "DynamoTrail",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dynamotrail", targets: ["dynamotrail"])
    ],
    targets: [
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .target(name: "AWSProtocol", dependencies: ["CZlib", "CCrypto"]),
        .target(name: "HTTPServer"),
        // The data plane's pure values: items, numbers, keys, the ordered store; then the expression language.
        .target(name: "DynamoDBItems", dependencies: ["AWSProtocol"]),
        .target(name: "DynamoDBExpressions", dependencies: ["DynamoDBItems", "AWSProtocol"]),
        .testTarget(name: "DynamoDBItemsTests", dependencies: ["DynamoDBItems", "AWSProtocol", "TestSupport"]),
        .testTarget(name: "DynamoDBExpressionsTests", dependencies: ["DynamoDBExpressions", "DynamoDBItems", "AWSProtocol", "TestSupport"]),
        // The control plane serves the item operations over the two pure modules above.
        .target(name: "DynamoDB", dependencies: ["AWSProtocol", "DynamoDBItems", "DynamoDBExpressions"]),
        .target(name: "CloudTrail", dependencies: ["AWSProtocol", "CZlib", "CCrypto"]),
        .target(name: "S3Bucket", dependencies: ["AWSProtocol"]),
        .target(name: "CloudTrailService", dependencies: ["AWSProtocol", "CloudTrail"]),
        .target(name: "CallHandling", dependencies: ["AWSProtocol", "DynamoDB", "CloudTrail", "CloudTrailService"]),
        .target(name: "TrailSample", dependencies: ["AWSProtocol", "DynamoDB", "CloudTrail", "CallHandling"]),
        .target(
            name: "DynamoTrail",
            dependencies: [
                "AWSProtocol", "HTTPServer", "DynamoDB", "CloudTrail", "S3Bucket", "CloudTrailService", "CallHandling",
                "TrailSample",
            ]),
        .executableTarget(name: "dynamotrail", dependencies: ["DynamoTrail", "TrailSample"]),
        .target(
            name: "TestSupport", dependencies: ["DynamoTrail", "HTTPServer", "AWSProtocol"],
            path: "Tests/TestSupport"),
        .testTarget(name: "AWSProtocolTests", dependencies: ["AWSProtocol"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "DynamoDBTests", dependencies: ["DynamoDB", "DynamoDBItems", "AWSProtocol"]),
        .testTarget(name: "CloudTrailTests", dependencies: ["CloudTrail", "AWSProtocol", "HTTPServer"]),
        .testTarget(name: "S3BucketTests", dependencies: ["S3Bucket", "AWSProtocol"]),
        .testTarget(
            name: "DynamoTrailTests",
            dependencies: [
                "DynamoTrail", "TestSupport", "AWSProtocol", "CloudTrail", "CloudTrailService", "CallHandling", "TrailSample",
                "DynamoDB", "HTTPServer",
            ]),
    ]
)
