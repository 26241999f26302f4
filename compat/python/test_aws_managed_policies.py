"""AWS managed policies (loaded by `warden import`) and imported accounts through boto3 (api.md §5.7).

The simulation test imports a generated account export into a server of its own and checks that
SimulatePrincipalPolicy on imported users answers as `warden policy simulate` does with the
same users' policies."""

from __future__ import annotations

import json
import subprocess

import pytest

from aws_managed import load_aws_managed, storage_args, warden_import
from helpers import allow, doc, expect_error
from warden_harness import ACCOUNT_ID, start_server, warden_bin


@pytest.fixture(scope="module", autouse=True)
def aws_managed(warden):
    load_aws_managed(warden)

def test_aws_managed_policies_are_read_only(iam):
    arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    got = iam.get_policy(PolicyArn=arn)["Policy"]
    assert got["Arn"] == arn
    assert got["PolicyName"] == "ReadOnlyAccess"
    assert got["PolicyId"].startswith("ANPA")
    expect_error(lambda: iam.delete_policy(PolicyArn=arn), "AccessDenied", "Cannot delete policies outside your own account.", 403)
    expect_error(
        lambda: iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc(allow("s3:*"))),
        "AccessDenied",
        "Cannot update policies outside your own account.",
        403,
    )
    names = {p["PolicyName"] for p in iam.list_policies(Scope="AWS", MaxItems=1000)["Policies"]}
    assert {"AdministratorAccess", "ReadOnlyAccess", "IAMFullAccess"} <= names
    expect_error(
        lambda: iam.delete_policy_version(PolicyArn=arn, VersionId="v1"),
        "AccessDenied",
        "Cannot delete policy versions for policies outside your own account.",
        403,
    )
    expect_error(
        lambda: iam.set_default_policy_version(PolicyArn=arn, VersionId="v1"),
        "AccessDenied",
        "Cannot update policies outside your own account.",
        403,
    )
    # Readable like any policy: versions and the default document.
    versions = iam.list_policy_versions(PolicyArn=arn)["Versions"]
    assert [v["VersionId"] for v in versions] == ["v1"]
    version = iam.get_policy_version(PolicyArn=arn, VersionId="v1")["PolicyVersion"]
    assert version["IsDefaultVersion"] is True
    assert version["Document"]["Statement"][0]["Effect"] == "Allow"


def test_list_policies_scopes_separate_aws_and_local(iam):
    local = iam.create_policy(PolicyName="ReadOnlyAccess", PolicyDocument=doc(allow("s3:GetObject")))["Policy"]
    aws = [p["Arn"] for p in iam.list_policies(Scope="AWS", MaxItems=1000)["Policies"]]
    mine = [p["Arn"] for p in iam.list_policies(Scope="Local", MaxItems=1000)["Policies"]]
    assert all(a.startswith("arn:aws:iam::aws:policy/") for a in aws)
    assert local["Arn"] in mine and local["Arn"] not in aws
    assert not any(a.startswith("arn:aws:iam::aws:") for a in mine)
    # Scope=All pages through both, sorted by name, each policy once.
    seen = []
    marker = None
    while True:
        kwargs = {"Scope": "All", "MaxItems": 2}
        if marker:
            kwargs["Marker"] = marker
        page = iam.list_policies(**kwargs)
        seen += [p["Arn"] for p in page["Policies"]]
        if not page["IsTruncated"]:
            break
        marker = page["Marker"]
    assert sorted(seen) == sorted(aws + mine)
    assert len(seen) == len(set(seen))
    # A customer policy may share an AWS managed policy's name.
    assert "arn:aws:iam::aws:policy/ReadOnlyAccess" in seen
    iam.delete_policy(PolicyArn=local["Arn"])


# ---- an imported account answers simulations like the offline simulator


@pytest.fixture(scope="module")
def imported():
    """A server of its own with a generated account export imported into its account."""
    server = start_server(private=True)
    out = subprocess.run(
        [warden_bin(), "generate-export", "--account", ACCOUNT_ID, "--users", "30", "--policies", "12",
         "--groups", "4", "--roles", "3", "--aws-policies", "3"],
        capture_output=True, text=True, timeout=60, check=True,
    )
    export = json.loads(out.stdout)
    warden_import(server, export)
    yield server, export
    server.stop()


def _user_documents(export: dict, user: dict) -> tuple[list[str], list[str]]:
    """The identity policy documents of a user (inline, attached, its groups' inline and attached) and
    its boundary, as JSON texts, from the export itself."""
    policies = {p["Arn"]: p for p in export["Policies"]}
    groups = {g["GroupName"]: g for g in export["GroupDetailList"]}

    def default_document(arn: str) -> str:
        p = policies[arn]
        version = next(v for v in p["PolicyVersionList"] if v["IsDefaultVersion"])
        return json.dumps(version["Document"])

    docs = [json.dumps(p["PolicyDocument"]) for p in user["UserPolicyList"]]
    docs += [default_document(a["PolicyArn"]) for a in user["AttachedManagedPolicies"]]
    for name in user["GroupList"]:
        group = groups[name]
        docs += [json.dumps(p["PolicyDocument"]) for p in group["GroupPolicyList"]]
        docs += [default_document(a["PolicyArn"]) for a in group["AttachedManagedPolicies"]]
    boundary = user.get("PermissionsBoundary")
    return docs, [default_document(boundary["PermissionsBoundaryArn"])] if boundary else []


def _offline(docs: list[str], boundary: list[str], caller: str, action: str, resource: str) -> str:
    args = [warden_bin(), "policy", "simulate", "--policy-input-list", *docs, "--action-names", action,
            "--resource-arns", resource, "--caller-arn", caller, "--output", "json"]
    if boundary:
        args += ["--permissions-boundary-policy-input-list", *boundary]
    out = subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["EvaluationResults"][0]["EvalDecision"]


@pytest.mark.parametrize("index", [3, 10, 17])
def test_simulate_principal_policy_on_imported_users_matches_offline_simulation(imported, index):
    server, export = imported
    iam = server.client()
    user = export["UserDetailList"][index]
    docs, boundary = _user_documents(export, user)
    # User 10 has a permissions boundary (every tenth generated user).
    assert bool(boundary) == (index % 10 == 0)
    name = user["UserName"]
    cases = [
        ("s3:GetObject", f"arn:aws:s3:::gen-home/{name}/notes.txt"),
        ("s3:PutObject", "arn:aws:s3:::gen-home/someone-else/notes.txt"),
        ("sqs:SendMessage", f"arn:aws:sqs:us-east-1:{ACCOUNT_ID}:group-{index % 4}"),
        ("s3:GetObject", "arn:aws:s3:::gen-1-v3/key"),
        ("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/gen-2"),
        ("iam:CreateUser", "*"),
    ]
    decisions = set()
    for action, resource in cases:
        online = iam.simulate_principal_policy(PolicySourceArn=user["Arn"], ActionNames=[action], ResourceArns=[resource])
        got = online["EvaluationResults"][0]["EvalDecision"]
        expected = _offline(docs, boundary, user["Arn"], action, resource)
        assert got == expected, (action, resource)
        decisions.add(got)
    # The cases exercise both answers (a bounded user may be allowed nothing).
    assert "implicitDeny" in decisions
    if not boundary:
        assert "allowed" in decisions


def test_get_account_authorization_details_output_imports_into_a_fresh_deployment(imported, tmp_path):
    """The server's GetAccountAuthorizationDetails, as the aws CLI prints it (all pages merged,
    documents as JSON objects, ISO dates), imports into a new deployment, whose export then
    equals the original account's export: the format `warden import` reads is AWS's."""
    server, _ = imported
    iam = server.client()
    merged = {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []}
    for page in iam.get_paginator("get_account_authorization_details").paginate(PaginationConfig={"PageSize": 7}):
        for key in merged:
            merged[key] += page.get(key, [])
    cli_json = tmp_path / "details.json"
    cli_json.write_text(json.dumps(merged, default=lambda d: d.isoformat()))

    fresh = tmp_path / "fresh"

    def warden(*args: str, storage: list[str]) -> str:
        out = subprocess.run([warden_bin(), *args, *storage], capture_output=True, text=True, timeout=120, check=False)
        assert out.returncode == 0, out.stderr
        return out.stdout

    warden("account", "create", "--account-id", ACCOUNT_ID, storage=["--data-dir", str(fresh)])
    summary = warden("import", str(cli_json), "--account", ACCOUNT_ID, storage=["--data-dir", str(fresh)])
    assert "users:                    30 created, 0 updated" in summary
    original = json.loads(warden("export", "--account", ACCOUNT_ID, storage=storage_args(server)))
    copy = json.loads(warden("export", "--account", ACCOUNT_ID, storage=["--data-dir", str(fresh)]))
    assert len(copy["UserDetailList"]) == 30
    assert copy == original
