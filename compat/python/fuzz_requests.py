"""Model-driven request fuzzing: every IAM and STS operation with inputs shaped by botocore's
service models, filled with hostile values, encoded the way the SDKs encode them and then
damaged at the byte level, signed by several kinds of caller.

What must hold for every request, whatever it holds: the server answers (never drops the
connection), never with a 5xx, always with an XML document; its memory stays bounded; and it
still serves afterwards. A short fixed-seed run is a test (`test_fuzz.py`); a longer run
against any server is a tool:

    python3 compat/python/fuzz_requests.py http://127.0.0.1:8700 KEY SECRET --seconds 300 \
        --seed 7 [--pid PID]

It found the two bugs fixed in commit cc3d0ed: a `member.N` index with a huge N made the audit
record pad an array up to N (one request exhausted the server's memory), and a virtual MFA
device name too long for its QR code answered 500.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import time
import urllib.parse
from dataclasses import dataclass, field

import boto3
import botocore.serialize
import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCOUNT_ID = "123456789012"

# Values that have broken parsers before, in one list: empty and blank, oversized, control
# characters, non-ASCII, markup, path tricks, numbers at type limits, ARNs of every kind, JSON
# that is and is not a policy.
HOSTILE = [
    "", " ", "a" * 5000, "\u0000", "\x01\x02", "é" * 70, "😀" * 40, "../../etc/passwd", "<x>&amp;</x>",
    f"arn:aws:iam::{ACCOUNT_ID}:user/alice", "arn:aws:iam::aws:policy/AdministratorAccess", "*", "/", "//",
    "/a/b/", "%00", "%", "+", "a+b", "-1", "0", "99999999999999999999", "1e9", "true", "null",
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}',
    '{"Statement":', "{}", "[]",
    '{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"x:*","Resource":"*",'
    '"Condition":{"StringLike":{"aws:username":"${aws:username}*"}}}}',
    "alice", "Alice", "bob", "role1", "ASIAUNKNOWNSESSION01", "AKIAUNKNOWNACCESSKEY", "https://example.com",
    f"arn:aws:iam::{ACCOUNT_ID}:role/role1", f"arn:aws:iam::{ACCOUNT_ID}:policy/p1", f"arn:aws:iam::{ACCOUNT_ID}:mfa/dev",
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "PHNhbWw+PC9zYW1sPg==", "123456", "v1", "v7",
]
# Names that recur, so that entities created by one request are found by later ones; the
# callers' own names, so that random policies land on the principals making the calls.
NAMES = ["alice", "bob", "Alice", "g1", "role1", "p1", "dev", "prof1", "cert1", "a" * 64, "a" * 129,
         "fuzzuser", "fuzzrole"]

# Pieces of random policies: every condition operator family with its modifiers, keys of
# every type the engine knows (and unknown ones), values of the wrong type, variables.
OPERATORS = ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringLike", "StringNotLike",
             "NumericEquals", "NumericLessThan", "NumericGreaterThanEquals", "DateEquals", "DateLessThan",
             "DateGreaterThan", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike",
             "ArnNotLike", "Null", "NumericFoo", "stringequals"]
PREFIXES = ["", "", "ForAnyValue:", "ForAllValues:", "Bogus:"]
KEYS = ["aws:username", "aws:userid", "aws:PrincipalArn", "aws:PrincipalTag/team", "aws:RequestTag/team",
        "aws:ResourceTag/team", "aws:TagKeys", "aws:CurrentTime", "aws:EpochTime", "aws:TokenIssueTime",
        "aws:MultiFactorAuthAge", "aws:MultiFactorAuthPresent", "aws:SecureTransport", "aws:SourceIp",
        "aws:UserAgent", "aws:SourceIdentity", "aws:RequestedRegion", "aws:PrincipalType", "iam:PolicyARN",
        "iam:PermissionsBoundary", "iam:PassedToService", "sts:ExternalId", "sts:RoleSessionName",
        "aws:CalledVia", "s3:prefix", "unknown:key", "aws:"]
VALUES = ["x", "", "*", "${aws:username}", "${aws:PrincipalTag/team}", "${unknown}", "${", "$${x}", "10.0.0.0/8",
          "::1/128", "999.1.1.1/40", "2026-01-01T00:00:00Z", "1700000000", "not-a-date", "true", "false", "0",
          "-1", "1e400", "QUJD", "arn:aws:iam::*:user/*", "arn:*", "fuzz*", "?", 7, 3.5, True, None, [], {}]
ACTIONS = ["*", "iam:*", "iam:Get*", "iam:List?sers", "sts:*", "iam:CreateUser", "IAM:createuser", "s3:*", "*:*",
           "iam", "", "iam:", "iam:**"]
RESOURCES = ["*", "arn:aws:iam::*:user/*", "arn:aws:iam::123456789012:user/${aws:username}",
             "arn:aws:iam::123456789012:role/fuzz*", "arn:aws:iam:::user/x", "arn:*:*:*:*:*", "not-an-arn",
             "arn:aws:iam::123456789012:policy/*", "arn:aws:sts::123456789012:assumed-role/fuzzrole/*"]
# Byte-level damage appended to an encoded form.
SUFFIXES = [b"%ZZ", b"a=%", b"=", b"&&", b"Action=ListUsers", b"x" * 100, b"Version=", b"member.0=a",
            b"Tags.member.99999999999999.Key=a", b"Tags.member.4294967295.Key=a&Tags.member.1.Key=b"]


@dataclass
class Finding:
    operation: str
    problem: str
    body: bytes


@dataclass
class Report:
    requests: int = 0
    findings: list[Finding] = field(default_factory=list)


class Fuzzer:
    def __init__(self, endpoint: str, key: str, secret: str, seed: int, pid: int | None = None,
                 max_rss_kib: int = 1_048_576):
        self.endpoint = endpoint
        self.host = endpoint.split("//", 1)[1]
        self.root = Credentials(key, secret)
        self.rng = random.Random(seed)
        self.pid = pid
        self.max_rss_kib = max_rss_kib
        session = botocore.session.get_session()
        self.models = {s: session.get_service_model(s) for s in ("iam", "sts")}
        self.callers = [self.root]

    # ----- callers -----------------------------------------------------------------------

    def add_callers(self) -> None:
        """Besides root: a user with a conditional policy, an admin role's session, and a
        session narrowed by a session policy, with tags and a source identity."""
        def client(service):
            return boto3.client(service, endpoint_url=self.endpoint, region_name="us-east-1",
                                aws_access_key_id=self.root.access_key, aws_secret_access_key=self.root.secret_key)
        iam, sts = client("iam"), client("sts")
        iam.create_user(UserName="fuzzuser")
        iam.put_user_policy(UserName="fuzzuser", PolicyName="cond", PolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "iam:*", "Resource": "*",
                 "Condition": {"StringLike": {"aws:userid": "*"}, "Bool": {"aws:SecureTransport": "false"}}},
                {"Effect": "Deny", "Action": "iam:Delete*", "Resource": "arn:aws:iam::*:user/${aws:username}"},
                {"Effect": "Allow", "Action": "sts:*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="fuzzuser")["AccessKey"]
        self.callers.append(Credentials(key["AccessKeyId"], key["SecretAccessKey"]))
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"},
            "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]}]}
        iam.create_role(RoleName="fuzzrole", AssumeRolePolicyDocument=json.dumps(trust))
        iam.put_role_policy(RoleName="fuzzrole", PolicyName="admin", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        role = f"arn:aws:iam::{ACCOUNT_ID}:role/fuzzrole"
        plain = sts.assume_role(RoleArn=role, RoleSessionName="fuzz")["Credentials"]
        narrowed = sts.assume_role(
            RoleArn=role, RoleSessionName="fuzz2", SourceIdentity="me",
            Tags=[{"Key": "team", "Value": "x"}], TransitiveTagKeys=["team"],
            Policy=json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "NotAction": "iam:CreateUser", "Resource": "*"}]}))["Credentials"]
        for c in (plain, narrowed):
            self.callers.append(Credentials(c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"]))

    # ----- inputs ------------------------------------------------------------------------

    def policy(self) -> str:
        """A random policy: usually well-formed JSON that may or may not be a valid policy."""
        rng = self.rng

        def one_or_list(pool):
            return rng.choice(pool) if rng.random() < 0.5 else rng.sample(pool, rng.randrange(0, 4))

        statements = []
        for _ in range(rng.choice([0, 1, 1, 2, 4])):
            statement = {"Effect": rng.choice(["Allow", "Allow", "Deny", "allow", "Maybe"])}
            statement["NotAction" if rng.random() < 0.2 else "Action"] = one_or_list(ACTIONS)
            statement["NotResource" if rng.random() < 0.2 else "Resource"] = one_or_list(RESOURCES)
            if rng.random() < 0.6:
                condition = {}
                for _ in range(rng.choice([1, 1, 2, 3])):
                    operator = rng.choice(PREFIXES) + rng.choice(OPERATORS) + ("IfExists" if rng.random() < 0.2 else "")
                    condition.setdefault(operator, {})[rng.choice(KEYS)] = (
                        rng.choice(VALUES) if rng.random() < 0.6 else rng.sample(VALUES, rng.randrange(0, 4)))
                statement["Condition"] = condition
            if rng.random() < 0.1:
                statement["Principal"] = rng.choice(["*", {"AWS": "*"}, {"AWS": "123456789012"}, {"Service": "ec2.amazonaws.com"}])
            if rng.random() < 0.2:
                statement["Sid"] = rng.choice(["s1", "s1", "", "bad sid!", 5])
            statements.append(statement)
        document = {"Version": rng.choice(["2012-10-17", "2012-10-17", "2008-10-17", "2020-01-01"]),
                    "Statement": statements[0] if len(statements) == 1 and rng.random() < 0.3 else statements}
        return json.dumps(document)

    def value(self, shape, depth: int = 0, name: str = ""):
        rng = self.rng
        kind = shape.type_name
        if kind == "structure":
            return {name: self.value(member, depth + 1, name) for name, member in shape.members.items()
                    if name in shape.required_members or rng.random() < 0.5}
        if kind == "list":
            count = rng.choice([0, 1, 1, 2, 3, 60]) if depth < 3 else 0
            return [self.value(shape.member, depth + 1, name) for _ in range(count)]
        if kind == "map":
            return {str(self.value(shape.key, depth + 1)): self.value(shape.value, depth + 1)
                    for _ in range(rng.choice([0, 1, 3]))}
        if kind == "string":
            if shape.enum and rng.random() < 0.7:
                return rng.choice(shape.enum)
            if ("Policy" in name or "Document" in name) and "Arn" not in name and rng.random() < 0.7:
                return self.policy()
            roll = rng.random()
            if roll < 0.4:
                return rng.choice(NAMES)
            if roll < 0.8:
                return rng.choice(HOSTILE)
            return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(0, 40)))
        if kind in ("integer", "long"):
            return rng.choice([0, 1, -1, 5, 1000, 3600, 43200, 2**31 - 1, 2**40])
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "timestamp":
            return rng.choice(["2026-01-01T00:00:00Z", "1970-01-01T00:00:00Z"])
        if kind == "blob":
            return rng.choice([b"", b"\x00\xff" * 10, b"x" * 3000])
        return None

    def request(self) -> tuple[str, str, bytes] | None:
        """(service, operation, form body) or None when botocore refuses to encode the input."""
        rng = self.rng
        service = "iam" if rng.random() < 0.85 else "sts"
        model = self.models[service]
        operation = model.operation_model(rng.choice(model.operation_names))
        params = self.value(operation.input_shape) if operation.input_shape is not None else {}
        try:
            body = botocore.serialize.create_serializer("query").serialize_to_request(params, operation)["body"]
        except Exception:  # botocore's own validation of a value it cannot encode
            return None
        if isinstance(body, dict):
            body = "&".join(f"{urllib.parse.quote(str(k), safe='')}={urllib.parse.quote(str(v), safe='')}"
                            for k, v in body.items())
        if isinstance(body, str):
            body = body.encode()
        roll = rng.random()
        if roll < 0.1:
            body += b"&" + rng.choice(SUFFIXES)
        elif roll < 0.15 and len(body) > 4:
            at = rng.randrange(len(body))
            body = body[:at] + bytes([rng.randrange(256)]) + body[at + 1:]
        return service, operation.name, body

    # ----- the run -----------------------------------------------------------------------

    def send(self, service: str, body: bytes, creds: Credentials) -> tuple[int, bytes]:
        req = AWSRequest(method="POST", url=self.endpoint + "/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        SigV4Auth(creds, service, "us-east-1").add_auth(req)
        conn = http.client.HTTPConnection(self.host, timeout=30)
        try:
            conn.request("POST", "/", body=body, headers=dict(req.headers.items()))
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def rss_kib(self) -> int | None:
        if self.pid is None:
            return None
        with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
            match = re.search(r"VmRSS:\s+(\d+)", status.read())
        return int(match.group(1)) if match else None

    def run(self, *, requests: int | None = None, seconds: float | None = None) -> Report:
        report = Report()
        deadline = time.monotonic() + seconds if seconds is not None else None
        while (requests is None or report.requests < requests) and (deadline is None or time.monotonic() < deadline):
            made = self.request()
            if made is None:
                continue
            service, operation, body = made
            report.requests += 1
            try:
                status, answer = self.send(service, body, self.rng.choice(self.callers))
            except (OSError, http.client.HTTPException) as e:
                report.findings.append(Finding(operation, f"no answer: {e!r}", body))
                break  # a server that stopped answering answers nothing else either
            text = answer.decode("utf-8", "replace")
            if status >= 500:
                report.findings.append(Finding(operation, f"HTTP {status}: {text[:300]}", body))
            elif not text.lstrip().startswith("<"):
                report.findings.append(Finding(operation, f"not XML: {text[:300]}", body))
            rss = self.rss_kib()
            if rss is not None and rss > self.max_rss_kib:
                report.findings.append(Finding(operation, f"server memory {rss} KiB", body))
                break
        return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("endpoint")
    parser.add_argument("key")
    parser.add_argument("secret")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--pid", type=int, help="the server's pid, to watch its memory")
    parser.add_argument("--no-callers", action="store_true", help="only root (no user or sessions created)")
    args = parser.parse_args()
    fuzzer = Fuzzer(args.endpoint, args.key, args.secret, args.seed, args.pid)
    if not args.no_callers:
        fuzzer.add_callers()
    report = fuzzer.run(seconds=args.seconds)
    print(f"seed={args.seed} requests={report.requests} findings={len(report.findings)}")
    seen = set()
    for f in report.findings:
        if (f.operation, f.problem[:80]) not in seen:
            seen.add((f.operation, f.problem[:80]))
            print(f"{f.operation}: {f.problem}\n  body: {f.body[:600]!r}")
    return 1 if report.findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
