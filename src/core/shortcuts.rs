//! The widget's keyboard shortcuts: which key does what, given where the
//! focus is. Only keys pressed inside the widget reach this, and never
//! while typing in a text field.

use super::words::{self, Msg};

/// What has the focus when a key is pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A text field (text, search, number, date inputs, text areas,
    /// editable content): every key is the field's.
    Text,
    /// A slider (the recording's seek bar): arrows and space are its own.
    Slider,
    /// A select: arrows and space are its own.
    Choice,
    /// A button, link, summary or table row: space and Enter are its own.
    Control,
    /// Anything else in the widget.
    Other,
}

/// An action a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Play or pause the recording.
    PlayPause,
    /// Back 10 seconds.
    Back,
    /// Forward 10 seconds.
    Forward,
    /// Play from the previous turn.
    PreviousTurn,
    /// Play from the next turn.
    NextTurn,
    /// Focus the search field (the transcript's, else the list's).
    Search,
    /// Show or hide the list of shortcuts.
    Help,
}

/// A shortcut's keys as the help shows them: a key's name (words) or
/// the glyphs printed on the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    /// A named key (Space, Esc, Enter).
    Named(Msg),
    /// Keys shown as they are printed (`← / →`, `j / k`, `/`, `?`).
    Glyphs(&'static str),
}

/// The shortcuts as the help lists them: keys and what they do.
pub const HELP: [(Keys, Msg); 7] = [
    (Keys::Named(words::KEY_SPACE), words::SHORTCUT_PLAY_PAUSE),
    (Keys::Glyphs("← / →"), words::SHORTCUT_SKIP),
    (Keys::Glyphs("j / k"), words::SHORTCUT_TURNS),
    (Keys::Glyphs("/"), words::SHORTCUT_SEARCH),
    (Keys::Named(words::KEY_ESC), words::SHORTCUT_CLOSE),
    (Keys::Glyphs("?"), words::SHORTCUT_HELP),
    (Keys::Named(words::KEY_ENTER), words::SHORTCUT_OPEN),
];

/// The shortcut `key` (a `KeyboardEvent.key`) asks for with the focus on
/// `focus`; `None` when the key is someone else's. Keys with Ctrl, Alt or
/// Meta are the browser's and the page's.
pub fn shortcut(key: &str, with_modifier: bool, focus: Focus) -> Option<Shortcut> {
    if with_modifier || focus == Focus::Text {
        return None;
    }
    let own_arrows = matches!(focus, Focus::Slider | Focus::Choice);
    match key {
        " " | "Spacebar" if focus == Focus::Other => Some(Shortcut::PlayPause),
        "ArrowLeft" if !own_arrows => Some(Shortcut::Back),
        "ArrowRight" if !own_arrows => Some(Shortcut::Forward),
        "j" | "J" => Some(Shortcut::NextTurn),
        "k" | "K" => Some(Shortcut::PreviousTurn),
        "/" => Some(Shortcut::Search),
        "?" => Some(Shortcut::Help),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts_where_the_focus_allows() {
        assert_eq!(
            shortcut(" ", false, Focus::Other),
            Some(Shortcut::PlayPause)
        );
        assert_eq!(
            shortcut("ArrowLeft", false, Focus::Other),
            Some(Shortcut::Back)
        );
        assert_eq!(
            shortcut("ArrowRight", false, Focus::Control),
            Some(Shortcut::Forward)
        );
        assert_eq!(
            shortcut("j", false, Focus::Control),
            Some(Shortcut::NextTurn)
        );
        assert_eq!(
            shortcut("K", false, Focus::Slider),
            Some(Shortcut::PreviousTurn)
        );
        assert_eq!(shortcut("/", false, Focus::Other), Some(Shortcut::Search));
        assert_eq!(shortcut("?", false, Focus::Choice), Some(Shortcut::Help));
    }

    #[test]
    fn typing_controls_and_the_browser_keep_their_keys() {
        for key in [" ", "ArrowLeft", "j", "k", "/", "?"] {
            assert_eq!(
                shortcut(key, false, Focus::Text),
                None,
                "{key:?} in a text field"
            );
            assert_eq!(
                shortcut(key, true, Focus::Other),
                None,
                "{key:?} with a modifier"
            );
        }
        // Space presses a focused button or opens a row; a slider and a
        // select keep their arrows.
        assert_eq!(shortcut(" ", false, Focus::Control), None);
        assert_eq!(shortcut(" ", false, Focus::Slider), None);
        assert_eq!(shortcut("ArrowLeft", false, Focus::Slider), None);
        assert_eq!(shortcut("ArrowRight", false, Focus::Choice), None);
        assert_eq!(shortcut("a", false, Focus::Other), None);
        assert_eq!(shortcut("Enter", false, Focus::Other), None);
    }
}
