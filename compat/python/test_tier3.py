"""Tier-3 refusals through boto3 (api.md §5.18 Organizations access reports, §5.20
Organizations root-credential management, §5.22 delegation requests): recognised, authorized,
validated, and answered with the modelled "not available" errors."""

from __future__ import annotations

import pytest

from helpers import expect_error
from warden_harness import ACCOUNT_ID

NO_ORGANIZATION = "The request failed because your account is not a member of an organization."
REQUEST_ID = "dr-0123456789abcdef"


@pytest.mark.parametrize(
    "operation",
    [
        "list_organizations_features",
        "enable_organizations_root_credentials_management",
        "disable_organizations_root_credentials_management",
        "enable_organizations_root_sessions",
        "disable_organizations_root_sessions",
    ],
)
def test_organizations_features_need_an_organization(iam, operation):
    err = expect_error(getattr(iam, operation), "OrganizationNotFoundException", NO_ORGANIZATION, 400)
    # botocore maps the code to the modelled exception class.
    assert type(err).__name__ == "OrganizationNotFoundException"


def test_organizations_features_are_authorized_first(make_user):
    user = make_user("orgs")
    expect_error(
        user.client.list_organizations_features,
        "AccessDenied",
        f"User: {user.arn} is not authorized to perform: iam:ListOrganizationsFeatures on resource: * "
        "because no identity-based policy allows the iam:ListOrganizationsFeatures action",
        403,
    )


def test_organizations_access_report_fails(iam):
    job = iam.generate_organizations_access_report(EntityPath="o-a1b2c3d4e5/r-f6g7h8i9j0example")["JobId"]
    assert len(job) == 36
    report = iam.get_organizations_access_report(JobId=job)
    assert report["JobStatus"] == "FAILED"
    assert report["ErrorDetails"] == {
        "Code": "AWSOrganizationsNotInUseException",
        "Message": "Your account is not a member of an organization.",
    }
    assert report["JobCreationDate"].tzinfo is not None
    expect_error(
        lambda: iam.get_organizations_access_report(JobId="ffffffff-ffff-ffff-ffff-ffffffffffff"),
        "NoSuchEntity",
        "No such job ffffffff-ffff-ffff-ffff-ffffffffffff exists.",
        404,
    )
    expect_error(
        lambda: iam.generate_organizations_access_report(EntityPath="not-an-entity-path-x"),
        "ValidationError",
        None,
        400,
    )


def test_list_delegation_requests_is_empty(iam):
    got = iam.list_delegation_requests()
    assert got.get("DelegationRequests", []) == []
    # The model spells the flag `isTruncated` (lower case); botocore parses it by that name.
    assert got["isTruncated"] is False


@pytest.mark.parametrize(
    "operation",
    [
        "get_delegation_request",
        "accept_delegation_request",
        "associate_delegation_request",
        "reject_delegation_request",
        "update_delegation_request",
        "send_delegation_token",
    ],
)
def test_delegation_lookups_find_nothing(iam, operation):
    expect_error(
        lambda: getattr(iam, operation)(DelegationRequestId=REQUEST_ID),
        "NoSuchEntity",
        f"The delegation request with id {REQUEST_ID} cannot be found.",
        404,
    )


def test_delegation_requests_cannot_be_created(iam):
    expect_error(
        lambda: iam.create_delegation_request(
            Description="let us help",
            Permissions={"PolicyTemplateArn": "arn:aws:iam::aws:delegation-template/Example"},
            RequestorWorkflowId="workflow-1",
            NotificationChannel="arn:aws:sns:us-east-1:111122223333:topic",
            SessionDuration=3600,
        ),
        "InvalidInput",
        "Delegation requests are not supported",
        400,
    )
    entity = f"arn:aws:iam::{ACCOUNT_ID}:delegation-request/{REQUEST_ID}"
    expect_error(
        lambda: iam.get_human_readable_summary(EntityArn=entity),
        "NoSuchEntity",
        f"The entity {entity} cannot be found.",
        404,
    )


def test_delegation_requests_are_authorized_first(make_user):
    user = make_user("deleg")
    arn = f"arn:aws:iam::{ACCOUNT_ID}:delegation-request/{REQUEST_ID}"
    expect_error(
        lambda: user.client.get_delegation_request(DelegationRequestId=REQUEST_ID),
        "AccessDenied",
        f"User: {user.arn} is not authorized to perform: iam:GetDelegationRequest on resource: {arn} "
        "because no identity-based policy allows the iam:GetDelegationRequest action",
        403,
    )
