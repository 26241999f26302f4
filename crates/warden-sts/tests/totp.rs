//! TOTP (RFC 6238), otpauth URIs and QR PNGs (api.md §5.11).

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "the PNG-decoding test helper indexes and unwraps a PNG it just checked"
)]

use rand::SeedableRng;
use rand::rngs::StdRng;
use warden_sts::totp::{
    CONSECUTIVE_WINDOW, QR_QUIET_ZONE, QR_SCALE, TotpError, code_at, hotp, new_seed, otpauth_uri,
    qr_png, step_at, verify, verify_consecutive,
};

/// RFC 6238 appendix B: the SHA-1 seed is the ASCII text "12345678901234567890".
const RFC_SEED_ASCII: &[u8] = b"12345678901234567890";
/// The same seed in base32.
const RFC_SEED: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

macro_rules! rfc6238_cases {
    ($($name:ident: $time:expr => $eight:expr;)*) => {$(
        #[test]
        fn $name() {
            let step = step_at($time);
            assert_eq!(hotp(RFC_SEED_ASCII, step as u64, 8), $eight);
            // Six digits are the low six of the eight-digit value.
            assert_eq!(code_at(RFC_SEED, step).unwrap(), format!("{:06}", $eight % 1_000_000));
        }
    )*};
}

rfc6238_cases! {
    rfc6238_59: 59 => 94_287_082;
    rfc6238_1111111109: 1_111_111_109 => 7_081_804;
    rfc6238_1111111111: 1_111_111_111 => 14_050_471;
    rfc6238_1234567890: 1_234_567_890 => 89_005_924;
    rfc6238_2000000000: 2_000_000_000 => 69_279_037;
    rfc6238_20000000000: 20_000_000_000 => 65_353_130;
}

const NOW: i64 = 1_111_111_111; // step 37037037, code 050471

macro_rules! verify_cases {
    ($($name:ident: $code_step_offset:expr, $last:expr => $want_offset:expr;)*) => {$(
        #[test]
        fn $name() {
            let current = step_at(NOW);
            let code = code_at(RFC_SEED, current + $code_step_offset).unwrap();
            let last: Option<i64> = $last.map(|d: i64| current + d);
            let want: Result<i64, TotpError> = $want_offset.map(|d: i64| current + d);
            assert_eq!(verify(RFC_SEED, &code, NOW, last), want);
        }
    )*};
}

verify_cases! {
    verify_current: 0, None => Ok(0);
    verify_previous: -1, None => Ok(-1);
    verify_next: 1, None => Ok(1);
    verify_two_behind: -2, None => Err(TotpError::WrongCode);
    verify_two_ahead: 2, None => Err(TotpError::WrongCode);
    verify_same_step_reused: 0, Some(0) => Err(TotpError::Reused);
    verify_older_than_last_used: -1, Some(0) => Err(TotpError::Reused);
    verify_after_last_used: 1, Some(0) => Ok(1);
    verify_last_used_long_ago: 0, Some(-100) => Ok(0);
}

#[test]
fn verify_rejects_malformed_codes_and_seeds() {
    for code in ["", "12345", "1234567", "abcdef", " 50471", "05047a"] {
        assert_eq!(
            verify(RFC_SEED, code, NOW, None),
            Err(TotpError::WrongCode),
            "{code}"
        );
    }
    assert_eq!(
        verify("not base32!", "050471", NOW, None),
        Err(TotpError::InvalidSeed)
    );
    assert_eq!(verify(RFC_SEED, "050471", NOW, None), Ok(step_at(NOW)));
}

#[test]
fn a_wrong_code_is_rejected() {
    let right = code_at(RFC_SEED, step_at(NOW)).unwrap();
    let wrong = format!("{:06}", (right.parse::<u32>().unwrap() + 1) % 1_000_000);
    assert_eq!(
        verify(RFC_SEED, &wrong, NOW, None),
        Err(TotpError::WrongCode)
    );
}

macro_rules! consecutive_cases {
    ($($name:ident: $offset:expr, $second:expr => $ok:expr;)*) => {$(
        #[test]
        fn $name() {
            let t = step_at(NOW) + $offset;
            let c1 = code_at(RFC_SEED, t).unwrap();
            let c2 = code_at(RFC_SEED, t + $second).unwrap();
            let got = verify_consecutive(RFC_SEED, &c1, &c2, NOW);
            let want: Result<i64, TotpError> = if $ok { Ok(t + 1) } else { Err(TotpError::WrongCode) };
            assert_eq!(got, want);
        }
    )*};
}

consecutive_cases! {
    consecutive_now: 0, 1 => true;
    consecutive_drift_back: -CONSECUTIVE_WINDOW, 1 => true;
    consecutive_drift_ahead: CONSECUTIVE_WINDOW, 1 => true;
    consecutive_too_far_back: -CONSECUTIVE_WINDOW - 1, 1 => false;
    consecutive_too_far_ahead: CONSECUTIVE_WINDOW + 1, 1 => false;
    consecutive_swapped: 1, -1 => false;
    consecutive_same_code_twice: 0, 0 => false;
    consecutive_gap: 0, 2 => false;
}

#[test]
fn seeds_are_64_base32_chars_and_work() {
    let mut rng = StdRng::seed_from_u64(7);
    let seed = new_seed(&mut rng);
    assert_eq!(seed.len(), 64);
    assert!(
        seed.bytes()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
    );
    assert_ne!(seed, new_seed(&mut rng));
    let code = code_at(&seed, step_at(NOW)).unwrap();
    assert_eq!(verify(&seed, &code, NOW, None), Ok(step_at(NOW)));
}

#[test]
fn otpauth_uri_has_aws_shape() {
    assert_eq!(
        otpauth_uri("alice-phone", "111122223333", "JBSWY3DPEHPK3PXP"),
        "otpauth://totp/Amazon%20Web%20Services:alice-phone@111122223333?secret=JBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services"
    );
    assert_eq!(
        otpauth_uri("a+b@c", "my alias", "S"),
        "otpauth://totp/Amazon%20Web%20Services:a%2Bb%40c@my%20alias?secret=S&issuer=Amazon%20Web%20Services"
    );
}

/// Parses our PNG back: chunk CRCs, IHDR, and the 1-bit pixels.
fn decode_png(png: &[u8]) -> (usize, Vec<Vec<bool>>) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let mut pos = 8;
    let mut width = 0;
    let mut idat = Vec::new();
    let mut seen_end = false;
    while pos < png.len() {
        let len = u32::from_be_bytes(png[pos..pos + 4].try_into().unwrap()) as usize;
        let kind = &png[pos + 4..pos + 8];
        let data = &png[pos + 8..pos + 8 + len];
        let crc = u32::from_be_bytes(png[pos + 8 + len..pos + 12 + len].try_into().unwrap());
        let mut h = crc32fast::Hasher::new();
        h.update(kind);
        h.update(data);
        assert_eq!(h.finalize(), crc, "crc of {:?}", std::str::from_utf8(kind));
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(data[..4].try_into().unwrap()) as usize;
                assert_eq!(&data[4..8], &data[..4], "square");
                assert_eq!(&data[8..], &[1, 0, 0, 0, 0]);
            }
            b"IDAT" => idat.extend_from_slice(data),
            b"IEND" => seen_end = true,
            _ => panic!("unexpected chunk"),
        }
        pos += 12 + len;
    }
    assert!(seen_end);
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&idat).unwrap();
    let row_bytes = width.div_ceil(8);
    assert_eq!(raw.len(), (row_bytes + 1) * width);
    let rows = raw
        .chunks(row_bytes + 1)
        .map(|r| {
            assert_eq!(r[0], 0, "filter none");
            (0..width)
                .map(|x| r[1 + x / 8] & (0x80 >> (x % 8)) == 0)
                .collect()
        })
        .collect();
    (width, rows)
}

#[test]
fn qr_png_draws_the_qr_code_of_the_uri() {
    let uri = otpauth_uri("alice", "111122223333", &"A".repeat(64));
    let png = qr_png(&uri).unwrap();
    let (width, dark) = decode_png(&png);
    let code =
        qrcode::QrCode::with_error_correction_level(uri.as_bytes(), qrcode::EcLevel::M).unwrap();
    let modules = code.width();
    assert_eq!(width, (modules + 2 * QR_QUIET_ZONE) * QR_SCALE);
    let colors = code.to_colors();
    for my in 0..modules + 2 * QR_QUIET_ZONE {
        for mx in 0..modules + 2 * QR_QUIET_ZONE {
            let want = mx >= QR_QUIET_ZONE
                && my >= QR_QUIET_ZONE
                && mx < QR_QUIET_ZONE + modules
                && my < QR_QUIET_ZONE + modules
                && colors[(my - QR_QUIET_ZONE) * modules + (mx - QR_QUIET_ZONE)]
                    == qrcode::Color::Dark;
            // Check the centre pixel of each module.
            let (px, py) = (mx * QR_SCALE + QR_SCALE / 2, my * QR_SCALE + QR_SCALE / 2);
            assert_eq!(dark[py][px], want, "module {mx},{my}");
        }
    }
    // Finder pattern corner is dark.
    assert!(dark[QR_QUIET_ZONE * QR_SCALE][QR_QUIET_ZONE * QR_SCALE]);
}

#[test]
fn qr_png_refuses_oversized_text() {
    assert!(qr_png(&"x".repeat(5000)).is_err());
}
