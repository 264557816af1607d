//! Text through `parse`, `Display` and `parse` again: the second parse equals
//! the first (spans aside), and rendering it again gives the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut first = liveupdates::parse(text);
    let rendered = first.to_string();
    let mut second = liveupdates::parse(&rendered);
    let again = second.to_string();
    first.clear_spans();
    second.clear_spans();
    assert!(
        first == second,
        "parse(render(page)) != page\n--- input ---\n{text:?}\n--- rendered ---\n{rendered:?}\n--- first ---\n{first:#?}\n--- second ---\n{second:#?}"
    );
    assert_eq!(rendered, again, "rendering is not stable");
});
