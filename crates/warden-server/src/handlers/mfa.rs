//! Virtual (TOTP) MFA devices (api.md §5.11), their tags (§3.5), and the verification of
//! `SerialNumber` + `TokenCode` for AssumeRole / GetSessionToken (§6.2 step 3, §6.5).
//!
//! A device is keyed by account, path and name: its serial number is the ARN
//! `arn:P:iam::ACCT:mfa{path}{name}` (api.md §3.2). The base32 seed is sealed with the
//! server's cipher like access key secrets, returned once by CreateVirtualMFADevice, and
//! never logged nor audited. The TOTP rules (RFC 6238, tolerances, replay protection) live
//! in `warden_sts::totp`.
//!
//! Devices are enabled for IAM users only: EnableMFADevice requires `UserName`, so the root
//! user cannot own a device through the API (AWS enables root MFA from the console).

use serde_json::json;
use warden_core::model::{MfaAssignment, MfaAssignmentFilter, MfaDevice};
use warden_core::{CountedEntity, SecretAccessKey, Store, TagTarget, Transaction, User};
use warden_query::iam::{
    self, CreateVirtualMFADeviceInput, CreateVirtualMFADeviceOutput, DeactivateMFADeviceInput,
    DeleteVirtualMFADeviceInput, EnableMFADeviceInput, GetMFADeviceInput, GetMFADeviceOutput,
    ListMFADeviceTagsInput, ListMFADeviceTagsOutput, ListMFADevicesInput, ListMFADevicesOutput,
    ListVirtualMFADevicesInput, ListVirtualMFADevicesOutput, ResyncMFADeviceInput,
    TagMFADeviceInput, UntagMFADeviceInput,
};
use warden_sts::totp::{self, TotpError};

use super::resolve::{apply_exact_tags, create_checks, paginate};
use super::tagging::{self, TagKeys, Tagging};
use super::{
    Cx, Reply, Target, UserTarget, list_query, marker_scope, no_such_user, page_marker,
    sorted_tags, ts, wire_tags,
};
use crate::authz::{Check, Identity};
use crate::error::{ApiError, InternalError};

/// MFA devices in use per user (api.md §3.7; AWS's message is unrecorded, `VERIFY`).
const DEVICES_PER_USER: usize = 8;
/// Virtual MFA devices per account: the users quota (api.md §3.7, `VERIFY`).
const DEVICES_PER_ACCOUNT: u64 = 5000;

/// `AccessDenied` when the serial number names no device enabled for the caller
/// (api.md §6.2 step 3; two spaces after the first period, as AWS sends it).
pub(crate) const MFA_UNABLE: &str = "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.";
/// `AccessDenied` when the one-time code is wrong or was already used (trailing space, as
/// AWS sends it).
pub(crate) const MFA_INVALID_CODE: &str =
    "MultiFactorAuthentication failed with invalid MFA one time pass code. ";

/// `MFA Device with serial number <serial> does not exist.` (api.md §5.3).
fn no_such_device(serial: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "MFA Device with serial number {serial} does not exist."
    ))
}

/// EnableMFADevice / ResyncMFADevice codes that do not match (api.md §5.11, `VERIFY`).
fn invalid_code() -> ApiError {
    ApiError::InvalidAuthenticationCode("Authentication code for device is not valid.".to_owned())
}

fn stored_seed_error() -> ApiError {
    ApiError::Internal(InternalError::Contract("stored MFA seed is not base32"))
}

/// The tag target of a device: its path and name.
fn tag_target(device: &MfaDevice) -> TagTarget {
    TagTarget::MfaDevice(format!("{}{}", device.path, device.name))
}

/// The associated data a device's seed is sealed under (never an access key id: `:` does
/// not occur in those).
fn seal_id(account: &str, path: &str, name: &str) -> String {
    format!("mfa:{account}:{path}{name}")
}

/// Splits the serial number of a virtual device of this account and partition into path
/// and name; `None` for anything else (another account, a hardware serial).
fn parse_serial(partition: &str, account: &str, serial: &str) -> Option<(String, String)> {
    let rest = serial.strip_prefix(&format!("arn:{partition}:iam::{account}:mfa"))?;
    let slash = rest.rfind('/')?;
    let (path, name) = (rest.get(..=slash)?, rest.get(slash + 1..)?);
    (path.starts_with('/') && !name.is_empty()).then(|| (path.to_owned(), name.to_owned()))
}

impl<S: Store> Cx<'_, S> {
    /// The device a serial number names, if it exists in the caller's account.
    async fn mfa_device_by_serial(&mut self, serial: &str) -> Result<Option<MfaDevice>, ApiError> {
        let account = self.account();
        let Some((path, name)) =
            parse_serial(&self.state.config().partition, account.as_str(), serial)
        else {
            return Ok(None);
        };
        Ok(self.tx.mfa_device(account, &path, &name).await?)
    }

    /// Resolves a device by serial number for authorization: the resource is the serial
    /// number as given (api.md §4.2).
    async fn mfa_target(&mut self, serial: &str) -> Result<Target<MfaDevice>, ApiError> {
        let entity = self.mfa_device_by_serial(serial).await?;
        let tags = match &entity {
            Some(d) => self.tx.tags(self.account(), &tag_target(d)).await?,
            None => Vec::new(),
        };
        Ok(Target {
            arn: serial.to_owned(),
            tags,
            entity,
        })
    }

    /// The serial number of a stored device.
    fn serial(&self, device: &MfaDevice) -> String {
        self.arn("mfa", &device.path, &device.name)
    }

    /// The device's seed in clear (base32 text).
    fn open_seed(&self, device: &MfaDevice) -> Result<SecretAccessKey, ApiError> {
        self.state
            .services()
            .cipher
            .open(
                &seal_id(device.account.as_str(), &device.path, &device.name),
                &device.seed,
            )
            .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))
    }
}

/// The user an operation with a required `UserName` addresses, authorized for `action`.
async fn authorized_user<S: Store>(
    cx: &mut Cx<'_, S>,
    name: &str,
    action: &str,
) -> Result<User, ApiError> {
    let target = cx.user(name).await?;
    cx.authorize(vec![
        Check::new(action, &target.arn).with_resource_tags(&target.tags, true),
    ])?;
    target.require(|| no_such_user(name))
}

/// The user an operation with an optional `UserName` addresses (the caller by default),
/// authorized for `action`; `None` for the root user, who owns no devices here.
async fn authorized_owner<S: Store>(
    cx: &mut Cx<'_, S>,
    name: Option<&str>,
    action: &str,
) -> Result<Option<User>, ApiError> {
    match cx.user_or_caller(name)? {
        UserTarget::Root => {
            let arn = cx.root_arn();
            cx.authorize(vec![Check::new(action, arn)])?;
            Ok(None)
        }
        UserTarget::Named(n) => authorized_user(cx, &n, action).await.map(Some),
    }
}

/// The device named by `serial` when it is enabled for `user`, else `NoSuchEntity`.
async fn device_of_user<S: Store>(
    cx: &mut Cx<'_, S>,
    user: Option<&User>,
    serial: &str,
) -> Result<(MfaDevice, MfaAssignment), ApiError> {
    let device = cx.mfa_device_by_serial(serial).await?;
    match (device, user) {
        (Some(d), Some(u)) => match d.assignment.clone() {
            Some(a) if a.user_id == u.id => Ok((d, a)),
            _ => Err(no_such_device(serial)),
        },
        _ => Err(no_such_device(serial)),
    }
}

/// Checks two consecutive codes against the device (api.md §5.11) and returns the step to
/// store as last used. A pair not later than the last used step is refused too, so that a
/// recorded Enable/Resync request cannot be replayed.
fn check_code_pair<S: Store>(
    cx: &Cx<'_, S>,
    device: &MfaDevice,
    code1: &str,
    code2: &str,
) -> Result<i64, ApiError> {
    let seed = cx.open_seed(device)?;
    let step = totp::verify_consecutive(seed.expose(), code1, code2, cx.now.unix_timestamp())
        .map_err(|e| match e {
            TotpError::InvalidSeed => stored_seed_error(),
            TotpError::WrongCode | TotpError::Reused => invalid_code(),
        })?;
    if device.last_used_step.is_some_and(|last| step <= last) {
        return Err(invalid_code());
    }
    Ok(step)
}

/// The longest serial number the MFA operations accept (`serialNumberType` in the model).
const SERIAL_NUMBER_MAX: usize = 256;

/// CreateVirtualMFADevice: a new seed, returned once with its QR code (api.md §5.11).
pub(crate) async fn create_virtual_mfa_device<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateVirtualMFADeviceInput,
) -> Result<Reply, ApiError> {
    let path = input.path.clone().unwrap_or_else(|| "/".to_owned());
    let name = input.virtual_mfa_device_name.clone();
    let serial = cx.arn("mfa", &path, &name);
    // The model sets no maximum for the name, but the device's serial number (its ARN) is
    // what every other MFA operation takes, and there the model allows at most 256
    // characters: a longer one would be a device nobody could enable, sync or delete.
    // Refused as a validation error, before authorization like every input check
    // (api.md §1.8 step 5); the limit on the name is what the path and account leave.
    // `VERIFY` the code and wording against AWS with a 300-character name.
    if serial.len() > SERIAL_NUMBER_MAX {
        let room = SERIAL_NUMBER_MAX.saturating_sub(serial.len() - name.len());
        return Err(ApiError::Validation(format!(
            "1 validation error detected: Value at 'virtualMFADeviceName' failed to satisfy constraint: Member must have length less than or equal to {room}"
        )));
    }
    let tags = input.tags.clone().unwrap_or_default();
    cx.authorize(create_checks(
        Check::new("iam:CreateVirtualMFADevice", &serial),
        "iam:TagMFADevice",
        &serial,
        &tags,
    ))?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx.tx.mfa_device(account, &path, &name).await?.is_some() {
        return Err(ApiError::EntityAlreadyExists(
            "MFA device already exists.".to_owned(),
        ));
    }
    if cx.tx.count(account, CountedEntity::MfaDevices).await? >= DEVICES_PER_ACCOUNT {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for VirtualMFADevicesPerAccount: {DEVICES_PER_ACCOUNT}"
        )));
    }
    let stored_tags = apply_exact_tags(&[], &tags)?;
    let seed = SecretAccessKey::new(totp::new_seed(&mut rand::rng()));
    let sealed = cx
        .state
        .services()
        .cipher
        .seal(&seal_id(account.as_str(), &path, &name), &seed)
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
    // The QR label names the account by id (api.md §5.11 allows the alias, `VERIFY`).
    let uri = totp::otpauth_uri(&name, account.as_str(), seed.expose());
    let png = totp::qr_png(&uri).map_err(|_| {
        ApiError::Internal(InternalError::Contract(
            "otpauth URI too long for a QR code",
        ))
    })?;
    let device = MfaDevice {
        account,
        path,
        name,
        seed: sealed,
        created: cx.now,
        assignment: None,
        last_used_step: None,
    };
    cx.tx.insert_mfa_device(&device).await?;
    if !stored_tags.is_empty() {
        cx.tx
            .set_tags(account, &tag_target(&device), &stored_tags)
            .await?;
    }
    // responseElements without the seed and QR code (never audited).
    let audit = json!({"virtualMFADevice": {"serialNumber": serial}});
    Ok(Reply::result(CreateVirtualMFADeviceOutput {
        virtual_mfa_device: iam::VirtualMFADevice {
            serial_number: serial,
            base32_string_seed: Some(seed.expose().as_bytes().to_vec()),
            qr_code_png: Some(png),
            user: None,
            enable_date: None,
            tags: (!stored_tags.is_empty()).then(|| wire_tags(&stored_tags)),
        },
    })
    .with_audit(audit))
}

/// EnableMFADevice: two consecutive codes; the device becomes assigned to the user.
pub(crate) async fn enable_mfa_device<S: Store>(
    cx: &mut Cx<'_, S>,
    input: EnableMFADeviceInput,
) -> Result<Reply, ApiError> {
    let user = authorized_user(cx, &input.user_name, "iam:EnableMFADevice").await?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    let device = cx
        .mfa_device_by_serial(&input.serial_number)
        .await?
        .ok_or_else(|| no_such_device(&input.serial_number))?;
    if device.assignment.is_some() {
        return Err(ApiError::EntityAlreadyExists(
            "MFA Device is already in use.".to_owned(),
        ));
    }
    if cx.tx.user_mfa_devices(account, &user.id).await?.len() >= DEVICES_PER_USER {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for MFADevicesPerUser: {DEVICES_PER_USER}"
        )));
    }
    let step = check_code_pair(
        cx,
        &device,
        &input.authentication_code1,
        &input.authentication_code2,
    )?;
    let assignment = MfaAssignment {
        user_id: user.id,
        enabled: cx.now,
    };
    cx.tx
        .enable_mfa_device(account, &device.path, &device.name, &assignment, step)
        .await?;
    Ok(Reply::empty())
}

/// ResyncMFADevice: two consecutive codes re-anchor the device's last used step.
pub(crate) async fn resync_mfa_device<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ResyncMFADeviceInput,
) -> Result<Reply, ApiError> {
    let user = authorized_user(cx, &input.user_name, "iam:ResyncMFADevice").await?;
    let (device, _) = device_of_user(cx, Some(&user), &input.serial_number).await?;
    let step = check_code_pair(
        cx,
        &device,
        &input.authentication_code1,
        &input.authentication_code2,
    )?;
    if !cx
        .tx
        .use_mfa_step(cx.account(), &device.path, &device.name, step)
        .await?
    {
        return Err(invalid_code());
    }
    Ok(Reply::empty())
}

/// DeactivateMFADevice: unassigns the device; the virtual device remains.
pub(crate) async fn deactivate_mfa_device<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeactivateMFADeviceInput,
) -> Result<Reply, ApiError> {
    let user = authorized_owner(cx, input.user_name.as_deref(), "iam:DeactivateMFADevice").await?;
    let (device, _) = device_of_user(cx, user.as_ref(), &input.serial_number).await?;
    cx.tx
        .deactivate_mfa_device(cx.account(), &device.path, &device.name)
        .await?;
    Ok(Reply::empty())
}

/// DeleteVirtualMFADevice: only an unassigned device can be deleted.
pub(crate) async fn delete_virtual_mfa_device<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteVirtualMFADeviceInput,
) -> Result<Reply, ApiError> {
    let serial = input.serial_number;
    let target = cx.mfa_target(&serial).await?;
    cx.authorize(vec![
        Check::new("iam:DeleteVirtualMFADevice", &target.arn)
            .with_resource_tags(&target.tags, false),
    ])?;
    let device = target.require(|| no_such_device(&serial))?;
    if device.assignment.is_some() {
        // api.md §5.11 (`VERIFY` text).
        return Err(ApiError::DeleteConflict(
            "MFA Device is in use by a user".to_owned(),
        ));
    }
    cx.tx
        .delete_mfa_device(cx.account(), &device.path, &device.name)
        .await?;
    Ok(Reply::empty())
}

/// GetMFADevice: a device enabled for the user (the caller by default); no FIDO
/// certifications for virtual devices.
pub(crate) async fn get_mfa_device<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetMFADeviceInput,
) -> Result<Reply, ApiError> {
    let user = authorized_owner(cx, input.user_name.as_deref(), "iam:GetMFADevice").await?;
    let (device, assignment) = device_of_user(cx, user.as_ref(), &input.serial_number).await?;
    Ok(Reply::result(GetMFADeviceOutput {
        user_name: user.map(|u| u.name),
        serial_number: cx.serial(&device),
        enable_date: Some(ts(assignment.enabled)),
        certifications: None,
    }))
}

/// ListMFADevices: the devices enabled for the user (the caller by default), oldest first.
pub(crate) async fn list_mfa_devices<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListMFADevicesInput,
) -> Result<Reply, ApiError> {
    let user = authorized_owner(cx, input.user_name.as_deref(), "iam:ListMFADevices").await?;
    let owner_key = user.as_ref().map_or("root", |u| u.id.as_str()).to_owned();
    let scope = marker_scope("ListMFADevices", &[("Owner", &owner_key)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let Some(user) = user else {
        return Ok(Reply::result(ListMFADevicesOutput {
            mfa_devices: Vec::new(),
            is_truncated: Some(false),
            marker: None,
        }));
    };
    let mut devices: Vec<(String, MfaDevice, MfaAssignment)> = Vec::new();
    for d in cx.tx.user_mfa_devices(cx.account(), &user.id).await? {
        if let Some(a) = d.assignment.clone() {
            // Creation order; the serial breaks ties within a second.
            let key = format!("{:020}:{}{}", d.created.unix_timestamp(), d.path, d.name);
            devices.push((key, d, a));
        }
    }
    devices.sort_by(|a, b| a.0.cmp(&b.0));
    let page = paginate(devices, &query, |(key, _, _)| key.clone());
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let items = page
        .items
        .iter()
        .map(|(_, d, a)| iam::MFADevice {
            user_name: user.name.clone(),
            serial_number: cx.serial(d),
            enable_date: ts(a.enabled),
        })
        .collect();
    Ok(Reply::result(ListMFADevicesOutput {
        mfa_devices: items,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// ListVirtualMFADevices: every virtual device of the account by `AssignmentStatus`
/// (default `Any`), oldest first; never the seed or QR code.
pub(crate) async fn list_virtual_mfa_devices<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListVirtualMFADevicesInput,
) -> Result<Reply, ApiError> {
    let resource = cx.arn("mfa", "/", "");
    cx.authorize(vec![Check::new("iam:ListVirtualMFADevices", resource)])?;
    // The model's enum already refused other values.
    let (filter, status) = match input.assignment_status.as_deref() {
        Some("Assigned") => (MfaAssignmentFilter::Assigned, "Assigned"),
        Some("Unassigned") => (MfaAssignmentFilter::Unassigned, "Unassigned"),
        _ => (MfaAssignmentFilter::Any, "Any"),
    };
    let scope = marker_scope("ListVirtualMFADevices", &[("AssignmentStatus", status)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let account = cx.account();
    let page = cx.tx.list_mfa_devices(account, filter, &query).await?;
    let mut items = Vec::with_capacity(page.items.len());
    for d in &page.items {
        let user = match &d.assignment {
            Some(a) => cx.tx.user_by_id(account, &a.user_id).await?,
            None => None,
        };
        let tags = cx.tx.tags(account, &tag_target(d)).await?;
        items.push(iam::VirtualMFADevice {
            serial_number: cx.serial(d),
            base32_string_seed: None,
            qr_code_png: None,
            user: user.map(|u| iam::User {
                arn: cx.arn("user", &u.path, &u.name),
                path: u.path,
                user_name: u.name,
                user_id: u.id,
                create_date: ts(u.created),
                password_last_used: u.password_last_used.map(ts),
                permissions_boundary: None,
                tags: None,
            }),
            enable_date: d.assignment.as_ref().map(|a| ts(a.enabled)),
            tags: (!tags.is_empty()).then(|| wire_tags(&sorted_tags(tags))),
        });
    }
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    Ok(Reply::result(ListVirtualMFADevicesOutput {
        virtual_mfa_devices: items,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// TagMFADevice: case-sensitive keys (api.md §3.5).
pub(crate) async fn tag_mfa_device<S: Store>(
    cx: &mut Cx<'_, S>,
    input: TagMFADeviceInput,
) -> Result<Reply, ApiError> {
    let target = cx.mfa_target(&input.serial_number).await?;
    let call = Tagging {
        target,
        action: "iam:TagMFADevice",
        keys: TagKeys::Exact,
    };
    tagging::tag(
        cx,
        call,
        &input.tags,
        || no_such_device(&input.serial_number),
        |d| Ok(tag_target(&d)),
    )
    .await
}

/// UntagMFADevice: absent keys are ignored.
pub(crate) async fn untag_mfa_device<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UntagMFADeviceInput,
) -> Result<Reply, ApiError> {
    let target = cx.mfa_target(&input.serial_number).await?;
    let call = Tagging {
        target,
        action: "iam:UntagMFADevice",
        keys: TagKeys::Exact,
    };
    tagging::untag(
        cx,
        call,
        &input.tag_keys,
        || no_such_device(&input.serial_number),
        |d| Ok(tag_target(&d)),
    )
    .await
}

/// ListMFADeviceTags: paginated by key.
pub(crate) async fn list_mfa_device_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListMFADeviceTagsInput,
) -> Result<Reply, ApiError> {
    let serial = input.serial_number.clone();
    let target = cx.mfa_target(&serial).await?;
    cx.authorize(vec![
        Check::new("iam:ListMFADeviceTags", &target.arn).with_resource_tags(&target.tags, false),
    ])?;
    let tags = target.tags.clone();
    target.require(|| no_such_device(&serial))?;
    let scope = marker_scope("ListMFADeviceTags", &[("SerialNumber", &serial)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let (items, next) = super::paginate_tags(sorted_tags(tags), &query);
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    Ok(Reply::result(ListMFADeviceTagsOutput {
        tags: wire_tags(&items),
        is_truncated: Some(truncated),
        marker,
    }))
}

/// The MFA parameters of AssumeRole and GetSessionToken (api.md §6.2 step 3, §6.5):
/// `Ok(false)` without them, `Ok(true)` when the code is valid for a device enabled for the
/// calling IAM user (long-term keys or its own GetSessionToken session). The code's step is
/// stored by one conditional statement, so that no code is accepted twice, not even by two
/// concurrent calls (ADR 0004: replay protection). STS operations run without a write
/// transaction (`crate::pipeline`), so the code is spent even when the call is refused
/// later (e.g. by the trust policy).
pub(crate) async fn verify_token_code<S: Store>(
    cx: &mut Cx<'_, S>,
    serial: Option<&str>,
    code: Option<&str>,
) -> Result<bool, ApiError> {
    let (serial, code) = match (serial, code) {
        (None, None) => return Ok(false),
        (Some(s), Some(c)) => (s, c),
        _ => {
            return Err(ApiError::AccessDenied(
                "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code."
                    .to_owned(),
            ));
        }
    };
    let unable = || ApiError::AccessDenied(MFA_UNABLE.to_owned());
    let user_id = match &cx.caller.identity {
        Identity::User(u) => u.id.clone(),
        // Root owns no devices here (module docs); sessions other than the user's own
        // GetSessionToken sessions have no IAM user.
        _ => return Err(unable()),
    };
    let device = cx.mfa_device_by_serial(serial).await?.ok_or_else(unable)?;
    if device.assignment.as_ref().map(|a| a.user_id.as_str()) != Some(user_id.as_str()) {
        return Err(unable());
    }
    let seed = cx.open_seed(&device)?;
    let step = totp::verify(
        seed.expose(),
        code,
        cx.now.unix_timestamp(),
        device.last_used_step,
    )
    .map_err(|e| match e {
        TotpError::InvalidSeed => stored_seed_error(),
        TotpError::WrongCode | TotpError::Reused => {
            ApiError::AccessDenied(MFA_INVALID_CODE.to_owned())
        }
    })?;
    // Conditional: of two concurrent requests with one code, only one gets here first.
    if !cx
        .tx
        .use_mfa_step(cx.account(), &device.path, &device.name, step)
        .await?
    {
        return Err(ApiError::AccessDenied(MFA_INVALID_CODE.to_owned()));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! serials {
        ($($name:ident: $serial:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                let want: Option<(&str, &str)> = $want;
                assert_eq!(
                    parse_serial("aws", "123456789012", $serial),
                    want.map(|(p, n)| (p.to_owned(), n.to_owned()))
                );
            }
        )*};
    }

    serials! {
        serial_root_path: "arn:aws:iam::123456789012:mfa/dev" => Some(("/", "dev"));
        serial_nested_path: "arn:aws:iam::123456789012:mfa/a/b/dev" => Some(("/a/b/", "dev"));
        serial_other_account: "arn:aws:iam::210987654321:mfa/dev" => None;
        serial_other_partition: "arn:aws-cn:iam::123456789012:mfa/dev" => None;
        serial_hardware: "GAHT12345678" => None;
        serial_no_name: "arn:aws:iam::123456789012:mfa/" => None;
        serial_no_slash: "arn:aws:iam::123456789012:mfadev" => None;
    }
}
