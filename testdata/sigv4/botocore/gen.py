#!/usr/bin/env python3
"""Signs IAM/STS query-protocol requests with botocore and writes JSON fixtures.

Run: python3 testdata/sigv4/botocore/gen.py   (writes *.json next to this file)

Credentials and time are fixed, so the output is deterministic; the fixtures are committed and
checked by crates/warden-sigv4/tests/botocore_fixtures.rs, which does not need Python.
"""

import datetime
import json
import os
from urllib.parse import urlsplit

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = datetime.datetime(2024, 5, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
TEMP_KEY = "ASIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE+token/with=chars_-" + "A" * 40
FORM = "application/x-www-form-urlencoded; charset=utf-8"

# botocore reads the clock through this function; pin it.
botocore.auth.get_current_datetime = lambda *a, **k: NOW


class Recorder:
    """Wraps a signer to capture the canonical request and string to sign it computed."""

    def __init__(self, signer):
        self.signer = signer
        self.canonical = None
        self.string_to_sign = None
        orig_cr, orig_sts = signer.canonical_request, signer.string_to_sign

        def cr(request):
            self.canonical = orig_cr(request)
            return self.canonical

        def sts(request, canonical):
            self.string_to_sign = orig_sts(request, canonical)
            return self.string_to_sign

        signer.canonical_request = cr
        signer.string_to_sign = sts


def fixture(name, description, signer, request, service, region, token):
    rec = Recorder(signer)
    signer.add_auth(request)
    prepared = request.prepare()
    url = urlsplit(prepared.url)
    headers = [[k, v] for k, v in prepared.headers.items()]
    if not any(k.lower() == "host" for k, _ in headers):
        # What the HTTP client sends; botocore signs the same value (port kept unless default).
        headers.insert(0, ["Host", botocore.auth._host_from_url(prepared.url)])
    body = prepared.body or b""
    if isinstance(body, str):
        body = body.encode()
    out = {
        "description": description,
        "generator": f"botocore {botocore.__version__}, testdata/sigv4/botocore/gen.py",
        "method": prepared.method,
        "path": url.path or "/",
        "query": url.query,
        "headers": headers,
        "body": body.decode(),
        "access_key_id": signer.credentials.access_key,
        "secret_access_key": SECRET,
        "session_token": token,
        "service": service,
        "region": region,
        "now": NOW.strftime("%Y%m%dT%H%M%SZ"),
        "canonical_request": rec.canonical,
        "string_to_sign": rec.string_to_sign,
    }
    with open(os.path.join(HERE, f"{name}.json"), "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")


def post(url, body, extra_headers=None):
    headers = {"Content-Type": FORM}
    headers.update(extra_headers or {})
    return AWSRequest(method="POST", url=url, data=body, headers=headers)


def main():
    long_term = Credentials(ACCESS_KEY, SECRET)
    temporary = Credentials(TEMP_KEY, SECRET, TOKEN)
    list_users = "Action=ListUsers&Version=2010-05-08"

    fixture(
        "iam-list-users",
        "IAM ListUsers, header auth, endpoint override with a non-default port",
        botocore.auth.SigV4Auth(long_term, "iam", "us-east-1"),
        post("http://localhost:4566/", list_users),
        "iam", "us-east-1", None,
    )
    fixture(
        "iam-list-users-session-token",
        "IAM ListUsers with X-Amz-Security-Token (signed), client region eu-west-1",
        botocore.auth.SigV4Auth(temporary, "iam", "eu-west-1"),
        post("http://127.0.0.1:8080/", list_users),
        "iam", "eu-west-1", TOKEN,
    )
    fixture(
        "iam-tag-user-plus-in-body",
        "form body with a literal '+' (space) and %2B: the raw bytes are hashed",
        botocore.auth.SigV4Auth(long_term, "iam", "us-east-1"),
        post(
            "https://iam.amazonaws.com/",
            "Action=TagUser&UserName=a%2Bb&Tags.member.1.Key=k&Tags.member.1.Value=hello+world&Version=2010-05-08",
        ),
        "iam", "us-east-1", None,
    )
    fixture(
        "sts-get-caller-identity",
        "STS GetCallerIdentity, regional endpoint, temporary credentials",
        botocore.auth.SigV4Auth(temporary, "sts", "us-west-2"),
        post("https://sts.us-west-2.amazonaws.com/", "Action=GetCallerIdentity&Version=2011-06-15"),
        "sts", "us-west-2", TOKEN,
    )
    fixture(
        "sts-presigned-get-caller-identity",
        "presigned GetCallerIdentity URL (EKS-style: x-k8s-aws-id signed, X-Amz-Expires=60)",
        botocore.auth.SigV4QueryAuth(temporary, "sts", "us-east-1", expires=60),
        AWSRequest(
            method="GET",
            url="https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15",
            headers={"x-k8s-aws-id": "my-cluster"},
        ),
        "sts", "us-east-1", TOKEN,
    )
    fixture(
        "sts-presigned-long-term-key",
        "presigned GetCallerIdentity URL with a long-term key (no token)",
        botocore.auth.SigV4QueryAuth(long_term, "sts", "ap-southeast-2", expires=900),
        AWSRequest(
            method="GET",
            url="https://sts.ap-southeast-2.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15",
        ),
        "sts", "ap-southeast-2", None,
    )


if __name__ == "__main__":
    main()
