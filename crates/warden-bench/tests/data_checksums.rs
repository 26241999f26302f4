//! The copied workload files must be byte-identical to the normative ones (WORKLOAD.md
//! "Checksums of the materialised files").

use sha2::{Digest, Sha256};
use warden_bench::workload::{ACCOUNT_JSON, CEDAR_GROUPS, CEDAR_LIKE, REQUESTS_JSONL};

macro_rules! checksum {
    ($($name:ident: $text:expr => $sha:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(hex::encode(Sha256::digest($text.as_bytes())), $sha);
        }
    )*};
}

checksum! {
    account_json: ACCOUNT_JSON => "c6d49a6e8b73d0fc27832c275f76e0aff2d441bb247c120c4b30938f61abbec9";
    requests_jsonl: REQUESTS_JSONL => "fb82b555d58d110130fd1558eb104e55fc4311348e20d27c9e79e2883a832954";
    cedar_sliced_like: CEDAR_LIKE => "41d2edf62e1d9bc03af350aad8935c742d45d5e4fe3caf8f2f9ed478596a2140";
    cedar_sliced_groups: CEDAR_GROUPS => "c9ad302bb032c07e117e87cbfd86038df874c4e9deb122aa8db729037538e9b0";
}
