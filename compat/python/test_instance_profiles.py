"""Instance profiles (api.md §5.12) through boto3, and the workload credentials endpoint through
botocore's container credentials provider (`warden workload register`)."""

from __future__ import annotations

import json
import subprocess

import boto3
import botocore.exceptions
import pytest

from helpers import expect_error
from warden_harness import ACCOUNT_ID, REGION, client_config, unique, warden_bin

TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"}, "Action": "sts:AssumeRole"}
    ],
}


EC2_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}


def make_role(iam, prefix: str = "ip-role", trust: dict = TRUST) -> str:
    name = unique(prefix)
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))
    return name


def test_lifecycle_and_shapes(iam):
    name = unique("ip")
    created = iam.create_instance_profile(
        InstanceProfileName=name, Path="/apps/", Tags=[{"Key": "env", "Value": "dev"}]
    )["InstanceProfile"]
    assert created["InstanceProfileName"] == name
    assert created["Path"] == "/apps/"
    assert created["InstanceProfileId"].startswith("AIPA")
    assert created["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:instance-profile/apps/{name}"
    assert created["Roles"] == []
    assert created["Tags"] == [{"Key": "env", "Value": "dev"}]

    role = make_role(iam)
    iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=role)
    got = iam.get_instance_profile(InstanceProfileName=name)["InstanceProfile"]
    assert got["InstanceProfileId"] == created["InstanceProfileId"]
    assert [r["RoleName"] for r in got["Roles"]] == [role]
    listed_role = got["Roles"][0]
    assert listed_role["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:role/{role}"
    assert listed_role["RoleId"].startswith("AROA")
    # URL-encoded on the wire; botocore decodes it like GetRole's.
    assert listed_role["AssumeRolePolicyDocument"] == TRUST
    assert got["Tags"] == [{"Key": "env", "Value": "dev"}]

    for_role = iam.list_instance_profiles_for_role(RoleName=role)
    assert [p["InstanceProfileName"] for p in for_role["InstanceProfiles"]] == [name]
    assert for_role["IsTruncated"] is False

    iam.tag_instance_profile(InstanceProfileName=name, Tags=[{"Key": "Env", "Value": "x"}])
    tags = iam.list_instance_profile_tags(InstanceProfileName=name)["Tags"]
    # Case-sensitive keys (api.md §3.5): both stay.
    assert sorted(t["Key"] for t in tags) == ["Env", "env"]
    iam.untag_instance_profile(InstanceProfileName=name, TagKeys=["env", "absent"])
    assert iam.list_instance_profile_tags(InstanceProfileName=name)["Tags"] == [{"Key": "Env", "Value": "x"}]

    iam.remove_role_from_instance_profile(InstanceProfileName=name, RoleName=role)
    assert iam.get_instance_profile(InstanceProfileName=name)["InstanceProfile"]["Roles"] == []
    iam.delete_instance_profile(InstanceProfileName=name)
    expect_error(
        lambda: iam.get_instance_profile(InstanceProfileName=name),
        "NoSuchEntity",
        f"Instance Profile {name} cannot be found.",
        404,
    )
    iam.delete_role(RoleName=role)


def test_errors(iam):
    name = unique("ip-err")
    iam.create_instance_profile(InstanceProfileName=name)
    expect_error(
        lambda: iam.create_instance_profile(InstanceProfileName=name.upper()),
        "EntityAlreadyExists",
        f"Instance Profile {name.upper()} already exists.",
        409,
    )
    first, second = make_role(iam), make_role(iam)
    iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=first)
    for role in (second, first):
        expect_error(
            lambda role=role: iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=role),
            "LimitExceeded",
            "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1",
            409,
        )
    expect_error(
        lambda: iam.delete_instance_profile(InstanceProfileName=name),
        "DeleteConflict",
        "Cannot delete entity, must remove roles from instance profile first.",
        409,
    )
    expect_error(
        lambda: iam.delete_role(RoleName=first),
        "DeleteConflict",
        "Cannot delete entity, must remove roles from instance profile first.",
        409,
    )
    expect_error(
        lambda: iam.remove_role_from_instance_profile(InstanceProfileName=name, RoleName=second),
        "NoSuchEntity",
        f"Role {second} in Instance Profile {name} cannot be found.",
        404,
    )
    expect_error(
        lambda: iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName="no-such-role-x"),
        "NoSuchEntity",
        "The role with name no-such-role-x cannot be found.",
        404,
    )
    expect_error(
        lambda: iam.list_instance_profiles_for_role(RoleName="no-such-role-x"),
        "NoSuchEntity",
        "The role with name no-such-role-x cannot be found.",
        404,
    )
    expect_error(
        lambda: iam.tag_instance_profile(
            InstanceProfileName=name, Tags=[{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}]
        ),
        "InvalidInput",
        "Duplicate tag keys found.",
        400,
    )


def test_listing_by_path_and_pages(iam):
    path = f"/{unique('p')}/"
    names = sorted(unique("ip-list") for _ in range(5))
    for name in names:
        iam.create_instance_profile(InstanceProfileName=name, Path=path)
    seen = []
    pages = iam.get_paginator("list_instance_profiles").paginate(
        PathPrefix=path, PaginationConfig={"PageSize": 2}
    )
    for page in pages:
        assert len(page["InstanceProfiles"]) <= 2
        seen += [p["InstanceProfileName"] for p in page["InstanceProfiles"]]
    assert seen == names
    everything = [
        p["InstanceProfileName"]
        for page in iam.get_paginator("list_instance_profiles").paginate()
        for p in page["InstanceProfiles"]
    ]
    assert set(names) <= set(everything)


def test_add_role_needs_pass_role(iam, make_user):
    name = unique("ip-pass")
    role = make_role(iam)
    iam.create_instance_profile(InstanceProfileName=name)
    only_add = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "iam:AddRoleToInstanceProfile", "Resource": "*"}],
    }
    user = make_user(prefix="ip-user", inline={"add": only_add})
    expect_error(
        lambda: user.client.add_role_to_instance_profile(InstanceProfileName=name, RoleName=role),
        "AccessDenied",
        f"User: {user.arn} is not authorized to perform: iam:PassRole on resource: "
        f"arn:aws:iam::{ACCOUNT_ID}:role/{role} because no identity-based policy allows the iam:PassRole action",
        403,
    )
    iam.put_user_policy(
        UserName=user.name,
        PolicyName="pass",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "iam:PassRole",
                        "Resource": "*",
                        "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}},
                    }
                ],
            }
        ),
    )
    user.client.add_role_to_instance_profile(InstanceProfileName=name, RoleName=role)


# ----- the container credentials endpoint -------------------------------------------------------


def workload_cli(warden, *args: str) -> subprocess.CompletedProcess:
    storage = ["--database-url", warden.database_url] if warden.database_url else ["--data-dir", warden.data_dir]
    return subprocess.run(
        [warden_bin(), "workload", *args, *storage],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.fixture
def container_env(monkeypatch, tmp_path):
    """A process environment with no credentials but the container provider's variables."""
    for var in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")

    def use(url: str, token: str) -> None:
        monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", url)
        monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", token)

    return use


def test_botocore_container_provider_gets_the_profile_role(warden, iam, container_env):
    # As on EC2, the profile's role must trust ec2.amazonaws.com.
    role = make_role(iam, "workload-role", EC2_TRUST)
    profile = unique("workload-ip")
    iam.create_instance_profile(InstanceProfileName=profile)
    iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
    out = workload_cli(warden, "register", "--account", ACCOUNT_ID, "--instance-profile", profile, "--output", "json")
    assert out.returncode == 0, out.stderr
    registered = json.loads(out.stdout)
    token = registered["Token"]
    container_env(f"{warden.url}/_warden/workload/credentials", token)

    session = boto3.session.Session(region_name=REGION)
    credentials = session.get_credentials()
    assert credentials.method == "container-role"
    frozen = credentials.get_frozen_credentials()
    assert frozen.access_key.startswith("ASIA")
    assert frozen.token
    sts = session.client("sts", endpoint_url=warden.url, config=client_config())
    who = sts.get_caller_identity()
    assert who["Arn"] == f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/{registered['WorkloadId']}"
    assert who["Account"] == ACCOUNT_ID

    # Revoked: botocore's provider cannot fetch credentials any more.
    revoked = workload_cli(warden, "revoke", "--id", registered["WorkloadId"])
    assert revoked.returncode == 0, revoked.stderr
    with pytest.raises(botocore.exceptions.CredentialRetrievalError):
        boto3.session.Session(region_name=REGION).get_credentials().get_frozen_credentials()


def test_botocore_container_provider_role_must_trust_ec2(warden, iam, container_env):
    role = make_role(iam, "workload-untrusting")
    profile = unique("workload-ip")
    iam.create_instance_profile(InstanceProfileName=profile)
    iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
    out = workload_cli(warden, "register", "--account", ACCOUNT_ID, "--instance-profile", profile, "--output", "json")
    assert out.returncode == 0, out.stderr
    container_env(f"{warden.url}/_warden/workload/credentials", json.loads(out.stdout)["Token"])
    with pytest.raises(botocore.exceptions.CredentialRetrievalError) as caught:
        boto3.session.Session(region_name=REGION).get_credentials().get_frozen_credentials()
    assert "does not allow ec2.amazonaws.com to perform sts:AssumeRole" in str(caught.value)


def test_botocore_container_provider_with_a_wrong_token(warden, container_env):
    container_env(f"{warden.url}/_warden/workload/credentials", "wl-00000000000000000000." + "0" * 64)
    with pytest.raises(botocore.exceptions.CredentialRetrievalError):
        boto3.session.Session(region_name=REGION).get_credentials().get_frozen_credentials()
