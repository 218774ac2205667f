"""Accounts and trails in a two-account run: each account's own trail (DescribeTrails, GetTrailStatus, StopLogging with
that account's keys) with its own digest chains that the stock `aws cloudtrail validate-logs --trail-arn` accepts per
account and region, idle regions included; and the organization trail's key layout.

AWS pages behind the expectations: "CloudTrail digest file structure" (digest keys, the organization layout, and "CloudTrail
will deliver a digest file even when there has been no API activity in your account during the one hour period"), the
CloudTrail API Reference's "DescribeTrails" (shadow trails of an organization trail in member accounts) and
"GetTrailStatus" (a member account names the organization trail by its full ARN; TrailNotFoundException
"Unknown trail: <name> for the user: <account>")."""
import datetime
import gzip
import json
import os
import subprocess
import time
import unittest

import botocore.exceptions

from dynamotrail_server import BIN, DynamoTrail

ALICE = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
DEPLOYER = ("AKIAPRODDEPLOYER0001", "prodDeployerSecretEXAMPLEKEY00000000000003")
DEV, PROD = "123456789012", "210987654321"
KEYS = {DEV: ALICE, PROD: DEPLOYER}
ORG = "o-exampleorgid"


def config(**trail):
    return {
        "accounts": [
            {"accountId": DEV, "default": True, "identities": [
                {"type": "IAMUser", "userName": "alice", "accessKeyId": ALICE[0], "secretAccessKey": ALICE[1]}]},
            {"accountId": PROD, "identities": [
                {"type": "IAMUser", "userName": "deployer", "accessKeyId": DEPLOYER[0], "secretAccessKey": DEPLOYER[1]}]},
        ],
        "trail": dict({"deliveryIntervalSeconds": 1, "digest": {"enabled": True, "intervalSeconds": 2},
                       "notifications": {"file": None}}, **trail),
    }


def trail_arn(account):
    return "arn:aws:cloudtrail:us-east-1:%s:trail/dynamotrail" % account


def files(bucket, kind):
    """Keys (relative to the bucket) of every log (`CloudTrail`) or digest (`CloudTrail-Digest`) file."""
    out = []
    for folder, _, names in os.walk(os.path.join(bucket, "AWSLogs")):
        rel = os.path.relpath(folder, bucket)
        if ("/%s/" % kind) in "/" + rel + "/":
            out += [rel + "/" + name for name in names]
    return sorted(out)


def read_digest(bucket, key):
    with gzip.open(os.path.join(bucket, key)) as f:
        return json.load(f)


def aws(server, account, *args):
    key, secret = KEYS[account]
    env = dict(os.environ, AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret, AWS_DEFAULT_REGION="us-east-1",
               AWS_ENDPOINT_URL=server.endpoint)
    env.pop("AWS_PROFILE", None)
    return subprocess.run(["aws", *args], capture_output=True, text=True, env=env, timeout=120)


def now():
    return datetime.datetime.now(datetime.timezone.utc)


class AccountsAndTrailsTest(unittest.TestCase):
    def clients(self, server, service, region="us-east-1"):
        return {account: server.client(service, region=region, key=key, secret=secret) for account, (key, secret) in KEYS.items()}

    def wait_for_digests(self, server, chains, moment, timeout=30):
        """Waits until every (account, region) chain has a digest ending after `moment`; returns {chain: [keys]}."""
        deadline = time.time() + timeout
        while True:
            found = {}
            for key in files(server.bucket, "CloudTrail-Digest"):
                parts = key.split("/")
                index = parts.index("CloudTrail-Digest")
                end = datetime.datetime.strptime(read_digest(server.bucket, key)["digestEndTime"], "%Y-%m-%dT%H:%M:%SZ")
                if end.replace(tzinfo=datetime.timezone.utc) > moment:
                    found.setdefault((parts[index - 1], parts[index + 1]), []).append(key)
            if all(chain in found for chain in chains) or time.time() > deadline:
                missing = [chain for chain in chains if chain not in found]
                self.assertEqual(missing, [], files(server.bucket, "CloudTrail-Digest"))
                return found
            time.sleep(0.5)

    def test_each_account_has_its_own_trail_and_chain_that_validate_logs_accepts(self):
        with DynamoTrail(config=config()) as server:
            start = (now() - datetime.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
            cloudtrail = self.clients(server, "cloudtrail")
            for account, client in cloudtrail.items():
                trails = client.describe_trails()["trailList"]
                self.assertEqual([t["TrailARN"] for t in trails], [trail_arn(account)])
                self.assertFalse(trails[0]["IsOrganizationTrail"])
                self.assertEqual(client.list_trails()["Trails"],
                                 [{"TrailARN": trail_arn(account), "Name": "dynamotrail", "HomeRegion": "us-east-1"}])
                self.assertTrue(client.get_trail_status(Name=trail_arn(account))["IsLogging"])
            # Another account's trail: not found, in the caller's account.
            with self.assertRaises(botocore.exceptions.ClientError) as caught:
                cloudtrail[PROD].get_trail_status(Name=trail_arn(DEV))
            self.assertEqual(caught.exception.response["Error"]["Code"], "TrailNotFoundException")
            self.assertEqual(caught.exception.response["Error"]["Message"],
                             "Unknown trail: %s for the user: %s" % (trail_arn(DEV), PROD))
            self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)

            # dev calls in us-east-1 only (prod also there, through the CloudTrail calls above) and prod in eu-west-1:
            # each account's trail covers both regions (the home region and every region with a delivery), so dev's
            # eu-west-1 chain is idle: its digests list no log files.
            self.clients(server, "dynamodb")[DEV].list_tables()
            self.clients(server, "dynamodb", region="eu-west-1")[PROD].list_tables()
            chains = [(DEV, "us-east-1"), (DEV, "eu-west-1"), (PROD, "us-east-1"), (PROD, "eu-west-1")]
            found = self.wait_for_digests(server, chains, now())
            idle = read_digest(server.bucket, found[(DEV, "eu-west-1")][-1])
            self.assertEqual(idle["logFiles"], [])
            self.assertIsNone(idle["newestEventTime"])
            self.assertIsNone(idle["oldestEventTime"])
            self.assertEqual(idle["awsAccountId"], DEV)
            for (account, region), keys in found.items():
                for key in keys:
                    self.assertTrue(key.startswith("AWSLogs/%s/CloudTrail-Digest/%s/" % (account, region)), key)
                    self.assertIn("/%s_CloudTrail-Digest_%s_dynamotrail_us-east-1_" % (account, region), key)

            for account, region in chains:
                result = aws(server, account, "cloudtrail", "validate-logs", "--trail-arn", trail_arn(account),
                             "--start-time", start, "--endpoint-url", server.endpoint, "--region", region, "--verbose")
                self.assertEqual(result.returncode, 0, (account, region, result.stdout, result.stderr))
                self.assertRegex(result.stdout, r"(\d+)/\1 digest files valid")
                self.assertNotIn("INVALID", result.stdout + result.stderr)
                self.assertIn("/%s/CloudTrail-Digest/%s/" % (account, region), result.stdout)
                if (account, region) == (DEV, "eu-west-1"):
                    self.assertNotIn("log files valid", result.stdout)
                else:
                    self.assertRegex(result.stdout, r"([1-9]\d*)/\1 log files valid")
            # validate-logs finds the trail through DescribeTrails: another account's keys do not see it.
            foreign = aws(server, DEV, "cloudtrail", "validate-logs", "--trail-arn", trail_arn(PROD), "--start-time", start,
                          "--endpoint-url", server.endpoint)
            self.assertNotEqual(foreign.returncode, 0)
            self.assertIn("A trail could not be found for %s" % trail_arn(PROD), foreign.stderr)
            offline = subprocess.run([BIN, "validate", "--bucket", server.bucket], capture_output=True, text=True)
            self.assertEqual(offline.returncode, 0, offline.stdout + offline.stderr)

    def test_configured_regions_each_get_a_digest_every_interval(self):
        with DynamoTrail(config=config(regions=["us-east-1", "ap-southeast-2", "sa-east-1"])) as server:
            self.clients(server, "dynamodb")[DEV].list_tables()
            chains = [(DEV, "us-east-1"), (DEV, "ap-southeast-2"), (DEV, "sa-east-1")]
            first = self.wait_for_digests(server, chains, now())
            later = self.wait_for_digests(server, chains, now())
            for chain in chains[1:]:
                newest = read_digest(server.bucket, sorted(later[chain])[-1])
                self.assertEqual(newest["logFiles"], [])
                self.assertIsNotNone(newest["previousDigestSignature"])
            self.assertTrue(all(len(first[chain]) >= 1 for chain in chains))
            offline = subprocess.run([BIN, "validate", "--bucket", server.bucket], capture_output=True, text=True)
            self.assertEqual(offline.returncode, 0, offline.stdout + offline.stderr)

    def test_stop_logging_stops_only_the_callers_trail(self):
        with DynamoTrail(config=config()) as server:
            cloudtrail = self.clients(server, "cloudtrail")
            cloudtrail[PROD].stop_logging(Name="dynamotrail")
            self.assertFalse(cloudtrail[PROD].get_trail_status(Name="dynamotrail")["IsLogging"])
            self.assertTrue(cloudtrail[DEV].get_trail_status(Name="dynamotrail")["IsLogging"])
            for client in self.clients(server, "dynamodb").values():
                client.list_tables()
            server.admin("POST", "/_dynamotrail/flush")
            names = set()
            for key in files(server.bucket, "CloudTrail"):
                with gzip.open(os.path.join(server.bucket, key)) as f:
                    names |= {(r["recipientAccountId"], r["eventName"]) for r in json.load(f)["Records"]}
            self.assertIn((DEV, "ListTables"), names)
            self.assertIn((PROD, "StopLogging"), names)
            self.assertNotIn((PROD, "ListTables"), names)

    def test_organization_trail_layout_and_member_view(self):
        with DynamoTrail(config=config(organizationId=ORG)) as server:
            cloudtrail = self.clients(server, "cloudtrail")
            for account, client in cloudtrail.items():
                trails = client.describe_trails()["trailList"]
                self.assertEqual([t["TrailARN"] for t in trails], [trail_arn(DEV)], account)
                self.assertTrue(trails[0]["IsOrganizationTrail"])
            # A member account sees the organization trail only as a shadow trail, and names it by ARN.
            self.assertEqual(cloudtrail[PROD].describe_trails(includeShadowTrails=False)["trailList"], [])
            self.assertTrue(cloudtrail[PROD].get_trail_status(Name=trail_arn(DEV))["IsLogging"])
            with self.assertRaises(cloudtrail[PROD].exceptions.TrailNotFoundException):
                cloudtrail[PROD].get_trail_status(Name="dynamotrail")

            self.clients(server, "dynamodb")[DEV].list_tables()
            self.clients(server, "dynamodb", region="eu-west-1")[PROD].list_tables()
            chains = [(DEV, "us-east-1"), (DEV, "eu-west-1"), (PROD, "us-east-1"), (PROD, "eu-west-1")]
            found = self.wait_for_digests(server, chains, now())
            logs = files(server.bucket, "CloudTrail")
            self.assertTrue(logs)
            for key in logs:
                self.assertRegex(key, r"^AWSLogs/%s/(%s|%s)/CloudTrail/[a-z0-9-]+/\d{4}/\d\d/\d\d/\1_CloudTrail_" % (ORG, DEV, PROD))
            self.assertTrue(any(key.startswith("AWSLogs/%s/%s/CloudTrail/eu-west-1/" % (ORG, PROD)) for key in logs))
            for (account, region), keys in found.items():
                for key in keys:
                    self.assertRegex(key, r"^AWSLogs/%s/%s/CloudTrail-Digest/%s/\d{4}/\d\d/\d\d/%s_CloudTrail-Digest_%s_dynamotrail_us-east-1_"
                                     r"\d{8}T\d{6}Z\.json\.gz$" % (ORG, account, region, account, region))
                    self.assertEqual(read_digest(server.bucket, key)["digestS3Object"], key)
            offline = subprocess.run([BIN, "validate", "--bucket", server.bucket], capture_output=True, text=True)
            self.assertEqual(offline.returncode, 0, offline.stdout + offline.stderr)


if __name__ == "__main__":
    unittest.main()
