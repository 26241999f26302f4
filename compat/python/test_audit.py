"""The audit trail records allowed and denied calls (`warden audit --data-dir DIR --output json`)."""

from __future__ import annotations

import json
import tempfile

import pytest

from helpers import allow, expect_error
from warden_harness import ACCOUNT_ID, ROOT_ARN, start_server, unique, wait_until


@pytest.fixture(scope="module")
def audited():
    # Its own server with an explicit data dir, whatever storage the session uses: the audit CLI
    # reads the data dir.
    with tempfile.TemporaryDirectory(prefix="warden-audit-") as data_dir:
        server = start_server(data_dir=data_dir)
        try:
            yield server
        finally:
            server.stop()


def _events_of(server, arn: str, event_name: str, want: int):
    """The audit events of `arn` for `event_name`, polled for up to 5 s until `want` are there."""

    def mine():
        return [
            e
            for e in server.audit_events()
            if e.get("eventName") == event_name and e.get("userIdentity", {}).get("arn") == arn
        ]

    found = wait_until(lambda: (lambda m: m if len(m) >= want else None)(mine()), timeout_s=5.0)
    return found or mine()


def test_audit_shows_a_denied_and_an_allowed_call(audited):
    iam = audited.client()
    name = unique("audited")
    iam.create_user(UserName=name)
    key = iam.create_access_key(UserName=name)["AccessKey"]
    user_arn = f"arn:aws:iam::{ACCOUNT_ID}:user/{name}"
    client = audited.client(key["AccessKeyId"], key["SecretAccessKey"])
    expect_error(lambda: client.list_users(), "AccessDenied", None, 403)
    iam.put_user_policy(UserName=name, PolicyName="p", PolicyDocument=json.dumps(allow("iam:ListUsers")))
    client.list_users()

    def mine():
        events = audited.audit_events()
        return [e for e in events if e.get("eventName") == "ListUsers" and e.get("userIdentity", {}).get("arn") == user_arn]

    events = wait_until(lambda: (lambda m: m if len(m) >= 2 else None)(mine()), timeout_s=5.0) or mine()
    denied = [e for e in events if e.get("errorCode") == "AccessDenied"]
    allowed = [e for e in events if not e.get("errorCode")]
    assert len(denied) == 1, events
    assert len(allowed) == 1, events
    for e in events:
        assert e["userIdentity"]["type"] == "IAMUser", e
        assert e["userIdentity"].get("accessKeyId") == key["AccessKeyId"], e
        assert e.get("eventSource") == "iam.amazonaws.com", e
    # The root's own calls are recorded too, with the root identity.
    root_events = [e for e in audited.audit_events() if e.get("eventName") == "CreateUser"]
    assert any(e["userIdentity"].get("type") == "Root" for e in root_events), root_events


def test_audit_shows_a_denied_user_call_and_an_allowed_root_call(audited):
    iam = audited.client()
    name = unique("audited")
    iam.create_user(UserName=name)
    key = iam.create_access_key(UserName=name)["AccessKey"]
    user_arn = f"arn:aws:iam::{ACCOUNT_ID}:user/{name}"
    client = audited.client(key["AccessKeyId"], key["SecretAccessKey"])
    expect_error(lambda: client.list_users(), "AccessDenied", None, 403)

    denied = _events_of(audited, user_arn, "ListUsers", 1)
    assert len(denied) == 1, denied
    event = denied[0]
    assert event["errorCode"] == "AccessDenied", event
    assert event["userIdentity"]["type"] == "IAMUser", event
    assert event["userIdentity"].get("accessKeyId") == key["AccessKeyId"], event
    assert event.get("eventSource") == "iam.amazonaws.com", event

    created = [e for e in _events_of(audited, ROOT_ARN, "CreateUser", 1) if not e.get("errorCode")]
    assert created, audited.audit_events()
    assert all(e["userIdentity"]["type"] == "Root" for e in created), created
