//! The command line read in the chosen language. `--lang` is looked for before clap parses,
//! so that `--help` and clap's own errors (an unknown option, a value it cannot read) are in
//! Japanese by default and in English under `--lang en`.

use std::ffi::OsString;
use std::io::IsTerminal as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory as _, FromArgMatches as _};

use super::{Cli, ja};
use crate::diag::Lang;

/// The language asked for by `--lang en` / `--lang=en` anywhere before `--`; Japanese
/// otherwise (clap itself refuses a language it does not know).
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        let Some(arg) = arg.to_str() else { continue };
        let value = match arg {
            "--" => break,
            "--lang" => iter.next().and_then(|v| v.to_str()),
            _ => arg.strip_prefix("--lang="),
        };
        if value == Some("en") {
            return Lang::En;
        }
    }
    Lang::Ja
}

/// The command definitions, in Japanese unless `lang` is English.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Ja => localise(cmd, "hyoka").help_template(HELP_TEMPLATE),
    }
}

/// clap's help layout with the usage heading in Japanese (the other headings are clap's own
/// words, replaced in [`ja_words`]).
const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}";

/// Puts the Japanese texts of [`ja`] on a command, its arguments and its subcommands.
pub(crate) fn localise(mut cmd: clap::Command, name: &str) -> clap::Command {
    if let Some((short, long)) = ja::command(name) {
        cmd = cmd
            .about(short)
            .long_about((!long.is_empty()).then_some(long));
    }
    if let Some(examples) = ja::examples(name) {
        cmd = cmd.after_help(examples);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| localise_arg(arg, name));
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subcommands {
        cmd = cmd.mut_subcommand(&sub, |s| localise(s, &sub).help_template(HELP_TEMPLATE));
    }
    cmd
}

/// An argument's help in Japanese, with its possible values and default written out in
/// Japanese rather than by clap.
fn localise_arg(arg: Arg, command: &str) -> Arg {
    let Some(help) = ja::arg_help(command, arg.get_id().as_str()) else {
        return arg;
    };
    let mut short = help.lines().next().unwrap_or(help).to_string();
    let mut long = help.to_string();
    if arg.get_action().takes_values() {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| match v.get_help() {
                Some(h) => {
                    let english = h.to_string();
                    format!(
                        "- {}: {}",
                        v.get_name(),
                        ja::value(&english).unwrap_or(&english)
                    )
                }
                None => format!("- {}", v.get_name()),
            })
            .collect();
        if !values.is_empty() && !arg.is_hide_possible_values_set() {
            long.push_str(&format!("\n指定できる値:\n{}", values.join("\n")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().to_string())
            .collect();
        if !defaults.is_empty() && !arg.is_hide_default_value_set() {
            let joined = defaults.join(",");
            short.push_str(&format!("［既定値: {joined}］"));
            long.push_str(&format!("\n既定値: {joined}"));
        }
        return arg
            .help(short)
            .long_help(long)
            .hide_possible_values(true)
            .hide_default_value(true);
    }
    arg.help(short).long_help(long)
}

/// clap's fixed words in a rendered help, in Japanese (longest first, so that one phrase is
/// not cut by a shorter one).
fn ja_words(text: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        (
            "Print this message or the help of the given subcommand(s)",
            "このヘルプ、または指定したコマンドのヘルプを表示します",
        ),
        (
            "Print help for the subcommand(s)",
            "指定したコマンドのヘルプを表示します",
        ),
        (
            "Print help (see more with '--help')",
            "ヘルプを表示します（--help でくわしく）",
        ),
        (
            "Print help (see a summary with '-h')",
            "ヘルプを表示します（-h で要約）",
        ),
        ("Print help", "ヘルプを表示します"),
        ("Print version", "版を表示します"),
        ("Usage:", "使い方:"),
        ("Commands:", "コマンド:"),
        ("Arguments:", "引数:"),
        ("Options:", "オプション:"),
        ("[OPTIONS]", "[オプション]"),
        ("<COMMAND>", "<コマンド>"),
    ];
    let mut out = text.to_string();
    for (en, ja) in WORDS {
        out = out.replace(en, ja);
    }
    out
}

/// Parses `args`, or prints help, the version or the error (in `lang`) and gives the exit
/// code: 0 for help and version, 2 for a usage error.
pub fn parse(args: Vec<OsString>) -> Result<Cli, u8> {
    let lang = lang_of(&args);
    let result = command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let error = match result {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    let code = if error.use_stderr() { 2 } else { 0 };
    match (lang, error.kind()) {
        (Lang::En, _) => {
            let _ = error.print();
        }
        (Lang::Ja, ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        | (Lang::Ja, ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) => {
            let styled = error.render();
            let to_terminal = if error.use_stderr() {
                std::io::stderr().is_terminal()
            } else {
                std::io::stdout().is_terminal()
            };
            let text = if to_terminal {
                styled.ansi().to_string()
            } else {
                styled.to_string()
            };
            let mut text = ja_words(&text);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            if error.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
        }
        (Lang::Ja, _) => eprint!("{}", ja_error(&error)),
    }
    Err(code)
}

fn text_of(value: Option<&ContextValue>) -> Option<String> {
    match value? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(_) | ContextValue::None => None,
        _ => None,
    }
}

/// An option as clap shows it, without its value name: `--people <N>` → `--people`.
fn option_name(display: &str) -> &str {
    if display.starts_with('-') {
        display.split([' ', '=']).next().unwrap_or(display)
    } else {
        display
    }
}

/// The argument's id from its display form: `--people <N>` → `people`.
fn arg_id(display: &str) -> String {
    option_name(display)
        .trim_start_matches('-')
        .replace('-', "_")
}

/// clap's error in Japanese: what is wrong, the likely fix, the usage, and where to look.
fn ja_error(error: &clap::Error) -> String {
    let get = |kind| text_of(error.get(kind));
    let full_arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let arg = option_name(&full_arg).to_string();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("「{arg}」に値を指定してください")
        }
        ErrorKind::InvalidValue => {
            let mut m = format!("「{arg}」に「{value}」は指定できません");
            if let Some(valid) = get(ContextKind::ValidValue) {
                m.push_str(&format!("\n  指定できる値: {valid}"));
            }
            if value.contains(['、', '，', '､']) {
                m.push_str("\n  複数の値は半角のカンマ「,」で区切ります（例: --format html,pdf）");
            }
            m
        }
        ErrorKind::ValueValidation => {
            let mut m = format!("「{arg}」の値「{value}」を読めません");
            if let Some(hint) = ja::value_hint(&arg_id(&full_arg)) {
                m.push_str(&format!("\n  {hint}"));
            }
            m
        }
        ErrorKind::UnknownArgument => format!("「{arg}」というオプションはありません"),
        ErrorKind::InvalidSubcommand => {
            let sub = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("「{sub}」というコマンドはありません")
        }
        ErrorKind::MissingRequiredArgument => {
            format!("必要な引数が指定されていません: {full_arg}")
        }
        ErrorKind::MissingSubcommand => "コマンドを指定してください".to_string(),
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg).unwrap_or_default();
            if prior.is_empty() || prior == arg {
                format!("「{arg}」は1回しか指定できません")
            } else {
                format!("「{arg}」と「{prior}」は同時に指定できません")
            }
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("「{arg}」の値の数が正しくありません")
        }
        ErrorKind::InvalidUtf8 => "引数を UTF-8 の文字列として読めません".to_string(),
        // Anything else keeps clap's words after a Japanese lead.
        _ => format!("コマンドラインを読めません（{}）", error.kind()),
    };
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(near) = get(kind) {
            message.push_str(&format!("\n  「{near}」のことですか？"));
        }
    }
    let mut out = format!("エラー: {message}\n");
    if let Some(usage) = get(ContextKind::Usage) {
        out.push_str(&format!("\n{}\n", ja_words(usage.trim_end())));
    }
    out.push_str("\n説明と例は --help を付けると表示されます。\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_found_before_clap_parses() {
        assert_eq!(lang_of(&args(&["hyoka", "validate", "x"])), Lang::Ja);
        assert_eq!(
            lang_of(&args(&["hyoka", "--lang", "en", "validate"])),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["hyoka", "validate", "--lang=en"])),
            Lang::En
        );
        assert_eq!(lang_of(&args(&["hyoka", "--", "--lang", "en"])), Lang::Ja);
    }

    /// Every command, option and possible value has its Japanese text: a new one without
    /// it would show English in a Japanese help.
    #[test]
    fn everything_shown_by_help_has_japanese() {
        fn walk(cmd: &clap::Command, name: &str, missing: &mut Vec<String>) {
            if ja::command(name).is_none() {
                missing.push(format!("command {name} (ja::COMMANDS)"));
            }
            if name != "hyoka" && ja::examples(name).is_none() {
                missing.push(format!("examples of {name} (ja::EXAMPLES)"));
            }
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = arg.get_id().as_str();
                if ["help", "version"].contains(&id) {
                    continue;
                }
                if ja::arg_help(name, id).is_none() {
                    missing.push(format!("{name} {id} (ja::ARGS)"));
                }
                for v in arg.get_possible_values() {
                    if let Some(h) = v.get_help()
                        && ja::value(&h.to_string()).is_none()
                    {
                        missing.push(format!("value {h} (ja::VALUES)"));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, sub.get_name(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "hyoka", &mut missing);
        assert!(missing.is_empty(), "no Japanese for: {missing:#?}");
    }

    #[test]
    fn the_japanese_definitions_pass_clap_s_own_checks() {
        command(Lang::Ja).debug_assert();
    }
}
