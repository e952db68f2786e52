//! Pagination math for the pager: page windows, "41–60 of 1,901" ranges,
//! the trail of cursors that lets cursor providers page backwards, and
//! the walk through every page of a query (the all-pages export).

use super::capabilities::{Capabilities, Pagination};
use super::model::{Call, Page};
use super::query::Query;

/// One slot of a numbered pager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageItem {
    /// A page number (1-based).
    Number(u32),
    /// Skipped pages ("…").
    Gap,
}

/// The last page number for `total` rows at `page_size` a page (at least 1).
pub fn last_page(total: u64, page_size: u32) -> u32 {
    let size = u64::from(page_size.max(1));
    u32::try_from(total.div_ceil(size))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// Page numbers to show: always the first and last, `current` with up to
/// `around` neighbours on each side, and gaps where pages are skipped. A gap
/// never stands for a single page (that page is shown instead).
pub fn page_window(current: u32, last: u32, around: u32) -> Vec<PageItem> {
    let last = last.max(1);
    let current = current.clamp(1, last);
    let mut lo = current.saturating_sub(around).max(1);
    let mut hi = current.saturating_add(around).min(last);
    // Keep the window the same width near the ends.
    let width = around * 2 + 1;
    if hi - lo + 1 < width {
        if lo == 1 {
            hi = (lo + width - 1).min(last);
        } else if hi == last {
            lo = hi.saturating_sub(width - 1).max(1);
        }
    }
    let mut items = Vec::with_capacity(width as usize + 4);
    if lo > 1 {
        items.push(PageItem::Number(1));
        match lo {
            2 => {}
            3 => items.push(PageItem::Number(2)),
            _ => items.push(PageItem::Gap),
        }
    }
    items.extend((lo..=hi).map(PageItem::Number));
    if hi < last {
        match last - hi {
            1 => {}
            2 => items.push(PageItem::Number(last - 1)),
            _ => items.push(PageItem::Gap),
        }
        items.push(PageItem::Number(last));
    }
    items
}

/// The 1-based positions of the first and last row shown, e.g. (41, 60);
/// `None` for an empty page.
pub fn row_range(page: u32, page_size: u32, rows_on_page: usize) -> Option<(u64, u64)> {
    if rows_on_page == 0 {
        return None;
    }
    let first = u64::from(page.max(1) - 1) * u64::from(page_size.max(1)) + 1;
    Some((first, first + rows_on_page as u64 - 1))
}

/// What the pager can offer for a loaded page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PagerView {
    /// The current page (1-based).
    pub page: u32,
    /// The last page, when the total is known.
    pub last: Option<u32>,
    /// Whether "Previous" works.
    pub has_prev: bool,
    /// Whether "Next" works.
    pub has_next: bool,
}

impl PagerView {
    /// The pager for `page` showing `loaded`.
    pub fn new(page: u32, page_size: u32, loaded: &Page) -> Self {
        let last = loaded.total.map(|t| last_page(t, page_size));
        let has_next = match last {
            Some(last) => page < last || loaded.has_more,
            None => loaded.has_more,
        };
        Self {
            page,
            last,
            has_prev: page > 1,
            has_next,
        }
    }
}

/// For cursor providers: the cursor that starts each page seen so far, so
/// "Previous" can go back. Page 1 starts with no cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CursorTrail {
    /// `starts[i]` starts page `i + 2`.
    starts: Vec<String>,
}

impl CursorTrail {
    /// The cursor that starts `page` (1-based), if that page has been reached.
    pub fn cursor_for(&self, page: u32) -> Option<Option<String>> {
        match page {
            0 => None,
            1 => Some(None),
            n => self.starts.get(n as usize - 2).cloned().map(Some),
        }
    }

    /// Records that `page` ended with `next` (the cursor of page + 1),
    /// forgetting anything recorded past it.
    pub fn record(&mut self, page: u32, next: Option<&str>) {
        let keep = page.saturating_sub(1) as usize;
        self.starts.truncate(keep);
        if let (Some(next), true) = (next, self.starts.len() == keep) {
            self.starts.push(next.to_owned());
        }
    }

    /// Forgets every cursor (the query changed).
    pub fn clear(&mut self) {
        self.starts.clear();
    }
}

/// Rows-per-page choices (those above the provider's maximum are hidden).
pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];

/// The rows-per-page choices offered: the standard ones up to the
/// provider's maximum, and the size in force when the embedding asked for
/// another (`page-size="5"` shows 5, not 10).
pub fn page_size_choices(current: u32, max: u32) -> Vec<u32> {
    let mut sizes: Vec<u32> = PAGE_SIZES.iter().copied().filter(|s| *s <= max).collect();
    if !sizes.contains(&current) {
        sizes.push(current);
        sizes.sort_unstable();
    }
    sizes
}

/// Every page of a query, one after the other at the provider's largest
/// page size, up to a cap of calls: ask for [`AllPages::next_query`],
/// hand its answer to [`AllPages::take`], until there is no next query.
#[derive(Clone, Debug)]
pub struct AllPages {
    query: Query,
    pagination: Pagination,
    cap: usize,
    calls: Vec<Call>,
    done: bool,
}

impl AllPages {
    /// The pages of `query` (its filters and pinned scope; from page 1,
    /// whatever page it shows) for a provider with `caps`, up to `cap`
    /// calls.
    pub fn new(query: &Query, caps: &Capabilities, cap: usize) -> Self {
        let mut query = query.clone();
        query.page = 1;
        query.cursor = None;
        query.page_size = caps.max_page_size;
        Self {
            query,
            pagination: caps.pagination,
            cap,
            calls: Vec::new(),
            done: cap == 0,
        }
    }

    /// The page to ask for next, or `None` when every call is in.
    pub fn next_query(&self) -> Option<&Query> {
        (!self.done).then_some(&self.query)
    }

    /// Takes the answer to [`AllPages::next_query`]: its calls (up to the
    /// cap), and the way to the next page if there is one: the next number,
    /// or for cursor providers the cursor it gave (none: the end).
    pub fn take(&mut self, page: Page) {
        let more = page.has_more && !page.rows.is_empty();
        self.calls.extend(page.rows);
        self.calls.truncate(self.cap);
        if !more || self.calls.len() >= self.cap {
            self.done = true;
            return;
        }
        match self.pagination {
            Pagination::Cursor => match page.next_cursor {
                Some(next) => self.query.cursor = Some(next),
                None => self.done = true,
            },
            _ => self.query.page += 1,
        }
    }

    /// The calls so far.
    pub fn calls(&self) -> &[Call] {
        &self.calls
    }

    /// The calls.
    pub fn into_calls(self) -> Vec<Call> {
        self.calls
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configured_size_is_among_the_choices() {
        assert_eq!(page_size_choices(25, 100), [10, 25, 50, 100]);
        assert_eq!(page_size_choices(5, 100), [5, 10, 25, 50, 100]);
        assert_eq!(page_size_choices(30, 50), [10, 25, 30, 50]);
        assert_eq!(page_size_choices(10, 20), [10]);
    }
    use PageItem::{Gap, Number as N};

    #[test]
    fn last_pages() {
        assert_eq!(last_page(1901, 20), 96);
        assert_eq!(last_page(1900, 20), 95);
        assert_eq!(last_page(0, 20), 1);
        assert_eq!(last_page(5, 0), 5);
        assert_eq!(last_page(u64::MAX, 1), u32::MAX);
    }

    #[test]
    fn windows() {
        assert_eq!(page_window(1, 1, 2), [N(1)]);
        assert_eq!(page_window(1, 5, 2), [N(1), N(2), N(3), N(4), N(5)]);
        assert_eq!(
            page_window(1, 96, 2),
            [N(1), N(2), N(3), N(4), N(5), Gap, N(96)]
        );
        assert_eq!(
            page_window(50, 96, 2),
            [N(1), Gap, N(48), N(49), N(50), N(51), N(52), Gap, N(96)]
        );
        assert_eq!(
            page_window(96, 96, 2),
            [N(1), Gap, N(92), N(93), N(94), N(95), N(96)]
        );
        // A gap never hides a single page.
        assert_eq!(
            page_window(5, 10, 1),
            [N(1), Gap, N(4), N(5), N(6), Gap, N(10)]
        );
        assert_eq!(
            page_window(4, 10, 1),
            [N(1), N(2), N(3), N(4), N(5), Gap, N(10)]
        );
        assert_eq!(
            page_window(7, 10, 1),
            [N(1), Gap, N(6), N(7), N(8), N(9), N(10)]
        );
        // Out-of-range input is clamped, not a panic.
        assert_eq!(page_window(0, 0, 2), [N(1)]);
        assert_eq!(page_window(200, 3, 2), [N(1), N(2), N(3)]);
    }

    #[test]
    fn ranges() {
        assert_eq!(row_range(3, 20, 20), Some((41, 60)));
        assert_eq!(row_range(96, 20, 1), Some((1901, 1901)));
        assert_eq!(row_range(1, 25, 0), None);
    }

    #[test]
    fn pager_views() {
        let page = |total, has_more| Page {
            total,
            has_more,
            ..Page::default()
        };
        let v = PagerView::new(1, 20, &page(Some(1901), true));
        assert_eq!(
            v,
            PagerView {
                page: 1,
                last: Some(96),
                has_prev: false,
                has_next: true
            }
        );
        let v = PagerView::new(96, 20, &page(Some(1901), false));
        assert!(!v.has_next && v.has_prev);
        let v = PagerView::new(3, 20, &page(None, true));
        assert_eq!(v.last, None);
        assert!(v.has_next);
        assert!(!PagerView::new(3, 20, &page(None, false)).has_next);
    }

    #[test]
    fn cursor_trail_goes_back_and_forth() {
        let mut t = CursorTrail::default();
        assert_eq!(t.cursor_for(1), Some(None));
        assert_eq!(t.cursor_for(2), None, "page 2 is not reached yet");
        t.record(1, Some("c2"));
        t.record(2, Some("c3"));
        assert_eq!(t.cursor_for(2), Some(Some("c2".into())));
        assert_eq!(t.cursor_for(3), Some(Some("c3".into())));
        // Going back to page 1 and forward again on changed data replaces
        // what came after.
        t.record(1, Some("c2b"));
        assert_eq!(t.cursor_for(2), Some(Some("c2b".into())));
        assert_eq!(t.cursor_for(3), None);
        t.record(2, None);
        assert_eq!(t.cursor_for(3), None, "the last page has no next cursor");
        t.clear();
        assert_eq!(t.cursor_for(2), None);
        assert_eq!(t.cursor_for(0), None);
    }

    fn calls(ids: std::ops::Range<u32>) -> Vec<Call> {
        ids.map(|i| Call::new(crate::core::Provider::Vapi, format!("c{i}")))
            .collect()
    }

    fn page(rows: Vec<Call>, has_more: bool, next_cursor: Option<&str>) -> Page {
        Page {
            rows,
            has_more,
            next_cursor: next_cursor.map(str::to_owned),
            ..Page::default()
        }
    }

    #[test]
    fn all_pages_by_number_from_page_one_at_the_largest_size() {
        use crate::core::Provider;
        let caps = Provider::AgentVoice.capabilities();
        let shown = Query {
            page: 4,
            page_size: 10,
            cursor: Some("x".into()),
            ..Query::default()
        };
        let mut pages = AllPages::new(&shown, caps, 1_000);
        let first = pages.next_query().unwrap().clone();
        assert_eq!(
            (first.page, first.page_size, first.cursor),
            (1, caps.max_page_size, None)
        );
        pages.take(page(calls(0..3), true, None));
        assert_eq!(pages.next_query().unwrap().page, 2);
        pages.take(page(calls(3..5), false, None));
        assert_eq!(pages.next_query(), None);
        assert_eq!(pages.calls().len(), 5);
    }

    #[test]
    fn all_pages_by_cursor_end_without_one() {
        use crate::core::Provider;
        let caps = Provider::ElevenLabs.capabilities();
        assert_eq!(caps.pagination, Pagination::Cursor);
        let mut pages = AllPages::new(&Query::default(), caps, 1_000);
        pages.take(page(calls(0..2), true, Some("k2")));
        let next = pages.next_query().unwrap();
        assert_eq!((next.page, next.cursor.as_deref()), (1, Some("k2")));
        // More said, but no cursor to get there: the end.
        pages.take(page(calls(2..4), true, None));
        assert_eq!(pages.next_query(), None);
        assert_eq!(pages.into_calls().len(), 4);
    }

    #[test]
    fn all_pages_stop_at_the_cap_and_on_an_empty_page() {
        use crate::core::Provider;
        let caps = Provider::AgentVoice.capabilities();
        let mut capped = AllPages::new(&Query::default(), caps, 3);
        capped.take(page(calls(0..2), true, None));
        capped.take(page(calls(2..4), true, None));
        assert_eq!(capped.next_query(), None);
        assert_eq!(capped.calls().len(), 3);
        let mut empty = AllPages::new(&Query::default(), caps, 10);
        empty.take(page(Vec::new(), true, None));
        assert_eq!(empty.next_query(), None);
        assert!(AllPages::new(&Query::default(), caps, 0)
            .next_query()
            .is_none());
    }
}
