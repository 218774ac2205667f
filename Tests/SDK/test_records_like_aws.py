"""Records that look like AWS's, field by field, through boto3 against the release binary.

- `sessionContext.webIdFederationData` for sessions from AssumeRoleWithWebIdentity (AWS CloudTrail User Guide:
  "CloudTrail userIdentity element"; the populated form as in AWS Marketplace's "Logging AWS Marketplace Metering
  API calls" RegisterUsage example and real GitHub Actions and Cognito records), between `sessionIssuer` and
  `attributes`; none for plain role and federated-user sessions, as current (eventVersion 1.11) records.
- Dates inside requestParameters/responseElements in the form current records use, "Oct 26, 2025, 11:50:52 PM"
  (a real 2025 LookupEvents record), for DynamoDB, reserved capacity and CloudTrail's own API.
- A web identity AWS could not have issued stops the start (exit 2, the key and the reason); `sample` writes
  the web-identity session too, the same bytes for the same seed.
"""
import datetime
import glob
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from collections import OrderedDict

from dynamotrail_server import BIN, DynamoTrail
from test_invalid_requests import signed_call

ACCOUNT = "123456789012"
GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
COGNITO_CLAIMS = OrderedDict([
    ("cognito-identity.amazonaws.com:amr", '["authenticated","cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE"]'),
    ("cognito-identity.amazonaws.com:aud", "us-east-1:11111111-2222-3333-4444-555555555555"),
    ("cognito-identity.amazonaws.com:sub", "us-east-1:66666666-7777-8888-9999-000000000000"),
])
KEYS = {"github": "ASIAGHAOIDCEXAMPLE01", "cognito": "ASIACOGNITOEXAMPLE01", "jane": "ASIAQNZGKEXAMPLEROLE",
        "bob": "ASIAFEDERATEDEXAMPLE"}


def session(name, **fields):
    return dict({"accessKeyId": KEYS[name], "secretAccessKey": name + "SecretEXAMPLEKEY", "sessionToken": name + "Token"},
                **fields)


CONFIG = {
    "accounts": [{"accountId": ACCOUNT, "default": True, "identities": [
        {"type": "IAMUser", "userName": "alice", "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
         "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
        session("github", type="AssumedRole", roleName="gha-deploy-role", sessionName="GitHubActions",
                webIdentity={"provider": GITHUB}),
        session("cognito", type="AssumedRole", roleName="Cognito_AppAuth_Role", sessionName="CognitoIdentityCredentials",
                webIdentity={"provider": "cognito-identity.amazonaws.com", "attributes": COGNITO_CLAIMS}),
        session("jane", type="AssumedRole", roleName="admin-role", sessionName="jane"),
        session("bob", type="FederatedUser", federatedName="bob", issuerUserName="alice"),
    ]}],
}


def record_date(moment):
    """`Oct 26, 2025, 11:50:52 PM`: the form of dates in current records (UTC, seconds)."""
    moment = moment.astimezone(datetime.timezone.utc)
    hour = moment.hour % 12 or 12
    return "%s %d, %d, %d:%02d:%02d %s" % (moment.strftime("%b"), moment.day, moment.year, hour, moment.minute,
                                          moment.second, "AM" if moment.hour < 12 else "PM")


def delivered(server):
    """Every delivered record, JSON objects kept in their order."""
    records = []
    for key in server.admin("POST", "/_dynamotrail/flush")["keys"]:
        with gzip.open(os.path.join(server.bucket, key)) as f:
            records += json.loads(f.read(), object_pairs_hook=OrderedDict)["Records"]
    return records


class RecordsLikeAWSTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail(config=CONFIG).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def client(self, service, name=None):
        if name is None:
            return self.server.client(service)
        return self.server.client(service, key=KEYS[name], secret=name + "SecretEXAMPLEKEY", token=name + "Token")

    def test_web_identity_sessions_carry_their_provider_and_other_sessions_none(self):
        for name in KEYS:
            self.client("dynamodb", name).list_tables(Limit=7)
        records = {r["userIdentity"]["accessKeyId"]: r for r in delivered(self.server)
                   if r["eventName"] == "ListTables" and r["requestParameters"] == {"limit": 7}}

        github = records[KEYS["github"]]["userIdentity"]
        self.assertEqual(list(github), ["type", "principalId", "arn", "accountId", "accessKeyId", "sessionContext"])
        self.assertEqual(github["type"], "AssumedRole")
        self.assertEqual(github["arn"], "arn:aws:sts::123456789012:assumed-role/gha-deploy-role/GitHubActions")
        self.assertRegex(github["principalId"], r"^AROA[A-Z2-7]{17}:GitHubActions$")
        context = github["sessionContext"]
        self.assertEqual(list(context), ["sessionIssuer", "webIdFederationData", "attributes"])
        self.assertEqual(context["sessionIssuer"], {
            "type": "Role", "principalId": github["principalId"].split(":")[0],
            "arn": "arn:aws:iam::123456789012:role/gha-deploy-role", "accountId": ACCOUNT, "userName": "gha-deploy-role"})
        self.assertEqual(json.dumps(context["webIdFederationData"]),
                         json.dumps({"federatedProvider": GITHUB, "attributes": {}}))
        self.assertEqual(list(context["attributes"]), ["creationDate", "mfaAuthenticated"])
        self.assertEqual(context["attributes"]["mfaAuthenticated"], "false")

        cognito = records[KEYS["cognito"]]["userIdentity"]["sessionContext"]["webIdFederationData"]
        self.assertEqual(json.dumps(cognito), json.dumps(OrderedDict([
            ("federatedProvider", "cognito-identity.amazonaws.com"), ("attributes", COGNITO_CLAIMS)])))

        for name in ("jane", "bob"):
            self.assertEqual(list(records[KEYS[name]]["userIdentity"]["sessionContext"]), ["sessionIssuer", "attributes"])

    def test_dates_in_records_take_the_form_aws_writes(self):
        ddb = self.client("dynamodb", "github")
        created = ddb.create_table(
            TableName="Dated", BillingMode="PAY_PER_REQUEST", AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}])["TableDescription"]["CreationDateTime"]
        ddb.update_table(TableName="Dated", BillingMode="PROVISIONED",
                         ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
        status, offerings = signed_call(self.server.endpoint, "DescribeReservedCapacityOfferings", {"CapacityUnitType": "WRITE"})
        self.assertEqual(status, 200, offerings)
        offering = offerings["ReservedCapacityOfferings"][0]["ReservedCapacityOfferingId"]
        status, bought = signed_call(self.server.endpoint, "PurchaseReservedCapacityOfferings",
                                     {"ReservedCapacityOfferingId": offering, "CapacityUnits": 100})
        self.assertEqual(status, 200, bought)
        start = datetime.datetime.fromtimestamp(bought["ReservedCapacityDescription"]["StartTime"], datetime.timezone.utc)
        cloudtrail = self.client("cloudtrail")
        window = dict(StartTime=datetime.datetime(2025, 10, 26, 23, 50, 52, tzinfo=datetime.timezone.utc),
                      EndTime=datetime.datetime(2025, 10, 27, 0, 0, 52, tzinfo=datetime.timezone.utc))
        cloudtrail.lookup_events(**window)
        cloudtrail.list_public_keys(**window)

        records = delivered(self.server)
        def only(name, predicate=lambda r: True):
            [record] = [r for r in records if r["eventName"] == name and "errorCode" not in r and predicate(r)]
            return record

        table = only("CreateTable", lambda r: r["requestParameters"]["tableName"] == "Dated")["responseElements"]["tableDescription"]
        self.assertEqual(table["creationDateTime"], record_date(created))
        self.assertRegex(table["creationDateTime"], r"^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} (AM|PM)$")
        updated = only("UpdateTable")["responseElements"]["tableDescription"]
        self.assertEqual(updated["creationDateTime"], record_date(created))
        self.assertEqual(updated["billingModeSummary"]["lastUpdateToPayPerRequestDateTime"], record_date(created))
        purchase = only("PurchaseReservedCapacityOfferings")["responseElements"]["reservedCapacityDescription"]
        self.assertEqual(purchase["startTime"], record_date(start))
        expected = {"startTime": "Oct 26, 2025, 11:50:52 PM", "endTime": "Oct 27, 2025, 12:00:52 AM"}
        for name in ("LookupEvents", "ListPublicKeys"):
            record = only(name, lambda r: (r["requestParameters"] or {}).get("startTime") is not None)
            self.assertEqual(record["requestParameters"], expected)
            self.assertIsNone(record["responseElements"])

    def test_a_web_identity_aws_could_not_issue_stops_the_start(self):
        bad = json.loads(json.dumps(CONFIG))
        bad["accounts"][0]["identities"][1]["webIdentity"]["provider"] = GITHUB.replace(ACCOUNT, "210987654321")
        directory = tempfile.mkdtemp(prefix="dynamotrail-webid-")
        try:
            path = os.path.join(directory, "config.json")
            with open(path, "w") as f:
                json.dump(bad, f)
            result = subprocess.run([BIN, "serve", "--config", path, "--port", "0", "--bucket", os.path.join(directory, "b")],
                                    capture_output=True, text=True, timeout=60, cwd=directory)
            self.assertEqual(result.returncode, 2)
            self.assertIn("accounts[0].identities[1].webIdentity.provider: must be an OIDC provider of account "
                          "123456789012, the role's account", result.stderr)
        finally:
            shutil.rmtree(directory, ignore_errors=True)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class SampleWebIdentityTest(unittest.TestCase):
    def test_sample_writes_the_web_identity_session_and_the_same_bytes_for_a_seed(self):
        directory = tempfile.mkdtemp(prefix="dynamotrail-sample-webid-")
        try:
            args = ["sample", "--count", "3000", "--seed", "5", "--start-time", "2026-03-01T00:00:00Z",
                    "--end-time", "2026-03-01T06:00:00Z"]
            outputs = []
            for name in ("a", "b"):
                out = os.path.join(directory, name)
                # No config.json in the working directory: the demo accounts.
                result = subprocess.run([BIN, *args, "--output", out], capture_output=True, text=True, timeout=600, cwd=directory)
                self.assertEqual(result.returncode, 0, result.stderr)
                outputs.append(out)
            files = lambda d: sorted(glob.glob(os.path.join(d, "AWSLogs", "*", "CloudTrail", "**", "*.json.gz"), recursive=True))
            digest = lambda d: {os.path.relpath(p, d): sha256(p) for p in files(d)}
            self.assertEqual(digest(outputs[0]), digest(outputs[1]))
            records = []
            for path in files(outputs[0]):
                with gzip.open(path) as f:
                    records += json.loads(f.read(), object_pairs_hook=OrderedDict)["Records"]
            web = [r for r in records if "webIdFederationData" in r["userIdentity"].get("sessionContext", {})]
            self.assertTrue(web)
            for record in web:
                identity = record["userIdentity"]
                self.assertEqual(identity["arn"], "arn:aws:sts::123456789012:assumed-role/gha-deploy-role/GitHubActions")
                self.assertEqual(list(identity["sessionContext"]), ["sessionIssuer", "webIdFederationData", "attributes"])
                self.assertEqual(dict(identity["sessionContext"]["webIdFederationData"]),
                                 {"federatedProvider": GITHUB, "attributes": {}})
                self.assertEqual(identity["sessionContext"]["attributes"]["mfaAuthenticated"], "false")
            self.assertTrue(any(r["userIdentity"]["type"] == "AssumedRole"
                                and "webIdFederationData" not in r["userIdentity"]["sessionContext"] for r in records))
        finally:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
