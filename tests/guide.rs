//! The user guide quotes hyoka as it is: the five commonest first mistakes of its 困ったとき
//! chapter are run from the corpus (`tests/suite/mistakes/`) and their messages must appear
//! in `docs/guide.md` verbatim, as must what `hyoka init` and `hyoka init --from` print.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn hyoka(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-guide-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn guide() -> String {
    std::fs::read_to_string(root().join("docs/guide.md")).unwrap()
}

/// The example with a corpus case's line changed, validated as the guide's
/// `assessments/yobou-2026`: the block of the case's first expected diagnostic.
fn message_of(case: &str) -> String {
    let text =
        std::fs::read_to_string(root().join(format!("tests/suite/mistakes/{case}.yaml"))).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header = |name: &str| {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(&format!("# {name}: ")))
            .unwrap_or_else(|| panic!("{case}: no {name}"))
    };
    assert_eq!(
        header("base"),
        "example",
        "{case}: the guide quotes the example"
    );
    let code = header("expect").split(' ').next().unwrap().to_string();
    let example =
        std::fs::read_to_string(root().join("assessments/takaoka-vaccination/assessment.yaml"))
            .unwrap();
    let from = header("from");
    let changed: Vec<&str> = example
        .split('\n')
        .map(|l| if l == from { *lines.last().unwrap() } else { l })
        .collect();
    let dir = scratch(case);
    std::fs::create_dir_all(dir.join("assessments/yobou-2026")).unwrap();
    std::fs::write(
        dir.join("assessments/yobou-2026/assessment.yaml"),
        changed.join("\n"),
    )
    .unwrap();
    let output = hyoka(&dir, &["validate", "assessments/yobou-2026"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    stderr
        .split("\n\n")
        .find(|block| block.contains(&format!("[{code}]")))
        .unwrap_or_else(|| panic!("{case}: no {code} in\n{stderr}"))
        .to_string()
}

#[test]
fn the_five_commonest_mistakes_are_shown_as_hyoka_says_them() {
    let guide = guide();
    let chapter = guide
        .split_once("## 12. 困ったとき")
        .expect("the guide has its 困ったとき chapter")
        .1;
    for case in [
        "full-width-colon",
        "full-width-spaces-as-indentation",
        "indented-one-more",
        "hash-after-a-phone-number",
        "date-outside-era",
    ] {
        let message = message_of(case);
        assert!(
            chapter.contains(&message),
            "docs/guide.md does not show `{case}` as hyoka prints it:\n{message}"
        );
    }
}

/// `hyoka init`, with and without `--from`, prints what the guide's third chapter shows.
#[test]
fn init_s_next_steps_are_quoted() {
    let dir = scratch("init-from");
    let copy = |from: &Path, to: &Path| {
        let status = Command::new("cp")
            .arg("-r")
            .arg(from)
            .arg(to)
            .status()
            .unwrap();
        assert!(status.success());
    };
    copy(&root().join("schema"), &dir.join("schema"));
    std::fs::create_dir_all(dir.join("assessments")).unwrap();
    copy(
        &root().join("assessments/takaoka-vaccination"),
        &dir.join("assessments/takaoka-vaccination"),
    );
    for args in [
        &["init", "kenshin-2025"][..],
        &[
            "init",
            "yobou-2026",
            "--from",
            "assessments/takaoka-vaccination",
        ],
    ] {
        let output = hyoka(&dir, args);
        assert!(output.status.success(), "{output:?}");
        let printed = String::from_utf8(output.stdout).unwrap();
        assert!(
            guide().contains(&printed),
            "docs/guide.md does not show what `hyoka {}` prints:\n{printed}",
            args.join(" ")
        );
    }
}
