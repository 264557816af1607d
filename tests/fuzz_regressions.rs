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

/// The first text of the first update's blocks, for asserting on finds.
fn first_block_text(text: &str) -> String {
    let page = liveupdates::parse(text);
    match page.updates.first().and_then(|u| u.blocks.first()) {
        Some(liveupdates::Block::Paragraph(p)) => p.text.to_string(),
        Some(other) => format!("{other:?}"),
        None => String::new(),
    }
}

/// fuzz/parse, minimised: a link remnant (`›`) glued to the front of a line
/// that becomes a paragraph was dropped from the paragraph's text (only
/// bylines, headlines and ad slots have a `remnant` field).
#[test]
fn remnant_glued_to_a_paragraph_is_kept() {
    check_str("b\n›v");
    // The original find: a remnant-like name before the arrow.
    let page = "Live updates\n\nLibrary hours cut in Wyncote\n\nWyncote Library will close on Mondays.\n\nCouncillor›iannon Tull said:\n\n\"Nobody wants to reduce library hours.\n";
    check_str(page);
}

/// The same loss in every element without a `remnant` field: a glued
/// continuation line, a header (where one is read), caption, subheading, cross-reference,
/// attribution, and a bullet (which stays a paragraph so that the remnant
/// before its bullet is kept).
#[test]
fn remnant_is_kept_by_every_element() {
    let pages = [
        "Live updates\n\nFloods close the road\n\nWater rose overnight\nRead the full story › and kept rising.\n",
        "Read the full story › Live updates\n\nFloods close the road\n\nWater rose.\n",
        "Live updates\n\nFloods close the road\n\nRead the full story › The road at Kelford. Credit: PA\n\nWater rose.\n",
        "Live updates\n\nFloods close the road\n\nWater rose.\n\nRead › Saturday 23 May\n\nMore rain.\n",
        "Live updates\n\nFloods close the road\n\nRead the full story › Read More: Rain returns\n",
        "Live updates\n\nFire at the mill\n\n\"We are safe,\" she said.\n\nRead the full story › – Jo Bloggs, Chief Fire Officer\n",
        "Live updates\n\nFerry sailings cancelled\n\nTimetable changes:\n\nRead the full story › • Quillon to Harwick\n  • Harwick to Quillon\n",
        "- Wales\n- 8 updates\nFerry sailings cancelled\nTimetable changes:\n- Quillon to Harwick\nRead › - Harwick to Quillon\n",
    ];
    for page in pages {
        check_str(page);
    }
    assert_eq!(
        first_block_text(pages[0]),
        "Water rose overnight\nRead the full story › and kept rising."
    );
}

/// fuzz/parse: two bylines in a row (`  1. …` twice) before a headline;
/// an update has one byline, and the builder replaced the first with the
/// second, losing it. After a byline comes the headline (rule 1), whatever
/// its shape, so the second line is the headline.
#[test]
fn second_byline_in_a_row_is_the_headline() {
    let text = "Live updates\n\n  1. Tobias Wren\n\n  1. Hugo Tamblyn, Vale TV\n\nLowmarsh flood barrier tested\n\nThe new barrier was raised.\n";
    check_str(text);
    let page = liveupdates::parse(text);
    let u = &page.updates[0];
    assert_eq!(
        u.byline.as_ref().map(|b| b.text.as_ref()),
        Some("Tobias Wren")
    );
    assert_eq!(u.headline.text, "1. Hugo Tamblyn, Vale TV");
    // The same with an ad slot between, and with bare region names.
    check_str("Live updates\n\n  1. National\n\nAdvertisement\n\n  1.\n\nFloods close road\n");
    check_str("Live updates\n\nAnglia\n\nNorfolk\n\nFloods close road at Kelford\n\nWater rose.\n");
    // The original find.
    check_str("Live updates\n\n  1. Tobias Wren ub marked its 150th anniversary with a match against a team of former players.\n\n  1. Hugo Tamblyn, Vale TV\n\nLowmarshf lood barrier tested\n\nThe new flood barrier at Lowmarsh was raised for the first time thLatest ITV News reports test.\n\nLoad more updates Back to top\n");
}

/// fuzz/parse, minimised to the bytes `FF FF " Credit:"` (read lossy as
/// `"\u{fffd}\u{fffd} Credit:"`): the caption grammar looked six bytes
/// before `Credit:` for `Video Credit:` by slicing the text there, which
/// panicked when those bytes fell inside a character.
#[test]
fn credit_after_multibyte_characters_does_not_panic() {
    check_bytes(b"\xff\xff Credit:");
    check_str("\u{fffd}\u{fffd} Credit:");
    let text = "Live updates\n\nFloods\n\nThe road at Kelford€€ Credit: PA\n";
    check_str(text);
    let page = liveupdates::parse(text);
    match page.updates[0].blocks.first() {
        Some(liveupdates::Block::Caption(c)) => {
            assert_eq!(c.description, "The road at Kelford€€");
            assert_eq!(c.credit.as_ref().map(|c| c.source.as_ref()), Some("PA"));
        }
        other => panic!("expected a caption, got {other:?}"),
    }
}
