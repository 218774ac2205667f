"""Replays the data-plane tables of invalid requests, Tests/SDK/dynamodb_<area>_invalid_requests.json (researched
refusals, each with its `source`: `item` for PutItem, GetItem, UpdateItem and DeleteItem, one file per further area) through botocore against the running server, as test_invalid_requests.py
does for the control plane: each case on a fresh state, setup calls must succeed, the call under test must raise
exactly the listed code and message. Bodies botocore would change (base64 strings for B, ill-typed members) go
out verbatim. The five old-cohort refusals of {"NULL": false} are known differences: DynamoDB now accepts it.
"""
import json
import os
import unittest

import botocore.exceptions
from botocore.config import Config

import boto3
from dynamotrail_server import DynamoTrail
from test_invalid_requests import KEY, SECRET, RawBody, server_config, snake

HERE = os.path.dirname(os.path.abspath(__file__))
CASE_FILES = sorted(
    name for name in os.listdir(HERE)
    if name.startswith("dynamodb_") and name.endswith("_invalid_requests.json") and name != "dynamodb_invalid_requests.json")
CASES = [case for name in CASE_FILES for case in json.load(open(os.path.join(HERE, name)))]
ITEM_CASES = {case["name"] for case in json.load(open(os.path.join(HERE, "dynamodb_item_invalid_requests.json")))}
KNOWN_DIFFERENCES = {
    "PutItem NULL false", "DeleteItem ExpressionAttributeValues NULL false", "DeleteItem Key NULL false",
    "UpdateItem Key NULL false", "UpdateItem ExpressionAttributeValues with NULL false",
}


class ItemInvalidRequestsTest(unittest.TestCase):
    def test_every_item_case_answers_its_error_through_botocore(self):
        groups = {}
        for case in CASES:
            groups.setdefault(json.dumps(case.get("settings", {}), sort_keys=True), []).append(case)
        failures, differences, passed, item_passed = [], [], 0, 0
        for settings_key, cases in sorted(groups.items()):
            with DynamoTrail(config=server_config(json.loads(settings_key))) as server:
                config = Config(parameter_validation=False, retries={"max_attempts": 1, "mode": "standard"})
                client = boto3.client(
                    "dynamodb", endpoint_url=server.endpoint, region_name="us-east-1", aws_access_key_id=KEY,
                    aws_secret_access_key=SECRET, config=config)
                RawBody(client)
                for case in cases:
                    server.admin("POST", "/_dynamotrail/reset")
                    problem = self.run_case(client, case)
                    if not problem:
                        passed += 1
                        item_passed += case["name"] in ITEM_CASES
                    elif case["name"] in KNOWN_DIFFERENCES:
                        differences.append(case["name"])
                    else:
                        failures.append("%s: %s" % (case["name"], problem))
        print("\ndata-plane invalid requests (%s): %d/%d cases pass through botocore (%d known differences)"
              % (", ".join(CASE_FILES), passed, len(CASES), len(differences)))
        self.assertEqual(failures, [], "\n".join(failures))
        self.assertGreaterEqual(item_passed, 150)

    def run_case(self, client, case):
        for step in case["setup"]:
            try:
                getattr(client, snake(step["operation"]))(**step["input"])
            except botocore.exceptions.ClientError as error:
                return "setup %s failed: %s" % (step["operation"], error)
        try:
            result = getattr(client, snake(case["operation"]))(**case["input"])
        except botocore.exceptions.ClientError as error:
            code = error.response["Error"]["Code"]
            message = error.response["Error"]["Message"]
            if error.response["ResponseMetadata"]["HTTPStatusCode"] != 400:
                return "HTTP %d" % error.response["ResponseMetadata"]["HTTPStatusCode"]
        else:
            result.pop("ResponseMetadata", None)
            return "succeeded: %s" % json.dumps(result, default=str)[:300]
        problems = []
        if code != case["type"].split("#", 1)[1]:
            problems.append("code %r, expected %r" % (code, case["type"]))
        if message != case["message"]:
            problems.append("message %r, expected %r" % (message, case["message"]))
        return "; ".join(problems)


if __name__ == "__main__":
    unittest.main()
