"""OpenID Connect providers through boto3 (api.md §5.13)."""

from __future__ import annotations

from helpers import ARN_PREFIX, expect_error
from warden_harness import unique

THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"


def _host():
    return f"{unique('oidc')}.example.com"


def test_create_get_list_delete_provider(iam):
    host = _host()
    created = iam.create_open_id_connect_provider(
        Url=f"https://{host}/tenant", ClientIDList=["sts.amazonaws.com", "app"], ThumbprintList=[THUMB]
    )
    arn = created["OpenIDConnectProviderArn"]
    assert arn == f"{ARN_PREFIX}:oidc-provider/{host}/tenant"
    assert "Tags" not in created
    got = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
    assert got["Url"] == f"{host}/tenant"
    assert sorted(got["ClientIDList"]) == ["app", "sts.amazonaws.com"]
    assert got["ThumbprintList"] == [THUMB]
    assert "CreateDate" in got
    assert got["Tags"] == []
    assert {"Arn": arn} in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]
    iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)
    assert {"Arn": arn} not in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]
    expect_error(
        lambda: iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn),
        "NoSuchEntity",
        f"OpenId connect Provider {arn} cannot be found.",
        404,
    )
    expect_error(
        lambda: iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn),
        "NoSuchEntity",
        f"OpenIDConnect Provider not found for arn {arn}",
        404,
    )


def test_create_with_tags_and_without_thumbprints(iam):
    host = _host()
    created = iam.create_open_id_connect_provider(Url=f"https://{host}", ClientIDList=["a"], Tags=[{"Key": "k", "Value": "v"}])
    assert created["Tags"] == [{"Key": "k", "Value": "v"}]
    got = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=created["OpenIDConnectProviderArn"])
    assert got["ThumbprintList"] == []
    assert got["Tags"] == [{"Key": "k", "Value": "v"}]


def test_duplicate_url(iam):
    host = _host()
    iam.create_open_id_connect_provider(Url=f"https://{host}", ClientIDList=["a"], ThumbprintList=[THUMB])
    expect_error(
        lambda: iam.create_open_id_connect_provider(Url=f"https://{host}", ClientIDList=["b"], ThumbprintList=[THUMB]),
        "EntityAlreadyExists",
        f"Provider with url https://{host} already exists.",
        409,
    )


def test_invalid_url(iam):
    for url in (f"http://{_host()}", f"https://{_host()}/path?query=1"):
        expect_error(
            lambda: iam.create_open_id_connect_provider(Url=url, ClientIDList=["a"], ThumbprintList=[THUMB]),
            "ValidationError",
            "Invalid Open ID Connect Provider URL",
            400,
        )


def test_too_many_thumbprints(iam):
    thumbs = [f"{i:040x}" for i in range(6)]
    expect_error(
        lambda: iam.create_open_id_connect_provider(Url=f"https://{_host()}", ClientIDList=["a"], ThumbprintList=thumbs),
        "InvalidInput",
        "Thumbprint list must contain fewer than 5 entries.",
        400,
    )
    # Five are allowed (sic).
    iam.create_open_id_connect_provider(Url=f"https://{_host()}", ClientIDList=["a"], ThumbprintList=thumbs[:5])


def test_client_ids_are_idempotent(iam):
    arn = iam.create_open_id_connect_provider(Url=f"https://{_host()}", ClientIDList=["a"], ThumbprintList=[THUMB])[
        "OpenIDConnectProviderArn"
    ]
    iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="b")
    iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="b")
    assert sorted(iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["ClientIDList"]) == ["a", "b"]
    iam.remove_client_id_from_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="a")
    iam.remove_client_id_from_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="never-there")
    assert iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["ClientIDList"] == ["b"]


def test_update_thumbprints(iam):
    arn = iam.create_open_id_connect_provider(Url=f"https://{_host()}", ClientIDList=["a"], ThumbprintList=[THUMB])[
        "OpenIDConnectProviderArn"
    ]
    new = ["a" * 40, "b" * 40]
    iam.update_open_id_connect_provider_thumbprint(OpenIDConnectProviderArn=arn, ThumbprintList=new)
    assert iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["ThumbprintList"] == new


def test_operations_on_missing_provider(iam):
    arn = f"{ARN_PREFIX}:oidc-provider/{_host()}"
    message = f"OpenIDConnect Provider not found for arn {arn}"
    expect_error(lambda: iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="x"), "NoSuchEntity", message, 404)
    expect_error(
        lambda: iam.update_open_id_connect_provider_thumbprint(OpenIDConnectProviderArn=arn, ThumbprintList=[THUMB]),
        "NoSuchEntity",
        message,
        404,
    )
