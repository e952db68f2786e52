//! Which rows of a long list go into the DOM in which batch: a small first
//! batch that fills the visible area at once, then larger batches, one per
//! task, until all are in. A 3,000-turn transcript shows its first screen
//! without building the turns below it first, and the page stays
//! responsive (input and painting run between the batches).

use std::ops::Range;

/// A batch schedule: `first` rows, then `rest` rows a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowBatches {
    /// Rows in the first batch.
    pub first: usize,
    /// Rows in each batch after it.
    pub rest: usize,
}

impl RowBatches {
    /// A schedule of `first` rows, then `rest` a batch (both at least 1).
    pub const fn new(first: usize, rest: usize) -> Self {
        Self {
            first: if first == 0 { 1 } else { first },
            rest: if rest == 0 { 1 } else { rest },
        }
    }

    /// How many batches hold `total` rows (none for none).
    pub fn count(self, total: usize) -> usize {
        if total == 0 {
            0
        } else if total <= self.first {
            1
        } else {
            1 + (total - self.first).div_ceil(self.rest)
        }
    }

    /// The batches needed for row `row` to be in the DOM.
    pub fn through(self, row: usize) -> usize {
        if row < self.first {
            1
        } else {
            2 + (row - self.first) / self.rest
        }
    }

    /// The rows of batch `batch` of `total` (empty past the end).
    pub fn rows(self, batch: usize, total: usize) -> Range<usize> {
        let (start, len) = match batch {
            0 => (0, self.first),
            k => (self.first + (k - 1) * self.rest, self.rest),
        };
        start.min(total)..(start + len).min(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: RowBatches = RowBatches::new(24, 100);

    #[test]
    fn the_batches_cover_every_row_once_in_order() {
        for total in [0, 1, 23, 24, 25, 124, 125, 3_000, 3_001] {
            let rows: Vec<usize> = (0..C.count(total)).flat_map(|k| C.rows(k, total)).collect();
            assert_eq!(rows, (0..total).collect::<Vec<_>>(), "{total} rows");
            // No batch is empty.
            assert!((0..C.count(total)).all(|k| !C.rows(k, total).is_empty()));
        }
    }

    #[test]
    fn counts() {
        assert_eq!(C.count(0), 0);
        assert_eq!(C.count(24), 1);
        assert_eq!(C.count(25), 2);
        assert_eq!(C.count(124), 2);
        assert_eq!(C.count(125), 3);
        assert_eq!(C.count(3_000), 31);
    }

    #[test]
    fn through_is_the_batch_holding_the_row_plus_one() {
        for total in [1, 30, 3_000] {
            for row in 0..total {
                let n = C.through(row);
                assert!(C.rows(n - 1, total).contains(&row), "row {row}");
            }
        }
        assert_eq!(C.through(0), 1);
        assert_eq!(C.through(23), 1);
        assert_eq!(C.through(24), 2);
        assert_eq!(C.through(123), 2);
        assert_eq!(C.through(124), 3);
    }

    #[test]
    fn zero_sizes_are_one() {
        let one = RowBatches::new(0, 0);
        assert_eq!(one, RowBatches::new(1, 1));
        assert_eq!(one.count(3), 3);
    }
}
