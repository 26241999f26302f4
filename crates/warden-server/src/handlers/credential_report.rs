//! The credential report (api.md §5.17): GenerateCredentialReport, GetCredentialReport.
//!
//! The report is generated synchronously from the stored users, access keys, login
//! profiles, MFA devices, signing certificates and password policy, and kept (one per
//! account) for 4 hours as on AWS. Because generation is synchronous, the call that
//! generates answers `STARTED` and the next one `COMPLETE` (clients poll until
//! `COMPLETE`); `ReportInProgress` is never answered.

use time::{Duration, OffsetDateTime, UtcOffset};
use warden_core::model::SigningCertificate;
use warden_core::{
    AccessKey, CredentialReport, KeyOwner, KeyStatus, ListQuery, Store, Transaction,
};
use warden_query::iam::{GenerateCredentialReportOutput, GetCredentialReportOutput};

use super::{Cx, Reply, ts};
use crate::authz::Check;
use crate::error::ApiError;

/// How long a report is reused, and after which GetCredentialReport answers
/// `ReportExpired` (api.md §5.17; the expiry age is `VERIFY`).
const REPORT_LIFETIME: Duration = Duration::hours(4);

/// `Description` of the call that starts a generation (observed, api.md §5.17).
const STARTED_DESCRIPTION: &str = "No report exists. Starting a new report generation task";

/// `ReportExpired`'s message (`VERIFY`: AWS's wording is not recorded).
const EXPIRED_MESSAGE: &str = "The credential report has expired. To generate a new credential report, use GenerateCredentialReport.";

/// AWS's column list, in order (api.md §5.17).
pub(crate) const COLUMNS: [&str; 22] = [
    "user",
    "arn",
    "user_creation_time",
    "password_enabled",
    "password_last_used",
    "password_last_changed",
    "password_next_rotation",
    "mfa_active",
    "access_key_1_active",
    "access_key_1_last_rotated",
    "access_key_1_last_used_date",
    "access_key_1_last_used_region",
    "access_key_1_last_used_service",
    "access_key_2_active",
    "access_key_2_last_rotated",
    "access_key_2_last_used_date",
    "access_key_2_last_used_region",
    "access_key_2_last_used_service",
    "cert_1_active",
    "cert_1_last_rotated",
    "cert_2_active",
    "cert_2_last_rotated",
];

/// The item does not exist (no password, key, certificate or rotation policy).
const NOT_APPLICABLE: &str = "N/A";
/// The password exists but its use was never recorded.
const NO_INFORMATION: &str = "no_information";
/// Root's password columns (api.md §5.17).
const NOT_SUPPORTED: &str = "not_supported";

/// GenerateCredentialReport: `COMPLETE` while a report younger than 4 hours exists;
/// otherwise generate one now and answer `STARTED`.
pub(crate) async fn generate_credential_report<S: Store>(
    cx: &mut Cx<'_, S>,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:GenerateCredentialReport", "*")])?;
    let account = cx.account();
    if let Some(report) = cx.tx.credential_report(account).await?
        && cx.now - report.generated < REPORT_LIFETIME
    {
        return Ok(Reply::result(GenerateCredentialReportOutput {
            state: Some("COMPLETE".to_owned()),
            description: None,
        }));
    }
    let content = build_report(cx).await?;
    cx.tx
        .put_credential_report(&CredentialReport {
            account,
            generated: cx.now,
            content,
        })
        .await?;
    Ok(Reply::result(GenerateCredentialReportOutput {
        state: Some("STARTED".to_owned()),
        description: Some(STARTED_DESCRIPTION.to_owned()),
    })
    .with_audit(serde_json::json!({"state": "STARTED"})))
}

/// GetCredentialReport: the stored CSV (base64 on the wire), or `ReportNotPresent` /
/// `ReportExpired`.
pub(crate) async fn get_credential_report<S: Store>(cx: &mut Cx<'_, S>) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:GetCredentialReport", "*")])?;
    let report = cx
        .tx
        .credential_report(cx.account())
        .await?
        .ok_or(ApiError::ReportNotPresent)?;
    if cx.now - report.generated >= REPORT_LIFETIME {
        return Err(ApiError::ReportExpired(EXPIRED_MESSAGE.to_owned()));
    }
    Ok(Reply::result(GetCredentialReportOutput {
        content: Some(report.content.into_bytes()),
        report_format: Some("text/csv".to_owned()),
        generated_time: Some(ts(report.generated)),
    }))
}

/// One line of the report, column by column.
struct Line {
    values: Vec<String>,
}

impl Line {
    fn new() -> Self {
        Self {
            values: Vec::with_capacity(COLUMNS.len()),
        }
    }

    fn push(&mut self, value: impl Into<String>) {
        self.values.push(value.into());
    }

    fn push_keys(&mut self, keys: &[AccessKey]) {
        for slot in 0..2 {
            match keys.get(slot) {
                Some(key) => {
                    self.push(bool_text(key.status == KeyStatus::Active));
                    self.push(report_time(key.created));
                    // AWS writes N/A for the use columns of a key never used.
                    match &key.last_used {
                        Some(used) => {
                            self.push(report_time(used.date));
                            self.push(used.region.clone());
                            self.push(used.service.clone());
                        }
                        None => {
                            for _ in 0..3 {
                                self.push(NOT_APPLICABLE);
                            }
                        }
                    }
                }
                None => {
                    self.push("false");
                    for _ in 0..4 {
                        self.push(NOT_APPLICABLE);
                    }
                }
            }
        }
    }

    /// Signing certificates (`cert_1_*`, `cert_2_*`), oldest first.
    fn push_certificates(&mut self, certificates: &[SigningCertificate]) {
        for slot in 0..2 {
            match certificates.get(slot) {
                Some(cert) => {
                    self.push(bool_text(cert.status == KeyStatus::Active));
                    self.push(report_time(cert.uploaded));
                }
                None => {
                    self.push("false");
                    self.push(NOT_APPLICABLE);
                }
            }
        }
    }

    fn write(self, out: &mut String) {
        out.push_str(&self.values.join(","));
        out.push('\n');
    }
}

/// The CSV: header, the root account, then every user by name.
async fn build_report<S: Store>(cx: &mut Cx<'_, S>) -> Result<String, ApiError> {
    let account = cx.account();
    let mut out = String::new();
    out.push_str(&COLUMNS.join(","));
    out.push('\n');

    let created = cx.tx.account(account).await?.map_or(cx.now, |a| a.created);
    let mut root = Line::new();
    root.push("<root_account>");
    root.push(cx.root_arn());
    root.push(report_time(created));
    root.push(NOT_SUPPORTED);
    root.push(NO_INFORMATION);
    root.push(NOT_SUPPORTED);
    root.push(NOT_SUPPORTED);
    root.push("false");
    let root_keys = cx.tx.access_keys(account, &KeyOwner::Root).await?;
    root.push_keys(&root_keys);
    let root_certs = cx.tx.signing_certificates(account, &KeyOwner::Root).await?;
    root.push_certificates(&root_certs);
    root.write(&mut out);

    let max_password_age = cx
        .tx
        .password_policy(account)
        .await?
        .and_then(|p| p.max_age_days);
    let mut query = ListQuery::first(1000);
    loop {
        let page = cx.tx.list_users(account, &query).await?;
        for user in &page.items {
            let mut line = Line::new();
            line.push(user.name.clone());
            line.push(cx.arn("user", &user.path, &user.name));
            line.push(report_time(user.created));
            let login = cx.tx.login_profile(account, &user.id).await?;
            match &login {
                Some(profile) => {
                    line.push("true");
                    line.push(
                        user.password_last_used
                            .map_or_else(|| NO_INFORMATION.to_owned(), report_time),
                    );
                    line.push(report_time(profile.password_changed));
                    line.push(max_password_age.map_or_else(
                        || NOT_APPLICABLE.to_owned(),
                        |days| {
                            report_time(profile.password_changed + Duration::days(i64::from(days)))
                        },
                    ));
                }
                None => {
                    line.push("false");
                    // A password used once and since removed still shows its last use.
                    line.push(
                        user.password_last_used
                            .map_or_else(|| NOT_APPLICABLE.to_owned(), report_time),
                    );
                    line.push(NOT_APPLICABLE);
                    line.push(NOT_APPLICABLE);
                }
            }
            let mfa = !cx.tx.user_mfa_devices(account, &user.id).await?.is_empty();
            line.push(bool_text(mfa));
            let keys = cx
                .tx
                .access_keys(account, &KeyOwner::User(user.id.clone()))
                .await?;
            line.push_keys(&keys);
            let owner = KeyOwner::User(user.id.clone());
            let certs = cx.tx.signing_certificates(account, &owner).await?;
            line.push_certificates(&certs);
            line.write(&mut out);
        }
        match page.next {
            Some(next) => query = query.after(&next),
            None => break,
        }
    }
    Ok(out)
}

fn bool_text(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

/// ISO 8601 with a numeric offset, as the report writes times: `2024-05-01T12:00:00+00:00`.
pub(crate) fn report_time(time: OffsetDateTime) -> String {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'_>] =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]+00:00");
    time.to_offset(UtcOffset::UTC)
        .format(FORMAT)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_times_carry_a_numeric_offset() {
        let t = OffsetDateTime::from_unix_timestamp(1_714_564_800).unwrap();
        assert_eq!(report_time(t), "2024-05-01T12:00:00+00:00");
    }

    #[test]
    fn twenty_two_columns() {
        assert_eq!(COLUMNS.len(), 22);
        assert_eq!(COLUMNS[21], "cert_2_last_rotated");
    }
}
