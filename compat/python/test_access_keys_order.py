"""ListAccessKeys order through boto3 (api.md §1.5): oldest first, even within one second."""

from __future__ import annotations

from warden_harness import unique


def test_access_keys_are_listed_in_creation_order(iam):
    # api.md §1.5: access keys are sorted by creation time ascending. Both keys are created
    # within the same second, so ties must still follow creation order, not the key id.
    user = unique("ko")
    iam.create_user(UserName=user)
    first = iam.create_access_key(UserName=user)["AccessKey"]["AccessKeyId"]
    second = iam.create_access_key(UserName=user)["AccessKey"]["AccessKeyId"]
    listed = [k["AccessKeyId"] for k in iam.list_access_keys(UserName=user)["AccessKeyMetadata"]]
    assert listed == [first, second]
