//! Words: what the context rules weigh. Unicode word segmentation (UAX #29)
//! is used where a rule asks what a word is (is a word capitalised, a name?),
//! and only on the few lines a rule weighs; text is otherwise split cheaply
//! at anything that is not a letter, a digit or an inner apostrophe.

use unicode_segmentation::UnicodeSegmentation;

/// At most this many words are read from a neighbouring paragraph.
const WINDOW: usize = 40;

/// Function words that say nothing about what a line is about (sorted, for
/// binary search).
const STOP: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "back",
    "be", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "ever",
    "every", "few", "first", "for", "from", "get", "got", "had", "has", "have", "he", "her",
    "here", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "last", "less",
    "made", "make", "many", "may", "more", "most", "much", "new", "next", "no", "not", "now", "of",
    "off", "on", "one", "only", "or", "other", "our", "out", "over", "own", "s", "said", "same",
    "say", "says", "she", "so", "some", "still", "such", "take", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "today", "tonight", "too",
    "up", "us", "very", "was", "we", "well", "were", "what", "when", "where", "which", "while",
    "who", "why", "will", "with", "would", "yet", "you", "your",
];

/// The number of words in `text` (runs of non-space characters), counted
/// up to `limit + 1` at most: enough to compare with `limit` without reading
/// a long paragraph to its end.
pub(crate) fn count_up_to(text: &str, limit: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = b.is_ascii_whitespace();
        if !space && !in_word {
            words += 1;
            if words > limit {
                break;
            }
        }
        in_word = !space;
    }
    words
}

/// The number of words in a short line (see [`count_up_to`] for long ones).
pub(crate) fn count(text: &str) -> usize {
    count_up_to(text, 64)
}

/// Fold a word for comparison into `out`: lower case, curly apostrophes
/// straightened, a possessive `'s` dropped, and the common inflections
/// (`-ing`, `-ed`, `-es`, `-s`, a final `-e`) cut, so that `closes`,
/// `closed`, `closing` and `close` all read `clos`.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '’' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    let cut = if out.len() > 5 && out.ends_with("ing") {
        3
    } else if out.len() > 4 && (out.ends_with("ed") || out.ends_with("es")) {
        2
    } else if out.len() > 3 && out.ends_with('s') && !out.ends_with("ss") {
        1
    } else {
        0
    };
    out.truncate(out.len() - cut);
    if out.len() >= 4 && out.ends_with('e') {
        out.pop();
    }
}

/// The content words of a short line, folded and deduplicated (at most 64),
/// split as [`plain_words`] splits the text they are compared with.
pub(crate) fn content(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut buf = String::new();
    for word in plain_words(text).take(WINDOW) {
        fold_into(word, &mut buf);
        if STOP.binary_search(&buf.as_str()).is_err() && !out.contains(&buf) && out.len() < 64 {
            out.push(buf.clone());
        }
    }
    out
}

/// How many of `words` (from [`content`]) appear among the first words of
/// `text`, or the last ones when `from_end` is set.
pub(crate) fn overlap(words: &[String], text: &str, from_end: bool) -> usize {
    // Fold only the words whose first letter one of `words` starts with.
    let key = |w: &str| {
        w.bytes()
            .next()
            .map_or(0, |b| 1u64 << (b.to_ascii_lowercase() % 64))
    };
    let firsts = words.iter().fold(0u64, |m, w| m | key(w));
    let mut found: u64 = 0;
    let mut buf = String::new();
    let mut check = |word: &str| {
        if firsts & key(word) == 0 {
            return;
        }
        fold_into(word, &mut buf);
        if let Some(i) = words.iter().position(|w| *w == buf) {
            found |= 1 << i;
        }
    };
    if from_end {
        plain_words_rev(text).take(WINDOW).for_each(&mut check);
    } else {
        plain_words(text).take(WINDOW).for_each(&mut check);
    }
    found.count_ones() as usize
}

/// Whether a word after the first is capitalised (a name, a place): news
/// headlines nearly always name something; subheadings rarely do.
pub(crate) fn has_proper_noun(text: &str) -> bool {
    text.unicode_words()
        .skip(1)
        .take(WINDOW)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && w != "I")
}

/// First- and second-person words: the voice of a statement, not a report.
const PERSONAL: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've", "we'll", "we'd",
    "us", "our", "ours", "you", "you're", "you've", "you'll", "your", "yours", "let's",
];

/// Contractions other than the possessive `'s`.
const CONTRACTED: &[&str] = &["n't", "'re", "'ve", "'ll", "'m", "'d"];

/// `'s` after these words is `is`, not a possessive.
const IS_AFTER: &[&str] = &[
    "that", "it", "there", "here", "what", "who", "he", "she", "let",
];

/// Time words after `this` that a reporter uses (`this morning`).
const TIME: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "week",
    "weekend",
    "month",
    "year",
    "summer",
    "winter",
    "spring",
    "autumn",
    "season",
    "time",
];

/// Words that report speech in the third person.
const REPORTING: &[&str] = &["said", "says", "told", "according"];

/// Whether `word` is first or second person (`US`, in capitals, is a
/// country, not `us`).
pub(crate) fn is_personal(word: &str) -> bool {
    let starts = word.bytes().next().map(|b| b.to_ascii_lowercase());
    if word.len() > 8 || !matches!(starts, Some(b'i' | b'm' | b'w' | b'u' | b'o' | b'y' | b'l')) {
        return false;
    }
    let acronym = word.len() > 1 && word.chars().all(|c| !c.is_lowercase());
    !acronym && PERSONAL.iter().any(|p| same_word(word, p))
}

/// Whether `word` equals the lower-case ASCII `target`, ignoring case and
/// reading a curly apostrophe as a straight one.
fn same_word(word: &str, target: &str) -> bool {
    let mut t = target.bytes();
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        if !c.is_ascii() || t.next() != Some(c.to_ascii_lowercase() as u8) {
            return false;
        }
    }
    t.next().is_none()
}

/// How strongly an unmarked paragraph reads as someone's own words rather
/// than the reporter's: first/second person and contractions count for it,
/// a proximal `this` a little, reported speech against it.
pub(crate) fn statement_score(text: &str) -> i32 {
    let mut score = 0;
    let mut after_this = false;
    let mut w = String::new();
    for (i, word) in plain_words(text).enumerate() {
        w.clear();
        w.extend(word.chars().map(|c| {
            if c == '’' {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        }));
        if is_personal(word) {
            score += 2;
        } else if CONTRACTED.iter().any(|c| w.ends_with(c))
            || w.strip_suffix("'s").is_some_and(|s| IS_AFTER.contains(&s))
        {
            score += 1;
        } else if REPORTING.contains(&w.as_str()) {
            score -= 2;
        } else if after_this && !TIME.contains(&w.as_str()) {
            score += 1;
        } else if i == 0 && w == "please" {
            score += 2;
        }
        after_this = w == "this";
        if i > 400 {
            break;
        }
    }
    score
}

/// Whether the text (outside any quotation) uses the first or second person.
pub(crate) fn speaks_personally(text: &str) -> bool {
    plain_words(text).take(WINDOW).any(is_personal)
}

/// Words split at anything but letters, digits and inner apostrophes: a
/// cheap split for reading neighbouring paragraphs, where only whole common
/// words matter (the line being weighed itself is segmented with Unicode
/// word boundaries, see [`content`]).
fn plain_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(not_word_char)
        .map(trim_apostrophes)
        .filter(|w| !w.is_empty())
}

/// [`plain_words`] from the end of the text.
fn plain_words_rev(text: &str) -> impl Iterator<Item = &str> {
    text.rsplit(not_word_char)
        .map(trim_apostrophes)
        .filter(|w| !w.is_empty())
}

fn not_word_char(c: char) -> bool {
    !(c.is_alphanumeric() || c == '\'' || c == '’')
}

fn trim_apostrophes(w: &str) -> &str {
    w.trim_matches(['\'', '’'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn content_words_fold_case_plurals_and_drop_function_words() {
        assert_eq!(
            content("The Cliffs at Scarrow's harbour"),
            ["cliff", "scarrow", "harbour"]
        );
        assert_eq!(
            content("Road closes, closed, closing: close"),
            ["road", "clos"]
        );
    }

    #[test]
    fn overlap_counts_shared_content_words() {
        let words = content("Fourteen village schools closed by burst pipes");
        let next = "Fourteen primary schools will stay shut because of burst pipes.";
        assert_eq!(overlap(&words, next, false), 4);
        assert_eq!(
            overlap(&words, "Gritting lorries went out overnight.", true),
            0
        );
    }

    #[test]
    fn proper_nouns_are_capitalised_words_after_the_first() {
        assert!(has_proper_noun("Diversions in place around Ashbury"));
        assert!(!has_proper_noun("What happens next?"));
        assert!(!has_proper_noun("I think I saw it"));
    }

    #[test]
    fn statements_score_above_reporting() {
        assert!(statement_score("We have listened to our staff.") > 0);
        assert!(statement_score("That's the most important part.") > 0);
        assert!(statement_score("He taught half the crew at this station.") > 0);
        assert_eq!(
            statement_score("The lifeboat reached them within twenty minutes."),
            0
        );
        assert!(statement_score("The trust said the change would cost more.") < 0);
        assert_eq!(
            statement_score("The lifeboat was launched this morning."),
            0
        );
    }

    #[test]
    fn personal_voice() {
        assert!(speaks_personally("I would especially like to speak to you"));
        assert!(!speaks_personally("Police say 120 ewes have been stolen"));
        assert!(!speaks_personally("US: talks with the UK"));
    }
}
