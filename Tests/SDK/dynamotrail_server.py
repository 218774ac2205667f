"""Starts the dynamotrail binary on a free port with a temporary bucket, for the SDK scripts."""
import os
import shutil
import signal
import subprocess
import tempfile
import time
import json
import urllib.request

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

BIN = os.environ.get("DYNAMOTRAIL_BIN", ".build/release/dynamotrail")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class DynamoTrail:
    """A server process: `with DynamoTrail() as server:` gives `server.endpoint`, `server.bucket` and
    `server.state` (the private state directory, beside the bucket by default)."""

    def __init__(self, *args, config=None, env=None):
        self.args = list(args)
        self.config = config
        self.env = env or {}
        self.process = None

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="dynamotrail-sdk-")
        self.bucket = os.path.join(self.dir, "bucket")
        self.state = self.bucket + "-state"
        config_path = os.path.join(self.dir, "config.json")
        with open(config_path, "w") as f:
            json.dump(self.config if self.config is not None else {}, f)
        self.start(config_path)
        return self

    def start(self, config_path=None):
        config_path = config_path or os.path.join(self.dir, "config.json")
        env = dict(os.environ, **self.env)
        self.process = subprocess.Popen(
            [BIN, "serve", "--config", config_path, "--port", "0", "--bucket", self.bucket, "--log-level", "warn"] + self.args,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=self.dir, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("dynamotrail listening on "):
            raise RuntimeError("server did not start: %r %s" % (line, self.process.stderr.read()))
        self.endpoint = line.strip().split(" on ")[1]
        self.port = int(self.endpoint.rsplit(":", 1)[1])

    def stop(self, sig=signal.SIGTERM, timeout=20):
        self.process.send_signal(sig)
        code = self.process.wait(timeout=timeout)
        self.process.stdout.close()
        self.process.stderr.close()
        return code

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def admin(self, method, path):
        """An admin call; signed by the first configured identity when the server enforces SigV4."""
        request = urllib.request.Request(self.endpoint + path, method=method, headers=self.admin_signature(method, path))
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    def admin_signature(self, method, path):
        config = self.config or {}
        enforce = (config.get("auth") or {}).get("mode") == "enforce" or "enforce" in self.args
        identities = [identity for account in config.get("accounts", []) for identity in account.get("identities", [])]
        if not enforce or not identities:
            return {}
        identity = identities[0]
        request = AWSRequest(method=method, url=self.endpoint + path, data=b"")
        credentials = Credentials(identity["accessKeyId"], identity["secretAccessKey"], identity.get("sessionToken"))
        SigV4Auth(credentials, "dynamodb", "us-east-1").add_auth(request)
        return dict(request.headers)

    def client(self, service, region="us-east-1", key="AKIAIOSFODNN7EXAMPLE", secret="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
               token=None):
        return boto3.client(
            service, endpoint_url=self.endpoint, region_name=region, aws_access_key_id=key, aws_secret_access_key=secret,
            aws_session_token=token, config=Config(retries={"max_attempts": 1, "mode": "standard"}))
