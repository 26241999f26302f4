#!/usr/bin/env python3
"""Set up one server for the HTTP load benchmark and write pre-signed requests for wrk.

Creates user `bench` (and, for Warden, user `nobody` with an access key and no policy),
then writes Lua request files for replay.lua:
  getuser.lua -- `GetUser UserName=bench` signed with the root (Warden) / any (moto) key
  denied.lua  -- `ListUsers` signed with nobody's key: implicitly denied, 403 AccessDenied
  assumerole.lua    -- STS `AssumeRole` of role `bench-role` by user `assumer` (trusted, allowed)
  sessiondenied.lua -- `ListUsers` signed with that role's session credentials: 403 AccessDenied
Each request is sent once with http.client before anything is timed, and the script exits
non-zero unless the answer is the expected one (200 + GetUserResult, 403 + AccessDenied).
"""

import argparse
import http.client
import json
import sys
from urllib.parse import quote
from pathlib import Path

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

REGION = "us-east-1"


def signed(endpoint: str, body: str, key: str, secret: str, service: str = "iam", token: str | None = None) -> AWSRequest:
    """A SigV4-signed IAM or STS query request (POST /, form body), as an SDK would send it."""
    req = AWSRequest(
        method="POST",
        url=endpoint + "/",
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    SigV4Auth(Credentials(key, secret, token), service, REGION).add_auth(req)
    return req


def lua_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_lua(path: Path, endpoint: str, req: AWSRequest) -> None:
    host = endpoint.split("://", 1)[1]
    headers = {"Host": host}
    for name, value in req.headers.items():
        headers[name] = value
    lines = ["return {", '  method = "POST",', '  path = "/",', f"  body = {lua_str(req.body.decode() if isinstance(req.body, bytes) else req.body)},", "  headers = {"]
    for name, value in headers.items():
        lines.append(f"    [{lua_str(name)}] = {lua_str(value)},")
    lines += ["  },", "}", ""]
    path.write_text("\n".join(lines))


def check(endpoint: str, req: AWSRequest, status: int, needle: str) -> None:
    """Send the exact signed request once; fail unless the answer is the expected one."""
    host = endpoint.split("://", 1)[1]
    conn = http.client.HTTPConnection(host, timeout=10)
    body = req.body if isinstance(req.body, bytes) else req.body.encode()
    conn.request("POST", "/", body=body, headers=dict(req.headers.items()))
    resp = conn.getresponse()
    text = resp.read().decode(errors="replace")
    conn.close()
    if resp.status != status or needle not in text:
        sys.exit(f"unexpected sample answer: HTTP {resp.status} (wanted {status} with {needle!r}):\n{text}")
    print(f"sample answer ok: HTTP {resp.status}, contains {needle}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--secret", required=True)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--moto", action="store_true", help="GetUser only (moto does not enforce policies)")
    args = ap.parse_args()
    if not args.endpoint.startswith("http://127.0.0.1:"):
        sys.exit("traffic only to 127.0.0.1")

    iam = boto3.client(
        "iam",
        endpoint_url=args.endpoint,
        region_name=REGION,
        aws_access_key_id=args.key,
        aws_secret_access_key=args.secret,
    )
    iam.create_user(UserName="bench")

    get_user = signed(args.endpoint, "Action=GetUser&UserName=bench&Version=2010-05-08", args.key, args.secret)
    check(args.endpoint, get_user, 200, "<GetUserResult>")
    write_lua(args.out / "getuser.lua", args.endpoint, get_user)

    if not args.moto:
        iam.create_user(UserName="nobody")
        ak = iam.create_access_key(UserName="nobody")["AccessKey"]
        denied = signed(args.endpoint, "Action=ListUsers&Version=2010-05-08", ak["AccessKeyId"], ak["SecretAccessKey"])
        check(args.endpoint, denied, 403, "AccessDenied")
        write_lua(args.out / "denied.lua", args.endpoint, denied)
        write_sts_requests(iam, args)


def write_sts_requests(iam, args) -> None:
    """The STS issue's calls: AssumeRole by a user the role trusts, and a call signed with the
    resulting session credentials that the role's (absent) policies deny."""
    user = iam.create_user(UserName="assumer")["User"]
    role_arn = iam.create_role(
        RoleName="bench-role",
        AssumeRolePolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"AWS": user["Arn"]}, "Action": "sts:AssumeRole"}],
        }),
    )["Role"]["Arn"]
    iam.put_user_policy(
        UserName="assumer",
        PolicyName="assume",
        PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": role_arn}],
        }),
    )
    ak = iam.create_access_key(UserName="assumer")["AccessKey"]
    body = f"Action=AssumeRole&RoleArn={quote(role_arn, safe='')}&RoleSessionName=bench&Version=2011-06-15"
    assume = signed(args.endpoint, body, ak["AccessKeyId"], ak["SecretAccessKey"], service="sts")
    check(args.endpoint, assume, 200, "<AssumeRoleResult>")
    write_lua(args.out / "assumerole.lua", args.endpoint, assume)

    sts = boto3.client(
        "sts",
        endpoint_url=args.endpoint,
        region_name=REGION,
        aws_access_key_id=ak["AccessKeyId"],
        aws_secret_access_key=ak["SecretAccessKey"],
    )
    creds = sts.assume_role(RoleArn=role_arn, RoleSessionName="bench", DurationSeconds=3600)["Credentials"]
    session_denied = signed(
        args.endpoint,
        "Action=ListUsers&Version=2010-05-08",
        creds["AccessKeyId"],
        creds["SecretAccessKey"],
        token=creds["SessionToken"],
    )
    check(args.endpoint, session_denied, 403, "AccessDenied")
    write_lua(args.out / "sessiondenied.lua", args.endpoint, session_denied)


if __name__ == "__main__":
    main()
