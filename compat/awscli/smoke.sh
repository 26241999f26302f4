#!/usr/bin/env bash
# Smoke test of Warden with the real aws CLI (v1), in the spirit of garage's script/test-smoke.sh:
# start a dev server, run a representative IAM flow through `aws --endpoint-url ... iam ...`,
# assert the outputs, delete everything, and print "N passed, 0 failed".
#
# Environment: WARDEN_BIN (default target/debug/warden), WARDEN_E2E_DATABASE_URL (use PostgreSQL
# instead of a temporary SQLite data dir).
set -euo pipefail
cd "$(dirname "$0")/../.."

WARDEN_BIN="${WARDEN_BIN:-$PWD/target/debug/warden}"
ACCOUNT=123456789012
ROOT_KEY=AKIAE2EROOTKEY000001
ROOT_SECRET=e2eRootSecretKey/0123456789abcdefghijklmn

work="$(mktemp -d -t warden-smoke-XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# ----- start the server ----------------------------------------------------------------------
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
storage=(--data-dir "$work/data")
if [[ -n "${WARDEN_E2E_DATABASE_URL:-}" ]]; then
  storage=(--database-url "$WARDEN_E2E_DATABASE_URL")
fi
"$WARDEN_BIN" serve --dev --listen "127.0.0.1:$port" --account-id "$ACCOUNT" \
  --root-access-key-id "$ROOT_KEY" --root-secret-access-key "$ROOT_SECRET" "${storage[@]}" \
  </dev/null >/dev/null 2>"$work/server.log" &
server_pid=$!

endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 300); do # at most 30 s
  if grep -qx "warden: listening on $endpoint" "$work/server.log"; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if ! grep -qx "warden: listening on $endpoint" "$work/server.log"; then
  echo "warden did not become ready; server log:" >&2
  cat "$work/server.log" >&2
  exit 1
fi

# ----- the aws CLI, isolated from any local configuration --------------------------------------
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_DEFAULT_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard AWS_PAGER=""
export AWS_ACCESS_KEY_ID="$ROOT_KEY" AWS_SECRET_ACCESS_KEY="$ROOT_SECRET"
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_IAM
awsiam() { aws --endpoint-url "$endpoint" --cli-connect-timeout 10 --cli-read-timeout 10 iam "$@"; }

passed=0
failed=0
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [[ "$2" == "$3" ]]; then
    passed=$((passed + 1))
    echo "ok   - $1"
  else
    failed=$((failed + 1))
    echo "FAIL - $1"
    echo "       expected: $2"
    echo "       actual:   $3"
  fi
}

# The CLI's error line without blank lines and without the retry note that standard retry mode
# adds ("... operation (reached max retries: 0): message").
cli_error() { printf '%s' "$1" | sed -e '/^[[:space:]]*$/d' -e 's/ (reached max retries: [0-9]*)//'; }

suffix="$(python3 -c 'import uuid; print(uuid.uuid4().hex[:8])')"
path="/smoke-$suffix/"
user="smoke-user-$suffix"
pname="smoke-policy-$suffix"
role="smoke-role-$suffix"
parn="arn:aws:iam::$ACCOUNT:policy$path$pname"

# ----- users -------------------------------------------------------------------------------------
check "create-user returns the ARN" "arn:aws:iam::$ACCOUNT:user$path$user" \
  "$(awsiam create-user --user-name "$user" --path "$path" --query User.Arn --output text)"
check "create-user returns an AIDA id" "AIDA" \
  "$(awsiam get-user --user-name "$user" --query User.UserId --output text | cut -c1-4)"
check "list-users --path-prefix lists the user" "$user" \
  "$(awsiam list-users --path-prefix "$path" --query 'Users[].UserName' --output text)"

# ----- access key --------------------------------------------------------------------------------
read -r key_id key_secret key_status < <(awsiam create-access-key --user-name "$user" \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey,Status]' --output text)
check "create-access-key returns an active AKIA key" "AKIA Active" "${key_id:0:4} $key_status"
check "the secret has 40 characters" "40" "${#key_secret}"
check "list-access-keys shows the key" "$key_id" \
  "$(awsiam list-access-keys --user-name "$user" --query 'AccessKeyMetadata[].AccessKeyId' --output text)"

# ----- a denied call, checked by its message ------------------------------------------------------
as_user() {
  AWS_ACCESS_KEY_ID="$key_id" AWS_SECRET_ACCESS_KEY="$key_secret" awsiam "$@"
}
set +e
denied="$(as_user list-users 2>&1 >/dev/null)"
denied_rc=$?
set -e
check "the user without policies is refused (non-zero exit)" "255" "$denied_rc"
check "the refusal is AccessDenied with AWS's message" \
  "An error occurred (AccessDenied) when calling the ListUsers operation: User: arn:aws:iam::$ACCOUNT:user$path$user is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::$ACCOUNT:user/ because no identity-based policy allows the iam:ListUsers action" \
  "$(cli_error "$denied")"

# ----- managed policy, attachment, then the call is allowed --------------------------------------
cat >"$work/policy.json" <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": ["iam:ListUsers", "iam:GetUser"], "Resource": "*"}]
}
EOF
check "create-policy returns the ARN and v1" "$parn v1" \
  "$(awsiam create-policy --policy-name "$pname" --path "$path" --policy-document "file://$work/policy.json" \
    --query '[Policy.Arn,Policy.DefaultVersionId]' --output text | tr '\t' ' ')"
awsiam attach-user-policy --user-name "$user" --policy-arn "$parn"
check "list-attached-user-policies shows it" "$pname" \
  "$(awsiam list-attached-user-policies --user-name "$user" --query 'AttachedPolicies[].PolicyName' --output text)"
check "the user may now list users" "$user" \
  "$(as_user list-users --path-prefix "$path" --query 'Users[].UserName' --output text)"

# ----- policy versions ---------------------------------------------------------------------------
cat >"$work/policy-v2.json" <<'EOF'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]}
EOF
check "create-policy-version --set-as-default makes v2 default" "v2 True" \
  "$(awsiam create-policy-version --policy-arn "$parn" --policy-document "file://$work/policy-v2.json" --set-as-default \
    --query '[PolicyVersion.VersionId,PolicyVersion.IsDefaultVersion]' --output text | tr '\t' ' ')"
check "list-policy-versions is newest first" "v2 v1" \
  "$(awsiam list-policy-versions --policy-arn "$parn" --query 'Versions[].VersionId' --output text | tr '\t' ' ')"
check "get-policy-version returns the document as JSON" "iam:GetUser" \
  "$(awsiam get-policy-version --policy-arn "$parn" --version-id v2 --output json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["PolicyVersion"]["Document"]["Statement"][0]["Action"])')"
set +e
denied="$(as_user list-users 2>&1 >/dev/null)"
set -e
check "after the switch to v2, list-users is denied again" "AccessDenied" \
  "$(printf '%s' "$denied" | sed -n 's/.*An error occurred (\([A-Za-z]*\)).*/\1/p')"

# ----- role with a trust policy from file:// -----------------------------------------------------
cat >"$work/trust.json" <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
  ]
}
EOF
check "create-role returns the ARN" "arn:aws:iam::$ACCOUNT:role$path$role" \
  "$(awsiam create-role --role-name "$role" --path "$path" --assume-role-policy-document "file://$work/trust.json" \
    --max-session-duration 7200 --query Role.Arn --output text)"
check "get-role returns the trust policy decoded and equal to the file" "True" \
  "$(awsiam get-role --role-name "$role" --output json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["Role"]["AssumeRolePolicyDocument"] == json.load(open(sys.argv[1])))' "$work/trust.json")"
check "get-role shows the max session duration" "7200" \
  "$(awsiam get-role --role-name "$role" --query Role.MaxSessionDuration --output text)"


# ----- passwords and account settings (api.md §5.10, §5.16) -----------------------------------------
awsiam update-account-password-policy --minimum-password-length 10 --require-symbols \
  --password-reuse-prevention 2
check "get-account-password-policy shows the policy" "10 True 2" \
  "$(awsiam get-account-password-policy \
    --query '[PasswordPolicy.MinimumPasswordLength, PasswordPolicy.RequireSymbols, PasswordPolicy.PasswordReusePrevention]' \
    --output text | tr '\t' ' ')"
set +e
weak="$(awsiam create-login-profile --user-name "$user" --password 'NoSymbols123' 2>&1 >/dev/null)"
set -e
check "a password breaking the policy is refused" \
  "An error occurred (PasswordPolicyViolation) when calling the CreateLoginProfile operation: Password should have at least one symbol" \
  "$(cli_error "$weak")"
check "create-login-profile" "$user True" \
  "$(awsiam create-login-profile --user-name "$user" --password 'Str0ng!Passw0rd' --password-reset-required \
    --query '[LoginProfile.UserName, LoginProfile.PasswordResetRequired]' --output text | tr '\t' ' ')"
alias="smoke-$RANDOM-co"
awsiam create-account-alias --account-alias "$alias"
check "list-account-aliases" "$alias" "$(awsiam list-account-aliases --query 'AccountAliases[0]' --output text)"
# The account may hold other suites' users (the PostgreSQL pass shares one database).
# (The CLI applies --query to each page: count names, and filter rather than index.)
check "get-account-summary counts the users" \
  "$(awsiam list-users --query 'Users[].UserName' --output text | wc -w | tr -d ' ')" \
  "$(awsiam get-account-summary --query 'SummaryMap.Users' --output text)"
check "get-account-authorization-details lists the user with its policy" "$user $parn" \
  "$(awsiam get-account-authorization-details --filter User \
    --query "UserDetailList[?UserName=='$user'].[UserName, AttachedManagedPolicies[0].PolicyArn]" \
    --output text | tr '\t' ' ')"
awsiam delete-login-profile --user-name "$user"
awsiam delete-account-alias --account-alias "$alias"
awsiam delete-account-password-policy

# ----- outbound web identity federation and GetWebIdentityToken (api.md §5.21, §6.10) -----------
awssts() { aws --endpoint-url "$endpoint" --cli-connect-timeout 10 --cli-read-timeout 10 sts "$@"; }
# Another suite may have left it enabled in a shared database: start from disabled.
awsiam disable-outbound-web-identity-federation >/dev/null 2>&1 || true
check "enable-outbound-web-identity-federation" "$endpoint/oidc/$ACCOUNT" \
  "$(awsiam enable-outbound-web-identity-federation --query IssuerIdentifier --output text)"
jwt="$(awssts get-web-identity-token --audience my-api --signing-algorithm ES384 \
  --query WebIdentityToken --output text)"
check "get-web-identity-token: an ES384 JWT for the root user" "ES384 arn:aws:iam::$ACCOUNT:root" \
  "$(python3 -c 'import base64, json, sys
h, c, _ = sys.argv[1].split(".")
d = lambda s: json.loads(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)))
print(d(h)["alg"], d(c)["sub"])' "$jwt")"
check "the issuer publishes its key set" "2" \
  "$(curl -fsS "$endpoint/oidc/$ACCOUNT/.well-known/jwks.json" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["keys"]))')"
awsiam disable-outbound-web-identity-federation

# ----- delete everything -------------------------------------------------------------------------
awsiam delete-role --role-name "$role"
awsiam detach-user-policy --user-name "$user" --policy-arn "$parn"
awsiam delete-policy-version --policy-arn "$parn" --version-id v1
awsiam delete-policy --policy-arn "$parn"
awsiam delete-access-key --user-name "$user" --access-key-id "$key_id"
awsiam delete-user --user-name "$user"
check "nothing is left under the test path" "" \
  "$(awsiam list-users --path-prefix "$path" --query 'Users[].UserName' --output text)"
set +e
gone="$(awsiam get-user --user-name "$user" 2>&1 >/dev/null)"
set -e
check "the user is gone" \
  "An error occurred (NoSuchEntity) when calling the GetUser operation: The user with name $user cannot be found." \
  "$(cli_error "$gone")"
set +e
gone="$(awsiam get-role --role-name "$role" 2>&1 >/dev/null)"
set -e
check "the role is gone" \
  "An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name $role cannot be found." \
  "$(cli_error "$gone")"

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
