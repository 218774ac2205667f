"""Who called: SigV4 through real clients (boto3, the AWS CLI, botocore pre-signed URLs) in enforce
mode with AWS's exact errors, identity mapping in lenient mode, and deny lists.

Until the DynamoDB control plane is merged, the server answers UnknownOperationException for every
DynamoDB operation *before* authenticating, so the signature checks are exercised on the admin
endpoint `/_dynamotrail/whoami`, which authenticates like any call: clients sign a normal DynamoDB
request (ListTables, service `dynamodb`) whose path is that endpoint (an endpoint URL with a path),
and the response body names the identity. Real DynamoDB calls are asserted only to be "not an auth
error"; the deny-list test skips while DeleteTable is not routed.
"""
import calendar
import datetime
import json
import os
import re
import shutil
import subprocess
import unittest
import urllib.error
import urllib.request
from unittest import mock

import boto3
import botocore.auth
import botocore.exceptions
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from dynamotrail_server import DynamoTrail

WHOAMI = "/_dynamotrail/whoami"

ALICE = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
ROLE = ("ASIAROLEJANE00000001", "roleSecretJane/0000000000000000000000000", "FQoGZXIvYXdzEXAMPLEJANETOKEN")
ROOT = ("AKIAROOTPROD00000001", "rootSecretProd/0000000000000000000000000")
BOB = ("ASIAFEDERATEDBOB0001", "bobSecret/000000000000000000000000000000", "FQoGZXIvYXdzEXAMPLEBOBTOKEN")

ENFORCE = {
    "auth": {"mode": "enforce"},
    "accounts": [
        {"accountId": "123456789012", "alias": "dev", "default": True, "identities": [
            {"type": "IAMUser", "userName": "alice", "accessKeyId": ALICE[0], "secretAccessKey": ALICE[1]},
            {"type": "AssumedRole", "roleName": "admin-role", "sessionName": "jane", "mfaAuthenticated": True,
             "accessKeyId": ROLE[0], "secretAccessKey": ROLE[1], "sessionToken": ROLE[2]},
            {"type": "FederatedUser", "federatedName": "bob", "issuerUserName": "alice",
             "accessKeyId": BOB[0], "secretAccessKey": BOB[1], "sessionToken": BOB[2],
             "deny": ["dynamodb:DeleteTable"]},
        ]},
        {"accountId": "210987654321", "alias": "prod", "identities": [
            {"type": "Root", "accessKeyId": ROOT[0], "secretAccessKey": ROOT[1]},
        ]},
    ],
}

MISMATCH = ("The request signature we calculated does not match the signature you provided. Check your AWS Secret "
            "Access Key and signing method. Consult the service documentation for details.")
BAD_TOKEN = "The security token included in the request is invalid."
CORAL = "com.amazon.coral.service#"


def sigv4_basic(moment):
    return moment.strftime("%Y%m%dT%H%M%SZ")


def parse_basic(text):
    return calendar.timegm(datetime.datetime.strptime(text, "%Y%m%dT%H%M%SZ").timetuple())


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


class Bodies:
    """Keeps the raw body of the last response a botocore client received (the whoami JSON)."""

    def __init__(self, client):
        self.last = None
        client.meta.events.register("after-call", self._after_call)
        client.meta.events.register("after-call-error", self._after_error)

    def _after_call(self, http_response, **_):
        self.last = json.loads(http_response.content) if http_response.content else None

    def _after_error(self, **_):
        self.last = None

    def identity(self):
        return self.last


def whoami_client(server, key, secret, token=None, region="us-east-1"):
    """A boto3 DynamoDB client whose requests go to /_dynamotrail/whoami, signed as usual."""
    client = boto3.client(
        "dynamodb", endpoint_url=server.endpoint + WHOAMI, region_name=region, aws_access_key_id=key,
        aws_secret_access_key=secret, aws_session_token=token,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}))
    return client, Bodies(client)


def raw(method, url, headers=None, body=None):
    """Plain HTTP: (status, headers, parsed JSON body or raw bytes)."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            status, head, data = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, head, data = error.code, dict(error.headers), error.read()
    try:
        return status, head, json.loads(data)
    except ValueError:
        return status, head, data


class BodyKeepingQueryAuth(botocore.auth.SigV4QueryAuth):
    """botocore's pre-signer moves a (form) body into the query string; a JSON POST keeps its body,
    whose SHA-256 is the payload hash of the canonical request, as SigV4 specifies for non-S3 services."""

    def _modify_request_before_signing(self, request):
        body, request.data = request.data, b""
        super()._modify_request_before_signing(request)
        request.data = body


def presigned_url(server, key, secret, token=None, expires=900, method="GET", path=WHOAMI, service="dynamodb",
                  region="us-east-1", body=None, headers=None):
    request = AWSRequest(method=method, url=server.endpoint + path, data=body, headers=headers or {})
    signer = BodyKeepingQueryAuth if body else botocore.auth.SigV4QueryAuth
    signer(Credentials(key, secret, token), service, region, expires=expires).add_auth(request)
    return request.prepare().url


class AuthEnforceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail(config=ENFORCE)
        cls.server.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def assertClientError(self, call, code, message, status=400):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call()
        response = caught.exception.response
        self.assertEqual(response["Error"]["Code"], code)
        self.assertEqual(response["Error"]["Message"], message)
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], status)
        return response

    # -- passes ---------------------------------------------------------------------------------

    def test_boto3_each_identity_type_passes_with_its_secret(self):
        cases = [
            (ALICE[0], ALICE[1], None, "IAMUser", "arn:aws:iam::123456789012:user/alice", "123456789012"),
            (ROLE[0], ROLE[1], ROLE[2], "AssumedRole", "arn:aws:sts::123456789012:assumed-role/admin-role/jane",
             "123456789012"),
            (BOB[0], BOB[1], BOB[2], "FederatedUser", "arn:aws:sts::123456789012:federated-user/bob", "123456789012"),
            (ROOT[0], ROOT[1], None, "Root", "arn:aws:iam::210987654321:root", "210987654321"),
        ]
        for key, secret, token, kind, arn, account in cases:
            with self.subTest(kind=kind):
                client, bodies = whoami_client(self.server, key, secret, token, region="eu-west-1")
                client.list_tables()
                who = bodies.identity()
                self.assertEqual(who["type"], kind)
                self.assertEqual(who["arn"], arn)
                self.assertEqual(who["accountId"], account)
                self.assertEqual(who["accessKeyId"], key)
                self.assertEqual(who["region"], "eu-west-1")
                self.assertEqual(who["usedSessionCredentials"], token is not None)

    def test_boto3_real_dynamodb_call_is_not_an_auth_error(self):
        client = self.server.client("dynamodb", key=ALICE[0], secret=ALICE[1])
        try:
            client.list_tables()
        except botocore.exceptions.ClientError as error:
            # Until the control plane is merged: UnknownOperationException, never an auth failure.
            self.assertEqual(error.response["Error"]["Code"], "UnknownOperationException")

    def aws_cli(self, endpoint, key, secret, token=None, *extra):
        aws = shutil.which("aws")
        if aws is None:
            self.skipTest("aws CLI not on PATH")
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret, AWS_DEFAULT_REGION="us-west-2",
                   AWS_MAX_ATTEMPTS="1", AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        if token:
            env["AWS_SESSION_TOKEN"] = token
        return subprocess.run([aws, "dynamodb", "list-tables", "--endpoint-url", endpoint, *extra],
                              capture_output=True, text=True, env=env, timeout=60)

    def test_aws_cli_passes_with_the_right_secret(self):
        result = self.aws_cli(self.server.endpoint + WHOAMI, ROLE[0], ROLE[1], ROLE[2], "--debug")
        self.assertEqual(result.returncode, 0, result.stderr[-2000:])
        # The debug log shows the whoami body the CLI received.
        self.assertIn('"arn":"arn:aws:sts::123456789012:assumed-role/admin-role/jane"', result.stderr)
        self.assertIn('"region":"us-west-2"', result.stderr)

    def test_aws_cli_real_dynamodb_call_is_not_an_auth_error(self):
        result = self.aws_cli(self.server.endpoint, ALICE[0], ALICE[1])
        if result.returncode != 0:
            self.assertIn("(UnknownOperationException) when calling the ListTables operation", result.stderr)

    def test_aws_cli_wrong_secret_is_refused(self):
        result = self.aws_cli(self.server.endpoint + WHOAMI, ALICE[0], "not-the-secret")
        self.assertEqual(result.returncode, 255)  # awscli v1: 255 for a service error
        self.assertIn(
            "An error occurred (InvalidSignatureException) when calling the ListTables operation: " + MISMATCH,
            result.stderr)

    def test_presigned_get_passes(self):
        status, _, body = raw("GET", presigned_url(self.server, ALICE[0], ALICE[1]))
        self.assertEqual(status, 200, body)
        self.assertEqual(body["arn"], "arn:aws:iam::123456789012:user/alice")

    def test_presigned_url_with_session_token_passes(self):
        status, _, body = raw("GET", presigned_url(self.server, BOB[0], BOB[1], BOB[2]))
        self.assertEqual(status, 200, body)
        self.assertEqual(body["type"], "FederatedUser")
        self.assertTrue(body["usedSessionCredentials"])

    def test_presigned_post_to_dynamodb_passes(self):
        # The pre-signed payload hash covers the body that is sent, as for any non-S3 service.
        headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.ListTables"}
        url = presigned_url(self.server, ALICE[0], ALICE[1], method="POST", path="/", body=b"{}", headers=headers)
        status, _, body = raw("POST", url, headers, b"{}")
        self.assertEqual(status, 200, body)
        self.assertIn("TableNames", body)

    def test_presigned_post_with_another_body_is_refused(self):
        headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.ListTables"}
        url = presigned_url(self.server, ALICE[0], ALICE[1], method="POST", path="/", body=b"{}", headers=headers)
        status, _, body = raw("POST", url, headers, b'{"Limit": 5}')
        self.assertEqual(status, 400)
        self.assertEqual(body["__type"], CORAL + "InvalidSignatureException")

    # -- refusals through botocore ----------------------------------------------------------------

    def test_wrong_secret(self):
        client, _ = whoami_client(self.server, ALICE[0], "wrong-secret")
        self.assertClientError(client.list_tables, "InvalidSignatureException", MISMATCH)

    def test_unknown_access_key(self):
        client, _ = whoami_client(self.server, "AKIAUNKNOWNKEY000001", ALICE[1])
        self.assertClientError(client.list_tables, "UnrecognizedClientException", BAD_TOKEN)

    def test_missing_session_token(self):
        client, _ = whoami_client(self.server, ROLE[0], ROLE[1], token=None)
        self.assertClientError(client.list_tables, "UnrecognizedClientException", BAD_TOKEN)

    def test_wrong_session_token(self):
        client, _ = whoami_client(self.server, ROLE[0], ROLE[1], token=BOB[2])
        self.assertClientError(client.list_tables, "UnrecognizedClientException", BAD_TOKEN)

    def test_tampered_body(self):
        client, _ = whoami_client(self.server, ALICE[0], ALICE[1])

        def tamper(request, **_):
            self.assertEqual(request.body, b'{"Limit": 1}')
            request.body = b'{"Limit": 2}'

        client.meta.events.register("before-send", tamper)
        self.assertClientError(lambda: client.list_tables(Limit=1), "InvalidSignatureException", MISMATCH)

    def test_tampered_signed_header(self):
        client, _ = whoami_client(self.server, ALICE[0], ALICE[1])

        def tamper(request, **_):
            self.assertIn("x-amz-target", request.headers["Authorization"].decode())
            request.headers["X-Amz-Target"] = "DynamoDB_20120810.DeleteTable"

        client.meta.events.register("before-send", tamper)
        self.assertClientError(client.list_tables, "InvalidSignatureException", MISMATCH)

    def test_sixteen_minute_old_x_amz_date(self):
        client, _ = whoami_client(self.server, ALICE[0], ALICE[1])
        signed_at = utcnow().replace(microsecond=0) - datetime.timedelta(minutes=16)
        with mock.patch("botocore.auth.get_current_datetime", return_value=signed_at):
            with self.assertRaises(botocore.exceptions.ClientError) as caught:
                client.list_tables()
        response = caught.exception.response
        self.assertEqual(response["Error"]["Code"], "InvalidSignatureException")
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 400)
        message = response["Error"]["Message"]
        match = re.fullmatch(
            r"Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) - 15 min\.\)",
            message)
        self.assertIsNotNone(match, message)
        self.assertEqual(match.group(1), sigv4_basic(signed_at))
        self.assertEqual(parse_basic(match.group(3)) - parse_basic(match.group(2)), 900)
        self.assertLess(abs(parse_basic(match.group(3)) - calendar.timegm(utcnow().timetuple())), 30)

    def test_fourteen_minute_old_x_amz_date_passes(self):
        client, bodies = whoami_client(self.server, ALICE[0], ALICE[1])
        signed_at = utcnow() - datetime.timedelta(minutes=14)
        with mock.patch("botocore.auth.get_current_datetime", return_value=signed_at):
            client.list_tables()
        self.assertEqual(bodies.identity()["userName"], "alice")

    def test_wrong_signing_service(self):
        request = AWSRequest(method="POST", url=self.server.endpoint + WHOAMI, data=b"{}",
                             headers={"Content-Type": "application/x-amz-json-1.0"})
        botocore.auth.SigV4Auth(Credentials(*ALICE), "s3", "us-east-1").add_auth(request)
        status, _, body = raw("POST", request.url, dict(request.headers.items()), b"{}")
        self.assertEqual(status, 400)
        self.assertEqual(body, {"__type": CORAL + "InvalidSignatureException",
                                "message": "Credential should be scoped to correct service: 'dynamodb'. "})

    # -- refusals through raw HTTP (pre-signed URLs, unsigned) ------------------------------------

    def test_presigned_url_with_wrong_secret(self):
        status, _, body = raw("GET", presigned_url(self.server, ALICE[0], "wrong-secret"))
        self.assertEqual(status, 400)
        self.assertEqual(body, {"__type": CORAL + "InvalidSignatureException", "message": MISMATCH})

    def test_presigned_url_tampered_query(self):
        url = presigned_url(self.server, ALICE[0], ALICE[1]).replace("X-Amz-Expires=900", "X-Amz-Expires=901")
        status, _, body = raw("GET", url)
        self.assertEqual(status, 400)
        self.assertEqual(body, {"__type": CORAL + "InvalidSignatureException", "message": MISMATCH})

    def test_expired_presigned_url(self):
        signed_at = utcnow().replace(microsecond=0) - datetime.timedelta(seconds=120)
        with mock.patch("botocore.auth.get_current_datetime", return_value=signed_at):
            url = presigned_url(self.server, ALICE[0], ALICE[1], expires=60)
        self.assertIn("X-Amz-Date=" + sigv4_basic(signed_at), url)
        status, _, body = raw("GET", url)
        self.assertEqual(status, 400)
        self.assertEqual(body["__type"], CORAL + "InvalidSignatureException")
        match = re.fullmatch(r"Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z)\.", body["message"])
        self.assertIsNotNone(match, body["message"])
        self.assertEqual(match.group(1), sigv4_basic(signed_at + datetime.timedelta(seconds=60)))
        self.assertLess(abs(parse_basic(match.group(2)) - calendar.timegm(utcnow().timetuple())), 30)

    def test_presigned_url_missing_session_token(self):
        status, _, body = raw("GET", presigned_url(self.server, BOB[0], BOB[1], token=None))
        self.assertEqual(status, 400)
        self.assertEqual(body, {"__type": CORAL + "UnrecognizedClientException", "message": BAD_TOKEN})

    def test_unsigned_request_is_refused(self):
        status, _, body = raw("GET", self.server.endpoint + WHOAMI)
        self.assertEqual(status, 400)
        self.assertEqual(body, {"__type": CORAL + "MissingAuthenticationTokenException",
                                "message": "Request is missing Authentication Token"})

    # -- deny lists -------------------------------------------------------------------------------

    def test_denied_action_is_access_denied(self):
        bob = self.server.client("dynamodb", key=BOB[0], secret=BOB[1], token=BOB[2])
        try:
            bob.delete_table(TableName="Orders")
        except botocore.exceptions.ClientError as error:
            if error.response["Error"]["Code"] == "UnknownOperationException":
                self.skipTest("DeleteTable is not routed until the control plane is merged")
            self.assertEqual(error.response["Error"]["Code"], "AccessDeniedException")
            self.assertEqual(
                error.response["Error"]["Message"],
                "User: arn:aws:sts::123456789012:federated-user/bob is not authorized to perform: dynamodb:DeleteTable "
                "on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no identity-based policy "
                "allows the dynamodb:DeleteTable action")
            self.assertEqual(error.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        else:
            self.fail("DeleteTable by a denied identity succeeded")

    def test_denied_identity_may_call_other_actions(self):
        bob = self.server.client("dynamodb", key=BOB[0], secret=BOB[1], token=BOB[2])
        try:
            bob.list_tables()
        except botocore.exceptions.ClientError as error:
            self.assertNotEqual(error.response["Error"]["Code"], "AccessDeniedException")


class AuthLenientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail(config={
            "auth": {"mode": "lenient", "allowAnonymous": True},
            "accounts": [{"accountId": "111122223333", "default": True, "identities": [
                {"type": "IAMUser", "userName": "alice", "accessKeyId": ALICE[0], "secretAccessKey": ALICE[1]}]}]})
        cls.server.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def test_by_default_curl_without_credentials_is_refused(self):
        curl = shutil.which("curl")
        if curl is None:
            self.skipTest("curl not installed")
        with DynamoTrail() as server:
            out = subprocess.run([curl, "-s", "-X", "POST", "-H", "X-Amz-Target: DynamoDB_20120810.ListTables",
                                  "-H", "Content-Type: application/x-amz-json-1.0", "-d", "{}", server.endpoint + "/"],
                                 capture_output=True, text=True, timeout=30)
            self.assertEqual(json.loads(out.stdout), {"__type": "com.amazon.coral.service#MissingAuthenticationTokenException",
                                                      "message": "Request is missing Authentication Token"})
            # Any well-formed signature is accepted in lenient mode: boto3 with made-up keys works.
            self.assertIn("TableNames", server.client("dynamodb", key="madeup", secret="madeup").list_tables())

    def test_curl_without_credentials_is_anonymous(self):
        curl = shutil.which("curl")
        if curl is None:
            self.skipTest("curl not installed")
        out = subprocess.run([curl, "-s", self.server.endpoint + WHOAMI], capture_output=True, text=True, timeout=30)
        who = json.loads(out.stdout)
        self.assertEqual(who["type"], "AWSAccount")
        self.assertEqual(who["principalId"], "")
        self.assertIsNone(who["arn"])
        self.assertIsNone(who["accessKeyId"])
        self.assertEqual(who["accountId"], "111122223333")
        self.assertEqual(who["region"], "us-east-1")

    def test_any_botocore_credentials_are_an_iam_user_of_the_default_account(self):
        client, bodies = whoami_client(self.server, "AKIAANYTHINGATALL001", "any secret at all", region="ap-south-1")
        client.list_tables()
        who = bodies.identity()
        self.assertEqual(who["type"], "IAMUser")
        self.assertEqual(who["userName"], "AKIAANYTHINGATALL001")
        self.assertEqual(who["arn"], "arn:aws:iam::111122223333:user/AKIAANYTHINGATALL001")
        self.assertEqual(who["accountId"], "111122223333")
        self.assertEqual(who["region"], "ap-south-1")
        self.assertRegex(who["principalId"], r"^AIDA[A-Z0-9]{17}$")

    def test_configured_key_with_a_wrong_secret_is_still_its_identity(self):
        client, bodies = whoami_client(self.server, ALICE[0], "wrong")
        client.list_tables()
        self.assertEqual(bodies.identity()["arn"], "arn:aws:iam::111122223333:user/alice")

    def test_twelve_digit_access_key_is_that_accounts_root(self):
        client, bodies = whoami_client(self.server, "444455556666", "x")
        client.list_tables()
        who = bodies.identity()
        self.assertEqual(who["type"], "Root")
        self.assertEqual(who["accountId"], "444455556666")
        self.assertEqual(who["arn"], "arn:aws:iam::444455556666:root")
        self.assertEqual(who["principalId"], "444455556666")

    def test_session_credentials_are_noted(self):
        client, bodies = whoami_client(self.server, "ASIATEMPORARY0000001", "x", token="tok")
        client.list_tables()
        self.assertTrue(bodies.identity()["usedSessionCredentials"])

    def test_whoami_accepts_a_cloudtrail_scoped_signature(self):
        request = AWSRequest(method="GET", url=self.server.endpoint + WHOAMI)
        botocore.auth.SigV4Auth(Credentials("AKIAX", "y"), "cloudtrail", "us-east-1").add_auth(request)
        status, _, body = raw("GET", request.url, dict(request.headers.items()))
        # whoami checks against the scope's own service, so cloudtrail passes here.
        self.assertEqual(status, 200, body)


if __name__ == "__main__":
    unittest.main()
