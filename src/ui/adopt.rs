//! Stylesheets that come with the views using them: the call view's
//! (`detail.css`), the list controls' (`controls.css`) and the live
//! feed's (`live.css`) arrive with their code, in the separately loaded
//! chunks, rather than before the first rows. A constructed `CSSStyleSheet` (which
//! a strict `style-src` allows, unlike a `<style>` element) is adopted
//! into the document or shadow root the view renders in, once per root.

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Node, ShadowRoot};

use super::boxed::effect;
use super::el_ref::ElRef;

/// The call view's stylesheet: the detail's sections, player, timeline and
/// transcript. The list's and the detail panel's frame are in
/// [`crate::ui::STYLE`]; both use its `--cb-*` tokens.
pub const DETAIL_STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/detail.css"));

/// The list controls' stylesheet: the filter bar's chips and count, the
/// pager's page numbers.
pub const CONTROLS_STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/controls.css"));

/// The live feed's stylesheet: its dot and the count of new calls.
pub const LIVE_STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/live.css"));

thread_local! {
    /// Each stylesheet built once, shared by every root that adopts it.
    static SHEETS: RefCell<Vec<(&'static str, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

fn sheet(css: &'static str) -> Option<CssStyleSheet> {
    SHEETS.with_borrow_mut(|sheets| {
        if let Some((_, s)) = sheets.iter().find(|(c, _)| std::ptr::eq(*c, css)) {
            return Some(s.clone());
        }
        let s = CssStyleSheet::new().ok()?;
        s.replace_sync(css).ok()?;
        sheets.push((css, s.clone()));
        Some(s)
    })
}

/// `current` with `sheet` added, unless it is there already.
fn with_sheet(current: &Array, sheet: &CssStyleSheet) -> Option<Array> {
    (!current.includes(sheet, 0)).then(|| current.concat(&Array::of1(sheet)))
}

/// Adopts `css` into the shadow root `node` is in, or else its document
/// (call it once `node` is in the page; a node out of the page, such as
/// the call view's warm-up, `ui::warm`, adopts nothing).
pub fn adopt(node: &Node, css: &'static str) {
    if !node.is_connected() {
        return;
    }
    let Some(sheet) = sheet(css) else {
        return;
    };
    if let Some(shadow) = node.get_root_node().dyn_ref::<ShadowRoot>() {
        if let Some(next) = with_sheet(&shadow.adopted_style_sheets(), &sheet) {
            shadow.set_adopted_style_sheets(&next);
        }
    } else if let Some(document) = node.owner_document() {
        if let Some(next) = with_sheet(&document.adopted_style_sheets(), &sheet) {
            document.set_adopted_style_sheets(&next);
        }
    }
}

/// Adopts `css` where `el` renders, once it is in the page: the styles of
/// a view that comes with its code.
pub fn use_style<E: JsCast + AsRef<Node> + 'static>(el: ElRef<E>, css: &'static str) {
    effect(move || {
        if let Some(el) = el.get() {
            adopt(el.as_ref(), css);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::{CONTROLS_STYLE, DETAIL_STYLE, LIVE_STYLE};
    use crate::ui::STYLE;

    #[test]
    fn the_stylesheets_are_minified_with_their_rules_and_strings_intact() {
        for css in [STYLE, DETAIL_STYLE, CONTROLS_STYLE, LIVE_STYLE] {
            assert!(!css.contains("/*") && !css.contains('\n'), "minified");
            assert!(
                !css.contains(";}") && !css.contains(" {") && !css.contains("display: "),
                "no needless characters"
            );
        }
        // Strings as written, descendant combinators kept, queries whole.
        assert!(STYLE.contains(r#".cb-badge::before{content:"● ";"#));
        assert!(STYLE.contains(".cb :focus-visible{"));
        assert!(STYLE.contains("@container cb (max-width:640px){"));
        assert!(DETAIL_STYLE
            .contains(r#".cb-turn[data-speaker="agent"] .cb-turn__speaker::before{content:"◆"}"#));
        assert!(
            DETAIL_STYLE.contains(".cb-tool[data-kind=\"tool\"] .cb-tool__title,.cb-tool__json{")
        );
        assert!(DETAIL_STYLE.contains("@container list (max-width:608px){"));
        assert!(CONTROLS_STYLE.contains(r#".cb-page[aria-current="page"]{"#));
        assert!(LIVE_STYLE.contains(r#".cb-live[data-state="offline"] .cb-live__dot{"#));
    }
}
