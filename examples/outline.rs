//! Print how the parser reads a page: one row per non-blank source line,
//! `LINE<TAB>ROLE<TAB>text`.
//!
//! ```text
//! cargo run --example outline -- page.txt [more.txt …]
//! cargo run --example outline < page.txt
//! cargo run --example outline            # the bundled seeds
//! ```
//!
//! With several files, each is preceded by a `# name` line.

use std::io::{Read, Write};

const SEEDS: [(&str, &str); 2] = [
    (
        "seeds/000_fc07ed4dcfef15de.txt",
        include_str!("../seeds/000_fc07ed4dcfef15de.txt"),
    ),
    (
        "seeds/001_5e9e988d76bce3bb.txt",
        include_str!("../seeds/001_5e9e988d76bce3bb.txt"),
    ),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pages: Vec<(String, String)> = Vec::new();
    if args.is_empty() {
        if atty_stdin() {
            pages.extend(SEEDS.iter().map(|(n, t)| (n.to_string(), t.to_string())));
        } else {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            pages.push(("-".into(), String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    for path in &args {
        let bytes = std::fs::read(path)?;
        pages.push((path.clone(), String::from_utf8_lossy(&bytes).into_owned()));
    }
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let many = pages.len() > 1;
    for (name, text) in &pages {
        if many {
            writeln!(out, "# {name}")?;
        }
        for row in liveupdates::outline(text) {
            if let Err(e) = writeln!(out, "{row}") {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(());
                }
                return Err(e.into());
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Whether standard input is a terminal (then there is nothing to read and
/// the seeds are shown): true when stdin is not readable as a pipe or file.
fn atty_stdin() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}
