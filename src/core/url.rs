//! URL hygiene: only `http:`/`https:` (or relative) URLs from provider data
//! ever reach an `<audio src>` or a link.

/// Returns the URL if it is safe to put in `src` or `href`: absolute `http:`
/// or `https:`, protocol-relative, or relative. Anything with another scheme
/// (`javascript:`, `data:`, `vbscript:`, `file:`, ...) is `None`.
///
/// Browsers strip leading C0 controls and spaces and remove tabs and
/// newlines anywhere before reading the scheme (`java\tscript:` runs), so the
/// check looks at the URL the same way and returns that cleaned form.
pub fn safe_url(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() || cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    // A ':' before any '/' or '?' makes the text before it a scheme (or
    // something a browser may read as one, such as an entity-encoded
    // `jav&#x61;script:`): only http and https pass.
    let scheme_end = cleaned.find([':', '/', '?']);
    match scheme_end {
        Some(i) if cleaned.get(i..i + 1) == Some(":") => {
            let scheme = cleaned.get(..i)?.to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https").then_some(cleaned)
        }
        _ => Some(cleaned),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn http_and_relative_pass() {
        for ok in [
            "https://storage.example.com/recordings/abc123.mp3",
            "http://localhost:8080/a.wav",
            "HTTPS://EXAMPLE.COM/x",
            "//cdn.example.com/a.mp3",
            "/voice-proxy/rec/1.wav",
            "rec/1.wav",
            "?a=1",
            "/a:b",
        ] {
            assert!(safe_url(ok).is_some(), "{ok}");
        }
    }

    #[test]
    fn other_schemes_never_pass() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0001}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://x/1",
            "jav&#x61;script:alert(1)",
            "",
            "   ",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn cleaned_form_is_returned() {
        assert_eq!(
            safe_url("  https://a/b\n.mp3 ").as_deref(),
            Some("https://a/b.mp3")
        );
    }
}
