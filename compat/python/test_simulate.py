"""The policy simulator API through boto3 (api.md §5.19), and the same answers as `warden policy simulate`."""

from __future__ import annotations

import json
import subprocess

import pytest

from helpers import expect_error
from warden_harness import ACCOUNT_ID, warden_bin

# The aws CLI documentation example of `simulate-custom-policy`.
DOC_POLICY = (
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*",'
    '"Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}'
)


def _doc_example(time: str) -> dict:
    return {
        "PolicyInputList": [DOC_POLICY],
        "ActionNames": ["dynamodb:CreateBackup"],
        "ContextEntries": [
            {"ContextKeyName": "aws:CurrentTime", "ContextKeyValues": [time], "ContextKeyType": "date"}
        ],
    }


def test_simulate_custom_policy_matches_the_aws_cli_documentation(iam):
    results = iam.simulate_custom_policy(**_doc_example("2019-04-25T11:00:00Z"))["EvaluationResults"]
    assert results == [
        {
            "EvalActionName": "dynamodb:CreateBackup",
            "EvalResourceName": "*",
            "EvalDecision": "allowed",
            "MatchedStatements": [
                {
                    "SourcePolicyId": "PolicyInputList.1",
                    "StartPosition": {"Line": 1, "Column": 38},
                    "EndPosition": {"Line": 1, "Column": 167},
                }
            ],
            "MissingContextValues": [],
        }
    ]


def test_simulate_custom_policy_denies_before_the_date(iam):
    result = iam.simulate_custom_policy(**_doc_example("2014-04-25T11:00:00Z"))["EvaluationResults"][0]
    assert result["EvalDecision"] == "implicitDeny"
    assert result["MatchedStatements"] == []


def test_get_context_keys_for_custom_policy_documentation_example(iam):
    policy = (
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*",'
        '"Resource":"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}",'
        '"Condition":{"DateGreaterThan":{"aws:CurrentTime":"2015-08-16T12:00:00Z"}}}}'
    )
    keys = iam.get_context_keys_for_custom_policy(PolicyInputList=[policy])["ContextKeyNames"]
    assert keys == ["aws:username", "aws:CurrentTime"]


def test_simulate_principal_policy_unknown_user(iam):
    expect_error(
        lambda: iam.simulate_principal_policy(
            PolicySourceArn=f"arn:aws:iam::{ACCOUNT_ID}:user/no-such-user-sim", ActionNames=["s3:GetObject"]
        ),
        "NoSuchEntity",
        "The user with name no-such-user-sim cannot be found.",
        404,
    )


IDENTITY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"},
            {
                "Sid": "NoSecrets",
                "Effect": "Deny",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::bucket/secret/*",
            },
            {
                "Effect": "Allow",
                "Action": "s3:PutObject",
                "Resource": "arn:aws:s3:::bucket/${aws:username}/*",
                "Condition": {"Bool": {"aws:SecureTransport": "true"}},
            },
        ],
    },
    indent=2,
)
BOUNDARY = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
)
RESOURCE_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::444455556666:user/carol"},
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::bucket/*",
            }
        ],
    }
)

SCENARIOS = {
    "identity-and-boundary": {
        "PolicyInputList": [IDENTITY],
        "PermissionsBoundaryPolicyInputList": [BOUNDARY],
        "ActionNames": ["s3:GetObject", "s3:PutObject", "ec2:RunInstances"],
        "ResourceArns": ["*", "arn:aws:s3:::bucket/alice/a.txt", "arn:aws:s3:::bucket/secret/x"],
        "CallerArn": f"arn:aws:iam::{ACCOUNT_ID}:user/alice",
    },
    "context-entries": {
        "PolicyInputList": [IDENTITY],
        "ActionNames": ["s3:PutObject"],
        "ResourceArns": ["arn:aws:s3:::bucket/alice/a.txt"],
        "CallerArn": f"arn:aws:iam::{ACCOUNT_ID}:user/alice",
        "ContextEntries": [
            {"ContextKeyName": "aws:SecureTransport", "ContextKeyValues": ["true"], "ContextKeyType": "boolean"}
        ],
    },
    "cross-account-resource-policy": {
        "PolicyInputList": [IDENTITY],
        "ActionNames": ["s3:GetObject"],
        "ResourceArns": ["arn:aws:s3:::bucket/a.txt"],
        "ResourcePolicy": RESOURCE_POLICY,
        "ResourceOwner": f"arn:aws:iam::{ACCOUNT_ID}:root",
        "CallerArn": "arn:aws:iam::444455556666:user/carol",
    },
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_api_and_cli_give_the_same_answers(iam, name):
    request = SCENARIOS[name]
    api = iam.simulate_custom_policy(**request)
    assert api["IsTruncated"] is False
    cli = subprocess.run(
        [warden_bin(), "policy", "simulate", "--cli-input-json", json.dumps(request), "--output", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert cli.returncode in (0, 1), cli.stderr
    assert json.loads(cli.stdout)["EvaluationResults"] == api["EvaluationResults"]
    # Not vacuous: every pair was evaluated.
    assert len(api["EvaluationResults"]) == len(request["ActionNames"]) * len(request["ResourceArns"])


def test_simulate_custom_policy_pages(iam):
    request = dict(SCENARIOS["identity-and-boundary"])
    first = iam.simulate_custom_policy(MaxItems=4, **request)
    assert first["IsTruncated"] is True
    rest = iam.simulate_custom_policy(MaxItems=100, Marker=first["Marker"], **request)
    assert rest["IsTruncated"] is False
    everything = iam.simulate_custom_policy(**request)["EvaluationResults"]
    assert first["EvaluationResults"] + rest["EvaluationResults"] == everything
