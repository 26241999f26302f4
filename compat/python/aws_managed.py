"""Loads AWS managed policies into a running test server the way an operator does: `warden import`
of an export in the format of `aws iam get-account-authorization-details` (api.md §5.7). Warden
ships none of AWS's documents; these are short stand-ins with AWS's names, paths and ARNs."""

from __future__ import annotations

import json
import subprocess
import tempfile

from warden_harness import ACCOUNT_ID, WardenServer, warden_bin

STAND_INS = {
    "AdministratorAccess": ("/", ["*"]),
    "ReadOnlyAccess": ("/", ["s3:Get*", "s3:List*", "iam:Get*", "iam:List*"]),
    "IAMFullAccess": ("/", ["iam:*"]),
    "IAMReadOnlyAccess": ("/", ["iam:Get*", "iam:List*"]),
    "AWSLambdaBasicExecutionRole": ("/service-role/", ["logs:CreateLogGroup", "logs:PutLogEvents"]),
}


def aws_managed_export() -> dict:
    policies = []
    for i, (name, (path, actions)) in enumerate(sorted(STAND_INS.items())):
        document = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}
        policies.append(
            {
                "PolicyName": name,
                "PolicyId": f"ANPAAWSMANAGED{i:07d}",
                "Arn": f"arn:aws:iam::aws:policy{path}{name}",
                "Path": path,
                "DefaultVersionId": "v1",
                "AttachmentCount": 0,
                "PermissionsBoundaryUsageCount": 0,
                "IsAttachable": True,
                "CreateDate": "2015-02-06T18:39:46+00:00",
                "UpdateDate": "2015-02-06T18:39:46+00:00",
                "PolicyVersionList": [
                    {"Document": document, "VersionId": "v1", "IsDefaultVersion": True, "CreateDate": "2015-02-06T18:39:46+00:00"}
                ],
            }
        )
    return {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": policies}


def storage_args(server: WardenServer) -> list[str]:
    if server.database_url:
        return ["--database-url", server.database_url]
    return ["--data-dir", server.data_dir]


def warden_import(server: WardenServer, document: dict, account: str = ACCOUNT_ID) -> subprocess.CompletedProcess:
    """`warden import FILE --account ACCOUNT` against the server's storage; must succeed."""
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(document, f)
        f.flush()
        out = subprocess.run(
            [warden_bin(), "import", f.name, "--account", account, *storage_args(server)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert out.returncode == 0, out.stderr
    return out


def load_aws_managed(server: WardenServer) -> None:
    """Loads the stand-ins (idempotent: a second load changes nothing)."""
    warden_import(server, aws_managed_export())
