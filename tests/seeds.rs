//! Fixture tests: each page in `seeds/` has its expected typed dump beside
//! it (`NAME.json`), and its expected outline (`NAME.outline`).
//!
//! To accept a deliberate change of output, run
//! `LIVEUPDATES_BLESS=1 cargo test --test seeds` and review the diff.

use std::path::{Path, PathBuf};

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    pages.sort();
    pages
}

fn check(expected_path: &Path, actual: &str) {
    if std::env::var_os("LIVEUPDATES_BLESS").is_some() {
        std::fs::write(expected_path, actual).expect("the expected file is writable");
        return;
    }
    let expected = std::fs::read_to_string(expected_path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run with LIVEUPDATES_BLESS=1",
            expected_path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b);
        panic!(
            "{} differs from the parse (first differing line: {:?}); run with LIVEUPDATES_BLESS=1 to accept",
            expected_path.display(),
            first.map(|i| i + 1)
        );
    }
}

#[test]
fn both_seeds_are_here() {
    let names: Vec<String> = seeds()
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["000_fc07ed4dcfef15de.txt", "001_5e9e988d76bce3bb.txt"]
    );
}

#[test]
fn seeds_parse_to_their_expected_dumps() {
    for path in seeds() {
        let text = std::fs::read_to_string(&path).expect("a seed is UTF-8");
        let page = liveupdates::parse(&text);
        let json = serde_json::to_string_pretty(&page).expect("a page serialises") + "\n";
        check(&path.with_extension("json"), &json);
    }
}

#[test]
fn seeds_outline_to_their_expected_roles() {
    for path in seeds() {
        let text = std::fs::read_to_string(&path).expect("a seed is UTF-8");
        let rows: String = liveupdates::outline(&text)
            .iter()
            .map(|r| format!("{r}\n"))
            .collect();
        check(&path.with_extension("outline"), &rows);
    }
}

#[test]
fn seeds_have_the_updates_format_md_counts() {
    let counts: Vec<(usize, bool)> = seeds()
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("a seed is UTF-8");
            let page = liveupdates::parse(&text);
            (page.updates.len(), page.has_more)
        })
        .collect();
    assert_eq!(counts, [(6, true), (9, true)]);
}

#[test]
fn seed_pages_have_no_diagnostics() {
    for path in seeds() {
        let text = std::fs::read_to_string(&path).expect("a seed is UTF-8");
        assert_eq!(
            liveupdates::parse(&text).diagnostics,
            [],
            "{}",
            path.display()
        );
    }
}
