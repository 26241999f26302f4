"""Issue 5's "done when": every IAM operation of botocore's model answers something other than
`NotImplemented` (the server's code for an operation without a handler, error.rs) and
`InvalidAction` (an operation the server does not recognise).

The operations are listed from botocore's model at test time; each is called once through
boto3 with a minimal valid input built from the `VALUES` table below (keyed by member name,
`OVERRIDES` per operation). Any other answer — success or any modelled error such as
`NoSuchEntity` — counts as implemented. An input that the server rejects with
`ValidationError` (or that botocore refuses to send) proves nothing about the handler, so it
is reported as a fault of this table.

Collected by the end-to-end suite (scripts/e2e.sh). `python3 compat/python/test_coverage.py`
prints the operations that answer NotImplemented or InvalidAction, if any.
"""

from __future__ import annotations

import json
import sys

import botocore.session
from botocore import xform_name
from botocore.exceptions import ClientError, ParamValidationError

from warden_harness import ACCOUNT_ID, start_server

# The server's code for a recognised operation without a handler (crates/warden-server/src/
# error.rs: `ApiError::NotImplemented` → `NotImplemented`, 501), and for an unknown one.
NOT_IMPLEMENTED = "NotImplemented"
INVALID_ACTION = "InvalidAction"
# Answers that say the input, not the handler, is at fault.
BAD_INPUT = {"ValidationError"}

ARN = f"arn:aws:iam::{ACCOUNT_ID}"
ALLOW = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]}
)
TRUST = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }
)
DELEGATION_ID = "dr-0123456789abcdef"

# A minimal valid value for every required member name of the IAM model (constraints from
# api.md Appendix A): lengths, patterns and enums are satisfied.
VALUES: dict[str, object] = {
    "AWSServiceName": "autoscaling.amazonaws.com",
    "AccessKeyId": "AKIAIOSFODNN7EXAMPLE",
    "AccountAlias": "coverage-alias",
    "ActionNames": ["iam:GetUser"],
    "Arn": f"{ARN}:user/coverage-user",
    "AssumeRolePolicyDocument": TRUST,
    "AuthenticationCode1": "123456",
    "AuthenticationCode2": "654321",
    "CertificateBody": "-----BEGIN CERTIFICATE-----\nMIIBcoverage\n-----END CERTIFICATE-----\n",
    "CertificateId": "C" * 24,
    "ClientID": "sts.amazonaws.com",
    "DelegationRequestId": DELEGATION_ID,
    "DeletionTaskId": "task/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling/0",
    "Description": "coverage",
    "Encoding": "SSH",
    "EntityArn": f"{ARN}:delegation-request/{DELEGATION_ID}",
    "EntityPath": "o-a1b2c3d4e5/r-f6g7h8i9j0example",
    "GlobalEndpointTokenVersion": "v2Token",
    "GroupName": "coverage-group",
    "InstanceProfileName": "coverage-profile",
    "JobId": "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "Name": "coverage-name",
    "NewPassword": "N3w-Passw0rd!coverage",
    "NotificationChannel": "arn:aws:sns:us-east-1:111122223333:coverage",
    "OldPassword": "0ld-Passw0rd!coverage",
    "OpenIDConnectProviderArn": f"{ARN}:oidc-provider/coverage.example.com",
    "Permissions": {"PolicyTemplateArn": "arn:aws:iam::aws:delegation-template/Coverage"},
    "PermissionsBoundary": f"{ARN}:policy/coverage-policy",
    "PolicyArn": f"{ARN}:policy/coverage-policy",
    "PolicyDocument": ALLOW,
    "PolicyInputList": [ALLOW],
    "PolicyName": "coverage-policy",
    "PolicySourceArn": f"{ARN}:user/coverage-user",
    "PrivateKey": "-----BEGIN RSA PRIVATE KEY-----\nMIIBcoverage\n-----END RSA PRIVATE KEY-----\n",
    "RequestorWorkflowId": "workflow-coverage",
    "RoleName": "coverage-role",
    "SAMLMetadataDocument": "<EntityDescriptor>" + " " * 1000 + "</EntityDescriptor>",
    "SAMLProviderArn": f"{ARN}:saml-provider/coverage",
    "SSHPublicKeyBody": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCcoverage coverage@example",
    "SSHPublicKeyId": "APKA" + "C" * 16,
    "SerialNumber": f"{ARN}:mfa/coverage",
    "ServerCertificateName": "coverage-cert",
    "ServiceName": "codecommit.amazonaws.com",
    "ServiceNamespace": "iam",
    "ServiceNamespaces": ["iam"],
    "ServiceSpecificCredentialId": "ACCA" + "C" * 16,
    "SessionDuration": 3600,
    "Status": "Active",
    "TagKeys": ["coverage"],
    "Tags": [{"Key": "coverage", "Value": "yes"}],
    "ThumbprintList": ["a" * 40],
    "Url": "https://coverage.example.com",
    "UserName": "coverage-user",
    "VersionId": "v1",
    "VirtualMFADeviceName": "coverage-mfa",
}

# Operations whose required members need something other than the table's value.
# The login-profile operations take an optional `UserName`; without it they address the
# caller, and root's password is not managed through them (ValidationError).
OVERRIDES: dict[str, dict[str, object]] = {
    "CreateLoginProfile": {"UserName": "coverage-user", "Password": "N3w-Passw0rd!coverage"},
    "DeleteLoginProfile": {"UserName": "coverage-user"},
    "GetLoginProfile": {"UserName": "coverage-user"},
}


def iam_operations() -> list[str]:
    """Every operation of botocore's IAM model (176 at the time of writing)."""
    return sorted(botocore.session.get_session().get_service_model("iam").operation_names)


def minimal_input(operation: str) -> dict[str, object]:
    model = botocore.session.get_session().get_service_model("iam").operation_model(operation)
    params: dict[str, object] = {}
    if model.input_shape is not None:
        for member in model.input_shape.required_members:
            if member not in VALUES:
                raise KeyError(f"{operation}: no value for required member {member}")
            params[member] = VALUES[member]
    params.update(OVERRIDES.get(operation, {}))
    return params


def probe(client) -> dict[str, str]:
    """Calls every operation once; returns operation → `ok` or the error code."""
    answers: dict[str, str] = {}
    for operation in iam_operations():
        params = minimal_input(operation)
        try:
            getattr(client, xform_name(operation))(**params)
            answers[operation] = "ok"
        except ClientError as err:
            answers[operation] = err.response.get("Error", {}).get("Code", "?")
        except ParamValidationError as err:
            answers[operation] = f"ParamValidationError: {err}"
    return answers


def missing_of(answers: dict[str, str]) -> list[str]:
    return [op for op, code in answers.items() if code in (NOT_IMPLEMENTED, INVALID_ACTION)]


def bad_inputs_of(answers: dict[str, str]) -> list[str]:
    return [
        f"{op}: {code}"
        for op, code in answers.items()
        if code in BAD_INPUT or code.startswith("ParamValidationError")
    ]


def test_every_iam_operation_is_implemented():
    server = start_server()
    try:
        answers = probe(server.client())
    finally:
        server.stop()
    assert len(answers) == len(iam_operations()) >= 176
    assert bad_inputs_of(answers) == [], "the input table must give every operation a valid input"
    assert missing_of(answers) == []


def main() -> int:
    server = start_server()
    try:
        answers = probe(server.client())
    finally:
        server.stop()
    missing = missing_of(answers)
    bad = bad_inputs_of(answers)
    print(f"{len(answers)} IAM operations probed; {len(missing)} not implemented:")
    for op in missing:
        print(f"  {op} ({answers[op]})")
    if bad:
        print(f"{len(bad)} answered with an input error (fix VALUES/OVERRIDES):")
        for line in bad:
            print(f"  {line}")
    return 1 if missing or bad else 0


if __name__ == "__main__":
    sys.exit(main())
