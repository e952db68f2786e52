//! Display formatting through the browser's `Intl` (no date crate in the
//! bundle): times in the viewer's locale and time zone, numbers, money.

use std::cell::RefCell;

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::{decimal, Cost, CostUnit};

/// Where and how to format: the `locale` and `time-zone` options.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Locale {
    /// A BCP 47 tag; `None` uses the browser's.
    pub locale: Option<String>,
    /// An IANA time zone; `None` uses the browser's.
    pub time_zone: Option<String>,
}

struct Formatters {
    key: Locale,
    date_time: Option<Function>,
    date: Option<Function>,
    number: Option<Function>,
    usd: Option<Function>,
}

thread_local! {
    static CACHE: RefCell<Option<Formatters>> = const { RefCell::new(None) };
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

fn locales(l: &Locale) -> Array {
    l.locale
        .as_deref()
        .map_or_else(Array::new, |tag| Array::of1(&JsValue::from_str(tag)))
}

/// `new Intl.X(locales, options).format`, or `None` when the browser refuses
/// (an unknown time zone or locale tag throws a RangeError).
fn formatter(ctor: &Function, l: &Locale, opts: &Object, with_zone: bool) -> Option<Function> {
    let build = |opts: &Object, locales: &Array| {
        Reflect::construct(ctor, &Array::of2(locales, opts))
            .ok()
            .and_then(|f| Reflect::get(&f, &JsValue::from_str("format")).ok())
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    if with_zone {
        if let Some(tz) = &l.time_zone {
            let _ = Reflect::set(opts, &JsValue::from_str("timeZone"), &JsValue::from_str(tz));
        }
    }
    build(opts, &locales(l))
        .or_else(|| {
            let _ = Reflect::delete_property(opts, &JsValue::from_str("timeZone"));
            build(opts, &locales(l))
        })
        .or_else(|| build(opts, &Array::new()))
}

fn with<T>(l: &Locale, f: impl FnOnce(&Formatters) -> T) -> T {
    CACHE.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.as_ref().is_none_or(|c| &c.key != l) {
            let dtf: Function = Intl::DateTimeFormat::new(&Array::new(), &Object::new())
                .constructor()
                .unchecked_into();
            let nf: Function = Intl::NumberFormat::new(&Array::new(), &Object::new())
                .constructor()
                .unchecked_into();
            *cache = Some(Formatters {
                key: l.clone(),
                date_time: formatter(
                    &dtf,
                    l,
                    &options(&[("dateStyle", "medium"), ("timeStyle", "short")]),
                    true,
                ),
                date: formatter(&dtf, l, &options(&[("dateStyle", "long")]), true),
                number: formatter(&nf, l, &Object::new(), false),
                usd: formatter(
                    &nf,
                    l,
                    &options(&[
                        ("style", "currency"),
                        ("currency", "USD"),
                        ("minimumFractionDigits", "2"),
                        ("maximumFractionDigits", "4"),
                    ]),
                    false,
                ),
            });
        }
        match cache.as_ref() {
            Some(c) => f(c),
            None => f(&Formatters {
                key: l.clone(),
                date_time: None,
                date: None,
                number: None,
                usd: None,
            }),
        }
    })
}

fn call(f: Option<&Function>, arg: &JsValue) -> Option<String> {
    f?.call1(&JsValue::NULL, arg).ok()?.as_string()
}

fn date(ms: i64) -> JsValue {
    js_sys::Date::new(&JsValue::from_f64(ms as f64)).into()
}

/// "Jan 15, 2024, 10:30 AM" in the viewer's locale and zone.
pub fn date_time(l: &Locale, ms: i64) -> String {
    with(l, |f| call(f.date_time.as_ref(), &date(ms)))
        .unwrap_or_else(|| crate::core::time::format_iso8601(ms))
}

/// "January 15, 2024".
pub fn long_date(l: &Locale, ms: i64) -> String {
    with(l, |f| call(f.date.as_ref(), &date(ms)))
        .unwrap_or_else(|| crate::core::time::format_date(ms, 0))
}

/// "1,901".
pub fn number(l: &Locale, n: f64) -> String {
    with(l, |f| call(f.number.as_ref(), &JsValue::from_f64(n)))
        .unwrap_or_else(|| decimal::format(n, 2))
}

/// "$0.25", "3.5 credits".
pub fn money(l: &Locale, cost: Cost) -> String {
    match cost.unit {
        // Cents from a dollar up; sub-dollar amounts keep up to 4 digits
        // ($0.1834 is a real per-call cost).
        CostUnit::Usd => {
            let amount = if cost.amount >= 1.0 {
                (cost.amount * 100.0).round() / 100.0
            } else {
                cost.amount
            };
            with(l, |f| call(f.usd.as_ref(), &JsValue::from_f64(amount)))
                .unwrap_or_else(|| format!("${}", decimal::format(amount, 4)))
        }
        CostUnit::Credits => {
            let n = number(l, cost.amount);
            if cost.amount == 1.0 {
                format!("{n} credit")
            } else {
                format!("{n} credits")
            }
        }
    }
}

/// The viewer's UTC offset in minutes now (for providers that filter by
/// calendar date).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}
