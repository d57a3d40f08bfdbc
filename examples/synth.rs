//! Writes synthetic assessments for benchmarks (see `bench/compare.sh`).
//!
//! `cargo run --release --example synth -- OUT COUNT [BLOCKS]` writes COUNT assessment folders
//! `OUT/synth-001/` … , each the bundled example grown to BLOCKS (default 1: the example's
//! own size) システム, 委託事項, 提供先 and 移転先, with its own 事務の名称 so no two are alike.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(Ok(count))) = (args.first(), args.get(1).map(|n| n.parse::<usize>()))
    else {
        eprintln!("usage: synth OUT COUNT [BLOCKS]");
        return ExitCode::from(2);
    };
    let blocks = args
        .get(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
        .clamp(1, 20);
    for i in 1..=count {
        let dir = PathBuf::from(out).join(format!("synth-{i:03}"));
        if let Err(e) = synth::write(&dir, blocks, i) {
            eprintln!("synth: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
