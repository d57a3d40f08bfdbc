//! Just enough HTTP/1.1 for a local preview: read one request, write one response, close.
//!
//! Every connection carries one request (`Connection: close`), so there is no keep-alive,
//! chunking or pipelining to get wrong. `GET` and `HEAD` read pages; `POST` (the editor's
//! saves) carries a body of a stated `Content-Length`, bounded like the head, so a slow or
//! oversized client cannot hold a thread or the memory for long.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::Duration;

/// The largest request head accepted (request line and headers).
const MAX_HEAD: usize = 16 * 1024;
/// The largest request body accepted: the longest value a document may hold (a million
/// characters, see `load::Limits`) in UTF-8 and JSON escaping, with room for the rest.
pub const MAX_BODY: usize = 4 * 1024 * 1024;
/// How long a client may take to send its request head.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// A parsed request: method, decoded path, query pairs, headers and body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    /// `GET`, `HEAD` or `POST` (others are refused before routing).
    pub method: String,
    /// The path, percent-decoded (always starts with `/`).
    pub path: String,
    /// The query's `name=value` pairs, percent-decoded.
    pub query: Vec<(String, String)>,
    /// The `Host` header, when sent.
    pub host: Option<String>,
    /// Every header, names in lower case, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body of a `POST` (empty otherwise).
    pub body: Vec<u8>,
}

impl Request {
    /// The first value of a query parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of a header (`name` in lower case), when it was sent once; `None` when it was
    /// not sent or sent twice (ambiguous, so treated as absent).
    pub fn header(&self, name: &str) -> Option<&str> {
        let mut values = self.headers.iter().filter(|(n, _)| n == name);
        match (values.next(), values.next()) {
            (Some((_, v)), None) => Some(v.as_str()),
            _ => None,
        }
    }
}

/// Why a request could not be read; each becomes a 4xx answer (or none, when the client left).
#[derive(Debug, PartialEq, Eq)]
pub enum BadRequest {
    /// The connection closed or timed out before a whole head arrived.
    Gone,
    /// The head is malformed (400).
    Malformed,
    /// The head is too large (431).
    TooLarge,
    /// A `POST` without a `Content-Length` (411).
    LengthRequired,
    /// A body larger than [`MAX_BODY`] (413).
    BodyTooLarge,
}

impl BadRequest {
    /// The status code of the answer.
    pub fn status(&self) -> u16 {
        match self {
            BadRequest::TooLarge => 431,
            BadRequest::LengthRequired => 411,
            BadRequest::BodyTooLarge => 413,
            BadRequest::Gone | BadRequest::Malformed => 400,
        }
    }
}

/// Reads one request from `stream`: the head, then for a `POST` its body.
pub fn read_request(stream: &mut impl Read) -> Result<Request, BadRequest> {
    let mut reader = BufReader::new(stream);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let mut line = Vec::new();
        // Never more than the head's budget, however long the line.
        let budget = (MAX_HEAD + 1).saturating_sub(total) as u64;
        let n = (&mut reader)
            .take(budget)
            .read_until(b'\n', &mut line)
            .map_err(|_| BadRequest::Gone)?;
        total += n;
        if total > MAX_HEAD {
            return Err(BadRequest::TooLarge);
        }
        if n == 0 || !line.ends_with(b"\n") {
            return Err(BadRequest::Gone);
        }
        let line = String::from_utf8(line).map_err(|_| BadRequest::Malformed)?;
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.is_empty() {
            if lines.is_empty() {
                continue; // Tolerate a blank line before the request line (RFC 9112 §2.2).
            }
            break;
        }
        lines.push(line);
    }
    let mut request = parse_head(&lines)?;
    if request.method == "POST" {
        if request.header("transfer-encoding").is_some() {
            return Err(BadRequest::LengthRequired);
        }
        let length: usize = request
            .header("content-length")
            .ok_or(BadRequest::LengthRequired)?
            .parse()
            .map_err(|_| BadRequest::Malformed)?;
        if length > MAX_BODY {
            return Err(BadRequest::BodyTooLarge);
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).map_err(|_| BadRequest::Gone)?;
        request.body = body;
    }
    Ok(request)
}

/// Parses the request line and headers.
fn parse_head(lines: &[String]) -> Result<Request, BadRequest> {
    let mut parts = lines
        .first()
        .ok_or(BadRequest::Malformed)?
        .split(' ')
        .filter(|p| !p.is_empty());
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(BadRequest::Malformed);
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(BadRequest::Malformed);
    }
    let mut host = None;
    let mut headers = Vec::new();
    for line in &lines[1..] {
        let (name, value) = line.split_once(':').ok_or(BadRequest::Malformed)?;
        if name.eq_ignore_ascii_case("host") {
            if host.is_some() {
                return Err(BadRequest::Malformed); // Two Host headers: ambiguous, refuse.
            }
            host = Some(value.trim().to_string());
        }
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    let (raw_path, raw_query) = target.split_once('?').unwrap_or((target, ""));
    let path = percent_decode(raw_path, false).ok_or(BadRequest::Malformed)?;
    let query = raw_query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((percent_decode(n, true)?, percent_decode(v, true)?))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(BadRequest::Malformed)?;
    Ok(Request {
        method: method.to_string(),
        path,
        query,
        host,
        headers,
        body: Vec::new(),
    })
}

/// Decodes `%XX` escapes (and `+` as a space in a query); `None` when an escape is broken or
/// the result is not UTF-8 or holds a control character, so odd bytes never reach routing.
pub fn percent_decode(text: &str, plus_is_space: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out)
        .ok()
        .filter(|s| !s.chars().any(char::is_control))
}

/// Encodes a path segment or query value: everything but unreserved ASCII becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Encodes a relative folder path (`a/b`) for a URL, keeping its slashes.
pub fn encode_path(name: &str) -> String {
    name.split('/')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a `Host` header names this server: `localhost` or the bound address, with the bound
/// port. This is the guard against DNS rebinding, where a hostile page's own name is made to
/// resolve to 127.0.0.1 and the browser then sends that name. An IP literal cannot be rebound,
/// so when bound to every interface (`0.0.0.0`, `::`) any IP literal is accepted.
pub fn host_allowed(host: &str, bound: SocketAddr) -> bool {
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !port.contains(']') => (name, port.parse::<u16>().ok()),
        _ => (host, Some(80)),
    };
    if port != Some(bound.port()) {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let literal = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    // A bare IPv6 address must be bracketed in a Host header.
    if literal == name && literal.contains(':') {
        return false;
    }
    match literal.parse::<IpAddr>() {
        Ok(ip) => ip == bound.ip() || bound.ip().is_unspecified(),
        Err(_) => false,
    }
}

/// A response to write.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers beyond the ones every response gets (see [`write_response`]).
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body of `content_type`.
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Writes `response` and closes the exchange: `Content-Length`, `Connection: close`,
/// `X-Content-Type-Options: nosniff`, no caching and no referrer are added to every response.
/// A `HEAD` request gets the headers only.
pub fn write_response(stream: &mut TcpStream, response: &Response, head_only: bool) {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        // Header values are hyoka's own; a line break could never come from a request.
        let value = value.replace(['\r', '\n'], " ");
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\
         Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n\r\n",
        response.body.len()
    ));
    // A client that went away is no error of the server's.
    let _ = stream.write_all(head.as_bytes());
    if !head_only {
        let _ = stream.write_all(&response.body);
    }
    let _ = stream.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Request, BadRequest> {
        read_request(&mut text.as_bytes())
    }

    #[test]
    fn a_request_head_is_parsed_and_decoded() {
        let r = parse("GET /a/%E9%AB%98%E5%B2%A1/review?from=2024-05-27&x=a+b HTTP/1.1\r\nHost: localhost:8080\r\n\r\n").unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.path, "/a/高岡/review");
        assert_eq!(r.param("from"), Some("2024-05-27"));
        assert_eq!(r.param("x"), Some("a b"));
        assert_eq!(r.host.as_deref(), Some("localhost:8080"));
    }

    #[test]
    fn malformed_heads_are_refused() {
        for head in [
            "GET\r\n\r\n",
            "GET http://evil/ HTTP/1.1\r\n\r\n",
            "GET / HTTP/2\r\n\r\n",
            "GET /%zz HTTP/1.1\r\n\r\n",
            "GET /%00 HTTP/1.1\r\n\r\n",
            "GET /%ff HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "GET / HTTP/1.1\r\nno colon\r\n\r\n",
        ] {
            assert_eq!(parse(head), Err(BadRequest::Malformed), "{head:?}");
        }
        assert_eq!(parse("GET / HTTP/1.1\r\n"), Err(BadRequest::Gone));
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(parse(&huge), Err(BadRequest::TooLarge));
    }

    #[test]
    fn a_post_carries_a_bounded_body_of_its_stated_length() {
        let r = parse("POST /a/x/edit/save HTTP/1.1\r\nHost: h:1\r\nContent-Length: 7\r\nOrigin: http://h:1\r\n\r\n{\"a\":1}").unwrap();
        assert_eq!(r.body, b"{\"a\":1}");
        assert_eq!(r.header("origin"), Some("http://h:1"));
        assert_eq!(
            parse("POST / HTTP/1.1\r\nHost: h\r\n\r\n"),
            Err(BadRequest::LengthRequired)
        );
        assert_eq!(
            parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\nx"),
            Err(BadRequest::LengthRequired)
        );
        let huge = format!(
            "POST / HTTP/1.1\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY + 1
        );
        assert_eq!(parse(&huge), Err(BadRequest::BodyTooLarge));
        assert_eq!(
            parse("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nshort"),
            Err(BadRequest::Gone)
        );
        // A header sent twice is as good as none.
        let twice = parse("GET / HTTP/1.1\r\nOrigin: a\r\nOrigin: b\r\n\r\n").unwrap();
        assert_eq!(twice.header("origin"), None);
    }

    #[test]
    fn only_this_servers_names_are_hosts() {
        let local: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        assert!(host_allowed("127.0.0.1:8080", local));
        assert!(host_allowed("localhost:8080", local));
        assert!(host_allowed("LOCALHOST:8080", local));
        assert!(!host_allowed("evil.example:8080", local));
        assert!(!host_allowed("127.0.0.1:8081", local));
        assert!(!host_allowed("127.0.0.1", local));
        assert!(!host_allowed("10.0.0.1:8080", local));
        assert!(!host_allowed("", local));
        let v6: SocketAddr = "[::1]:80".parse().unwrap();
        assert!(host_allowed("[::1]", v6) && host_allowed("[::1]:80", v6));
        assert!(!host_allowed("::1", v6));
        let any: SocketAddr = "0.0.0.0:9000".parse().unwrap();
        assert!(host_allowed("192.0.2.7:9000", any));
        assert!(!host_allowed("rebind.example:9000", any));
    }

    #[test]
    fn encoding_round_trips() {
        let name = "高岡 市/a&b";
        assert_eq!(
            percent_decode(&encode_path(name), false).as_deref(),
            Some(name)
        );
        assert_eq!(percent_encode("a/b"), "a%2Fb");
    }
}
