//! Display formatting through the browser's `Intl` (no date crate in the
//! bundle): times in the viewer's locale and time zone, numbers, money.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::words::Words;
use crate::core::{decimal, Cost, CostUnit};

/// Where and how to format: the `locale` and `time-zone` options, and
/// the words of the language the widget speaks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Locale {
    /// A BCP 47 tag; `None` uses the browser's.
    pub locale: Option<String>,
    /// An IANA time zone; `None` uses the browser's.
    pub time_zone: Option<String>,
    /// The widget's words.
    pub words: Words,
}

/// The formatters of one locale and zone, each made on first use (making
/// an `Intl` formatter is the expensive part; the first rows need only the
/// date-time one).
struct Formatters {
    key: Locale,
    date_time: OnceCell<Option<Function>>,
    date: OnceCell<Option<Function>>,
    number: OnceCell<Option<Function>>,
    usd: OnceCell<Option<Function>>,
    offset: OnceCell<Option<Function>>,
}

thread_local! {
    static CACHE: RefCell<Option<Rc<Formatters>>> = const { RefCell::new(None) };
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

/// `Intl.DateTimeFormat` or `Intl.NumberFormat`, the constructor itself.
fn constructor(name: &str) -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    Reflect::get(&intl, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// `new Intl.X(locales, options).format`, or `None` when the browser refuses
/// (an unknown time zone or locale tag throws a RangeError).
fn formatter(ctor: &str, l: &Locale, opts: &Object, with_zone: bool) -> Option<Function> {
    let ctor = constructor(ctor)?;
    let build = |opts: &Object, locales: &Array| {
        Reflect::construct(&ctor, &Array::of2(locales, opts))
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

/// The plural category of `n` in language `tag` (`one`, `few`, `other`,
/// …), as `Intl.PluralRules` says (`tag` is one of the widget's
/// languages).
pub fn plural_category(tag: &str, n: f64) -> String {
    let locales = Array::of1(&JsValue::from_str(tag));
    js_sys::Intl::PluralRules::new(&locales, &Object::new())
        .select(n)
        .into()
}

/// The formatters for `l` (a new set when the locale or zone changed).
fn formatters(l: &Locale) -> Rc<Formatters> {
    CACHE.with(|cell| {
        let mut cache = cell.borrow_mut();
        match cache.as_ref() {
            Some(f) if &f.key == l => Rc::clone(f),
            _ => {
                let f = Rc::new(Formatters {
                    key: l.clone(),
                    date_time: OnceCell::new(),
                    date: OnceCell::new(),
                    number: OnceCell::new(),
                    usd: OnceCell::new(),
                    offset: OnceCell::new(),
                });
                *cache = Some(Rc::clone(&f));
                f
            }
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
    let f = formatters(l);
    let format = f.date_time.get_or_init(|| {
        let opts = options(&[("dateStyle", "medium"), ("timeStyle", "short")]);
        formatter("DateTimeFormat", l, &opts, true)
    });
    call(format.as_ref(), &date(ms)).unwrap_or_else(|| crate::core::time::format_iso8601(ms))
}

/// "January 15, 2024".
pub fn long_date(l: &Locale, ms: i64) -> String {
    let f = formatters(l);
    let format = f.date.get_or_init(|| {
        formatter(
            "DateTimeFormat",
            l,
            &options(&[("dateStyle", "long")]),
            true,
        )
    });
    call(format.as_ref(), &date(ms)).unwrap_or_else(|| crate::core::time::format_date(ms, 0))
}

/// "1,901".
pub fn number(l: &Locale, n: f64) -> String {
    let f = formatters(l);
    let format = f
        .number
        .get_or_init(|| formatter("NumberFormat", l, &Object::new(), false));
    call(format.as_ref(), &JsValue::from_f64(n)).unwrap_or_else(|| decimal::format(n, 2))
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
            let f = formatters(l);
            let format = f.usd.get_or_init(|| {
                let opts = options(&[
                    ("style", "currency"),
                    ("currency", "USD"),
                    ("minimumFractionDigits", "2"),
                    ("maximumFractionDigits", "4"),
                ]);
                formatter("NumberFormat", l, &opts, false)
            });
            call(format.as_ref(), &JsValue::from_f64(amount))
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

/// The UTC offset in minutes of the widget's time zone (the `time-zone`
/// option, else the browser's) at instant `ms`: daylight saving included.
pub fn offset_minutes(l: &Locale, ms: i64) -> i32 {
    let browser =
        || -(js_sys::Date::new(&JsValue::from_f64(ms as f64)).get_timezone_offset() as i32);
    if l.time_zone.is_none() {
        return browser();
    }
    let f = formatters(l);
    let format = f.offset.get_or_init(|| {
        // "3 PM GMT-04:00": English, so the offset reads the same everywhere.
        let english = Locale {
            locale: Some("en-US".to_owned()),
            time_zone: l.time_zone.clone(),
            words: Words::ENGLISH,
        };
        let opts = options(&[("hour", "numeric"), ("timeZoneName", "longOffset")]);
        formatter("DateTimeFormat", &english, &opts, true)
    });
    call(format.as_ref(), &date(ms))
        .and_then(|s| crate::core::time::parse_gmt_offset(&s))
        .unwrap_or_else(browser)
}

/// The widget's UTC offset in minutes now.
pub fn offset_now(l: &Locale) -> i32 {
    offset_minutes(l, js_sys::Date::now() as i64)
}
