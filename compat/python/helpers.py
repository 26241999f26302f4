"""Assertions and policy-document builders shared by the boto3 tests."""

from __future__ import annotations

import json
from typing import Callable

import pytest
from botocore.exceptions import ClientError

from warden_harness import ACCOUNT_ID

ARN_PREFIX = f"arn:aws:iam::{ACCOUNT_ID}"


def error_of(call: Callable[[], object]) -> ClientError:
    """Run `call`, which must fail with a service error, and return that error."""
    with pytest.raises(ClientError) as info:
        call()
    return info.value


def assert_error(err: ClientError, code: str, message: str | None, status: int) -> None:
    """The exact wire contract of an error (api.md §1.7): code, message and HTTP status."""
    body = err.response.get("Error", {})
    meta = err.response.get("ResponseMetadata", {})
    assert (body.get("Code"), meta.get("HTTPStatusCode")) == (code, status), err.response
    if message is not None:
        assert body.get("Message") == message, err.response
    # Type is Sender for 4xx and Receiver for 5xx (§1.7).
    assert body.get("Type") == ("Sender" if status < 500 else "Receiver"), err.response
    assert meta.get("RequestId"), err.response


def expect_error(call: Callable[[], object], code: str, message: str | None, status: int) -> ClientError:
    err = error_of(call)
    assert_error(err, code, message, status)
    return err


def statement(effect: str, actions, resources="*", **extra) -> dict:
    st = {"Effect": effect, "Action": actions, "Resource": resources}
    st.update(extra)
    return st


def policy(*statements: dict, version: str = "2012-10-17") -> dict:
    return {"Version": version, "Statement": list(statements)}


def allow(actions, resources="*") -> dict:
    return policy(statement("Allow", actions, resources))


def deny(actions, resources="*") -> dict:
    return policy(statement("Deny", actions, resources))


def doc(document: dict) -> str:
    """Serialize with unusual but valid whitespace: the server must store and return the exact text
    (api.md §1.4), and botocore's parsed result must equal the document we sent."""
    return json.dumps(document, indent=3, separators=(" ,", " : "))


def trust_service(service: str = "ec2.amazonaws.com") -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}
        ],
    }


def denied_message(caller_arn: str, action: str, resource: str, reason: str = "no identity-based policy") -> str:
    """policy.md §6.6, implicit deny."""
    return (
        f"User: {caller_arn} is not authorized to perform: {action} on resource: {resource} "
        f"because {reason} allows the {action} action"
    )


def explicit_deny_message(caller_arn: str, action: str, resource: str, policy_type: str = "an identity-based policy") -> str:
    """policy.md §6.6, explicit deny."""
    return (
        f"User: {caller_arn} is not authorized to perform: {action} on resource: {resource} "
        f"with an explicit deny in {policy_type}"
    )
