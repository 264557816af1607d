//! Arbitrary bytes through `parse_bytes` (strict and lossy) and, where they
//! are text, `parse`, `parse_with` (default and strict) and `outline`: no
//! panic, no hang, every span in bounds and on char boundaries, sibling spans
//! ordered and non-overlapping, and no non-blank character lost.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    liveupdates_fuzz::invariants::check_bytes(data);
});
