"""Managed policies, versions and policy tags through boto3 (api.md §5.7)."""

from __future__ import annotations

import json
import re

from helpers import ARN_PREFIX, allow, doc, expect_error, policy, statement
from warden_harness import unique

VERSION_LIMIT = (
    "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version."
)
MORE_THAN_ONE_VERSION = (
    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. "
    "The default version is deleted with the policy."
)


def _create(iam, document=None, **kwargs):
    kwargs.setdefault("PolicyName", unique("pol"))
    return iam.create_policy(PolicyDocument=doc(document or allow("s3:GetObject")), **kwargs)["Policy"]


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
