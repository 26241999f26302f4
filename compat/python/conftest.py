"""Fixtures shared by the boto3 end-to-end tests: one server per session, root and user clients."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from warden_harness import ACCOUNT_ID, WardenServer, start_server, unique


@pytest.fixture(scope="session")
def warden() -> WardenServer:
    server = start_server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def iam(warden):
    """IAM client signed with the account's root access key."""
    return warden.client()


@pytest.fixture(scope="session")
def sts(warden):
    return warden.client(service="sts")


@dataclass
class UserHandle:
    name: str
    arn: str
    user_id: str
    access_key_id: str
    secret_access_key: str
    client: object


@pytest.fixture
def make_user(warden, iam):
    """Factory: create an IAM user (optionally with inline/managed policies) plus an access key,
    and return a `UserHandle` whose `client` signs with that key."""

    def make(prefix: str = "u", path: str = "/", inline: dict | None = None, managed: list[str] = ()):
        name = unique(prefix)
        user = iam.create_user(UserName=name, Path=path)["User"]
        for policy_name, document in (inline or {}).items():
            iam.put_user_policy(UserName=name, PolicyName=policy_name, PolicyDocument=json.dumps(document))
        for arn in managed:
            iam.attach_user_policy(UserName=name, PolicyArn=arn)
        key = iam.create_access_key(UserName=name)["AccessKey"]
        return UserHandle(
            name=name,
            arn=user["Arn"],
            user_id=user["UserId"],
            access_key_id=key["AccessKeyId"],
            secret_access_key=key["SecretAccessKey"],
            client=warden.client(key["AccessKeyId"], key["SecretAccessKey"]),
        )

    return make


@pytest.fixture
def account_id() -> str:
    return ACCOUNT_ID
