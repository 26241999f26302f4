"""SigV4 authentication errors and the wire envelope (api.md §1.1, §1.3, §1.7, §2).

The botocore-signed cases go through a normal client; the others are signed with botocore's own
`SigV4Auth` on an `AWSRequest` (optionally with a patched clock) and sent with `requests`, so the
test sees exactly what a real client would put on the wire.
"""

from __future__ import annotations

import datetime
import re
import uuid
import xml.etree.ElementTree as ET
from unittest import mock

import botocore.auth
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from helpers import expect_error
from warden_harness import CLIENT_TIMEOUT_S, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY

IAM_NS = "{https://iam.amazonaws.com/doc/2010-05-08/}"
MISMATCH = (
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key "
    "and signing method. Consult the service documentation for details."
)
INVALID_TOKEN = "The security token included in the request is invalid."
LIST_USERS_BODY = "Action=ListUsers&Version=2010-05-08"
STAMP = "%Y%m%dT%H%M%SZ"


def _signed(url, body=LIST_USERS_BODY, when=None, key=ROOT_ACCESS_KEY_ID, secret=ROOT_SECRET_ACCESS_KEY, service="iam", region="us-east-1"):
    request = AWSRequest(
        method="POST",
        url=url + "/",
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    signer = SigV4Auth(Credentials(key, secret), service, region)
    if when is None:
        signer.add_auth(request)
    else:
        with mock.patch.object(botocore.auth, "get_current_datetime", return_value=when):
            signer.add_auth(request)
    return request


def _send(request: AWSRequest) -> requests.Response:
    prepared = request.prepare()
    return requests.post(prepared.url, data=prepared.body, headers=dict(prepared.headers), timeout=CLIENT_TIMEOUT_S)


def _error(response: requests.Response):
    """Parse the error envelope and check its shape (§1.7)."""
    root = ET.fromstring(response.content)
    assert root.tag == f"{IAM_NS}ErrorResponse", response.text
    error = root.find(f"{IAM_NS}Error")
    assert [child.tag for child in error] == [f"{IAM_NS}Type", f"{IAM_NS}Code", f"{IAM_NS}Message"], response.text
    request_id = root.find(f"{IAM_NS}RequestId").text
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", request_id), request_id
    assert response.headers.get("x-amzn-RequestId") == request_id
    assert response.headers.get("Content-Type", "").startswith("text/xml")
    return error.find(f"{IAM_NS}Type").text, error.find(f"{IAM_NS}Code").text, error.find(f"{IAM_NS}Message").text


def _stamp(text: str) -> datetime.datetime:
    return datetime.datetime.strptime(text, STAMP).replace(tzinfo=datetime.timezone.utc)


def test_wrong_secret_is_signature_does_not_match(warden):
    client = warden.client(ROOT_ACCESS_KEY_ID, "x" * 40)
    expect_error(lambda: client.list_users(), "SignatureDoesNotMatch", MISMATCH, 403)


def test_unknown_key_is_invalid_client_token_id(warden):
    client = warden.client("AKIAUNKNOWNKEY000000", ROOT_SECRET_ACCESS_KEY)
    expect_error(lambda: client.list_users(), "InvalidClientTokenId", INVALID_TOKEN, 403)


def test_any_region_in_the_scope_is_accepted(warden):
    # §2.3: clients sign with their configured region; the server must not insist on us-east-1.
    for region in ("eu-west-3", "ap-southeast-2", "local"):
        assert warden.client(region=region).list_users()["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_success_envelope_request_id(iam):
    out = iam.list_users(MaxItems=1)
    meta = out["ResponseMetadata"]
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", meta["RequestId"])
    assert meta["HTTPHeaders"]["x-amzn-requestid"] == meta["RequestId"]
    assert meta["HTTPHeaders"]["content-type"].startswith("text/xml")


def test_valid_hand_signed_request_succeeds(warden):
    response = _send(_signed(warden.url))
    assert response.status_code == 200, response.text
    root = ET.fromstring(response.content)
    assert root.tag == f"{IAM_NS}ListUsersResponse"
    # The result element must be the first child (aws-sdk-rust relies on it, §1.3 rule 2).
    assert root[0].tag == f"{IAM_NS}ListUsersResult"
    assert root[1].tag == f"{IAM_NS}ResponseMetadata"


def test_request_time_20_minutes_in_the_past_is_expired(warden):
    when = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - datetime.timedelta(minutes=20)
    response = _send(_signed(warden.url, when=when))
    assert response.status_code == 403, response.text
    kind, code, message = _error(response)
    assert (kind, code) == ("Sender", "SignatureDoesNotMatch")
    match = re.fullmatch(r"Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) - 15 min\.\)", message)
    assert match, message
    sent, limit, now = (_stamp(g) for g in match.groups())
    assert sent == when
    assert now - limit == datetime.timedelta(minutes=15)
    assert abs((now - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) < 60


def test_request_time_20_minutes_in_the_future_is_not_yet_current(warden):
    when = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(minutes=20)
    response = _send(_signed(warden.url, when=when))
    assert response.status_code == 403, response.text
    kind, code, message = _error(response)
    assert code == "SignatureDoesNotMatch"
    match = re.fullmatch(
        r"Signature not yet current: (\d{8}T\d{6}Z) is still later than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) \+ 15 min\.\)", message
    )
    assert match, message
    sent, limit, now = (_stamp(g) for g in match.groups())
    assert sent == when
    assert limit - now == datetime.timedelta(minutes=15)


def test_request_time_10_minutes_off_is_accepted(warden):
    when = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)
    response = _send(_signed(warden.url, when=when))
    assert response.status_code == 200, response.text


def test_no_authorization_header_is_missing_authentication_token(warden):
    response = requests.post(
        warden.url + "/",
        data=LIST_USERS_BODY,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        timeout=CLIENT_TIMEOUT_S,
    )
    assert response.status_code == 403, response.text
    assert _error(response) == ("Sender", "MissingAuthenticationToken", "Request is missing Authentication Token")


def test_authorization_missing_components_is_incomplete_signature(warden):
    request = _signed(warden.url)
    request.headers.replace_header("Authorization", "AWS4-HMAC-SHA256 Foo=bar")
    response = _send(request)
    assert response.status_code == 400, response.text
    assert _error(response) == (
        "Sender",
        "IncompleteSignature",
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
        "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Foo=bar",
    )


def test_authorization_without_date_lists_the_date_sentence_too(warden):
    response = requests.post(
        warden.url + "/",
        data=LIST_USERS_BODY,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Authorization": "AWS4-HMAC-SHA256 Foo=bar"},
        timeout=CLIENT_TIMEOUT_S,
    )
    assert response.status_code == 400, response.text
    assert _error(response) == (
        "Sender",
        "IncompleteSignature",
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a "
        "'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Foo=bar",
    )


def test_authorization_component_without_equal_sign(warden):
    request = _signed(warden.url)
    good = request.headers["Authorization"]
    broken = good[: good.index("Signature=")] + "Signature"
    request.headers.replace_header("Authorization", broken)
    response = _send(request)
    assert response.status_code == 400, response.text
    assert _error(response) == (
        "Sender",
        "IncompleteSignature",
        f"'Signature' not a valid key=value pair (missing equal-sign) in Authorization header: '{broken}'.",
    )


def test_tampered_body_is_signature_does_not_match(warden):
    request = _signed(warden.url)
    prepared = request.prepare()
    response = requests.post(
        prepared.url, data=LIST_USERS_BODY + "&MaxItems=1", headers=dict(prepared.headers), timeout=CLIENT_TIMEOUT_S
    )
    assert response.status_code == 403, response.text
    assert _error(response) == ("Sender", "SignatureDoesNotMatch", MISMATCH)


def test_unknown_action_is_invalid_action(warden):
    response = _send(_signed(warden.url, body="Action=FlyToTheMoon&Version=2010-05-08"))
    assert response.status_code == 400, response.text
    kind, code, _ = _error(response)
    assert (kind, code) == ("Sender", "InvalidAction")


def test_wrong_version_is_invalid_action(warden):
    response = _send(_signed(warden.url, body="Action=ListUsers&Version=2011-06-15"))
    assert response.status_code == 400, response.text
    assert _error(response) == ("Sender", "InvalidAction", "Could not find operation ListUsers for version 2011-06-15")


def test_get_with_query_parameters_is_accepted(warden):
    request = AWSRequest(method="GET", url=f"{warden.url}/?{LIST_USERS_BODY}")
    SigV4Auth(Credentials(ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY), "iam", "us-east-1").add_auth(request)
    prepared = request.prepare()
    response = requests.get(prepared.url, headers=dict(prepared.headers), timeout=CLIENT_TIMEOUT_S)
    assert response.status_code == 200, response.text
    assert ET.fromstring(response.content).tag == f"{IAM_NS}ListUsersResponse"


def test_request_ids_differ(warden):
    ids = {_send(_signed(warden.url)).headers.get("x-amzn-RequestId") for _ in range(3)}
    assert len(ids) == 3
    for rid in ids:
        uuid.UUID(rid)
