//! Stylesheets that come with the views using them: the call view's
//! (`detail.css`) arrives with its code, in the separately loaded chunk,
//! rather than before the first rows. A constructed `CSSStyleSheet` (which
//! a strict `style-src` allows, unlike a `<style>` element) is adopted
//! into the document or shadow root the view renders in, once per root.

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Node, ShadowRoot};

/// The call view's stylesheet: the detail's sections, player, timeline and
/// transcript. The list's and the detail panel's frame are in
/// [`crate::ui::STYLE`]; both use its `--cb-*` tokens.
pub const DETAIL_STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/detail.css"));

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

#[cfg(test)]
mod tests {
    use super::DETAIL_STYLE;
    use crate::ui::STYLE;

    #[test]
    fn the_stylesheets_are_minified_with_their_rules_and_strings_intact() {
        for css in [STYLE, DETAIL_STYLE] {
            assert!(!css.contains("/*") && !css.contains('\n'), "minified");
            assert!(
                !css.contains(";}") && !css.contains(" {"),
                "no needless characters"
            );
        }
        // Strings as written, descendant combinators kept, queries whole.
        assert!(STYLE.contains(r#".cb-badge::before{content: "● ";"#));
        assert!(STYLE.contains(".cb :focus-visible{"));
        assert!(STYLE.contains("@container cb (max-width: 640px){"));
        assert!(DETAIL_STYLE
            .contains(r#".cb-turn[data-speaker="agent"] .cb-turn__speaker::before{content: "◆"}"#));
        assert!(
            DETAIL_STYLE.contains(".cb-tool[data-kind=\"tool\"] .cb-tool__title,.cb-tool__json{")
        );
    }
}
