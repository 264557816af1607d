//! Fuzz input split at 0xFF bytes (never part of UTF-8 text) into 1–8
//! snapshots, each parsed (lossy): merging them in the given order, in
//! reverse, and incrementally (absorbing one at a time) gives the same
//! timeline, and every update of every snapshot is in it, as the version
//! that snapshot showed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveupdates::merge::{merge, Snapshot, Timeline};
use liveupdates_fuzz::invariants::unspanned;

fuzz_target!(|data: &[u8]| {
    let texts: Vec<String> = data
        .split(|b| *b == 0xff)
        .take(8)
        .map(|part| String::from_utf8_lossy(part).into_owned())
        .collect();
    let pages: Vec<_> = texts.iter().map(|t| liveupdates::parse(t)).collect();
    let snapshots: Vec<Snapshot<'_>> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| Snapshot::new(format!("s{i}"), p.clone()))
        .collect();

    let forward = merge(snapshots.clone());
    let backward = merge(snapshots.iter().rev().cloned());
    assert_eq!(
        forward, backward,
        "merge depends on the order of its inputs"
    );
    let mut incremental = Timeline::default();
    for s in &snapshots {
        incremental.absorb(s.clone());
    }
    assert_eq!(
        forward, incremental,
        "absorbing one by one differs from merging"
    );

    // Lossless: each snapshot's updates are shown, in order, as themselves.
    assert_eq!(forward.snapshots.len(), snapshots.len());
    for s in &snapshots {
        let info = forward
            .snapshots
            .iter()
            .find(|i| i.label == s.label)
            .expect("every snapshot is in the timeline");
        assert_eq!(
            info.shown.len(),
            s.page.updates.len(),
            "{} lost updates",
            s.label
        );
        for (shown, u) in info.shown.iter().zip(&s.page.updates) {
            let revision = &forward.entries[shown.entry].revisions[shown.revision];
            assert_eq!(
                revision.update,
                unspanned(u),
                "{} shows another version",
                s.label
            );
        }
    }
    let _ = forward.to_string();
});
