"""Two `warden serve` nodes on one PostgreSQL database: a policy change made through node 1 is
enforced by node 2 within one second (api.md §1.9, read-your-writes across nodes).

Runs only when `WARDEN_E2E_POSTGRES=1` (set by scripts/e2e.sh when PostgreSQL answers at
127.0.0.1:5432); the test creates its own database and drops it afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import uuid

import pytest
from botocore.exceptions import ClientError

from helpers import allow, deny, denied_message, explicit_deny_message
from warden_harness import ACCOUNT_ID, start_server, unique

PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c"]

pytestmark = pytest.mark.skipif(
    os.environ.get("WARDEN_E2E_POSTGRES") != "1", reason="set WARDEN_E2E_POSTGRES=1 with PostgreSQL at 127.0.0.1:5432"
)


@pytest.fixture(scope="module")
def database_url():
    name = f"warden_e2e_2node_{uuid.uuid4().hex[:12]}"
    subprocess.run(PSQL + [f"create database {name}"], check=True, timeout=30)
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        subprocess.run(PSQL + [f"drop database if exists {name} with (force)"], check=False, timeout=30)


@pytest.fixture(scope="module")
def nodes(database_url):
    first = start_server(database_url=database_url)
    try:
        second = start_server(database_url=database_url)
    except Exception:
        first.stop()
        raise
    try:
        yield first, second
    finally:
        second.stop()
        first.stop()


def test_explicit_deny_through_node_1_is_enforced_by_node_2_within_1s(nodes):
    node1, node2 = nodes
    iam1 = node1.client()
    name = unique("twonode")
    iam1.create_user(UserName=name)
    key = iam1.create_access_key(UserName=name)["AccessKey"]
    user_arn = f"arn:aws:iam::{ACCOUNT_ID}:user/{name}"
    resource = f"arn:aws:iam::{ACCOUNT_ID}:user/"
    on_node2 = node2.client(key["AccessKeyId"], key["SecretAccessKey"])

    # Before any policy: denied on node 2 (the key created through node 1 is known there too).
    with pytest.raises(ClientError) as info:
        on_node2.list_users()
    assert info.value.response["Error"]["Message"] == denied_message(user_arn, "iam:ListUsers", resource)

    # Allowed through node 1's change; node 2 must see it within 1 s as well.
    iam1.put_user_policy(UserName=name, PolicyName="allow", PolicyDocument=json.dumps(allow("iam:ListUsers")))
    node1.client(key["AccessKeyId"], key["SecretAccessKey"]).list_users()
    assert _first_outcome_change(on_node2, want_denied=False) <= 1.0

    # Explicit deny attached through node 1: node 2 denies the same call within 1 s.
    iam1.put_user_policy(UserName=name, PolicyName="deny", PolicyDocument=json.dumps(deny("iam:ListUsers")))
    elapsed = _first_outcome_change(on_node2, want_denied=True)
    assert elapsed <= 1.0, f"node 2 still allowed the call {elapsed:.2f}s after the deny"
    with pytest.raises(ClientError) as info:
        on_node2.list_users()
    assert info.value.response["Error"]["Message"] == explicit_deny_message(user_arn, "iam:ListUsers", resource)


def _first_outcome_change(client, want_denied: bool) -> float:
    """Poll for at most ~1 s; return the seconds until the wanted outcome (inf if never)."""
    start = time.monotonic()
    while True:
        try:
            client.list_users(MaxItems=1)
            denied = False
        except ClientError as err:
            assert err.response["Error"]["Code"] == "AccessDenied", err.response
            denied = True
        elapsed = time.monotonic() - start
        if denied == want_denied:
            return elapsed
        if elapsed > 1.0:
            return float("inf")
        time.sleep(0.05)
