//! The list store's side of calls as they happen: a call the live feed
//! tells of changes its row or joins the page shown where it belongs; the
//! newest calls, shown on asking ("3 new calls").

use leptos::prelude::*;

use super::CallList;
use crate::core::live::{self, Arrival};
use crate::core::{Call, Query};

impl CallList {
    /// Takes `call`, told as it happened ([`live::arrival`] says where it
    /// goes, given the newest call time the list has shown): its row
    /// changes in place, or it joins the page shown where it belongs.
    /// Says where it went.
    pub fn take_live(&self, call: Call, newest_known: Option<i64>) -> Arrival {
        let Some(query) = self.query.try_get_untracked() else {
            return Arrival::Outside;
        };
        let arrival = self.list.state().with_untracked(|l| {
            l.value()
                .map(|p| live::arrival(&p.page.rows, &query, newest_known, &call))
        });
        match arrival {
            Some(Arrival::Update(i)) => {
                let changed = self.list.state().with_untracked(|l| {
                    l.value()
                        .and_then(|p| p.page.rows.get(i))
                        .and_then(|row| live::updated(row, call))
                });
                if let Some(merged) = changed {
                    self.list.edit(|p| {
                        if let Some(row) = p.page.rows.get_mut(i) {
                            *row = merged;
                        }
                    });
                }
            }
            Some(Arrival::Insert(i)) => self.list.edit(|p| {
                let at = i.min(p.page.rows.len());
                p.page.rows.insert(at, call);
                p.page.total = p.page.total.map(|t| t + 1);
            }),
            _ => {}
        }
        arrival.unwrap_or(Arrival::Outside)
    }

    /// The first page of the list shown, newest first, whatever the order
    /// shown (what polling asks for: where new calls are).
    pub fn first_page(&self) -> Option<Query> {
        self.query
            .try_get_untracked()
            .map(|q| q.newest_first_page())
    }

    /// Shows the newest calls: the first page, newest first, asked for
    /// afresh ("3 new calls").
    pub fn show_newest(&self) {
        // What is cached is older than what the feed told.
        if let Some(s) = self.source() {
            s.clear_cache();
        }
        let (page, sort) = self.query.with_untracked(|q| (q.page, q.sort));
        if sort.is_some() {
            self.set_sort(None);
        } else if page != 1 {
            self.go_to_page(1);
        } else {
            self.retry();
        }
    }
}
