"""Server foundation through real clients: health, AWS-shaped errors botocore parses, signals."""
import json
import signal
import socket
import time
import unittest
import zlib

import botocore.exceptions

from dynamotrail_server import DynamoTrail


class FoundationTest(unittest.TestCase):
    def test_health_endpoint_answers_json(self):
        with DynamoTrail() as server:
            health = server.admin("GET", "/_dynamotrail/health")
            self.assertEqual(health["status"], "ok")

    def test_unserved_dynamodb_call_is_a_parsed_aws_error(self):
        with DynamoTrail() as server:
            client = server.client("dynamodb")
            with self.assertRaises(botocore.exceptions.ClientError) as caught:
                client.create_backup(TableName="table", BackupName="backup")
            error = caught.exception.response
            self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], 400)
            self.assertRegex(error["ResponseMetadata"]["RequestId"], r"^[0-9A-Z]{52}$")
            self.assertIn(error["Error"]["Code"], ("UnknownOperationException", "ValidationException"))
            headers = error["ResponseMetadata"]["HTTPHeaders"]
            self.assertIn("x-amz-crc32", headers)

    def test_crc32_is_over_the_exact_body(self):
        with DynamoTrail() as server:
            with socket.create_connection(("127.0.0.1", server.port)) as s:
                body = b"{}"
                s.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                          b"X-Amz-Target: DynamoDB_20120810.Bogus\r\nContent-Length: 2\r\nConnection: close\r\n\r\n" + body)
                data = b""
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    data += chunk
            head, _, payload = data.partition(b"\r\n\r\n")
            headers = dict(line.split(b": ", 1) for line in head.split(b"\r\n")[1:])
            self.assertEqual(int(headers[b"x-amz-crc32"]), zlib.crc32(payload) & 0xffffffff)
            self.assertEqual(json.loads(payload), {"__type": "com.amazon.coral.service#UnknownOperationException"})

    def test_sigterm_finishes_in_flight_requests_and_exits_zero(self):
        with DynamoTrail() as server:
            s = socket.create_connection(("127.0.0.1", server.port))
            s.sendall(b"POST /_dynamotrail/flush HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nab")
            time.sleep(0.2)
            server.process.send_signal(signal.SIGTERM)
            time.sleep(0.2)
            s.sendall(b"cd")
            s.settimeout(5)
            response = s.recv(65536)
            self.assertTrue(response.startswith(b"HTTP/1.1 200 "), response)
            self.assertEqual(server.process.wait(timeout=20), 0)
            s.close()

    def test_bad_flag_exits_2_with_one_line(self):
        import subprocess
        from dynamotrail_server import BIN
        result = subprocess.run([BIN, "--port", "99999"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.strip().count("\n"), 0)
        self.assertIn("--port", result.stderr)


if __name__ == "__main__":
    unittest.main()
