//! Property tests: the decoder and every typed input decoder are total on arbitrary input.

use proptest::prelude::*;
use warden_query::{IamOperation, IamRequest, QueryParams, StsOperation, StsRequest};

/// Parameter names built from the pieces real requests use, so that list and structure paths
/// are actually exercised, not just random bytes that never name a member.
fn name() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Tags".to_owned()),
        Just("member".to_owned()),
        Just("Key".to_owned()),
        Just("Value".to_owned()),
        Just("UserName".to_owned()),
        Just("MaxItems".to_owned()),
        Just("PolicyArns".to_owned()),
        Just("arn".to_owned()),
        Just("ContextEntries".to_owned()),
        Just("ContextKeyValues".to_owned()),
        Just("TagKeys".to_owned()),
        Just("TaskPolicyArn".to_owned()),
        Just("Permissions".to_owned()),
        (0u32..12).prop_map(|n| n.to_string()),
        "[A-Za-z0-9%+]{0,4}",
    ];
    prop::collection::vec(piece, 1..7).prop_map(|parts| parts.join("."))
}

fn form() -> impl Strategy<Value = String> {
    prop::collection::vec((name(), "[ -~é😀]{0,12}"), 0..24).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", v.replace(['&', '='], "%26")))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = QueryParams::parse(&bytes);
        let _ = QueryParams::parse_merged(&bytes, &bytes);
    }

    #[test]
    fn decoded_params_reencode_round_trip(pairs in prop::collection::btree_map("[ -~é]{1,8}", "[ -~é]{0,8}", 0..8)) {
        // Percent-encode every byte: decoding gives back exactly the map.
        let enc = |s: &str| s.bytes().map(|b| format!("%{b:02x}")).collect::<String>();
        let form: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect();
        let params = QueryParams::parse(form.join("&").as_bytes()).unwrap();
        let got: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        let want: Vec<(String, String)> = pairs.into_iter().collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn typed_decoders_never_panic(form in form()) {
        let Ok(params) = QueryParams::parse(form.as_bytes()) else { return Ok(()); };
        for op in IamOperation::ALL {
            if let Err(e) = IamRequest::from_query(op, &params) {
                prop_assert!(!e.clauses().is_empty());
            }
        }
        for op in StsOperation::ALL {
            if let Err(e) = StsRequest::from_query(op, &params) {
                prop_assert!(!e.clauses().is_empty());
            }
        }
    }
}
