//! TOTP for virtual MFA devices (RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits;
//! api.md §5.11), the `otpauth://` URI and the QR-code PNG of CreateVirtualMFADevice.
//!
//! Tolerances (AWS documents none; ADR 0004):
//! * a single code ([`verify`], AssumeRole/GetSessionToken `TokenCode`) is accepted for the
//!   previous, current and next step (±30 s of clock drift), and only for a step later than
//!   the last step accepted for the device, so no code — nor an older one — is ever reused;
//! * two consecutive codes ([`verify_consecutive`], EnableMFADevice/ResyncMFADevice) are
//!   searched ±10 steps (±5 minutes): resynchronisation exists to repair a drifted device
//!   clock, and two consecutive 6-digit matches (1 in 10¹² per guess pair) keep guessing
//!   infeasible over 20 candidate positions.

use hmac::{Hmac, Mac};
use rand::CryptoRng;
use sha1::Sha1;
use subtle::ConstantTimeEq;

use crate::creds::{base32_decode, base32_encode};

/// Seconds per TOTP step.
pub const STEP_SECONDS: i64 = 30;
/// Digits per code.
pub const DIGITS: u32 = 6;
/// Seed size: 40 bytes, i.e. the 64 base32 characters of AWS's `Base32StringSeed`.
pub const SEED_BYTES: usize = 40;
/// Steps searched either side of now by [`verify`].
pub const SINGLE_CODE_WINDOW: i64 = 1;
/// Steps searched either side of now by [`verify_consecutive`].
pub const CONSECUTIVE_WINDOW: i64 = 10;

/// Why a code was refused.
#[derive(Clone, Copy, Debug, thiserror::Error, PartialEq, Eq)]
pub enum TotpError {
    /// The stored seed is not base32 (a storage bug, never a caller error).
    #[error("malformed totp seed")]
    InvalidSeed,
    /// No step within the window produces the code(s).
    #[error("authentication code does not match")]
    WrongCode,
    /// The code matches a step already used (or older than the last used one).
    #[error("authentication code already used")]
    Reused,
}

/// A new random seed, as the 64-character base32 text AWS returns.
pub fn new_seed<R: CryptoRng + ?Sized>(rng: &mut R) -> String {
    let mut bytes = zeroize::Zeroizing::new([0u8; SEED_BYTES]);
    rng.fill_bytes(bytes.as_mut());
    base32_encode(bytes.as_ref())
}

/// The TOTP step containing `now` (Unix seconds).
pub fn step_at(now: i64) -> i64 {
    now.div_euclid(STEP_SECONDS)
}

/// HOTP (RFC 4226) value of `key` at `counter` with `digits` digits.
pub fn hotp(key: &[u8], counter: u64, digits: u32) -> u32 {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(key) else {
        return 0;
    };
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest.last().copied().unwrap_or(0) & 0x0F);
    let word = digest
        .get(offset..offset + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, u32::from_be_bytes)
        & 0x7FFF_FFFF;
    word % 10u32.pow(digits)
}

/// The 6-digit code of `seed` (base32) at `step`, zero-padded.
pub fn code_at(seed: &str, step: i64) -> Result<String, TotpError> {
    let key = zeroize::Zeroizing::new(base32_decode(seed).ok_or(TotpError::InvalidSeed)?);
    Ok(format_code(hotp(&key, step_counter(step), DIGITS)))
}

fn step_counter(step: i64) -> u64 {
    u64::try_from(step).unwrap_or(0)
}

fn format_code(v: u32) -> String {
    format!("{v:06}")
}

fn matches(key: &[u8], step: i64, code: &str) -> bool {
    step >= 0
        && format_code(hotp(key, step_counter(step), DIGITS))
            .as_bytes()
            .ct_eq(code.as_bytes())
            .into()
}

fn well_formed(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Verifies one code at `now`: previous, current or next step. Returns the matched step,
/// which the caller stores as the device's last used step and passes back as
/// `last_used_step` next time; steps ≤ it are refused as reused.
pub fn verify(
    seed: &str,
    code: &str,
    now: i64,
    last_used_step: Option<i64>,
) -> Result<i64, TotpError> {
    let key = zeroize::Zeroizing::new(base32_decode(seed).ok_or(TotpError::InvalidSeed)?);
    if !well_formed(code) {
        return Err(TotpError::WrongCode);
    }
    let current = step_at(now);
    // Current step first: the common case, and the one to report when codes collide.
    let candidates = [
        current,
        current - SINGLE_CODE_WINDOW,
        current + SINGLE_CODE_WINDOW,
    ];
    let step = candidates
        .into_iter()
        .find(|&s| matches(&key, s, code))
        .ok_or(TotpError::WrongCode)?;
    if last_used_step.is_some_and(|last| step <= last) {
        return Err(TotpError::Reused);
    }
    Ok(step)
}

/// Verifies two consecutive codes (`code1` at step t, `code2` at t+1) for some t within
/// ±[`CONSECUTIVE_WINDOW`] steps of `now`. Returns t+1, the step to store as last used.
pub fn verify_consecutive(
    seed: &str,
    code1: &str,
    code2: &str,
    now: i64,
) -> Result<i64, TotpError> {
    let key = zeroize::Zeroizing::new(base32_decode(seed).ok_or(TotpError::InvalidSeed)?);
    if !well_formed(code1) || !well_formed(code2) {
        return Err(TotpError::WrongCode);
    }
    let current = step_at(now);
    // Search outwards from now so the nearest match wins.
    (0..=CONSECUTIVE_WINDOW)
        .flat_map(|d| [current + d, current - d])
        .find(|&t| matches(&key, t, code1) && matches(&key, t + 1, code2))
        .map(|t| t + 1)
        .ok_or(TotpError::WrongCode)
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The provisioning URI of a virtual MFA device (api.md §5.11):
/// `otpauth://totp/Amazon%20Web%20Services:<device>@<alias or account>?secret=<seed>&issuer=Amazon%20Web%20Services`.
pub fn otpauth_uri(device_name: &str, account_label: &str, seed: &str) -> String {
    format!(
        "otpauth://totp/Amazon%20Web%20Services:{}@{}?secret={seed}&issuer=Amazon%20Web%20Services",
        percent_encode(device_name),
        percent_encode(account_label)
    )
}

/// Why a QR code could not be drawn.
#[derive(Clone, Copy, Debug, thiserror::Error, PartialEq, Eq)]
pub enum QrError {
    /// The text is too long for a QR code.
    #[error("text too long for a qr code")]
    TooLong,
}

/// Pixels per QR module in [`qr_png`].
pub const QR_SCALE: usize = 6;
/// Quiet-zone width in modules (the QR specification's minimum).
pub const QR_QUIET_ZONE: usize = 4;

/// A PNG (1-bit greyscale) of the QR code of `text` (error-correction level M), as
/// CreateVirtualMFADevice returns in `QRCodePNG`.
pub fn qr_png(text: &str) -> Result<Vec<u8>, QrError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| QrError::TooLong)?;
    let modules = code.width();
    let colors = code.to_colors();
    let dark = |x: usize, y: usize| -> bool {
        x >= QR_QUIET_ZONE
            && y >= QR_QUIET_ZONE
            && x < QR_QUIET_ZONE + modules
            && y < QR_QUIET_ZONE + modules
            && colors.get((y - QR_QUIET_ZONE) * modules + (x - QR_QUIET_ZONE))
                == Some(&qrcode::Color::Dark)
    };
    let side_modules = modules + 2 * QR_QUIET_ZONE;
    let side = side_modules * QR_SCALE;
    let row_bytes = side.div_ceil(8);
    let mut raw = Vec::with_capacity((row_bytes + 1) * side);
    for py in 0..side {
        raw.push(0); // filter type None
        let mut row = vec![0u8; row_bytes];
        for px in 0..side {
            // 1-bit greyscale: 1 = white.
            if !dark(px / QR_SCALE, py / QR_SCALE)
                && let Some(byte) = row.get_mut(px / 8)
            {
                *byte |= 0x80 >> (px % 8);
            }
        }
        raw.extend_from_slice(&row);
    }
    let side = u32::try_from(side).map_err(|_| QrError::TooLong)?;
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[1, 0, 0, 0, 0]); // bit depth 1, greyscale, deflate, no filter, no interlace
    let mut png = Vec::with_capacity(raw.len() / 4 + 64);
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    png_chunk(&mut png, b"IHDR", &ihdr);
    png_chunk(
        &mut png,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 9),
    );
    png_chunk(&mut png, b"IEND", &[]);
    Ok(png)
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
}
