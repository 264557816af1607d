//! An `arbitrary`-derived page model rendered to text, so the fuzzer reaches
//! deep structure (bylines, captions over lists, quotes running over
//! paragraphs, block quotes, the dash layout, cuts) quickly; the same
//! invariants as the `parse` target hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveupdates_fuzz::model::PageModel;

fuzz_target!(|model: PageModel| {
    let text = model.render();
    liveupdates_fuzz::invariants::check_str(&text);
});
