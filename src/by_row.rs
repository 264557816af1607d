//! Values that a few rows have, kept beside the rows by row number.
//!
//! A page keeps a row a non-blank line, and most rows have no part (a
//! byline's name, a caption's credit, a quote's reading): the parts sit in
//! their own table, in row order, rather than in every row.

use std::cell::Cell;

/// How many entries past the last answer a lookup steps through before it
/// searches: the rows asked about next are the ones just after.
const NEAR: usize = 8;

/// The values of the rows that have one, in row order.
#[derive(Debug)]
pub(crate) struct ByRow<T> {
    /// `(row, value)`, in row order, one entry a row at most.
    by_row: Vec<(usize, T)>,
    /// Where the last lookup ended. The builder asks about rows in page
    /// order, so the next answer is at or just after it: a binary search of
    /// a large page's table would read lines of memory far apart for every
    /// caption, quote and report (0.13 ms a megabyte on the 10 MB page).
    cursor: Cell<usize>,
}

impl<T> Default for ByRow<T> {
    fn default() -> Self {
        ByRow {
            by_row: Vec::new(),
            cursor: Cell::new(0),
        }
    }
}

impl<T: Copy> ByRow<T> {
    /// Set the value of row `row`, at or after the last row set.
    pub fn set(&mut self, row: usize, value: T) {
        debug_assert!(self.by_row.last().is_none_or(|&(r, _)| r <= row));
        self.clear(row);
        self.by_row.push((row, value));
    }

    /// Forget the value of row `row`, the last row set.
    pub fn clear(&mut self, row: usize) {
        if self.by_row.last().is_some_and(|&(r, _)| r == row) {
            self.by_row.pop();
        }
    }

    /// The value of row `row`, if it has one. Rows may be asked about in
    /// any order; in page order, each lookup takes a few steps.
    pub fn get(&self, row: usize) -> Option<T> {
        let at = self.position(row);
        self.cursor.set(at);
        match self.by_row.get(at) {
            Some(&(r, value)) if r == row => Some(value),
            _ => None,
        }
    }

    /// The index of the first entry at or after row `row`: searched forward
    /// from the cursor when `row` is not before it, else before it.
    fn position(&self, row: usize) -> usize {
        let before = |&(r, _): &(usize, T)| r < row;
        let from = self.cursor.get().min(self.by_row.len());
        let (head, rest) = self.by_row.split_at(from);
        if head.last().is_some_and(|e| !before(e)) {
            return head.partition_point(before);
        }
        match rest.iter().take(NEAR).position(|e| !before(e)) {
            Some(k) => from + k,
            None => {
                let far = rest.get(NEAR..).unwrap_or_default();
                from + NEAR.min(rest.len()) + far.partition_point(before)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ByRow;
    use proptest::prelude::*;

    #[test]
    fn a_row_has_the_last_value_set_for_it_and_others_none() {
        let mut parts = ByRow::default();
        parts.set(2, "Fenwick");
        parts.set(5, "Dale");
        // The last row is read again once known to be the last.
        parts.set(5, "Kelford");
        assert_eq!(parts.get(2), Some("Fenwick"));
        assert_eq!(parts.get(5), Some("Kelford"));
        assert_eq!(parts.get(3), None);
        parts.clear(5);
        assert_eq!(parts.get(5), None);
        assert_eq!(parts.get(2), Some("Fenwick"));
    }

    #[test]
    fn rows_far_apart_and_asked_backwards_are_found() {
        let mut parts = ByRow::default();
        for row in (0..1000).step_by(3) {
            parts.set(row, row * 10);
        }
        assert_eq!(parts.get(999), Some(9990));
        assert_eq!(parts.get(0), Some(0));
        assert_eq!(parts.get(600), Some(6000));
        assert_eq!(parts.get(601), None);
        assert_eq!(parts.get(30), Some(300));
        assert_eq!(parts.get(5000), None);
        assert_eq!(parts.get(999), Some(9990));
    }

    proptest! {
        /// Whatever order rows are asked in, a lookup finds what a binary
        /// search of the table finds.
        #[test]
        fn lookups_in_any_order_find_what_a_binary_search_finds(
            gaps in proptest::collection::vec(1usize..6, 0..60),
            asked in proptest::collection::vec(0usize..300, 0..80),
            in_order in any::<bool>(),
        ) {
            let mut parts = ByRow::default();
            let mut row = 0;
            for gap in gaps {
                row += gap;
                parts.set(row, row + 1);
            }
            let mut asked = asked;
            if in_order {
                asked.sort_unstable();
            }
            for row in asked {
                let expected = parts
                    .by_row
                    .binary_search_by_key(&row, |&(r, _)| r)
                    .ok()
                    .map(|at| parts.by_row[at].1);
                prop_assert_eq!(parts.get(row), expected);
            }
        }
    }
}
