//! The command line as a whole: clap's own consistency checks, examples in every `--help`,
//! completion scripts for each shell, and `--lang` reaching every command's failure message.

use std::process::{Command, Output, Stdio};

use clap::CommandFactory as _;
use hyoka::cli::Cli;

fn hyoka_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn hyoka(args: &[&str]) -> Output {
    hyoka_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

#[test]
fn the_definitions_pass_clap_s_own_checks() {
    Cli::command().debug_assert();
}

#[test]
fn every_command_s_help_ends_with_examples_of_itself() {
    let names = subcommands();
    assert!(names.len() >= 12, "{names:?}");
    for name in names {
        let output = hyoka(&[&name, "--help"]);
        assert_eq!(output.status.code(), Some(0), "{name}");
        let help = String::from_utf8(output.stdout).unwrap();
        let examples = help
            .split_once("Examples:\n")
            .unwrap_or_else(|| panic!("`hyoka {name} --help` shows no examples:\n{help}"))
            .1;
        let lines: Vec<&str> = examples.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(!lines.is_empty(), "{name}");
        for line in lines {
            assert!(
                line.starts_with("  hyoka "),
                "`hyoka {name} --help`: an example that is not a command line: {line:?}"
            );
        }
        assert!(
            examples.contains(&format!("hyoka {name}")) || examples.contains(&format!(" {name} ")),
            "`hyoka {name} --help`: no example uses {name}:\n{examples}"
        );
    }
}

#[test]
fn completion_scripts_know_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = hyoka(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for name in subcommands() {
            assert!(script.contains(&name), "{shell} completion lacks {name}");
        }
        // fish writes long options as `-l lang`.
        assert!(script.contains("lang"), "{shell} completion lacks --lang");
    }
    // bash itself accepts the bash script.
    let script = hyoka(&["completions", "bash"]).stdout;
    let dir = std::env::temp_dir().join(format!("hyoka-completions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hyoka.bash");
    std::fs::write(&file, script).unwrap();
    let check = Command::new("bash").arg("-n").arg(&file).output().unwrap();
    assert!(check.status.success(), "{check:?}");
    assert_eq!(hyoka(&["completions", "cmd.exe"]).status.code(), Some(2));
}

fn has_kana(text: &str) -> bool {
    text.chars().any(|c| ('\u{3041}'..='\u{30ff}').contains(&c))
}

/// Each command run so that it fails on a path that does not exist (or a missing flag): in
/// Japanese by default, with no Japanese word of hyoka's own under `--lang en`.
#[test]
fn every_command_fails_in_the_chosen_language() {
    let dir = std::env::temp_dir().join(format!("hyoka-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: &[&[&str]] = &[
        &["init", "new-one", "--from", "missing"],
        &["validate", "missing"],
        &["render", "missing"],
        &["build", "missing"],
        &["serve", "missing", "--port", "0"],
        &["watch", "missing"],
        &["snapshot", "missing"],
        &["diff", "missing", "missing-too"],
        &["check", "missing"],
        &["threshold", "--people", "150000"],
    ];
    let covered: Vec<&str> = cases.iter().map(|c| c[0]).collect();
    for name in subcommands() {
        assert!(
            covered.contains(&name.as_str()) || ["completions", "schema"].contains(&name.as_str()),
            "add a failing case of `{name}` here"
        );
    }
    for args in cases {
        let ja = hyoka_in(&dir, args);
        let mut english = vec!["--lang", "en"];
        english.extend_from_slice(args);
        let en = hyoka_in(&dir, &english);
        for (lang, output) in [("ja", &ja), ("en", &en)] {
            assert_eq!(output.status.code(), Some(2), "{lang} {args:?}: {output:?}");
        }
        let ja_text = String::from_utf8_lossy(&ja.stderr);
        let en_text = String::from_utf8_lossy(&en.stderr);
        assert!(has_kana(&ja_text), "{args:?} in Japanese: {ja_text}");
        assert!(!has_kana(&en_text), "{args:?} under --lang en: {en_text}");
    }
}
