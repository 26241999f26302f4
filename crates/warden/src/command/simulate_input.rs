//! The inputs of `warden policy simulate`, read exactly as `aws iam simulate-custom-policy`
//! reads them: plain arguments, `file://` values, the shorthand syntax of `--context-entries`,
//! and `--cli-input-json`, with explicit arguments overriding the JSON (as the aws CLI does).

use std::path::Path;

use anyhow::{Context as _, bail};
use serde::Deserialize;

/// One `ContextEntry` of the simulator (`ContextKeyName`, `ContextKeyValues`, `ContextKeyType`).
#[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub(crate) struct ContextEntry {
    pub(crate) context_key_name: String,
    #[serde(default)]
    pub(crate) context_key_values: Vec<String>,
    pub(crate) context_key_type: String,
}

/// Everything `simulate-custom-policy` accepts, after `file://` values were read.
#[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub(crate) struct SimulationInput {
    #[serde(default)]
    pub(crate) policy_input_list: Vec<String>,
    #[serde(default)]
    pub(crate) permissions_boundary_policy_input_list: Vec<String>,
    #[serde(default)]
    pub(crate) action_names: Vec<String>,
    #[serde(default)]
    pub(crate) resource_arns: Vec<String>,
    pub(crate) resource_policy: Option<String>,
    pub(crate) resource_owner: Option<String>,
    pub(crate) caller_arn: Option<String>,
    #[serde(default)]
    pub(crate) context_entries: Vec<ContextEntry>,
    pub(crate) resource_handling_option: Option<String>,
    pub(crate) max_items: Option<u32>,
    pub(crate) marker: Option<String>,
}

/// Reads a parameter value the way the aws CLI does: `file://path` is replaced by the file's
/// text; anything else is taken literally.
pub(crate) fn read_param(value: &str) -> anyhow::Result<String> {
    match value.strip_prefix("file://") {
        Some(path) => std::fs::read_to_string(Path::new(path))
            .with_context(|| format!("while reading `{path}`")),
        None => Ok(value.to_owned()),
    }
}

impl SimulationInput {
    /// Parses the text of `--cli-input-json` (already read from `file://` if needed).
    pub(crate) fn from_cli_input_json(text: &str) -> anyhow::Result<Self> {
        serde_json::from_str(text).context("while reading --cli-input-json")
    }

    /// Checks what the aws CLI requires before sending (`PolicyInputList` and `ActionNames`).
    pub(crate) fn check_required(&self) -> anyhow::Result<()> {
        if self.policy_input_list.is_empty() {
            bail!("the following arguments are required: --policy-input-list");
        }
        if self.action_names.is_empty() {
            bail!("the following arguments are required: --action-names");
        }
        Ok(())
    }
}

/// Parses one `--context-entries` value: either JSON (an object or an array of objects) or the
/// aws CLI shorthand `ContextKeyName=k,ContextKeyValues=v1,v2,ContextKeyType=t`, where values
/// may be quoted with `'` or `"` and a bare value after `ContextKeyValues=` continues the list
/// until the next `Name=` key.
pub(crate) fn parse_context_entries(value: &str) -> anyhow::Result<Vec<ContextEntry>> {
    let trimmed = value.trim_start();
    if trimmed.starts_with('[') {
        return serde_json::from_str(trimmed).context("while reading --context-entries JSON");
    }
    if trimmed.starts_with('{') {
        let one: ContextEntry =
            serde_json::from_str(trimmed).context("while reading --context-entries JSON")?;
        return Ok(vec![one]);
    }
    parse_shorthand(value).map(|entry| vec![entry])
}

const SHORTHAND_KEYS: [&str; 3] = ["ContextKeyName", "ContextKeyValues", "ContextKeyType"];

fn parse_shorthand(value: &str) -> anyhow::Result<ContextEntry> {
    let mut entry = ContextEntry::default();
    let mut current: Option<&'static str> = None;
    let mut seen_type = false;
    for item in split_shorthand(value)? {
        let (key, item_value) = match item.split_once('=') {
            Some((k, v)) => match SHORTHAND_KEYS.iter().find(|known| **known == k) {
                Some(known) => (Some(*known), v),
                None => (None, item.as_str()),
            },
            None => (None, item.as_str()),
        };
        let key = match (key, current) {
            (Some(k), _) => k,
            (None, Some("ContextKeyValues")) => "ContextKeyValues",
            (None, _) => {
                bail!("`{value}`: expected `key=value` in shorthand syntax, found `{item}`")
            }
        };
        let unquoted = unquote(item_value);
        match key {
            "ContextKeyName" => entry.context_key_name = unquoted,
            "ContextKeyValues" => entry.context_key_values.push(unquoted),
            _ => {
                entry.context_key_type = unquoted;
                seen_type = true;
            }
        }
        current = Some(key);
    }
    if entry.context_key_name.is_empty() {
        bail!("`{value}`: missing ContextKeyName");
    }
    if !seen_type {
        bail!("`{value}`: missing ContextKeyType");
    }
    Ok(entry)
}

/// Splits on commas that are not inside quotes.
fn split_shorthand(value: &str) -> anyhow::Result<Vec<String>> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in value.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                current.push(c);
            }
            (Some(_), c) => current.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                current.push(c);
            }
            (None, ',') => parts.push(std::mem::take(&mut current)),
            (None, c) => current.push(c),
        }
    }
    if quote.is_some() {
        bail!("`{value}`: unterminated quote");
    }
    parts.push(current);
    Ok(parts)
}

fn unquote(value: &str) -> String {
    for q in ['\'', '"'] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner.to_owned();
        }
    }
    value.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthand_from_the_aws_cli_documentation() {
        let entries = parse_context_entries(
            "ContextKeyName='aws:CurrentTime',ContextKeyValues='2019-04-25T11:00:00Z',ContextKeyType=date",
        )
        .unwrap();
        assert_eq!(
            entries,
            vec![ContextEntry {
                context_key_name: "aws:CurrentTime".into(),
                context_key_values: vec!["2019-04-25T11:00:00Z".into()],
                context_key_type: "date".into(),
            }]
        );
    }

    #[test]
    fn shorthand_list_values_continue_until_the_next_key() {
        let entries = parse_context_entries(
            "ContextKeyName=aws:TagKeys,ContextKeyValues=a,b,'c,d',ContextKeyType=stringList",
        )
        .unwrap();
        assert_eq!(entries[0].context_key_values, ["a", "b", "c,d"]);
        assert_eq!(entries[0].context_key_type, "stringList");
    }

    #[test]
    fn json_entries_are_accepted() {
        let entries = parse_context_entries(
            r#"[{"ContextKeyName":"aws:SourceIp","ContextKeyValues":["10.0.0.1"],"ContextKeyType":"ip"}]"#,
        )
        .unwrap();
        assert_eq!(entries[0].context_key_name, "aws:SourceIp");
    }

    #[test]
    fn shorthand_without_type_is_refused() {
        let err = parse_context_entries("ContextKeyName=a,ContextKeyValues=b").unwrap_err();
        assert!(err.to_string().contains("missing ContextKeyType"), "{err}");
    }

    #[test]
    fn unterminated_quote_is_refused() {
        assert!(parse_context_entries("ContextKeyName='a,ContextKeyType=string").is_err());
    }

    #[test]
    fn cli_input_json_uses_the_aws_member_names() {
        let input = SimulationInput::from_cli_input_json(
            r#"{"PolicyInputList":["{}"],"ActionNames":["s3:GetObject"],"CallerArn":"arn:aws:iam::111122223333:user/alice"}"#,
        )
        .unwrap();
        assert_eq!(input.action_names, ["s3:GetObject"]);
        assert_eq!(
            input.caller_arn.as_deref(),
            Some("arn:aws:iam::111122223333:user/alice")
        );
        input.check_required().unwrap();
    }

    #[test]
    fn cli_input_json_rejects_unknown_members() {
        assert!(SimulationInput::from_cli_input_json(r#"{"PolicyInputs":[]}"#).is_err());
    }

    #[test]
    fn missing_required_members_are_named() {
        let err = SimulationInput::default().check_required().unwrap_err();
        assert!(err.to_string().contains("--policy-input-list"));
    }

    #[test]
    fn file_params_are_read() {
        let dir = std::env::temp_dir().join(format!("warden-read-param-{}", std::process::id()));
        std::fs::write(&dir, "{\"a\":1}").unwrap();
        let text = read_param(&format!("file://{}", dir.display())).unwrap();
        std::fs::remove_file(&dir).unwrap();
        assert_eq!(text, "{\"a\":1}");
        assert_eq!(read_param("literal").unwrap(), "literal");
    }
}
