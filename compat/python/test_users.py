"""Users and user tags through boto3 (api.md §3.4, §3.5, §5.4)."""

from __future__ import annotations

import datetime
import json
import re

from helpers import ARN_PREFIX, allow, assert_error, error_of, expect_error
from warden_harness import ACCOUNT_ID, ROOT_ARN, unique

PATH_MESSAGE = (
    "The specified value for path is invalid. It must begin and end with / and contain only "
    "alphanumeric characters and/or / characters."
)


def test_get_user_without_name_as_user_is_the_caller(make_user):
    me = make_user("self", inline={"self": allow("iam:GetUser")})
    got = me.client.get_user()["User"]
    assert (got["UserName"], got["Arn"], got["UserId"]) == (me.name, me.arn, me.user_id)


def test_delete_user_with_inline_policy_is_a_delete_conflict(iam):
    name = unique("di")
    iam.create_user(UserName=name)
    iam.put_user_policy(UserName=name, PolicyName="p", PolicyDocument=json.dumps(allow("iam:GetUser")))
    expect_error(lambda: iam.delete_user(UserName=name), "DeleteConflict", "Cannot delete entity, must delete policies first.", 409)
    iam.delete_user_policy(UserName=name, PolicyName="p")
    iam.delete_user(UserName=name)


def test_delete_user_with_attached_policy_is_a_delete_conflict(iam):
    name = unique("da")
    iam.create_user(UserName=name)
    arn = iam.create_policy(PolicyName=unique("dap"), PolicyDocument=json.dumps(allow("iam:GetUser")))["Policy"]["Arn"]
    iam.attach_user_policy(UserName=name, PolicyArn=arn)
    expect_error(lambda: iam.delete_user(UserName=name), "DeleteConflict", "Cannot delete entity, must detach all policies first.", 409)
    iam.detach_user_policy(UserName=name, PolicyArn=arn)
    iam.delete_user(UserName=name)


def test_delete_user_with_boundary_and_tags_succeeds(iam):
    name = unique("db")
    arn = iam.create_policy(PolicyName=unique("dbp"), PolicyDocument=json.dumps(allow("iam:*")))["Policy"]["Arn"]
    iam.create_user(UserName=name, PermissionsBoundary=arn, Tags=[{"Key": "a", "Value": "b"}])
    iam.delete_user(UserName=name)


def test_create_user_with_51_tags_creates_nothing(iam):
    name = unique("t51")
    expect_error(
        lambda: iam.create_user(UserName=name, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(51)]),
        "LimitExceeded",
        "The number of tags has reached the maximum limit.",
        409,
    )
    expect_error(lambda: iam.get_user(UserName=name), "NoSuchEntity", f"The user with name {name} cannot be found.", 404)


def test_invalid_path_has_the_path_message(iam):
    expect_error(lambda: iam.create_user(UserName=unique("p"), Path="nopath"), "ValidationError", PATH_MESSAGE, 400)


def test_create_user_returns_the_modelled_fields(iam):
    name = unique("alice")
    user = iam.create_user(UserName=name)["User"]
    assert user["UserName"] == name
    assert user["Path"] == "/"
    assert user["Arn"] == f"{ARN_PREFIX}:user/{name}"
    assert re.fullmatch(r"AIDA[A-Z2-7]{17}", user["UserId"]), user["UserId"]
    assert isinstance(user["CreateDate"], datetime.datetime)
    assert user["CreateDate"].tzinfo is not None
    now = datetime.datetime.now(datetime.timezone.utc)
    assert abs((now - user["CreateDate"]).total_seconds()) < 120
    # Absent optional members are omitted (§1.3 rule 5).
    assert "Tags" not in user
    assert "PermissionsBoundary" not in user


def test_create_user_with_path_and_tags(iam):
    name = unique("pathy")
    tags = [{"Key": "team", "Value": "blue"}, {"Key": "empty", "Value": ""}]
    user = iam.create_user(UserName=name, Path="/division/sub/", Tags=tags)["User"]
    assert user["Path"] == "/division/sub/"
    assert user["Arn"] == f"{ARN_PREFIX}:user/division/sub/{name}"
    assert sorted(user["Tags"], key=lambda t: t["Key"]) == sorted(tags, key=lambda t: t["Key"])


def test_user_ids_are_unique_and_not_reused(iam):
    name = unique("reborn")
    first = iam.create_user(UserName=name)["User"]["UserId"]
    iam.delete_user(UserName=name)
    second = iam.create_user(UserName=name)["User"]["UserId"]
    assert first != second


def test_create_user_duplicate_is_entity_already_exists(iam):
    name = unique("dup")
    iam.create_user(UserName=name)
    expect_error(lambda: iam.create_user(UserName=name), "EntityAlreadyExists", f"User with name {name} already exists.", 409)


def test_user_names_are_unique_case_insensitively(iam):
    name = unique("Carol")
    iam.create_user(UserName=name)
    other = name.upper()
    expect_error(lambda: iam.create_user(UserName=other), "EntityAlreadyExists", f"User with name {other} already exists.", 409)


def test_lookup_is_case_insensitive_and_returns_the_stored_spelling(iam):
    name = unique("Dave")
    iam.create_user(UserName=name)
    assert iam.get_user(UserName=name.lower())["User"]["UserName"] == name


def test_invalid_user_name_is_a_validation_error(iam):
    expect_error(
        lambda: iam.create_user(UserName="bad name!"),
        "ValidationError",
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: "
        "Member must satisfy regular expression pattern: [\\w+=,.@-]+",
        400,
    )


def test_too_long_user_name_is_a_validation_error(iam):
    expect_error(
        lambda: iam.create_user(UserName="a" * 65),
        "ValidationError",
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: "
        "Member must have length less than or equal to 64",
        400,
    )


def test_get_user_by_name(iam):
    name = unique("getme")
    created = iam.create_user(UserName=name, Path="/x/")["User"]
    got = iam.get_user(UserName=name)["User"]
    for key in ("UserName", "UserId", "Arn", "Path", "CreateDate"):
        assert got[key] == created[key], key
    # Tags only when the user has tags (§5.4).
    assert "Tags" not in got


def test_get_user_shows_tags_when_present(iam):
    name = unique("tagged")
    iam.create_user(UserName=name, Tags=[{"Key": "k", "Value": "v"}])
    assert iam.get_user(UserName=name)["User"]["Tags"] == [{"Key": "k", "Value": "v"}]


def test_get_missing_user_is_no_such_entity(iam):
    name = unique("ghost")
    expect_error(lambda: iam.get_user(UserName=name), "NoSuchEntity", f"The user with name {name} cannot be found.", 404)


def test_get_user_without_name_as_root_is_the_root_pseudo_user(iam):
    user = iam.get_user()["User"]
    assert user["UserId"] == ACCOUNT_ID
    assert user["Arn"] == ROOT_ARN
    assert "UserName" not in user


def test_list_users_filters_by_path_prefix_and_omits_tags(iam):
    prefix = f"/{unique('lu')}/"
    names = sorted(unique("lu") for _ in range(3))
    for n in names:
        iam.create_user(UserName=n, Path=prefix, Tags=[{"Key": "a", "Value": "b"}])
    iam.create_user(UserName=unique("outside"))
    out = iam.list_users(PathPrefix=prefix)
    assert out["IsTruncated"] is False
    assert "Marker" not in out
    assert [u["UserName"] for u in out["Users"]] == names
    for u in out["Users"]:
        assert set(u) == {"Path", "UserName", "UserId", "Arn", "CreateDate"}, u


def test_path_prefix_is_a_plain_string_prefix(iam):
    base = unique("div")
    iam.create_user(UserName=unique("a"), Path=f"/{base}/")
    iam.create_user(UserName=unique("b"), Path=f"/{base}_abc/")
    out = iam.list_users(PathPrefix=f"/{base}")["Users"]
    assert sorted(u["Path"] for u in out) == [f"/{base}/", f"/{base}_abc/"]


def test_update_user_renames_and_keeps_the_id(iam):
    old, new = unique("old"), unique("new")
    uid = iam.create_user(UserName=old)["User"]["UserId"]
    iam.update_user(UserName=old, NewUserName=new, NewPath="/moved/")
    got = iam.get_user(UserName=new)["User"]
    assert (got["UserId"], got["Path"], got["Arn"]) == (uid, "/moved/", f"{ARN_PREFIX}:user/moved/{new}")
    expect_error(lambda: iam.get_user(UserName=old), "NoSuchEntity", f"The user with name {old} cannot be found.", 404)


def test_update_user_keeps_access_keys_under_the_new_name(iam):
    old, new = unique("kold"), unique("knew")
    iam.create_user(UserName=old)
    key = iam.create_access_key(UserName=old)["AccessKey"]["AccessKeyId"]
    iam.update_user(UserName=old, NewUserName=new)
    meta = iam.list_access_keys(UserName=new)["AccessKeyMetadata"]
    assert [(k["AccessKeyId"], k["UserName"]) for k in meta] == [(key, new)]


def test_update_user_to_a_taken_name_is_entity_already_exists(iam):
    a, b = unique("ua"), unique("ub")
    iam.create_user(UserName=a)
    iam.create_user(UserName=b)
    expect_error(lambda: iam.update_user(UserName=a, NewUserName=b), "EntityAlreadyExists", f"User with name {b} already exists.", 409)


def test_update_missing_user_is_no_such_entity(iam):
    name = unique("nobody")
    expect_error(
        lambda: iam.update_user(UserName=name, NewPath="/x/"), "NoSuchEntity", f"The user with name {name} cannot be found.", 404
    )


def test_delete_user(iam):
    name = unique("del")
    iam.create_user(UserName=name, Tags=[{"Key": "k", "Value": "v"}])
    iam.delete_user(UserName=name)
    expect_error(lambda: iam.get_user(UserName=name), "NoSuchEntity", f"The user with name {name} cannot be found.", 404)
    expect_error(lambda: iam.delete_user(UserName=name), "NoSuchEntity", f"The user with name {name} cannot be found.", 404)


def test_delete_user_with_access_key_is_a_delete_conflict(iam):
    name = unique("dk")
    iam.create_user(UserName=name)
    key = iam.create_access_key(UserName=name)["AccessKey"]["AccessKeyId"]
    expect_error(lambda: iam.delete_user(UserName=name), "DeleteConflict", "Cannot delete entity, must delete access keys first.", 409)
    iam.delete_access_key(UserName=name, AccessKeyId=key)
    iam.delete_user(UserName=name)


def test_delete_user_in_a_group_is_a_delete_conflict(iam):
    name, group = unique("dg"), unique("dgg")
    iam.create_user(UserName=name)
    iam.create_group(GroupName=group)
    iam.add_user_to_group(GroupName=group, UserName=name)
    expect_error(
        lambda: iam.delete_user(UserName=name), "DeleteConflict", "Cannot delete entity, must remove user from all groups first.", 409
    )
    iam.remove_user_from_group(GroupName=group, UserName=name)
    iam.delete_user(UserName=name)


def test_tag_list_untag_user(iam):
    name = unique("tg")
    iam.create_user(UserName=name)
    iam.tag_user(UserName=name, Tags=[{"Key": "b", "Value": "2"}, {"Key": "a", "Value": "1"}, {"Key": "abc", "Value": ""}])
    out = iam.list_user_tags(UserName=name)
    assert out["IsTruncated"] is False
    assert sorted((t["Key"], t["Value"]) for t in out["Tags"]) == [("a", "1"), ("abc", ""), ("b", "2")]
    iam.tag_user(UserName=name, Tags=[{"Key": "a", "Value": "one"}])
    iam.untag_user(UserName=name, TagKeys=["b", "not-there"])
    tags = iam.list_user_tags(UserName=name)["Tags"]
    assert sorted((t["Key"], t["Value"]) for t in tags) == [("a", "one"), ("abc", "")]


def test_list_user_tags_of_untagged_user_is_empty(iam):
    name = unique("nt")
    iam.create_user(UserName=name)
    out = iam.list_user_tags(UserName=name)
    assert (out["Tags"], out["IsTruncated"]) == ([], False)


def test_user_tag_keys_are_case_insensitive(iam):
    name = unique("tc")
    iam.create_user(UserName=name, Tags=[{"Key": "Department", "Value": "finance"}])
    iam.tag_user(UserName=name, Tags=[{"Key": "department", "Value": "hr"}])
    tags = iam.list_user_tags(UserName=name)["Tags"]
    assert len(tags) == 1
    assert tags[0]["Value"] == "hr"
    assert tags[0]["Key"].lower() == "department"


def test_duplicate_user_tag_keys_differing_by_case_are_invalid(iam):
    name = unique("td")
    iam.create_user(UserName=name)
    expect_error(
        lambda: iam.tag_user(UserName=name, Tags=[{"Key": "Env", "Value": "a"}, {"Key": "env", "Value": "b"}]),
        "InvalidInput",
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
        400,
    )


def test_more_than_50_tags_is_limit_exceeded(iam):
    name = unique("t50")
    iam.create_user(UserName=name, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
    expect_error(
        lambda: iam.tag_user(UserName=name, Tags=[{"Key": "one-more", "Value": "v"}]),
        "LimitExceeded",
        "The number of tags has reached the maximum limit.",
        409,
    )
    # Overwriting an existing key does not add a tag.
    iam.tag_user(UserName=name, Tags=[{"Key": "k0", "Value": "new"}])


def test_tag_missing_user_is_no_such_entity(iam):
    name = unique("tm")
    err = error_of(lambda: iam.tag_user(UserName=name, Tags=[{"Key": "a", "Value": "b"}]))
    assert_error(err, "NoSuchEntity", f"The user with name {name} cannot be found.", 404)
