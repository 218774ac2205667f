"""Reserved capacity end to end with raw SigV4-signed requests (the three actions are console-only on AWS and
absent from botocore; the wire shapes are DynamoTrail's PROPOSAL, shared/reference/dynamodb-api.md §4.2 and
Sources/DynamoDBService/ReservedCapacity*.swift). Covers the catalogue, purchases, validation errors,
paging, and `--auth enforce` with configured identities (signature checks, a deny list, a second account),
and the CloudTrail records of the calls.
"""
import gzip
import json
import os
import re
import time
import unittest

from dynamotrail_server import DynamoTrail
from test_invalid_requests import signed_call

ONE_YEAR, THREE_YEARS = 31536000, 94608000
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
OFFERING_MEMBERS = ["ReservedCapacityOfferingId", "CapacityUnitType", "CapacityUnits", "Duration", "FixedPrice",
                    "UsagePrice", "CurrencyCode", "OfferingType", "RecurringCharges", "Region"]
RESERVATION_MEMBERS = ["ReservedCapacityId", "ReservedCapacityArn", "ReservedCapacityOfferingId", "CapacityUnitType",
                       "CapacityUnits", "StartTime", "Duration", "FixedPrice", "UsagePrice", "CurrencyCode",
                       "OfferingType", "RecurringCharges", "State"]
VALIDATION = "com.amazon.coral.validate#ValidationException"

ENFORCE_CONFIG = {
    "auth": {"mode": "enforce"},
    "accounts": [
        {"accountId": "123456789012", "default": True, "identities": [
            {"type": "IAMUser", "userName": "buyer", "accessKeyId": "AKIABUYER00000000001",
             "secretAccessKey": "buyerSecretEXAMPLEKEY0000000000000000001"},
            {"type": "IAMUser", "userName": "viewer", "accessKeyId": "AKIAVIEWER0000000001",
             "secretAccessKey": "viewerSecretEXAMPLEKEY000000000000000001",
             "deny": ["dynamodb:PurchaseReservedCapacityOfferings"]},
            {"type": "AssumedRole", "roleName": "ops", "sessionName": "s1", "accessKeyId": "ASIAOPS0000000000001",
             "secretAccessKey": "opsSecretEXAMPLEKEY000000000000000000001", "sessionToken": "opsSessionToken0001"}]},
        {"accountId": "210987654321", "identities": [
            {"type": "IAMUser", "userName": "prod", "accessKeyId": "AKIAPROD000000000001",
             "secretAccessKey": "prodSecretEXAMPLEKEY00000000000000000001"}]},
    ],
}


class ReservedCapacityTest(unittest.TestCase):
    def call(self, server, operation, body, **credentials):
        return signed_call(server.endpoint, operation, body, **credentials)

    def assertError(self, response, type_, message):
        status, body = response
        self.assertEqual(status, 400, body)
        self.assertEqual(body.get("__type"), type_, body)
        self.assertEqual(body.get("message", body.get("Message")), message)

    def offering(self, server, unit, duration, **credentials):
        status, body = self.call(server, "DescribeReservedCapacityOfferings",
                                 {"CapacityUnitType": unit, "Duration": duration}, **credentials)
        self.assertEqual(status, 200, body)
        [offering] = body["ReservedCapacityOfferings"]
        return offering

    def test_catalogue_purchase_describe_and_validation(self):
        with DynamoTrail() as server:
            status, body = self.call(server, "DescribeReservedCapacityOfferings", {})
            self.assertEqual(status, 200, body)
            offerings = body["ReservedCapacityOfferings"]
            self.assertNotIn("NextToken", body)
            self.assertEqual(sorted((o["CapacityUnitType"], o["Duration"]) for o in offerings),
                             [("READ", ONE_YEAR), ("READ", THREE_YEARS), ("WRITE", ONE_YEAR), ("WRITE", THREE_YEARS)])
            for offering in offerings:
                self.assertEqual(list(offering), OFFERING_MEMBERS)
                self.assertRegex(offering["ReservedCapacityOfferingId"], UUID)
                self.assertEqual((offering["CapacityUnits"], offering["CurrencyCode"], offering["OfferingType"],
                                  offering["Region"]), (100, "USD", "Partial Upfront", "us-east-1"))
                self.assertGreater(offering["FixedPrice"], 0)
                self.assertEqual(offering["RecurringCharges"], [{"RecurringChargeAmount": offering["UsagePrice"],
                                                                 "RecurringChargeFrequency": "Hourly"}])
            # Ids are stable across calls; filters and MaxResults/NextToken paging.
            self.assertEqual(self.call(server, "DescribeReservedCapacityOfferings", {})[1]["ReservedCapacityOfferings"],
                             offerings)
            page1 = self.call(server, "DescribeReservedCapacityOfferings", {"MaxResults": 3})[1]
            page2 = self.call(server, "DescribeReservedCapacityOfferings",
                              {"MaxResults": 3, "NextToken": page1["NextToken"]})[1]
            self.assertEqual(page1["ReservedCapacityOfferings"] + page2["ReservedCapacityOfferings"], offerings)
            self.assertNotIn("NextToken", page2)
            read_1y = self.offering(server, "READ", ONE_YEAR)
            by_id = self.call(server, "DescribeReservedCapacityOfferings",
                              {"ReservedCapacityOfferingId": read_1y["ReservedCapacityOfferingId"]})[1]
            self.assertEqual(by_id["ReservedCapacityOfferings"], [read_1y])
            # Another region has its own catalogue.
            west = self.call(server, "DescribeReservedCapacityOfferings", {}, region="us-west-2")[1]
            self.assertEqual({o["Region"] for o in west["ReservedCapacityOfferings"]}, {"us-west-2"})

            # Purchase: payment-pending in the response, active afterwards.
            before = time.time()
            status, body = self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": read_1y["ReservedCapacityOfferingId"], "CapacityUnits": 300,
                "ReservedCapacityId": "reads-2026", "Tags": [{"Key": "cost-center", "Value": "42"}]})
            self.assertEqual(status, 200, body)
            bought = body["ReservedCapacityDescription"]
            self.assertEqual(list(bought), RESERVATION_MEMBERS)
            self.assertEqual(bought["ReservedCapacityArn"],
                             "arn:aws:dynamodb:us-east-1:123456789012:reserved-capacity/reads-2026")
            self.assertEqual((bought["CapacityUnitType"], bought["CapacityUnits"], bought["Duration"], bought["State"]),
                             ("READ", 300, ONE_YEAR, "payment-pending"))
            self.assertAlmostEqual(bought["FixedPrice"], 3 * read_1y["FixedPrice"])
            self.assertAlmostEqual(bought["UsagePrice"], 3 * read_1y["UsagePrice"])
            self.assertLess(abs(bought["StartTime"] - before), 5)
            write_3y = self.offering(server, "WRITE", THREE_YEARS)
            status, second = self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": write_3y["ReservedCapacityOfferingId"], "CapacityUnits": 100})
            self.assertEqual(status, 200, second)
            self.assertRegex(second["ReservedCapacityDescription"]["ReservedCapacityId"], UUID)

            status, listed = self.call(server, "DescribeReservedCapacity", {})
            self.assertEqual(status, 200, listed)
            self.assertEqual([r["ReservedCapacityId"] for r in listed["ReservedCapacityDescriptions"]],
                             ["reads-2026", second["ReservedCapacityDescription"]["ReservedCapacityId"]])
            self.assertEqual({r["State"] for r in listed["ReservedCapacityDescriptions"]}, {"active"})
            self.assertEqual(dict(listed["ReservedCapacityDescriptions"][0], State="payment-pending"), bought)
            filtered = self.call(server, "DescribeReservedCapacity", {"CapacityUnitType": "WRITE", "State": "active"})[1]
            self.assertEqual(len(filtered["ReservedCapacityDescriptions"]), 1)
            self.assertEqual(self.call(server, "DescribeReservedCapacity", {"ReservedCapacityId": "reads-2026",
                                                                            "MaxResults": 1})[1]
                             ["ReservedCapacityDescriptions"][0]["ReservedCapacityId"], "reads-2026")
            page = self.call(server, "DescribeReservedCapacity", {"MaxResults": 1})[1]
            self.assertEqual(page["NextToken"], "1")
            self.assertEqual(self.call(server, "DescribeReservedCapacity", {"State": "retired"})[1],
                             {"ReservedCapacityDescriptions": []})

            # Validation and the proposal's errors.
            offering_id = read_1y["ReservedCapacityOfferingId"]
            self.assertError(self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 250}), VALIDATION,
                "One or more parameter values were invalid: CapacityUnits must be a multiple of 100")
            self.assertError(self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 0}), VALIDATION,
                "1 validation error detected: Value '0' at 'capacityUnits' failed to satisfy constraint: "
                "Member must have value greater than or equal to 1")
            self.assertError(self.call(server, "PurchaseReservedCapacityOfferings", {"CapacityUnits": 100}), VALIDATION,
                             "The parameter 'ReservedCapacityOfferingId' is required but was not present in the request")
            self.assertError(self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": "100"}),
                "com.amazon.coral.service#SerializationException", "STRING_VALUE cannot be converted to Long")
            self.assertError(self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": "no-such-offering", "CapacityUnits": 100}),
                "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
                "Requested resource not found: ReservedCapacityOffering: no-such-offering not found")
            self.assertError(self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 100, "ReservedCapacityId": "reads-2026"}),
                "com.amazonaws.dynamodb.v20120810#ResourceInUseException", "Reserved capacity already exists: reads-2026")
            self.assertError(self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 999700}),
                "com.amazonaws.dynamodb.v20120810#LimitExceededException",
                "Subscriber limit exceeded: Reserved capacity purchases are limited to 1000000 capacity units per account")
            self.assertError(self.call(server, "DescribeReservedCapacityOfferings", {"MaxResults": 101}), VALIDATION,
                             "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: "
                             "Member must have value less than or equal to 100")
            self.assertError(self.call(server, "DescribeReservedCapacityOfferings", {"CapacityUnitType": "BOTH"}),
                             VALIDATION, "1 validation error detected: Value 'BOTH' at 'capacityUnitType' failed to "
                             "satisfy constraint: Member must satisfy enum value set: [READ, WRITE]")
            self.assertError(self.call(server, "DescribeReservedCapacity", {"NextToken": "not-a-token"}), VALIDATION,
                             "Invalid NextToken")
            self.assertError(self.call(server, "DescribeReservedCapacity", {"State": "gone"}), VALIDATION,
                             "1 validation error detected: Value 'gone' at 'state' failed to satisfy constraint: "
                             "Member must satisfy enum value set: [payment-pending, active, payment-failed, retired]")

            # A reset forgets reservations.
            server.admin("POST", "/_dynamotrail/reset")
            self.assertEqual(self.call(server, "DescribeReservedCapacity", {})[1], {"ReservedCapacityDescriptions": []})

    def test_enforce_mode_with_configured_identities(self):
        buyer = {"key": "AKIABUYER00000000001", "secret": "buyerSecretEXAMPLEKEY0000000000000000001"}
        viewer = {"key": "AKIAVIEWER0000000001", "secret": "viewerSecretEXAMPLEKEY000000000000000001"}
        ops = {"key": "ASIAOPS0000000000001", "secret": "opsSecretEXAMPLEKEY000000000000000000001",
               "token": "opsSessionToken0001"}
        prod = {"key": "AKIAPROD000000000001", "secret": "prodSecretEXAMPLEKEY00000000000000000001"}
        with DynamoTrail(config=ENFORCE_CONFIG) as server:
            offering_id = self.offering(server, "WRITE", ONE_YEAR, **buyer)["ReservedCapacityOfferingId"]
            status, body = self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 200, "ReservedCapacityId": "wr1"}, **buyer)
            self.assertEqual(status, 200, body)
            status, body = self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 100, "ReservedCapacityId": "wr2"}, **ops)
            self.assertEqual(status, 200, body)
            # The second account has its own reservations, with its own ARNs.
            status, body = self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 100, "ReservedCapacityId": "pr1"}, **prod)
            self.assertEqual(status, 200, body)
            self.assertEqual(body["ReservedCapacityDescription"]["ReservedCapacityArn"],
                             "arn:aws:dynamodb:us-east-1:210987654321:reserved-capacity/pr1")
            self.assertEqual([r["ReservedCapacityId"] for r in self.call(
                server, "DescribeReservedCapacity", {}, **viewer)[1]["ReservedCapacityDescriptions"]], ["wr1", "wr2"])
            self.assertEqual([r["ReservedCapacityId"] for r in self.call(
                server, "DescribeReservedCapacity", {}, **prod)[1]["ReservedCapacityDescriptions"]], ["pr1"])

            # The viewer may describe but not buy.
            status, body = self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 100}, **viewer)
            self.assertEqual(status, 400, body)
            self.assertEqual(body["__type"].split("#")[1], "AccessDeniedException")
            self.assertIn("arn:aws:iam::123456789012:user/viewer is not authorized to perform: "
                          "dynamodb:PurchaseReservedCapacityOfferings", body["message"])
            # Signature failures, with AWS's texts (dynamodb-api §1.3).
            self.assertError(self.call(server, "DescribeReservedCapacity", {}, key=buyer["key"], secret="wrong"),
                             "com.amazon.coral.service#InvalidSignatureException",
                             "The request signature we calculated does not match the signature you provided. Check your "
                             "AWS Secret Access Key and signing method. Consult the service documentation for details.")
            self.assertError(self.call(server, "DescribeReservedCapacityOfferings", {}, key="AKIANOBODY0000000001",
                                       secret="x"), "com.amazon.coral.service#UnrecognizedClientException",
                             "The security token included in the request is invalid.")
            self.assertEqual(self.call(server, "PurchaseReservedCapacityOfferings", {
                "ReservedCapacityOfferingId": offering_id, "CapacityUnits": 100}, key=ops["key"],
                secret=ops["secret"])[0], 400)  # session credentials without their token
            import urllib.request
            unsigned = urllib.request.Request(server.endpoint + "/", data=b"{}", method="POST", headers={
                "Content-Type": "application/x-amz-json-1.0",
                "X-Amz-Target": "DynamoDB_20120810.DescribeReservedCapacity"})
            try:
                urllib.request.urlopen(unsigned)
                self.fail("an unsigned call succeeded in enforce mode")
            except urllib.error.HTTPError as error:
                self.assertEqual(error.code, 400)
                self.assertEqual(json.loads(error.read()), {
                    "__type": "com.amazon.coral.service#MissingAuthenticationTokenException",
                    "message": "Request is missing Authentication Token"})

            # CloudTrail records the three actions as management events, Purchase as a write.
            keys = server.admin("POST", "/_dynamotrail/flush")["keys"]
            records = []
            for key in keys:
                with gzip.open(os.path.join(server.bucket, key)) as f:
                    records += json.load(f)["Records"]
            names = [(r["eventName"], r["readOnly"], r["recipientAccountId"]) for r in records
                     if "ReservedCapacity" in r["eventName"] and "errorCode" not in r]
            self.assertIn(("PurchaseReservedCapacityOfferings", False, "123456789012"), names)
            self.assertIn(("PurchaseReservedCapacityOfferings", False, "210987654321"), names)
            self.assertIn(("DescribeReservedCapacity", True, "123456789012"), names)
            self.assertIn(("DescribeReservedCapacityOfferings", True, "123456789012"), names)
            denied = [r for r in records if r.get("errorCode") == "AccessDenied"]
            self.assertEqual([r["eventName"] for r in denied], ["PurchaseReservedCapacityOfferings"])
            self.assertTrue(all(r["eventSource"] == "dynamodb.amazonaws.com" for r in records))


if __name__ == "__main__":
    unittest.main()
