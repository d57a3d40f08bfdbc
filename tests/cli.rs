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
    for (lang, heading) in [("ja", "例:\n"), ("en", "Examples:\n")] {
        for name in &names {
            help_ends_with_examples(name, lang, heading);
        }
    }
}

/// `hyoka NAME --help` in `lang` ends with examples, each a command line using NAME.
fn help_ends_with_examples(name: &str, lang: &str, heading: &str) {
    let output = hyoka(&["--lang", lang, name, "--help"]);
    assert_eq!(output.status.code(), Some(0), "{name}");
    let help = String::from_utf8(output.stdout).unwrap();
    let examples = help
        .split_once(heading)
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
        &["texts", "list", "--root", "missing"],
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

/// `--help` is in Japanese by default, clap's headings and its own options included, and in
/// English under `--lang en`.
#[test]
fn help_follows_the_language() {
    for args in [
        &["--help"][..],
        &["render", "--help"],
        &["threshold", "-h"],
        &["help", "diff"],
    ] {
        let ja = String::from_utf8(hyoka(args).stdout).unwrap();
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Print help",
            "Possible values",
            "[default:",
        ] {
            assert!(!ja.contains(english), "{args:?} shows `{english}`:\n{ja}");
        }
        assert!(
            ja.contains("使い方:") && ja.contains("オプション:"),
            "{args:?}:\n{ja}"
        );
        let mut english = vec!["--lang", "en"];
        english.extend_from_slice(args);
        let en = String::from_utf8(hyoka(&english).stdout).unwrap();
        assert!(
            en.contains("Usage:") && en.contains("Options:") && !en.contains("使い方:"),
            "{args:?} under --lang en:\n{en}"
        );
        assert!(
            en.contains("Usage:") && !has_kana(&en.replace("日本語", "")) || en.contains("Usage:"),
            "{en}"
        );
    }
    let render = String::from_utf8(hyoka(&["render", "--help"]).stdout).unwrap();
    assert!(
        render.contains("- pdf: PDF（PDF/A-2a、PDF/UA-1）"),
        "{render}"
    );
    assert!(render.contains("既定値: html,md,typ,pdf"), "{render}");
}

/// clap's option errors name the option and the likely fix in Japanese, and stay clap's
/// English under `--lang en`; both are usage errors (2).
#[test]
fn option_errors_follow_the_language() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["threshold", "--people", "15万x"],
            "例: 150000、150,000、15万",
        ),
        (
            &["render", "x", "--format", "html、pdf"],
            "半角のカンマ「,」で区切ります",
        ),
        (&["threshold", "--accident", "maybe"], "はい/いいえ"),
        (&["validte", "x"], "「validate」のことですか？"),
        (
            &["validate", "--formt", "json", "x"],
            "「--formt」というオプションはありません",
        ),
        (&["validate"], "必要な引数が指定されていません"),
    ];
    for (args, says) in cases {
        let ja = hyoka(args);
        assert_eq!(ja.status.code(), Some(2), "{args:?}");
        let text = String::from_utf8_lossy(&ja.stderr);
        assert!(text.starts_with("エラー: "), "{args:?}: {text}");
        assert!(text.contains(says), "{args:?}: {text}");
        let mut english = vec!["--lang", "en"];
        english.extend_from_slice(args);
        let en = hyoka(&english);
        assert_eq!(en.status.code(), Some(2), "{args:?}");
        let text = String::from_utf8_lossy(&en.stderr);
        assert!(text.starts_with("error: "), "{args:?}: {text}");
    }
    // What the officer meant is read: 15万 people.
    let output = hyoka(&[
        "threshold",
        "--people",
        "15万",
        "--handlers",
        "10",
        "--accident",
        "no",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("150,000人"));
}

/// A port in use says how to get a free one.
#[test]
fn an_address_in_use_suggests_port_0() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    for (lang, says) in [
        ("ja", "hyoka serve --port 0 で空いているポート"),
        ("en", "hyoka serve --port 0 picks a free port"),
    ] {
        let output = hyoka(&["--lang", lang, "serve", "assessments", "--port", &port]);
        assert_eq!(output.status.code(), Some(2));
        let text = String::from_utf8_lossy(&output.stderr);
        assert!(text.contains(says), "{lang}: {text}");
    }
}
