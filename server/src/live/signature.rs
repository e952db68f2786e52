//! Each provider's webhook signature, as its own SDK checks it (the
//! README names the sources): over the raw body, HMAC-SHA256 compared in
//! constant time, with the provider's timestamp window where it has one.
//!
//! - Retell: `x-retell-signature: v={unix ms},d={hex}`, HMAC of the body
//!   followed by the timestamp, keyed with the API key that has the
//!   webhook badge; within 5 minutes either way (`retell-sdk`'s `verify`).
//! - Vapi: the server URL's credential: `x-vapi-secret` (the shared
//!   secret itself), `Authorization: Bearer {secret}`, or an HMAC in
//!   `x-signature` over `{x-timestamp}.{body}` (Vapi's server
//!   authentication docs).
//! - ElevenLabs: `ElevenLabs-Signature: t={unix s},v0={hex}`, HMAC of
//!   `{t}.{body}` with the webhook secret; at most 30 minutes old (the
//!   `elevenlabs` SDKs' `constructEvent`), and here also at most 5 minutes
//!   ahead.
//! - Bland: `X-Webhook-Signature: {hex}`, HMAC of the body with the
//!   account's webhook signing secret; no timestamp (a retry is caught by
//!   the delivery key instead).

use axum::http::HeaderMap;
use callboard::core::Provider;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// Retell's window either way, in ms.
pub const RETELL_WINDOW_MS: i64 = 5 * 60 * 1000;
/// How old an ElevenLabs signature may be, in ms.
pub const ELEVENLABS_MAX_AGE_MS: i64 = 30 * 60 * 1000;
/// How far ahead of this clock a signed timestamp may be (Vapi, ElevenLabs).
pub const AHEAD_MS: i64 = 5 * 60 * 1000;
/// How old a Vapi HMAC's timestamp may be, in ms.
pub const VAPI_MAX_AGE_MS: i64 = 5 * 60 * 1000;

/// Why a webhook's signature is refused (401; nothing is relayed).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// No signature where the provider sends one.
    #[error("no {0} header")]
    Missing(&'static str),
    /// A signature header that is not in the provider's format.
    #[error("the {0} header is not in the provider's format")]
    Malformed(&'static str),
    /// Signed too long ago (or too far ahead): a replay, or a wrong clock.
    #[error("the signature's timestamp is outside the accepted window")]
    Stale,
    /// The signature does not match the body and secret.
    #[error("the signature does not match")]
    Mismatch,
}

fn header<'a>(headers: &'a HeaderMap, name: &'static str) -> Result<&'a str, Refused> {
    headers
        .get(name)
        .ok_or(Refused::Missing(name))?
        .to_str()
        .map(str::trim)
        .map_err(|_| Refused::Malformed(name))
}

/// Bytes from lowercase or uppercase hex (none if not hex).
fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Whether `mac` over `parts` with `key` is `expected`, in constant time.
fn matches(key: &[u8], parts: &[&[u8]], expected: &[u8]) -> bool {
    let Ok(mut mac) = HmacSha256::new_from_slice(key) else {
        return false;
    };
    for p in parts {
        mac.update(p);
    }
    mac.verify_slice(expected).is_ok()
}

/// The hex HMAC-SHA256 of `parts` with `key` (for signing test and mock
/// deliveries the way each provider does).
pub fn hmac_hex(key: &[u8], parts: &[&[u8]]) -> String {
    let mut mac =
        HmacSha256::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    for p in parts {
        mac.update(p);
    }
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The headers provider `p` signs a webhook `body` with, at `now_ms`, as
/// its own servers do (the dev server's deliveries, and tests); none for
/// a provider that sends no webhooks.
pub fn sign(p: Provider, secret: &str, body: &[u8], now_ms: i64) -> Vec<(&'static str, String)> {
    let key = secret.as_bytes();
    match p {
        Provider::Retell => {
            let stamp = now_ms.to_string();
            let digest = hmac_hex(key, &[body, stamp.as_bytes()]);
            vec![("x-retell-signature", format!("v={stamp},d={digest}"))]
        }
        Provider::ElevenLabs => {
            let stamp = (now_ms / 1000).to_string();
            let digest = hmac_hex(key, &[stamp.as_bytes(), b".", body]);
            vec![("elevenlabs-signature", format!("t={stamp},v0={digest}"))]
        }
        Provider::Bland => vec![("x-webhook-signature", hmac_hex(key, &[body]))],
        Provider::Vapi => vec![("x-vapi-secret", secret.to_owned())],
        _ => Vec::new(),
    }
}

/// A whole number of decimal digits (no sign, no overflow).
fn digits(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Checks provider `p`'s webhook: `headers`, the raw `body`, the
/// `secret`, at `now_ms` (Unix ms).
pub fn verify(
    p: Provider,
    secret: &str,
    headers: &HeaderMap,
    body: &[u8],
    now_ms: i64,
) -> Result<(), Refused> {
    let key = secret.as_bytes();
    match p {
        Provider::Retell => {
            const NAME: &str = "x-retell-signature";
            let value = header(headers, NAME)?;
            let (v, d) = value
                .strip_prefix("v=")
                .and_then(|rest| rest.split_once(",d="))
                .ok_or(Refused::Malformed(NAME))?;
            let at = digits(v).ok_or(Refused::Malformed(NAME))?;
            let digest = unhex(d)
                .filter(|d| d.len() == 32)
                .ok_or(Refused::Malformed(NAME))?;
            if (now_ms - at).abs() > RETELL_WINDOW_MS {
                return Err(Refused::Stale);
            }
            // The SDK signs the number as it writes it (no leading zeros).
            let stamp = at.to_string();
            ok(matches(key, &[body, stamp.as_bytes()], &digest))
        }
        Provider::ElevenLabs => {
            const NAME: &str = "elevenlabs-signature";
            let value = header(headers, NAME)?;
            let mut stamp = None;
            let mut signatures = Vec::new();
            for part in value.split(',').map(str::trim) {
                if let Some(t) = part.strip_prefix("t=") {
                    stamp = Some(t);
                } else if let Some(v0) = part.strip_prefix("v0=") {
                    signatures.push(
                        unhex(v0)
                            .filter(|d| d.len() == 32)
                            .ok_or(Refused::Malformed(NAME))?,
                    );
                }
            }
            let stamp = stamp.ok_or(Refused::Malformed(NAME))?;
            let at = digits(stamp)
                .ok_or(Refused::Malformed(NAME))?
                .saturating_mul(1000);
            if signatures.is_empty() {
                return Err(Refused::Malformed(NAME));
            }
            if now_ms - at > ELEVENLABS_MAX_AGE_MS || at - now_ms > AHEAD_MS {
                return Err(Refused::Stale);
            }
            // Signed as the header writes the timestamp.
            ok(signatures
                .iter()
                .any(|s| matches(key, &[stamp.as_bytes(), b".", body], s)))
        }
        Provider::Bland => {
            const NAME: &str = "x-webhook-signature";
            let value = header(headers, NAME)?;
            let digest = unhex(value)
                .filter(|d| d.len() == 32)
                .ok_or(Refused::Malformed(NAME))?;
            ok(matches(key, &[body], &digest))
        }
        Provider::Vapi => verify_vapi(key, headers, body, now_ms),
        _ => Err(Refused::Mismatch),
    }
}

fn ok(matched: bool) -> Result<(), Refused> {
    if matched {
        Ok(())
    } else {
        Err(Refused::Mismatch)
    }
}

/// Vapi: whichever of its credentials the request carries.
fn verify_vapi(key: &[u8], headers: &HeaderMap, body: &[u8], now_ms: i64) -> Result<(), Refused> {
    const SIGNATURE: &str = "x-signature";
    const TIMESTAMP: &str = "x-timestamp";
    if headers.contains_key(SIGNATURE) {
        let value = header(headers, SIGNATURE)?;
        let value = value.strip_prefix("sha256=").unwrap_or(value);
        let digest = unhex(value)
            .filter(|d| d.len() == 32)
            .ok_or(Refused::Malformed(SIGNATURE))?;
        let stamp = header(headers, TIMESTAMP)?;
        let at = digits(stamp).ok_or(Refused::Malformed(TIMESTAMP))?;
        // Seconds or milliseconds, as the credential is set up.
        let at_ms = if at < 100_000_000_000 {
            at.saturating_mul(1000)
        } else {
            at
        };
        if now_ms - at_ms > VAPI_MAX_AGE_MS || at_ms - now_ms > AHEAD_MS {
            return Err(Refused::Stale);
        }
        return ok(matches(key, &[stamp.as_bytes(), b".", body], &digest));
    }
    let given = if let Ok(secret) = header(headers, "x-vapi-secret") {
        secret
    } else if let Some(token) = header(headers, "authorization")
        .ok()
        .and_then(|a| a.strip_prefix("Bearer "))
    {
        token.trim()
    } else {
        return Err(Refused::Missing(
            "x-vapi-secret, authorization or x-signature",
        ));
    };
    // Compared as digests: in constant time, and not telling the length.
    ok(bool::from(
        Sha256::digest(given.as_bytes()).ct_eq(&Sha256::digest(key)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    /// What the dev server signs, each provider's check takes (and the
    /// Retell SDK's vector above pins that check to Retell's own).
    #[test]
    fn signed_as_each_provider_signs() {
        let body = br#"{"event":"call_started"}"#;
        let at = 1_700_000_000_000_i64;
        for p in [
            Provider::Retell,
            Provider::Vapi,
            Provider::ElevenLabs,
            Provider::Bland,
        ] {
            let signed = sign(p, "s3cret", body, at);
            let pairs: Vec<(&'static str, &str)> =
                signed.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(
                verify(p, "s3cret", &headers(&pairs), body, at + 1_000),
                Ok(()),
                "{p}"
            );
            assert_eq!(
                verify(p, "other", &headers(&pairs), body, at + 1_000),
                Err(Refused::Mismatch),
                "{p}"
            );
        }
        assert!(sign(Provider::AgentVoice, "s3cret", body, at).is_empty());
    }

    /// The vector in `retell-sdk`'s own tests (TypeScript
    /// `tests/webhook-auth.test.ts` and Python `tests/test_webhook_auth.py`).
    #[test]
    fn retell_sdks_vector() {
        let body = br#"{"event":"call_ended"}"#;
        let at = 1_700_000_000_000_i64;
        let sig =
            "v=1700000000000,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e";
        let h = headers(&[("x-retell-signature", sig)]);
        assert_eq!(
            verify(Provider::Retell, "test-api-key", &h, body, at),
            Ok(())
        );
        // As the SDK's tests: the window's edges, inclusive.
        assert_eq!(
            verify(
                Provider::Retell,
                "test-api-key",
                &h,
                body,
                at + RETELL_WINDOW_MS
            ),
            Ok(())
        );
        assert_eq!(
            verify(
                Provider::Retell,
                "test-api-key",
                &h,
                body,
                at - RETELL_WINDOW_MS
            ),
            Ok(())
        );
        assert_eq!(
            verify(
                Provider::Retell,
                "test-api-key",
                &h,
                body,
                at + RETELL_WINDOW_MS + 1
            ),
            Err(Refused::Stale)
        );
        assert_eq!(
            verify(
                Provider::Retell,
                "test-api-key",
                &h,
                body,
                at - RETELL_WINDOW_MS - 1
            ),
            Err(Refused::Stale)
        );
        assert_eq!(
            verify(Provider::Retell, "wrong-api-key", &h, body, at),
            Err(Refused::Mismatch)
        );
        assert_eq!(
            verify(
                Provider::Retell,
                "test-api-key",
                &h,
                br#"{"event":"call_ended"} "#,
                at
            ),
            Err(Refused::Mismatch)
        );
        assert_eq!(
            hmac_hex(b"test-api-key", &[body, b"1700000000000"]),
            &sig[18..]
        );
        for bad in [
            "",
            "v=1700000000000",
            "d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e,v=1700000000000",
            "v=1700000000000,d=not-hex",
            "v=1700000000000,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e33218",
            "v=999999999999999999999999,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e",
            "v=-1700000000000,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e",
        ] {
            let h = headers(&[("x-retell-signature", bad)]);
            assert_eq!(
                verify(Provider::Retell, "test-api-key", &h, body, at),
                Err(Refused::Malformed("x-retell-signature")),
                "{bad:?}"
            );
        }
        assert_eq!(
            verify(
                Provider::Retell,
                "test-api-key",
                &HeaderMap::new(),
                body,
                at
            ),
            Err(Refused::Missing("x-retell-signature"))
        );
    }

    /// The `elevenlabs` Python SDK's test (`test_construct_event_mocked_time`):
    /// its body as `json.dumps` writes it, its secret and its time, with
    /// the digest computed apart (Python's hmac, and openssl).
    #[test]
    fn elevenlabs_sdk_case() {
        let body = br#"{"event_type": "speech.completed", "id": "123456"}"#;
        let at = 1_600_000_000_000_i64;
        let sig =
            "t=1600000000,v0=f8a0d1dc33ee963cb54d2f31514555995e93313c9d2042c030adbb82b87fae13";
        let h = headers(&[("elevenlabs-signature", sig)]);
        assert_eq!(
            verify(Provider::ElevenLabs, "test_secret", &h, body, at),
            Ok(())
        );
        assert_eq!(
            verify(
                Provider::ElevenLabs,
                "test_secret",
                &h,
                body,
                at + ELEVENLABS_MAX_AGE_MS
            ),
            Ok(())
        );
        // The SDK's own expired case: 31 minutes old.
        assert_eq!(
            verify(
                Provider::ElevenLabs,
                "test_secret",
                &h,
                body,
                at + 31 * 60 * 1000
            ),
            Err(Refused::Stale)
        );
        assert_eq!(
            verify(
                Provider::ElevenLabs,
                "test_secret",
                &h,
                body,
                at - AHEAD_MS - 1000
            ),
            Err(Refused::Stale)
        );
        assert_eq!(
            verify(Provider::ElevenLabs, "other", &h, body, at),
            Err(Refused::Mismatch)
        );
        let h = headers(&[("elevenlabs-signature", "t=1600000000")]);
        assert_eq!(
            verify(Provider::ElevenLabs, "test_secret", &h, body, at),
            Err(Refused::Malformed("elevenlabs-signature"))
        );
        let h = headers(&[(
            "elevenlabs-signature",
            "t=x,v0=f8a0d1dc33ee963cb54d2f31514555995e93313c9d2042c030adbb82b87fae13",
        )]);
        assert_eq!(
            verify(Provider::ElevenLabs, "test_secret", &h, body, at),
            Err(Refused::Malformed("elevenlabs-signature"))
        );
    }

    /// Bland's scheme (its webhook-signing tutorial: hex HMAC-SHA256 of the
    /// body); the digest computed apart (Python's hmac, and openssl).
    #[test]
    fn bland_signs_the_body() {
        let body = br#"{"call_id":"12345678-1234-1234-1234-123456789012","completed":true}"#;
        let sig = "11395973a077031aa71a95be83f48e8298323d22ed1e497548f87f9648825da3";
        let h = headers(&[("x-webhook-signature", sig)]);
        assert_eq!(
            verify(Provider::Bland, "whsec_test_bland", &h, body, 0),
            Ok(())
        );
        let spaced = br#"{"call_id": "12345678-1234-1234-1234-123456789012", "completed": true}"#;
        assert_eq!(
            verify(Provider::Bland, "whsec_test_bland", &h, spaced, 0),
            Err(Refused::Mismatch)
        );
        assert_eq!(
            verify(
                Provider::Bland,
                "whsec_test_bland",
                &HeaderMap::new(),
                body,
                0
            ),
            Err(Refused::Missing("x-webhook-signature"))
        );
    }

    #[test]
    fn vapi_takes_its_three_credentials() {
        let body = br#"{"message":{"type":"status-update"}}"#;
        let now = 1_700_000_000_000_i64;
        let secret = "vapi-secret-1";
        assert_eq!(
            verify(
                Provider::Vapi,
                secret,
                &headers(&[("x-vapi-secret", secret)]),
                body,
                now
            ),
            Ok(())
        );
        assert_eq!(
            verify(
                Provider::Vapi,
                secret,
                &headers(&[("x-vapi-secret", "vapi-secret-2")]),
                body,
                now
            ),
            Err(Refused::Mismatch)
        );
        assert_eq!(
            verify(
                Provider::Vapi,
                secret,
                &headers(&[("authorization", "Bearer vapi-secret-1")]),
                body,
                now
            ),
            Ok(())
        );
        let stamp = (now / 1000).to_string();
        let sig = hmac_hex(secret.as_bytes(), &[stamp.as_bytes(), b".", body]);
        let signed = headers(&[("x-signature", &sig), ("x-timestamp", &stamp)]);
        assert_eq!(verify(Provider::Vapi, secret, &signed, body, now), Ok(()));
        assert_eq!(
            verify(
                Provider::Vapi,
                secret,
                &signed,
                body,
                now + VAPI_MAX_AGE_MS + 1000
            ),
            Err(Refused::Stale)
        );
        assert_eq!(
            verify(Provider::Vapi, secret, &signed, b"{}", now),
            Err(Refused::Mismatch)
        );
        assert_eq!(
            verify(Provider::Vapi, secret, &HeaderMap::new(), body, now),
            Err(Refused::Missing(
                "x-vapi-secret, authorization or x-signature"
            ))
        );
    }
}
