//! Criterion benchmark of the editing page's round trip, as an officer waits for it: a save
//! sent to a running `hyoka serve` (the item patched, the file written atomically, the
//! assessment validated and its documents rendered) and then the preview's document fetched
//! with the new value in it. Each iteration saves a new value, so every save writes. Run:
//! `cargo bench --bench editor`; the median is in `target/criterion/editor/save → preview/new/estimates.json`.

// criterion_main! writes an undocumented `main`.
#![allow(missing_docs)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use hyoka::diag::Lang;
use hyoka::serve::{Config, Server};

const FIELD: &str = "基本情報.事務.事務の名称";

/// One request, the whole answer (the server closes each connection): status and body.
fn exchange(addr: SocketAddr, request: &[u8]) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).expect("the server listens");
    stream.write_all(request).expect("request sent");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("answer read");
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let status = String::from_utf8_lossy(&bytes[9..12]).parse().unwrap_or(0);
    (status, bytes[split + 4..].to_vec())
}

fn get(addr: SocketAddr, target: &str) -> Vec<u8> {
    let request = format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    let (status, body) = exchange(addr, request.as_bytes());
    assert_eq!(status, 200, "{target}");
    body
}

/// The value of the first `name="…"` attribute after `from`.
fn attribute(html: &str, from: usize, name: &str) -> String {
    let needle = format!(" {name}=\"");
    let at = html[from..].find(&needle).expect("the attribute") + from + needle.len();
    let end = html[at..].find('"').expect("its end") + at;
    html[at..end].to_string()
}

fn bench(c: &mut Criterion) {
    let root = std::env::temp_dir().join(format!("hyoka-bench-editor-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assessments/takaoka-vaccination");
    std::fs::create_dir_all(root.join("ex")).expect("a temporary folder");
    for file in [
        "assessment.yaml",
        "changes.yaml",
        "kiso.yaml",
        "kiso-changes.yaml",
    ] {
        std::fs::copy(example.join(file), root.join("ex").join(file)).expect("the example");
    }
    let server = Server::bind(&Config {
        root: root.clone(),
        bind: [127, 0, 0, 1].into(),
        port: 0,
        templates: None,
        lang: Lang::Ja,
        read_only: false,
    })
    .expect("the server binds");
    let url = server.url();
    let addr: SocketAddr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("an address");
    std::thread::spawn(move || server.run());
    let page = String::from_utf8(get(addr, "/a/ex/edit")).expect("UTF-8");
    let token = attribute(&page, 0, "data-token");
    let at = page
        .find(&format!("data-path=\"{FIELD}\""))
        .expect("the field");
    let mut base = attribute(&page, at, "data-base");
    let mut n = 0u64;
    let mut group = c.benchmark_group("editor");
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("save → preview", |b| {
        b.iter(|| {
            n += 1;
            let value = format!("予防接種に関する事務（{n}）");
            let body = serde_json::json!({"path": FIELD, "ids": [], "base": base, "value": value})
                .to_string();
            let request = format!(
                "POST /a/ex/edit/save HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
                 X-Hyoka-Token: {token}\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let (status, answer) = exchange(addr, request.as_bytes());
            assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
            let answer: serde_json::Value = serde_json::from_slice(&answer).expect("JSON");
            base = answer["base"].as_str().expect("a fingerprint").to_string();
            let document = get(addr, "/a/ex/document.html");
            let shown = String::from_utf8_lossy(&document);
            assert!(shown.contains(&value), "the preview shows the saved value");
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&root);
}

criterion_group!(benches, bench);
criterion_main!(benches);
