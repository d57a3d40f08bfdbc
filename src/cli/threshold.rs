//! `hyoka threshold`: the しきい値判断 for a 事務, from flags or questions on the terminal,
//! decided by [`crate::regime::threshold`] and printed with the [B] marks of the rules used.

use std::io::{BufRead, IsTerminal as _, Write};

use serde_json::json;

use super::{Outcome, ReportFormat};
use crate::diag::Lang;
use crate::form::choices::ACCIDENT;
use crate::form::label::{full_label, resolve};
use crate::regime::Source;
use crate::regime::threshold::{
    Band, Decision, Fact, Facts, Form, Handlers, Required, decide, grouped,
};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka threshold --people 150000 --handlers 100 --accident no
  hyoka threshold --people 5,000 --handlers 20 --accident あり --format json
  hyoka threshold --paper-only
  hyoka threshold                 (asks for what it needs, on a terminal)";

/// Arguments of `hyoka threshold`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 対象人数: everyone recorded in the 事務's 特定個人情報ファイル (e.g. 150000, 150,000 or 15万).
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub people: Option<u64>,
    /// 取扱者数: own staff plus contractor staff who handle the files.
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub handlers: Option<u64>,
    /// A 重大事故 concerning personal information at the body within the past 1 year:
    /// yes|no (はい/いいえ, あり/なし).
    #[arg(long, value_name = "yes|no", value_parser = parse_yes_no)]
    pub accident: Option<bool>,
    /// The 事務 handles only files on its own staff (人事・給与・福利厚生).
    #[arg(long)]
    pub staff_only: bool,
    /// The 事務's files are kept only on paper.
    #[arg(long)]
    pub paper_only: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
}

/// A count as people write it: `150000`, `150,000`, `１５００００`, `150,000人`, and with 万:
/// `15万`, `15万人`, `1万5000`, `1.5万`.
pub fn parse_count(text: &str) -> Result<u64, String> {
    let normal: String = crate::load::nfkc::nfkc(text)
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    let normal = normal.trim_end_matches('人');
    let wrong = || format!("not a count of people: {text}");
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (man, rest) = match normal.split_once('万') {
        Some((man, rest)) => (Some(man), rest),
        None => (None, normal),
    };
    let below: u64 = match rest {
        "" if man.is_some() => 0,
        r if digits(r) => r
            .parse()
            .map_err(|_| format!("too large a count: {text}"))?,
        _ => return Err(wrong()),
    };
    let Some(man) = man else {
        return Ok(below);
    };
    // 1.5万 is 15000: the decimal part counts in thousands, hundreds … of people.
    let (whole, fraction) = man.split_once('.').unwrap_or((man, ""));
    if !digits(whole) || !(fraction.is_empty() || digits(fraction)) || fraction.len() > 4 {
        return Err(wrong());
    }
    let whole: u64 = whole
        .parse()
        .map_err(|_| format!("too large a count: {text}"))?;
    let fraction: u64 = format!("{fraction:0<4}").parse().unwrap_or(0);
    if below >= 10_000 {
        return Err(wrong());
    }
    whole
        .checked_mul(10_000)
        .and_then(|n| n.checked_add(fraction + below))
        .ok_or_else(|| format!("too large a count: {text}"))
}

/// yes/no in either language, or the form's own 発生あり/発生なし.
pub fn parse_yes_no(text: &str) -> Result<bool, String> {
    let t = crate::load::nfkc::nfkc(text).to_ascii_lowercase();
    let yes = ["yes", "y", "はい", "あり", "有", ACCIDENT.options[0]];
    let no = ["no", "n", "いいえ", "なし", "無", ACCIDENT.options[1]];
    if yes.contains(&t.as_str()) {
        Ok(true)
    } else if no.contains(&t.as_str()) {
        Ok(false)
    } else {
        Err(format!(
            "expected yes or no (はい/いいえ, あり/なし): {text}"
        ))
    }
}

/// A fact the しきい値判断 may need, with its flag and its question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    People,
    Handlers,
    Accident,
}

impl Need {
    fn flag(self) -> &'static str {
        match self {
            Need::People => "--people",
            Need::Handlers => "--handlers",
            Need::Accident => "--accident",
        }
    }

    fn question(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Need::People, Lang::Ja) => {
                "対象人数（事務の特定個人情報ファイルに記録される全ての人の数）は何人ですか: "
            }
            (Need::Handlers, Lang::Ja) => {
                "取扱者数（ファイルを取り扱う職員と委託先の従業者の数）は何人ですか: "
            }
            (Need::Accident, Lang::Ja) => {
                "過去1年以内に、評価実施機関で個人情報に関する重大事故が発生しましたか（はい/いいえ）: "
            }
            (Need::People, Lang::En) => {
                "対象人数 — how many people are recorded in the 事務's files? "
            }
            (Need::Handlers, Lang::En) => {
                "取扱者数 — how many staff and contractor staff handle the files? "
            }
            (Need::Accident, Lang::En) => {
                "Did a serious accident concerning personal information occur at the body within the past year (yes/no)? "
            }
        }
    }

    /// Why hyoka cannot go on without it (stdin is not a terminal).
    fn missing(self, lang: Lang) -> crate::Error {
        crate::Error::Input(match (self, lang) {
            (Need::People, Lang::Ja) => format!("{} を指定してください（対象人数）", self.flag()),
            (Need::Handlers, Lang::Ja) => format!(
                "{} を指定してください（この対象人数では、取扱者数によって結果が変わります）",
                self.flag()
            ),
            (Need::Accident, Lang::Ja) => format!(
                "{} yes|no を指定してください（この対象人数と取扱者数では、過去1年以内の重大事故の有無によって結果が変わります）",
                self.flag()
            ),
            (Need::People, Lang::En) => format!("{} is needed (対象人数)", self.flag()),
            (Need::Handlers, Lang::En) => format!(
                "{} is needed: with this many people the result depends on 取扱者数",
                self.flag()
            ),
            (Need::Accident, Lang::En) => format!(
                "{} yes|no is needed: here the result depends on a serious accident in the past year",
                self.flag()
            ),
        })
    }
}

/// The answers, from flags or from questions.
#[derive(Debug, Clone, Copy, Default)]
struct Answers {
    people: Option<u64>,
    handlers: Option<u64>,
    accident: Option<bool>,
    staff_only: bool,
    paper_only: bool,
}

impl Answers {
    fn facts(&self) -> Facts {
        Facts {
            people: Band::of_count(self.people.unwrap_or(0)),
            handlers: self.handlers.map_or(Handlers::UNKNOWN, Handlers::count),
            accident: match self.accident {
                Some(true) => Fact::Yes,
                Some(false) => Fact::No,
                None => Fact::Unknown,
            },
            staff_only: self.staff_only,
            paper_only: self.paper_only,
        }
    }

    /// The first fact still needed to settle the result: 対象人数 unless an exclusion applies,
    /// then 取扱者数, then the 重大事故, each only if the table says it matters.
    fn next_need(&self) -> Option<Need> {
        if self.staff_only || self.paper_only {
            return None;
        }
        if self.people.is_none() {
            return Some(Need::People);
        }
        if decide(&self.facts()).settled().is_some() {
            return None;
        }
        if self.handlers.is_none() {
            Some(Need::Handlers)
        } else {
            Some(Need::Accident)
        }
    }
}

/// Asks one question until it gets a usable answer; end of input names the flag instead.
fn ask(
    need: Need,
    lang: Lang,
    input: &mut impl BufRead,
    output: &mut impl Write,
    answers: &mut Answers,
) -> Result<(), crate::Error> {
    loop {
        let _ = write!(output, "{}", need.question(lang)).and_then(|_| output.flush());
        let mut line = String::new();
        let read = input
            .read_line(&mut line)
            .map_err(|e| crate::Error::Input(format!("{}: {e}", need.flag())))?;
        if read == 0 {
            let _ = writeln!(output);
            return Err(need.missing(lang));
        }
        let parsed = match need {
            Need::People => parse_count(&line).map(|n| answers.people = Some(n)),
            Need::Handlers => parse_count(&line).map(|n| answers.handlers = Some(n)),
            Need::Accident => parse_yes_no(&line).map(|b| answers.accident = Some(b)),
        };
        match (parsed, lang) {
            (Ok(()), _) => return Ok(()),
            (Err(_), Lang::Ja) => {
                let _ = writeln!(
                    output,
                    "{}",
                    match need {
                        Need::Accident => "はい か いいえ で入力してください。",
                        _ => "人数を数字で入力してください（例: 150000、150,000、15万）。",
                    }
                );
            }
            (Err(e), Lang::En) => {
                let _ = writeln!(output, "{e}; please try again.");
            }
        }
    }
}

/// Fills what the flags leave open: by questions when `terminal` is given, else an error
/// naming the first missing flag.
fn complete(
    mut answers: Answers,
    lang: Lang,
    mut terminal: Option<(&mut dyn BufRead, &mut dyn Write)>,
) -> Result<Answers, crate::Error> {
    while let Some(need) = answers.next_need() {
        match terminal.as_mut() {
            Some((input, output)) => ask(need, lang, input, output, &mut answers)?,
            None => return Err(need.missing(lang)),
        }
    }
    Ok(answers)
}

/// Decides and prints.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let answers = Answers {
        people: args.people,
        handlers: args.handlers,
        accident: args.accident,
        staff_only: args.staff_only,
        paper_only: args.paper_only,
    };
    let stdin = std::io::stdin();
    let answers = if stdin.is_terminal() {
        let (mut input, mut output) = (stdin.lock(), std::io::stderr());
        complete(answers, lang, Some((&mut input, &mut output)))?
    } else {
        complete(answers, lang, None)?
    };
    let decision = decide(&answers.facts());
    let text = match args.format {
        ReportFormat::Human => human(&answers, &decision, lang),
        ReportFormat::Json => format!("{:#}\n", to_json(&answers, &decision, lang)),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error of hyoka's.
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
    Ok(Outcome::Clean)
}

/// The label of 様式３ Ⅴ１②, from the form.
fn form3_label() -> String {
    resolve(
        &crate::form::form3_r06_10::EDITION,
        "評価実施手続.基礎項目評価.しきい値判断結果",
    )
    .map(|steps| full_label(&steps))
    .unwrap_or_default()
}

/// The result when the answers settle it (they always do once `complete` has run).
fn required(decision: &Decision) -> Required {
    decision
        .settled()
        .map_or(Required::BasicAndFull, |cell| cell.required)
}

fn forms_text(forms: &[Form], lang: Lang) -> String {
    if forms.is_empty() {
        return match lang {
            Lang::Ja => "なし".into(),
            Lang::En => "none".into(),
        };
    }
    let names: Vec<String> = forms
        .iter()
        .map(|f| match lang {
            Lang::Ja => format!("{}（{}）", f.document(), f.number()),
            Lang::En => format!("{} ({})", f.document(), f.number()),
        })
        .collect();
    names.join(if lang == Lang::Ja { "、" } else { ", " })
}

fn input_text(answers: &Answers, lang: Lang) -> String {
    let mut parts = Vec::new();
    let count = |n: u64| match lang {
        Lang::Ja => format!("{}人", grouped(n)),
        Lang::En => grouped(n),
    };
    if let Some(n) = answers.people {
        parts.push(format!("対象人数 {}", count(n)));
    }
    if let Some(n) = answers.handlers {
        parts.push(format!("取扱者数 {}", count(n)));
    }
    if let Some(b) = answers.accident {
        parts.push(match (lang, b) {
            (Lang::Ja, true) => "過去1年以内の重大事故 あり".into(),
            (Lang::Ja, false) => "過去1年以内の重大事故 なし".into(),
            (Lang::En, true) => "serious accident in the past year: yes".into(),
            (Lang::En, false) => "serious accident in the past year: no".into(),
        });
    }
    if answers.staff_only {
        parts.push(match lang {
            Lang::Ja => "職員の人事・給与・福利厚生のファイルのみ".into(),
            Lang::En => "staff HR/payroll/welfare files only".into(),
        });
    }
    if answers.paper_only {
        parts.push(match lang {
            Lang::Ja => "紙ファイルのみ".into(),
            Lang::En => "paper files only".into(),
        });
    }
    parts.join(if lang == Lang::Ja { "、" } else { ", " })
}

/// What 様式３ Ⅴ１② would say, or why 様式３ does not do.
fn form3_line(required: Required, lang: Lang) -> String {
    let label = form3_label();
    match (required.form3_choice(), required, lang) {
        (Some(choice), Required::BasicAndKey, Lang::Ja) => {
            format!("重点項目評価書（様式３）の{label}: {choice}")
        }
        (Some(choice), _, Lang::Ja) => {
            format!("任意に重点項目評価書（様式３）を作成する場合の{label}: {choice}")
        }
        (Some(choice), Required::BasicAndKey, Lang::En) => {
            format!("{label} of the 重点項目評価書 (様式３): {choice}")
        }
        (Some(choice), _, Lang::En) => {
            format!("{label} of a voluntary 重点項目評価書 (様式３): {choice}")
        }
        (None, _, Lang::Ja) => {
            "重点項目評価書（様式３）では要件を満たしません。全項目評価書（様式４）を作成してください。"
                .into()
        }
        (None, _, Lang::En) => {
            "a 重点項目評価書 (様式３) does not meet the duty: produce a 全項目評価書 (様式４).".into()
        }
    }
}

/// What the 基礎項目評価書 (様式２) states: its Ⅱ answers (as far as they are known) and Ⅲ.
fn form2_line(answers: &Answers, required: Required, lang: Lang) -> String {
    use crate::form::choices::{ACCIDENT, BASIC_TARGET_PEOPLE, HANDLERS};
    let edition = &crate::form::form2_r06_10::EDITION;
    let label = |path: &str| {
        resolve(edition, path)
            .map(|steps| full_label(&steps))
            .unwrap_or_default()
    };
    let mut parts = Vec::new();
    if let Some(n) = answers.people {
        parts.push(format!(
            "{} {}",
            label("しきい値判断項目.対象人数"),
            BASIC_TARGET_PEOPLE.options[Band::of_count(n).position()]
        ));
    }
    if let Some(n) = answers.handlers {
        let choice = HANDLERS.options[usize::from(n < 500)];
        parts.push(format!("{} {choice}", label("しきい値判断項目.取扱者数")));
    }
    if let Some(yes) = answers.accident {
        let choice = ACCIDENT.options[usize::from(!yes)];
        parts.push(format!("{} {choice}", label("しきい値判断項目.重大事故")));
    }
    parts.push(format!(
        "{} {}",
        label("しきい値判断結果.結果"),
        required.form2_choice()
    ));
    let sep = if lang == Lang::Ja { "、" } else { ", " };
    match lang {
        Lang::Ja => format!("基礎項目評価書（様式２）の記載: {}", parts.join(sep)),
        Lang::En => format!("the 基礎項目評価書 (様式２) states: {}", parts.join(sep)),
    }
}

/// The `hyoka init` that starts the documents the result asks for.
fn init_line(required: Required, lang: Lang) -> String {
    match (required, lang) {
        (Required::BasicAndKey, Lang::Ja) => {
            "始めるには: hyoka init <フォルダ名>（重点項目評価書と基礎項目評価書の組を作ります）".into()
        }
        (Required::BasicAndKey, Lang::En) => {
            "to start: hyoka init <folder> (a 重点項目評価書 with its 基礎項目評価書)".into()
        }
        (Required::Basic | Required::Nothing, Lang::Ja) => {
            "始めるには: hyoka init <フォルダ名> --form 基礎（基礎項目評価書を作ります）".into()
        }
        (Required::Basic | Required::Nothing, Lang::En) => {
            "to start: hyoka init <folder> --form 基礎 (a 基礎項目評価書)".into()
        }
        (Required::BasicAndFull, Lang::Ja) => {
            "全項目評価書（様式４）は hyoka では作成できません。基礎項目評価書は hyoka init <フォルダ名> --form 基礎 で作り、Ⅳ．１．を「基礎項目評価書及び全項目評価書」にしてください。".into()
        }
        (Required::BasicAndFull, Lang::En) => {
            "hyoka does not make the 全項目評価書 (様式４); start the 基礎項目評価書 with hyoka init <folder> --form 基礎 and choose 基礎項目評価書及び全項目評価書 in its Ⅳ．１．".into()
        }
    }
}

/// The report for a person: result, forms, the 様式３ choice, and the rules with [B] marks.
fn human(answers: &Answers, decision: &Decision, lang: Lang) -> String {
    let required = required(decision);
    let rules = decision.rules(lang);
    let (input, result, forms, applied) = match lang {
        Lang::Ja => (
            "入力",
            "しきい値判断の結果",
            "作成する評価書",
            "適用した規定",
        ),
        Lang::En => ("input", "result", "forms to produce", "rules applied"),
    };
    let mut out = format!(
        "{input}: {}\n{result}: {}\n{forms}: {}\n{}\n{}\n{}\n\n{applied}:\n",
        input_text(answers, lang),
        required.text(lang),
        forms_text(required.forms(), lang),
        form2_line(answers, required, lang),
        form3_line(required, lang),
        init_line(required, lang),
    );
    let bullet = if lang == Lang::Ja { "・" } else { "- " };
    for (text, source) in &rules {
        match source {
            Source::Believed => out.push_str(&format!("  {bullet}{text} {}\n", source.mark())),
            Source::Stated => out.push_str(&format!("  {bullet}{text}\n")),
        }
    }
    if rules.iter().any(|(_, s)| *s == Source::Believed) {
        out.push_str(&format!("\n{}\n", Source::believed_note(lang)));
    }
    out
}

/// The report for scripts.
fn to_json(answers: &Answers, decision: &Decision, lang: Lang) -> serde_json::Value {
    let required = required(decision);
    let excluded = decision.excluded.is_some();
    let cell = decision.settled();
    json!({
        "input": {
            "people": answers.people,
            "handlers": answers.handlers,
            "accident": answers.accident,
            "staff_only": answers.staff_only,
            "paper_only": answers.paper_only,
        },
        "band": (!excluded || answers.people.is_some()).then(|| decision.band.text(lang)),
        "column": decision.column.map(|c| c.id()),
        "excluded": decision.excluded.map(|e| e.id()),
        "required": required.id(),
        "result": required.text(lang),
        "source": cell.map(|c| c.source.letter()),
        "assessments": required.forms().iter().map(|f| f.assessment()).collect::<Vec<_>>(),
        "forms": required.forms().iter().map(|f| json!({"form": f.number(), "document": f.document()})).collect::<Vec<_>>(),
        "voluntary": required.voluntary().iter().map(|f| f.assessment()).collect::<Vec<_>>(),
        "form2_threshold_result": required.form2_choice(),
        "form3_threshold_result": required.form3_choice(),
        "init": match required {
            Required::BasicAndKey => "hyoka init NAME",
            Required::BasicAndFull | Required::Basic | Required::Nothing => "hyoka init NAME --form 基礎",
        },
        "rules": decision.rules(lang).iter().map(|(text, source)| json!({"text": text, "source": source.letter()})).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> Answers {
        Answers::default()
    }

    #[test]
    fn counts_and_answers_as_people_write_them() {
        assert_eq!(parse_count("150,000"), Ok(150_000));
        assert_eq!(parse_count("１５０，０００人"), Ok(150_000));
        assert!(parse_count("十五万").is_err());
        assert!(parse_count("").is_err());
        assert_eq!(parse_yes_no("はい"), Ok(true));
        assert_eq!(parse_yes_no("YES"), Ok(true));
        assert_eq!(parse_yes_no("発生なし"), Ok(false));
        assert!(parse_yes_no("maybe").is_err());
    }

    #[test]
    fn only_what_the_table_needs_is_asked() {
        assert_eq!(answers().next_need(), Some(Need::People));
        let small = Answers {
            people: Some(999),
            ..answers()
        };
        assert_eq!(small.next_need(), None);
        let mid = Answers {
            people: Some(150_000),
            ..answers()
        };
        assert_eq!(mid.next_need(), Some(Need::Handlers));
        let many = Answers {
            handlers: Some(500),
            ..mid
        };
        assert_eq!(many.next_need(), None);
        let few = Answers {
            handlers: Some(499),
            ..mid
        };
        assert_eq!(few.next_need(), Some(Need::Accident));
        let excluded = Answers {
            staff_only: true,
            ..answers()
        };
        assert_eq!(excluded.next_need(), None);
    }

    #[test]
    fn questions_repeat_until_answered_and_stop_at_end_of_input() {
        let mut input: &[u8] = b"lots\n150,000\n100\nmaybe\nno\n";
        let mut output = Vec::new();
        let done = complete(answers(), Lang::En, Some((&mut input, &mut output))).unwrap();
        assert_eq!(
            (done.people, done.handlers, done.accident),
            (Some(150_000), Some(100), Some(false))
        );
        let asked = String::from_utf8(output).unwrap();
        assert_eq!(asked.matches("please try again").count(), 2, "{asked}");

        let mut input: &[u8] = "十万\n".as_bytes();
        let mut output = Vec::new();
        let err = complete(answers(), Lang::Ja, Some((&mut input, &mut output))).unwrap_err();
        assert!(err.to_string().contains("--people"), "{err}");
        let asked = String::from_utf8(output).unwrap();
        assert!(asked.contains("対象人数"), "{asked}");
        assert!(asked.contains("例: 150000、150,000、15万"), "{asked}");
    }

    #[test]
    fn the_prompt_reads_counts_with_man() {
        for (typed, people) in [
            ("15万", 150_000),
            ("15万人", 150_000),
            ("150,000", 150_000),
            ("１５万人", 150_000),
            ("1万5000", 15_000),
            ("1.5万", 15_000),
        ] {
            let text = format!("{typed}\n10\nno\n");
            let mut input: &[u8] = text.as_bytes();
            let mut output = Vec::new();
            let done = complete(answers(), Lang::Ja, Some((&mut input, &mut output)));
            assert_eq!(done.ok().and_then(|a| a.people), Some(people), "{typed}");
        }
        assert!(parse_count("万").is_err());
        assert!(parse_count("1万10000").is_err());
        assert!(parse_count("1.23456万").is_err());
    }
}
