"""Credential report, access advisor, service-linked roles and STS preferences through boto3
(api.md §5.6, §5.16, §5.17, §5.18).

The credential report is one per account and reused for 4 hours, so these tests run against a
private server (a fresh account) rather than the session-wide one."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest

from helpers import allow, doc, expect_error
from warden_harness import ACCOUNT_ID, ROOT_ARN, start_server, unique, wait_until

COLUMNS = [
    "user",
    "arn",
    "user_creation_time",
    "password_enabled",
    "password_last_used",
    "password_last_changed",
    "password_next_rotation",
    "mfa_active",
    "access_key_1_active",
    "access_key_1_last_rotated",
    "access_key_1_last_used_date",
    "access_key_1_last_used_region",
    "access_key_1_last_used_service",
    "access_key_2_active",
    "access_key_2_last_rotated",
    "access_key_2_last_used_date",
    "access_key_2_last_used_region",
    "access_key_2_last_used_service",
    "cert_1_active",
    "cert_1_last_rotated",
    "cert_2_active",
    "cert_2_last_rotated",
]
ISO_OFFSET = "%Y-%m-%dT%H:%M:%S+00:00"


@pytest.fixture(scope="module")
def private():
    server = start_server(private=True)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def root(private):
    return private.client()


def _user_with_key(private, root, name, document=None):
    root.create_user(UserName=name)
    if document is not None:
        root.put_user_policy(UserName=name, PolicyName="p", PolicyDocument=doc(document))
    key = root.create_access_key(UserName=name)["AccessKey"]
    return key, private.client(key["AccessKeyId"], key["SecretAccessKey"])


def _report(root) -> list[dict]:
    got = root.get_credential_report()
    assert got["ReportFormat"] == "text/csv"
    assert got["GeneratedTime"].tzinfo is not None
    text = got["Content"].decode()
    assert text.endswith("\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == COLUMNS
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]


def test_credential_report_after_activity(private, root):
    # Never generated: ReportNotPresent, without a Message element (api.md §5.17).
    err = expect_error(root.get_credential_report, "ReportNotPresent", None, 410)
    assert "Message" not in err.response["Error"] or not err.response["Error"]["Message"], err.response

    alice_key, alice = _user_with_key(private, root, "alice", allow("iam:GetUser"))
    root.create_user(UserName="bob")
    second = root.create_access_key(UserName="alice")["AccessKey"]
    root.update_access_key(UserName="alice", AccessKeyId=second["AccessKeyId"], Status="Inactive")
    alice.get_user()
    used = wait_until(
        lambda: root.get_access_key_last_used(AccessKeyId=alice_key["AccessKeyId"])["AccessKeyLastUsed"].get(
            "LastUsedDate"
        ),
        10,
    )
    assert used, "the key's use was never recorded"

    started = root.generate_credential_report()
    assert started["State"] == "STARTED"
    assert started["Description"] == "No report exists. Starting a new report generation task"
    # Clients poll until COMPLETE.
    assert wait_until(lambda: root.generate_credential_report()["State"] == "COMPLETE", 10)

    rows = _report(root)
    by_user = {r["user"]: r for r in rows}
    assert rows[0]["user"] == "<root_account>"
    assert rows[0]["arn"] == ROOT_ARN
    for column in ("password_enabled", "password_last_changed", "password_next_rotation"):
        assert rows[0][column] == "not_supported"
    assert set(by_user) == {"<root_account>", "alice", "bob"}

    alice_row = by_user["alice"]
    assert alice_row["arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/alice"
    time.strptime(alice_row["user_creation_time"], ISO_OFFSET)
    assert alice_row["password_enabled"] == "false"
    assert alice_row["password_last_used"] == "N/A"
    assert alice_row["mfa_active"] == "false"
    assert alice_row["access_key_1_active"] == "true"
    time.strptime(alice_row["access_key_1_last_rotated"], ISO_OFFSET)
    time.strptime(alice_row["access_key_1_last_used_date"], ISO_OFFSET)
    assert alice_row["access_key_1_last_used_region"] == "us-east-1"
    assert alice_row["access_key_1_last_used_service"] == "iam"
    # The second key is inactive and was never used.
    assert alice_row["access_key_2_active"] == "false"
    time.strptime(alice_row["access_key_2_last_rotated"], ISO_OFFSET)
    assert alice_row["access_key_2_last_used_date"] == "N/A"
    assert alice_row["access_key_2_last_used_service"] == "N/A"
    assert (alice_row["cert_1_active"], alice_row["cert_1_last_rotated"]) == ("false", "N/A")

    bob_row = by_user["bob"]
    assert bob_row["access_key_1_active"] == "false"
    assert bob_row["access_key_1_last_rotated"] == "N/A"
    assert bob_row["access_key_1_last_used_date"] == "N/A"

    # A report is a snapshot, reused for 4 hours: a new user shows only in a later report.
    root.create_user(UserName="carol")
    assert root.generate_credential_report()["State"] == "COMPLETE"
    assert "carol" not in {r["user"] for r in _report(root)}


def test_credential_report_needs_permission(private, root):
    _, bob = _user_with_key(private, root, unique("nobody"))
    expect_error(bob.generate_credential_report, "AccessDenied", None, 403)
    expect_error(bob.get_credential_report, "AccessDenied", None, 403)


def test_access_advisor(private, root):
    name = unique("adv")
    arn = f"arn:aws:iam::{ACCOUNT_ID}:user/{name}"
    _, user = _user_with_key(
        private,
        root,
        name,
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": ["iam:List*", "s3:GetObject"], "Resource": "*"}],
        },
    )
    user.list_users()

    def iam_entry():
        job = root.generate_service_last_accessed_details(Arn=arn)["JobId"]
        details = root.get_service_last_accessed_details(JobId=job)
        entry = {s["ServiceNamespace"]: s for s in details["ServicesLastAccessed"]}
        return (job, details, entry) if "LastAuthenticated" in entry.get("iam", {}) else None

    # The audit trail of calls that change nothing is written in the background.
    found = wait_until(iam_entry, 10)
    assert found, "the IAM call never showed in the access advisor"
    job, details, entry = found
    assert details["JobStatus"] == "COMPLETED"
    assert details["JobType"] == "SERVICE_LEVEL"
    assert sorted(entry) == ["iam", "s3"]
    assert entry["iam"]["ServiceName"] == "AWS Identity and Access Management"
    assert entry["iam"]["LastAuthenticatedEntity"] == arn
    assert entry["iam"]["LastAuthenticatedRegion"] == "us-east-1"
    assert entry["iam"]["TotalAuthenticatedEntities"] == 1
    assert "LastAuthenticated" not in entry["s3"]
    assert entry["s3"]["TotalAuthenticatedEntities"] == 0

    entities = root.get_service_last_accessed_details_with_entities(JobId=job, ServiceNamespace="iam")
    assert [e["EntityInfo"]["Arn"] for e in entities["EntityDetailsList"]] == [arn]
    assert entities["EntityDetailsList"][0]["EntityInfo"]["Type"] == "USER"
    assert "LastAuthenticated" in entities["EntityDetailsList"][0]

    action_job = root.generate_service_last_accessed_details(Arn=arn, Granularity="ACTION_LEVEL")["JobId"]
    action = root.get_service_last_accessed_details(JobId=action_job)
    iam_actions = {s["ServiceNamespace"]: s for s in action["ServicesLastAccessed"]}["iam"]
    assert [a["ActionName"] for a in iam_actions["TrackedActionsLastAccessed"]] == ["ListUsers"]

    expect_error(
        lambda: root.get_service_last_accessed_details(JobId="ffffffff-ffff-ffff-ffff-ffffffffffff"),
        "NoSuchEntity",
        "No such job ffffffff-ffff-ffff-ffff-ffffffffffff exists.",
        404,
    )
    expect_error(
        lambda: root.generate_service_last_accessed_details(Arn=f"arn:aws:iam::{ACCOUNT_ID}:user/ghost-x"),
        "NoSuchEntity",
        "The user with name ghost-x cannot be found.",
        404,
    )


def test_access_advisor_counts_role_sessions(private, root):
    role = unique("advrole")
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"}, "Action": "sts:AssumeRole"}
        ],
    }
    role_arn = root.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    root.put_role_policy(RoleName=role, PolicyName="list", PolicyDocument=doc(allow("iam:ListRoles")))
    key, _ = _user_with_key(private, root, unique("assumer"), allow("sts:AssumeRole"))
    sts = private.client(key["AccessKeyId"], key["SecretAccessKey"], service="sts")
    creds = sts.assume_role(RoleArn=role_arn, RoleSessionName="advisor")["Credentials"]
    session = private.client(creds["AccessKeyId"], creds["SecretAccessKey"], session_token=creds["SessionToken"])
    session.list_roles()

    def iam_entry():
        job = root.generate_service_last_accessed_details(Arn=role_arn)["JobId"]
        services = root.get_service_last_accessed_details(JobId=job)["ServicesLastAccessed"]
        entry = {s["ServiceNamespace"]: s for s in services}.get("iam", {})
        return entry if "LastAuthenticated" in entry else None

    entry = wait_until(iam_entry, 10)
    assert entry, "the role session's call never showed in the access advisor"
    # The session's use is attributed to the role.
    assert entry["LastAuthenticatedEntity"] == role_arn
    assert entry["TotalAuthenticatedEntities"] == 1


def test_list_policies_granting_service_access(private, root):
    name = unique("lpg")
    root.create_user(UserName=name)
    root.put_user_policy(UserName=name, PolicyName="inline", PolicyDocument=doc(allow("sts:GetCallerIdentity")))
    group = unique("grp")
    root.create_group(GroupName=group)
    root.add_user_to_group(GroupName=group, UserName=name)
    managed = root.create_policy(PolicyName=unique("pol"), PolicyDocument=doc(allow("iam:Get*")))["Policy"]
    root.attach_group_policy(GroupName=group, PolicyArn=managed["Arn"])
    got = root.list_policies_granting_service_access(
        Arn=f"arn:aws:iam::{ACCOUNT_ID}:user/{name}", ServiceNamespaces=["iam", "sts", "ec2"]
    )
    assert got["IsTruncated"] is False
    by_ns = {e["ServiceNamespace"]: e["Policies"] for e in got["PoliciesGrantingServiceAccess"]}
    assert by_ns["iam"] == [{"PolicyName": managed["PolicyName"], "PolicyType": "MANAGED", "PolicyArn": managed["Arn"]}]
    assert by_ns["sts"] == [{"PolicyName": "inline", "PolicyType": "INLINE", "EntityType": "USER", "EntityName": name}]
    assert by_ns["ec2"] == []


def test_service_linked_roles(root):
    created = root.create_service_linked_role(AWSServiceName="elasticbeanstalk.amazonaws.com", Description="eb")["Role"]
    assert created["RoleName"] == "AWSServiceRoleForElasticBeanstalk"
    assert created["Path"] == "/aws-service-role/elasticbeanstalk.amazonaws.com/"
    assert created["Arn"] == (
        f"arn:aws:iam::{ACCOUNT_ID}:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"
    )
    # botocore decodes the URL-encoded trust policy.
    assert created["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "elasticbeanstalk.amazonaws.com"
    }
    name = created["RoleName"]
    expect_error(
        lambda: root.create_service_linked_role(AWSServiceName="elasticbeanstalk.amazonaws.com"),
        "InvalidInput",
        f"Service role name {name} has been taken in this account, please try a different suffix.",
        400,
    )
    suffixed = root.create_service_linked_role(AWSServiceName="elasticbeanstalk.amazonaws.com", CustomSuffix="web")
    assert suffixed["Role"]["RoleName"] == "AWSServiceRoleForElasticBeanstalk_web"
    expect_error(
        lambda: root.create_service_linked_role(AWSServiceName="batch.amazonaws.com", CustomSuffix="x"),
        "InvalidInput",
        "Custom suffix is not allowed for batch.amazonaws.com",
        400,
    )
    expect_error(
        lambda: root.create_service_linked_role(AWSServiceName="made-up.example.com"),
        "InvalidInput",
        "Invalid service name: made-up.example.com",
        400,
    )
    protected = f"Cannot perform the operation on the protected role '{name}' - this role is only modifiable by AWS"
    expect_error(lambda: root.delete_role(RoleName=name), "UnmodifiableEntity", protected, 400)
    expect_error(lambda: root.update_role(RoleName=name, MaxSessionDuration=7200), "UnmodifiableEntity", protected, 400)
    expect_error(
        lambda: root.update_assume_role_policy(RoleName=name, PolicyDocument=json.dumps(allow("sts:AssumeRole"))),
        "UnmodifiableEntity",
        protected,
        400,
    )

    task = root.delete_service_linked_role(RoleName=name)["DeletionTaskId"]
    assert task.startswith(f"task/aws-service-role/elasticbeanstalk.amazonaws.com/{name}/")
    status = root.get_service_linked_role_deletion_status(DeletionTaskId=task)
    assert status["Status"] == "SUCCEEDED"
    expect_error(lambda: root.get_role(RoleName=name), "NoSuchEntity", f"The role with name {name} cannot be found.", 404)
    expect_error(
        lambda: root.get_service_linked_role_deletion_status(DeletionTaskId=task + "0"),
        "NoSuchEntity",
        None,
        404,
    )


def test_sts_preferences(private, root):
    assert root.set_security_token_service_preferences(GlobalEndpointTokenVersion="v2Token")["ResponseMetadata"][
        "HTTPStatusCode"
    ] == 200
    root.set_security_token_service_preferences(GlobalEndpointTokenVersion="v1Token")
    expect_error(
        lambda: root.set_security_token_service_preferences(GlobalEndpointTokenVersion="v9Token"),
        "ValidationError",
        "1 validation error detected: Value at 'globalEndpointTokenVersion' failed to satisfy constraint: "
        "Member must satisfy enum value set",
        400,
    )
    _, nobody = _user_with_key(private, root, unique("nopref"))
    expect_error(
        lambda: nobody.set_security_token_service_preferences(GlobalEndpointTokenVersion="v2Token"),
        "AccessDenied",
        None,
        403,
    )
