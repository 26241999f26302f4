"""Groups and membership through boto3 (api.md §5.5)."""

from __future__ import annotations

import json
import re

from helpers import ARN_PREFIX, allow, expect_error
from warden_harness import unique


def test_delete_group_conflicts(iam):
    group, user = unique("dg"), unique("du")
    iam.create_group(GroupName=group)
    iam.create_user(UserName=user)
    iam.add_user_to_group(GroupName=group, UserName=user)
    expect_error(lambda: iam.delete_group(GroupName=group), "DeleteConflict", "Cannot delete entity, must remove users from group first.", 409)
    iam.remove_user_from_group(GroupName=group, UserName=user)

    iam.put_group_policy(GroupName=group, PolicyName="inline", PolicyDocument=json.dumps(allow("iam:GetUser")))
    expect_error(lambda: iam.delete_group(GroupName=group), "DeleteConflict", "Cannot delete entity, must delete policies first.", 409)
    iam.delete_group_policy(GroupName=group, PolicyName="inline")

    arn = iam.create_policy(PolicyName=unique("gp"), PolicyDocument=json.dumps(allow("iam:GetUser")))["Policy"]["Arn"]
    iam.attach_group_policy(GroupName=group, PolicyArn=arn)
    expect_error(lambda: iam.delete_group(GroupName=group), "DeleteConflict", "Cannot delete entity, must detach all policies first.", 409)
    iam.detach_group_policy(GroupName=group, PolicyArn=arn)

    iam.delete_group(GroupName=group)
    expect_error(lambda: iam.delete_group(GroupName=group), "NoSuchEntity", f"The group with name {group} cannot be found.", 404)


def test_create_and_get_group(iam):
    name = unique("devs")
    group = iam.create_group(GroupName=name, Path="/eng/")["Group"]
    assert group["GroupName"] == name
    assert group["Path"] == "/eng/"
    assert group["Arn"] == f"{ARN_PREFIX}:group/eng/{name}"
    assert re.fullmatch(r"AGPA[A-Z2-7]{17}", group["GroupId"]), group["GroupId"]
    assert "CreateDate" in group
    out = iam.get_group(GroupName=name)
    assert out["Group"] == group
    assert out["Users"] == []
    assert out["IsTruncated"] is False


def test_create_duplicate_group_case_insensitively(iam):
    name = unique("Ops")
    iam.create_group(GroupName=name)
    expect_error(
        lambda: iam.create_group(GroupName=name.lower()), "EntityAlreadyExists", f"Group with name {name.lower()} already exists.", 409
    )


def test_get_missing_group(iam):
    name = unique("nog")
    expect_error(lambda: iam.get_group(GroupName=name), "NoSuchEntity", f"The group with name {name} cannot be found.", 404)


def test_membership_round_trip(iam):
    group, u1, u2 = unique("g"), unique("m1"), unique("m2")
    iam.create_group(GroupName=group)
    for u in (u1, u2):
        iam.create_user(UserName=u)
        iam.add_user_to_group(GroupName=group, UserName=u)
    # Adding an existing member succeeds without change.
    iam.add_user_to_group(GroupName=group, UserName=u1)
    users = iam.get_group(GroupName=group)["Users"]
    assert sorted(u["UserName"] for u in users) == sorted([u1, u2])
    for u in users:
        assert "Tags" not in u and "PermissionsBoundary" not in u
    groups = iam.list_groups_for_user(UserName=u1)
    assert [g["GroupName"] for g in groups["Groups"]] == [group]
    assert groups["IsTruncated"] is False
    iam.remove_user_from_group(GroupName=group, UserName=u1)
    assert [u["UserName"] for u in iam.get_group(GroupName=group)["Users"]] == [u2]
    assert iam.list_groups_for_user(UserName=u1)["Groups"] == []


def test_remove_non_member_succeeds(iam):
    group, user = unique("g"), unique("nm")
    iam.create_group(GroupName=group)
    iam.create_user(UserName=user)
    iam.remove_user_from_group(GroupName=group, UserName=user)


def test_remove_reports_missing_user_before_missing_group(iam):
    group, user = unique("mg"), unique("mu")
    expect_error(
        lambda: iam.remove_user_from_group(GroupName=group, UserName=user),
        "NoSuchEntity",
        f"The user with name {user} cannot be found.",
        404,
    )


def test_add_missing_user_to_group(iam):
    group, user = unique("g"), unique("missing")
    iam.create_group(GroupName=group)
    expect_error(
        lambda: iam.add_user_to_group(GroupName=group, UserName=user), "NoSuchEntity", f"The user with name {user} cannot be found.", 404
    )


def test_groups_per_user_quota(iam):
    user = unique("joiner")
    iam.create_user(UserName=user)
    for _ in range(10):
        g = unique("q")
        iam.create_group(GroupName=g)
        iam.add_user_to_group(GroupName=g, UserName=user)
    g = unique("q11")
    iam.create_group(GroupName=g)
    expect_error(lambda: iam.add_user_to_group(GroupName=g, UserName=user), "LimitExceeded", "Cannot exceed quota for GroupsPerUser: 10", 409)
    assert len(iam.list_groups_for_user(UserName=user)["Groups"]) == 10


def test_list_groups_by_path_prefix(iam):
    prefix = f"/{unique('lg')}/"
    names = sorted(unique("lg") for _ in range(3))
    for n in names:
        iam.create_group(GroupName=n, Path=prefix)
    out = iam.list_groups(PathPrefix=prefix)
    assert [g["GroupName"] for g in out["Groups"]] == names
    assert out["IsTruncated"] is False


def test_update_group_renames_and_keeps_members(iam):
    old, new, user = unique("og"), unique("ng"), unique("mem")
    gid = iam.create_group(GroupName=old)["Group"]["GroupId"]
    iam.create_user(UserName=user)
    iam.add_user_to_group(GroupName=old, UserName=user)
    iam.update_group(GroupName=old, NewGroupName=new, NewPath="/renamed/")
    out = iam.get_group(GroupName=new)
    assert (out["Group"]["GroupId"], out["Group"]["Path"]) == (gid, "/renamed/")
    assert out["Group"]["Arn"] == f"{ARN_PREFIX}:group/renamed/{new}"
    assert [u["UserName"] for u in out["Users"]] == [user]
    expect_error(lambda: iam.get_group(GroupName=old), "NoSuchEntity", f"The group with name {old} cannot be found.", 404)


def test_update_group_collision(iam):
    a, b = unique("ga"), unique("gb")
    iam.create_group(GroupName=a)
    iam.create_group(GroupName=b)
    expect_error(lambda: iam.update_group(GroupName=a, NewGroupName=b), "EntityAlreadyExists", f"Group with name {b} already exists.", 409)
