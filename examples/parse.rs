//! Parse pages to JSON: the typed page, pretty-printed.
//!
//! ```text
//! cargo run --example parse -- page.txt [more.txt …]
//! cargo run --example parse < page.txt
//! cargo run --example parse            # the bundled seeds
//! ```
//!
//! With several pages the output is a JSON array.

use std::io::{IsTerminal, Read, Write};

const SEEDS: [&str; 2] = [
    include_str!("../seeds/000_fc07ed4dcfef15de.txt"),
    include_str!("../seeds/001_5e9e988d76bce3bb.txt"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    if args.is_empty() {
        if std::io::stdin().is_terminal() {
            inputs.extend(SEEDS.iter().map(|s| s.as_bytes().to_vec()));
        } else {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            inputs.push(bytes);
        }
    }
    for path in &args {
        inputs.push(std::fs::read(path)?);
    }
    let mut pages = Vec::new();
    for bytes in &inputs {
        pages.push(liveupdates::parse_bytes(bytes)?);
    }
    let json = if pages.len() == 1 {
        serde_json::to_string_pretty(&pages[0])?
    } else {
        serde_json::to_string_pretty(&pages)?
    };
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{json}") {
        // A closed pipe (`| head`) is not an error of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
