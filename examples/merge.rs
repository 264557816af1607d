//! Merge snapshots of one live page into one timeline.
//!
//! ```text
//! cargo run --example merge                      # the bundled seeds
//! cargo run --example merge -- a.txt b.txt       # your captures (label = file name)
//! cargo run --example merge -- --json a.txt b.txt
//! cargo run --example merge -- --jsonld
//! ```
//!
//! Prints the timeline as one page in the format (default), as the
//! timeline's JSON (`--json`), or as a schema.org `LiveBlogPosting`
//! (`--jsonld`). A summary goes to standard error.

use liveupdates::merge::{merge, Snapshot, Status};
use std::process::ExitCode;

const SEEDS: [(&str, &str); 2] = [
    (
        "000_fc07ed4dcfef15de.txt",
        include_str!("../seeds/000_fc07ed4dcfef15de.txt"),
    ),
    (
        "001_5e9e988d76bce3bb.txt",
        include_str!("../seeds/001_5e9e988d76bce3bb.txt"),
    ),
];

enum Output {
    Text,
    Json,
    JsonLd,
}

#[cfg(feature = "serde")]
fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

#[cfg(not(feature = "serde"))]
fn json<T>(_: &T) -> Result<String, String> {
    Err("built without the `serde` feature".to_owned())
}

fn main() -> ExitCode {
    let mut output = Output::Text;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => output = Output::Json,
            "--jsonld" => output = Output::JsonLd,
            "-h" | "--help" => {
                eprintln!("usage: merge [--json | --jsonld] [FILE...]");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }

    let mut sources: Vec<(String, String)> = Vec::new();
    if files.is_empty() {
        sources.extend(SEEDS.iter().map(|(l, t)| (l.to_string(), t.to_string())));
    }
    for path in &files {
        match std::fs::read(path) {
            Ok(bytes) => {
                let label = std::path::Path::new(path)
                    .file_name()
                    .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
                sources.push((label, String::from_utf8_lossy(&bytes).into_owned()));
            }
            Err(e) => {
                eprintln!("merge: {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }

    let timeline = merge(
        sources
            .iter()
            .map(|(label, text)| Snapshot::new(label.clone(), liveupdates::parse(text))),
    );

    let removed = timeline
        .entries
        .iter()
        .filter(|e| matches!(e.status, Status::Removed { .. }))
        .count();
    eprintln!(
        "merge: {} snapshots, {} entries ({} removed), {} gaps, {} conflicts",
        timeline.snapshots.len(),
        timeline.entries.len(),
        removed,
        timeline.gaps.len(),
        timeline.conflicts.len()
    );

    let printed = match output {
        Output::Text => Ok(timeline.to_string()),
        Output::Json => json(&timeline),
        Output::JsonLd => json(&timeline.to_jsonld()),
    };
    match printed {
        Ok(text) => {
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("merge: {e}");
            ExitCode::FAILURE
        }
    }
}
