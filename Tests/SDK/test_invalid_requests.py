"""Replays Tests/SDK/dynamodb_invalid_requests.json through botocore against the running server.

Each case runs on a fresh state (POST /_dynamotrail/reset): its setup calls must succeed, then the call under
test must raise a ClientError whose code is the part of `type` after '#' and whose message is `message`
exactly. Cases with "settings" run on a server started with those control-plane settings (one server per
distinct settings). The client is botocore with parameter validation off; where botocore's serializer would
not put the case's input on the wire unchanged (an ill-typed member), the JSON body is replaced by the
case's input just before signing, so the server sees exactly the bytes the case describes. The three
reserved-capacity operations are absent from botocore: those cases go out as raw SigV4-signed requests.
"""
import json
import os
import re
import unittest
import urllib.request

import botocore.auth
import botocore.credentials
import botocore.exceptions
from botocore.awsrequest import AWSRequest
from botocore.config import Config

import boto3
from dynamotrail_server import DynamoTrail

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = json.load(open(os.path.join(HERE, "dynamodb_invalid_requests.json")))
KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
NOT_IN_BOTOCORE = {"DescribeReservedCapacityOfferings", "PurchaseReservedCapacityOfferings", "DescribeReservedCapacity"}


def snake(operation):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation).lower()


def server_config(settings):
    """Maps a case's "settings" onto config.json's `dynamodb` section."""
    transitions = {k: v for k, v in settings.items() if k.endswith("Seconds")}
    quotas = {}
    if "maxTablesPerRegion" in settings:
        quotas["tablesPerRegion"] = settings["maxTablesPerRegion"]
    if "maxConcurrentTableOperations" in settings:
        quotas["concurrentTableOperations"] = settings["maxConcurrentTableOperations"]
    unknown = set(settings) - set(transitions) - {"maxTablesPerRegion", "maxConcurrentTableOperations"}
    if unknown:
        raise ValueError("unknown settings %s" % sorted(unknown))
    section = {}
    if transitions:
        section["transitions"] = transitions
    if quotas:
        section["quotas"] = quotas
    return {"dynamodb": section}


class RawBody:
    """botocore event hooks that send a case's input verbatim when botocore's serializer would change it."""

    def __init__(self, client):
        self.client = client
        self.pending = None
        self.used = 0
        client.meta.events.register("before-parameter-build", self.before_parameter_build)
        client.meta.events.register("before-call", self.before_call)

    def before_parameter_build(self, params, model, **kwargs):
        wanted = json.loads(json.dumps(params))
        try:
            request = self.client._serializer.serialize_to_request(dict(params), model)
            same = json.loads(request["body"] or b"{}") == wanted
        except Exception:
            same = False
        # The endpoint ruleset reads TableName (and ARNs) as ResourceArn and rejects a non-string client-side.
        same = same and all(isinstance(params.get(k, ""), str) for k in ("TableName", "ResourceArn", "StreamArn"))
        # For the batches it reads keys(RequestItems): a raw body goes out behind an empty map.
        batch = model.name in ("BatchGetItem", "BatchWriteItem")
        same = same and (not batch or isinstance(params.get("RequestItems"), dict))
        if not same:
            self.pending = json.dumps(wanted).encode()
            self.used += 1
            params.clear()
            if batch:
                params["RequestItems"] = {}

    def before_call(self, params, **kwargs):
        if self.pending is not None:
            params["body"] = self.pending
            params["headers"]["Content-Length"] = str(len(self.pending))
            self.pending = None


def signed_call(endpoint, operation, body, key=KEY, secret=SECRET, token=None, region="us-east-1"):
    """A raw SigV4-signed DynamoDB JSON 1.0 call: (HTTP status, parsed body)."""
    data = json.dumps(body).encode()
    request = AWSRequest(method="POST", url=endpoint + "/", data=data, headers={
        "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810." + operation})
    botocore.auth.SigV4Auth(botocore.credentials.Credentials(key, secret, token), "dynamodb", region).add_auth(request)
    prepared = request.prepare()
    http = urllib.request.Request(prepared.url, data=data, method="POST", headers=dict(prepared.headers))
    try:
        with urllib.request.urlopen(http) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


class InvalidRequestsTest(unittest.TestCase):
    def test_every_case_answers_its_error_through_botocore(self):
        groups = {}
        for case in CASES:
            groups.setdefault(json.dumps(case.get("settings", {}), sort_keys=True), []).append(case)
        failures, passed, raw_bodies = [], 0, 0
        for settings_key, cases in sorted(groups.items()):
            with DynamoTrail(config=server_config(json.loads(settings_key))) as server:
                config = Config(parameter_validation=False, retries={"max_attempts": 1, "mode": "standard"})
                clients = {}
                hooks = {}
                for service in ("dynamodb", "dynamodbstreams"):
                    clients[service] = boto3.client(
                        service, endpoint_url=server.endpoint, region_name="us-east-1", aws_access_key_id=KEY,
                        aws_secret_access_key=SECRET, config=config)
                    hooks[service] = RawBody(clients[service])
                for case in cases:
                    server.admin("POST", "/_dynamotrail/reset")
                    problem = self.run_case(server, clients, case)
                    if problem:
                        failures.append("%s: %s" % (case["name"], problem))
                    else:
                        passed += 1
                raw_bodies += sum(h.used for h in hooks.values())
        print("\ninvalid requests: %d/%d cases pass (%d server groups, %d bodies sent verbatim past botocore's serializer)"
              % (passed, len(CASES), len(groups), raw_bodies))
        self.assertEqual(failures, [], "\n".join(failures))
        self.assertGreaterEqual(passed, 162)

    def run_case(self, server, clients, case):
        for step in case["setup"]:
            try:
                getattr(clients["dynamodb"], snake(step["operation"]))(**step["input"])
            except botocore.exceptions.ClientError as error:
                return "setup %s failed: %s" % (step["operation"], error)
        expected_code = case["type"].split("#", 1)[1]
        if case["operation"] in NOT_IN_BOTOCORE:
            status, body = signed_call(server.endpoint, case["operation"], case["input"])
            if status != 400:
                return "HTTP %d %s" % (status, body)
            code, message = body.get("__type", "").split("#")[-1], body.get("message", body.get("Message"))
            full_type = body.get("__type")
            if full_type != case["type"]:
                return "__type %r, expected %r" % (full_type, case["type"])
        else:
            client = clients["dynamodbstreams" if case["service"] == "streams" else "dynamodb"]
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
        if code != expected_code:
            problems.append("code %r, expected %r" % (code, expected_code))
        if "message" in case and message != case["message"]:
            problems.append("message %r, expected %r" % (message, case["message"]))
        return "; ".join(problems)


if __name__ == "__main__":
    unittest.main()
