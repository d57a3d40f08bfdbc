//! A running `hyoka serve` for the tests, and raw HTTP requests to it.

#![allow(dead_code, unreachable_pub)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

pub const EXAMPLE: &str = "takaoka-vaccination";

pub fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A ROOT holding a copy of the example (with its `versions/`).
pub fn example_root(name: &str) -> PathBuf {
    let root = temp(name);
    copy_dir(
        &manifest().join("assessments").join(EXAMPLE),
        &root.join(EXAMPLE),
    );
    root
}

/// A running `hyoka serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    pub url: String,
    _stdout: BufReader<ChildStdout>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(root: &Path, extra: &[&str]) -> Server {
    start_with(root, extra, &[])
}

/// Starts `hyoka [extra] serve ROOT --port 0 [options]`.
pub fn start_with(root: &Path, extra: &[&str], options: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(extra)
        .arg("serve")
        .arg(root)
        .args(["--port", "0"])
        .args(options)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let url = line.trim().to_string();
    let addr = url
        .strip_prefix("http://")
        .and_then(|u| u.strip_suffix('/'))
        .unwrap_or_else(|| panic!("first line is not the URL: {line:?}"))
        .parse()
        .unwrap();
    Server {
        child,
        addr,
        url,
        _stdout: stdout,
    }
}

/// A response: status, the head's header lines, body.
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }
}

/// Sends raw request bytes and reads the whole answer (the server closes each connection).
pub fn raw(addr: SocketAddr, request: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(bytes[..split].to_vec()).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        head,
        body: bytes[split + 4..].to_vec(),
    }
}

/// GET `target` with a correct Host header.
pub fn get(server: &Server, target: &str) -> Reply {
    raw(
        server.addr,
        &format!(
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.addr
        ),
    )
}

/// POST `body` to `target` with a correct Host header and `headers`.
pub fn post(server: &Server, target: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    let mut request = format!("POST {target} HTTP/1.1\r\nHost: {}\r\n", server.addr);
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    raw(server.addr, &request)
}

/// The headers the editing page's script sends: same origin, the page's token, JSON.
pub fn page_headers<'a>(origin: &'a str, token: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("Origin", origin),
        ("Sec-Fetch-Site", "same-origin"),
        ("X-Hyoka-Token", token),
        ("Content-Type", "application/json"),
    ]
}

/// An attribute's value as the HTML holds it, unescaped.
pub fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The value of the first `name="…"` attribute after `from` in `html`.
pub fn attribute(html: &str, from: usize, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let at = html[from..].find(&needle)? + from + needle.len();
    let end = html[at..].find('"')? + at;
    Some(unescape(&html[at..end]))
}

/// The token an editing or review page carries.
pub fn token_of(html: &str) -> String {
    attribute(html, 0, "data-token").expect("the page carries a token")
}

/// Each field of an editing page: key path, block ids (JSON) and fingerprint.
pub fn fields_of(html: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find("<div class=\"field ") {
        let start = at + i;
        let path = attribute(html, start, "data-path").unwrap();
        let ids = attribute(html, start, "data-ids").unwrap();
        let base = attribute(html, start, "data-base").unwrap();
        out.push((path, ids, base));
        at = start + 10;
    }
    out
}
