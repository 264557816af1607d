//! The conformance suite: every case of `tests/cases.md` (a copy of
//! `../shared/spec/cases.md`), run through the same code as
//! `examples/outline`, must give every non-blank line its listed role.

use liveupdates::{outline, Role};
use std::path::Path;

/// One case of the suite.
struct Case {
    id: String,
    tag: Option<String>,
    page: String,
    roles: Vec<(usize, String)>,
}

/// Read the cases: `## id`, a sentence (maybe opening with a `[tag]`), a
/// `~~~page` block and a `~~~roles` block.
fn cases(text: &str) -> Vec<Case> {
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(id) = line.strip_prefix("## ") else {
            continue;
        };
        let mut case = Case {
            id: id.trim().to_string(),
            tag: None,
            page: String::new(),
            roles: Vec::new(),
        };
        while let Some(line) = lines.next() {
            if case.tag.is_none() && line.starts_with('[') {
                case.tag = line[1..].split(']').next().map(str::to_string);
            }
            if line == "~~~page" {
                let mut page = Vec::new();
                for l in lines.by_ref() {
                    if l == "~~~" {
                        break;
                    }
                    page.push(l);
                }
                case.page = page.join("\n") + "\n";
            }
            if line == "~~~roles" {
                for l in lines.by_ref() {
                    if l == "~~~" {
                        break;
                    }
                    let (n, role) = l.split_once('\t').expect("a roles row is LINE<TAB>ROLE");
                    case.roles
                        .push((n.parse().expect("a line number"), role.to_string()));
                }
                break;
            }
        }
        out.push(case);
    }
    out
}

/// The page text with the case's tag applied.
fn tagged(case: &Case) -> String {
    match case.tag.as_deref() {
        Some("crlf") => case.page.replace('\n', "\r\n"),
        Some("cr") => case.page.replace('\n', "\r"),
        Some("bom") => format!("\u{feff}{}", case.page),
        Some("no-final-newline") => case.page[..case.page.len() - 1].to_string(),
        _ => case.page.clone(),
    }
}

fn suite() -> Vec<Case> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases.md"))
            .expect("tests/cases.md is readable");
    cases(&text)
}

#[test]
fn every_case_gives_every_line_its_role() {
    let cases = suite();
    assert_eq!(cases.len(), 93, "the suite has 93 cases");
    let mut failures = Vec::new();
    for case in &cases {
        let page = tagged(case);
        let actual: Vec<(usize, String)> = outline(&page)
            .iter()
            .map(|r| (r.line, r.role.as_str().to_string()))
            .collect();
        if actual != case.roles {
            let mut diff = String::new();
            let n = actual.len().max(case.roles.len());
            for i in 0..n {
                let e = case
                    .roles
                    .get(i)
                    .map(|(l, r)| format!("{l} {r}"))
                    .unwrap_or_default();
                let a = actual
                    .get(i)
                    .map(|(l, r)| format!("{l} {r}"))
                    .unwrap_or_default();
                if e != a {
                    diff.push_str(&format!("    expected {e:<22} actual {a}\n"));
                }
            }
            failures.push(format!("  {}:\n{diff}", case.id));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("")
    );
}

#[test]
fn every_role_in_the_suite_is_a_known_role() {
    for case in suite() {
        for (_, role) in &case.roles {
            assert!(
                Role::from_name(role).is_some(),
                "{}: unknown role {role}",
                case.id
            );
        }
    }
}

#[test]
fn the_copy_matches_the_shared_suite() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/spec/cases.md");
    let Ok(upstream) = std::fs::read_to_string(&shared) else {
        return; // Not beside the shared folder (a packaged crate): nothing to compare.
    };
    let copy =
        std::fs::read_to_string(root.join("tests/cases.md")).expect("tests/cases.md is readable");
    assert!(
        copy == upstream,
        "tests/cases.md differs from {}: copy it over (cp ../shared/spec/cases.md tests/cases.md)",
        shared.display()
    );
}
