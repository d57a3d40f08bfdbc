//! The guard of every state-changing request (a save, a kept version, a recorded change).
//!
//! `hyoka serve` listens on 127.0.0.1 and answers only requests for its own name (the `Host`
//! guard of [`super::http`]), but a page of another site open in the same browser can still
//! send requests to it. So a request that writes must carry the token the editing page was
//! served with — random per process, never in a URL — and come from the server's own origin:
//! `Origin` equal to `http://` and the request's (guarded) `Host`, and `Sec-Fetch-Site`, when
//! the browser sends it, `same-origin`. A JSON body is required, which a cross-site HTML form
//! cannot send. Anything else is refused with 403 before the request is read further.

use std::hash::{BuildHasher, Hasher};
use std::io::Read;

use super::http::Request;

/// The header that carries the token.
pub const TOKEN_HEADER: &str = "x-hyoka-token";

/// A new random token: 32 bytes from the operating system's generator (`/dev/urandom`), or
/// where there is none, from the standard library's randomly keyed hashers. 64 hex digits.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    let from_os = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .is_ok();
    if !from_os {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            // Each RandomState is keyed from the system's randomness; the hash of a counter
            // under a secret key cannot be guessed without the key.
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_usize(i);
            h.write_u128(nanos);
            h.write_u32(std::process::id());
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares without stopping at the first difference, so the time taken says nothing of how
/// much of a guess was right.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Why a state-changing request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// `serve --read-only`.
    ReadOnly,
    /// No `Origin`, or another one (a cross-site request).
    Origin,
    /// A cross-site fetch by the browser's own account (`Sec-Fetch-Site`).
    FetchSite,
    /// No token, or a wrong one.
    Token,
    /// Not a JSON body.
    ContentType,
}

impl Refused {
    /// The reason, for the 403 answer (for developers; the page shows its own words).
    pub fn reason(self) -> &'static str {
        match self {
            Refused::ReadOnly => "editing is off (hyoka serve --read-only)\n",
            Refused::Origin => "a change must come from this server's own pages (Origin)\n",
            Refused::FetchSite => {
                "a change must come from this server's own pages (Sec-Fetch-Site)\n"
            }
            Refused::Token => "a change must carry the page's token\n",
            Refused::ContentType => "a change is sent as application/json\n",
        }
    }
}

/// Checks a state-changing request: editing on, same origin, the token, a JSON body. The
/// request's `Host` has passed the Host guard already.
pub fn check(request: &Request, token: &str, read_only: bool) -> Result<(), Refused> {
    if read_only {
        return Err(Refused::ReadOnly);
    }
    let host = request.host.as_deref().unwrap_or_default();
    match request.header("origin") {
        Some(origin) if origin.eq_ignore_ascii_case(&format!("http://{host}")) => {}
        _ => return Err(Refused::Origin),
    }
    if let Some(site) = request.header("sec-fetch-site")
        && site != "same-origin"
    {
        return Err(Refused::FetchSite);
    }
    match request.header(TOKEN_HEADER) {
        Some(sent) if same_secret(sent, token) => {}
        _ => return Err(Refused::Token),
    }
    let json = request
        .header("content-type")
        .and_then(|t| t.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    if !json {
        return Err(Refused::ContentType);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request {
        Request {
            method: "POST".into(),
            path: "/a/x/edit/save".into(),
            host: Some("127.0.0.1:8080".into()),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            ..Request::default()
        }
    }

    #[test]
    fn tokens_are_long_and_different() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn only_same_origin_json_with_the_token_passes() {
        let token = "t0k3n";
        let good = [
            ("origin", "http://127.0.0.1:8080"),
            ("sec-fetch-site", "same-origin"),
            (TOKEN_HEADER, token),
            ("content-type", "application/json; charset=utf-8"),
        ];
        assert_eq!(check(&request(&good), token, false), Ok(()));
        assert_eq!(check(&request(&good), token, true), Err(Refused::ReadOnly));
        let without = |name: &str| -> Vec<(&str, &str)> {
            good.iter().copied().filter(|(n, _)| *n != name).collect()
        };
        assert_eq!(
            check(&request(&without("origin")), token, false),
            Err(Refused::Origin)
        );
        assert_eq!(
            check(&request(&without(TOKEN_HEADER)), token, false),
            Err(Refused::Token)
        );
        assert_eq!(
            check(&request(&without("content-type")), token, false),
            Err(Refused::ContentType)
        );
        // Sec-Fetch-Site is checked when sent; older browsers do not send it.
        assert_eq!(
            check(&request(&without("sec-fetch-site")), token, false),
            Ok(())
        );
        let with = |name: &'static str, value: &'static str| -> Vec<(&'static str, &'static str)> {
            let mut h: Vec<(&'static str, &'static str)> =
                good.iter().copied().filter(|(n, _)| *n != name).collect();
            h.push((name, value));
            h
        };
        for origin in [
            "http://evil.example",
            "null",
            "http://127.0.0.1:8081",
            "https://127.0.0.1:8080",
        ] {
            assert_eq!(
                check(&request(&with("origin", origin)), token, false),
                Err(Refused::Origin),
                "{origin}"
            );
        }
        assert_eq!(
            check(
                &request(&with("sec-fetch-site", "cross-site")),
                token,
                false
            ),
            Err(Refused::FetchSite)
        );
        assert_eq!(
            check(&request(&with(TOKEN_HEADER, "t0k3m")), token, false),
            Err(Refused::Token)
        );
        assert_eq!(
            check(&request(&with("content-type", "text/plain")), token, false),
            Err(Refused::ContentType)
        );
    }
}
