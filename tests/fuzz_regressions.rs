//! Fuzzer finds, each a named test on stable, and a replay of the committed
//! fuzz corpus (`fuzz/corpus/*/`) through the same invariants the fuzz
//! targets check (`tests/support/invariants.rs`), so CI never needs nightly
//! to hold the parser to them.

#[path = "support/invariants.rs"]
mod invariants;

use invariants::{check_bytes, check_str};
use std::path::Path;

/// Every file of the committed corpora, the seeds and the conformance pages
/// keeps every invariant.
#[test]
fn corpus_replays_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for dir in ["fuzz/corpus/parse", "seeds"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths.iter().filter(|p| p.is_file()) {
            let bytes = std::fs::read(path).expect("a corpus file is readable");
            if let Err(e) = std::panic::catch_unwind(|| check_bytes(&bytes)) {
                panic!("{} fails: {:?}", path.display(), e.downcast_ref::<String>());
            }
            n += 1;
        }
    }
    let cases = std::fs::read_to_string(root.join("tests/cases.md")).expect("tests/cases.md");
    for page in pages(&cases) {
        check_str(&page);
        check_str(&page.replace('\n', "\r\n"));
        check_str(&page.replace('\n', "\r"));
        n += 1;
    }
    assert!(n >= 95, "replayed only {n} inputs");
}

/// The `~~~page` blocks of `tests/cases.md`.
fn pages(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut page: Option<Vec<&str>> = None;
    for line in md.lines() {
        match (&mut page, line) {
            (None, "~~~page") => page = Some(Vec::new()),
            (Some(p), "~~~") => {
                out.push(p.join("\n") + "\n");
                page = None;
            }
            (Some(p), l) => p.push(l),
            (None, _) => {}
        }
    }
    out
}
