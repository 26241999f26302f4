"""Pagination: MaxItems/Marker by hand and boto3 paginators over more than one page (api.md §1.5)."""

from __future__ import annotations

import json

from helpers import allow, expect_error, trust_service
from warden_harness import unique


def _walk(call, key, **kwargs):
    """Follow Marker by hand; return (items, number of pages)."""
    items, pages, marker = [], 0, None
    while True:
        args = dict(kwargs)
        if marker:
            args["Marker"] = marker
        out = call(**args)
        pages += 1
        items += out[key]
        assert isinstance(out["IsTruncated"], bool)
        if not out["IsTruncated"]:
            assert "Marker" not in out
            return items, pages
        marker = out["Marker"]
        assert marker
        assert pages < 100, "pagination does not terminate"


def test_attached_policies_and_access_keys_paginate(iam):
    user = unique("pa")
    iam.create_user(UserName=user)
    arns = []
    for _ in range(3):
        arn = iam.create_policy(PolicyName=unique("pa"), PolicyDocument=json.dumps(allow("s3:*")))["Policy"]["Arn"]
        iam.attach_user_policy(UserName=user, PolicyArn=arn)
        arns.append(arn)
    pages = list(iam.get_paginator("list_attached_user_policies").paginate(UserName=user, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 2
    assert sorted(a["PolicyArn"] for p in pages for a in p["AttachedPolicies"]) == sorted(arns)
    keys = [iam.create_access_key(UserName=user)["AccessKey"]["AccessKeyId"] for _ in range(2)]
    pages = list(iam.get_paginator("list_access_keys").paginate(UserName=user, PaginationConfig={"PageSize": 1}))
    assert len(pages) == 2
    # Order is checked by test_access_keys_are_listed_in_creation_order; this test is about pages.
    assert sorted(k["AccessKeyId"] for p in pages for k in p["AccessKeyMetadata"]) == sorted(keys)


def test_groups_roles_policies_paginators(iam):
    prefix = f"/{unique('pr')}/"
    groups = sorted(unique("g") for _ in range(3))
    roles = sorted(unique("r") for _ in range(3))
    policies = sorted(unique("p") for _ in range(3))
    for g in groups:
        iam.create_group(GroupName=g, Path=prefix)
    for r in roles:
        iam.create_role(RoleName=r, Path=prefix, AssumeRolePolicyDocument=json.dumps(trust_service()))
    for p in policies:
        iam.create_policy(PolicyName=p, Path=prefix, PolicyDocument=json.dumps(allow("s3:*")))
    for op, key, field, expected, extra in (
        ("list_groups", "Groups", "GroupName", groups, {}),
        ("list_roles", "Roles", "RoleName", roles, {}),
        ("list_policies", "Policies", "PolicyName", policies, {"Scope": "Local"}),
    ):
        pages = list(iam.get_paginator(op).paginate(PathPrefix=prefix, PaginationConfig={"PageSize": 2}, **extra))
        assert len(pages) == 2, op
        assert [i[field] for p in pages for i in p[key]] == expected, op


def test_policy_versions_and_inline_names_and_tags_paginate(iam):
    arn = iam.create_policy(PolicyName=unique("pv"), PolicyDocument=json.dumps(allow("s3:*")))["Policy"]["Arn"]
    for n in range(2, 6):
        iam.create_policy_version(PolicyArn=arn, PolicyDocument=json.dumps(allow(f"s3:A{n}")))
    pages = list(iam.get_paginator("list_policy_versions").paginate(PolicyArn=arn, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 3
    assert [v["VersionId"] for p in pages for v in p["Versions"]] == ["v5", "v4", "v3", "v2", "v1"]

    user = unique("pin")
    iam.create_user(UserName=user, Tags=[{"Key": f"t{i}", "Value": str(i)} for i in range(5)])
    for i in range(5):
        iam.put_user_policy(UserName=user, PolicyName=f"p{i}", PolicyDocument=json.dumps(allow(f"s3:P{i}")))
    pages = list(iam.get_paginator("list_user_policies").paginate(UserName=user, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 3
    assert [n for p in pages for n in p["PolicyNames"]] == [f"p{i}" for i in range(5)]
    pages = list(iam.get_paginator("list_user_tags").paginate(UserName=user, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 3
    assert sorted(t["Key"] for p in pages for t in p["Tags"]) == [f"t{i}" for i in range(5)]


def test_list_users_by_hand(iam):
    prefix = f"/{unique('pg')}/"
    names = sorted(unique("pu") for _ in range(7))
    for n in names:
        iam.create_user(UserName=n, Path=prefix)
    first = iam.list_users(PathPrefix=prefix, MaxItems=3)
    assert len(first["Users"]) == 3
    assert first["IsTruncated"] is True
    items, pages = _walk(iam.list_users, "Users", PathPrefix=prefix, MaxItems=3)
    assert [u["UserName"] for u in items] == names
    assert pages == 3


def test_list_users_paginator(iam):
    prefix = f"/{unique('pp')}/"
    names = sorted(unique("pp") for _ in range(5))
    for n in names:
        iam.create_user(UserName=n, Path=prefix)
    pages = list(iam.get_paginator("list_users").paginate(PathPrefix=prefix, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 3
    assert [u["UserName"] for p in pages for u in p["Users"]] == names
    full = iam.get_paginator("list_users").paginate(PathPrefix=prefix, PaginationConfig={"PageSize": 2}).build_full_result()
    assert [u["UserName"] for u in full["Users"]] == names


def test_delete_between_pages_neither_duplicates_nor_skips(iam):
    prefix = f"/{unique('pi')}/"
    names = [f"{unique('m')}-{i}" for i in range(4)]
    for n in names:
        iam.create_user(UserName=n, Path=prefix)
    first = iam.list_users(PathPrefix=prefix, MaxItems=2)
    seen = [u["UserName"] for u in first["Users"]]
    iam.delete_user(UserName=seen[0])
    rest, _ = _walk(iam.list_users, "Users", PathPrefix=prefix, MaxItems=2, Marker=first["Marker"])
    assert seen + [u["UserName"] for u in rest] == sorted(names, key=str.lower)


def test_invalid_marker(iam):
    expect_error(lambda: iam.list_users(Marker="certainly-not-a-marker"), "ValidationError", "Invalid Marker.", 400)


def test_max_items_out_of_range(iam):
    expect_error(
        lambda: iam.list_users(MaxItems=1001),
        "ValidationError",
        "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
        400,
    )


def test_get_group_paginates_users(iam):
    group = unique("big")
    iam.create_group(GroupName=group)
    names = sorted(unique("gm") for _ in range(5))
    for n in names:
        iam.create_user(UserName=n)
        iam.add_user_to_group(GroupName=group, UserName=n)
    pages = list(iam.get_paginator("get_group").paginate(GroupName=group, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 3
    assert sorted(u["UserName"] for p in pages for u in p["Users"]) == names
    assert all(p["Group"]["GroupName"] == group for p in pages)
