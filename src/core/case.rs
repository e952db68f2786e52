//! Upper and lower case for the scripts call data comes in: ASCII,
//! Latin-1, Latin Extended-A, Greek and Cyrillic. Other characters keep
//! their case. A few ranges instead of Unicode's full case tables, which
//! would add about 15 KB to the gzipped bundle for scripts a call log
//! does not meet (scripts without case, like Chinese or Arabic, need
//! none).

/// The capital of `c` (for the first letter of a humanized name).
pub fn upper(c: char) -> char {
    let code = u32::from(c);
    let upper = match code {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => {
            code - 0x20
        }
        0x3C2 => 0x3A3,
        0x3AC => 0x386,
        0x3AD..=0x3AF => code - 0x25,
        0x3CC => 0x38C,
        0x3CD..=0x3CE => code - 0x3F,
        0x131 => 0x49,
        0xFF => 0x178,
        0x450..=0x45F => code - 0x50,
        0x101..=0x137 | 0x14B..=0x177 if code % 2 == 1 => code - 1,
        0x13A..=0x148 | 0x17A..=0x17E if code % 2 == 0 => code - 1,
        _ => code,
    };
    char::from_u32(upper).unwrap_or(c)
}

/// The small letter of `c` (for case-insensitive search). `İ` folds to
/// `i`.
pub fn lower(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            code + 0x20
        }
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 0x3F,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x400..=0x40F => code + 0x50,
        0x100..=0x136 | 0x14A..=0x176 if code % 2 == 0 => code + 1,
        0x139..=0x147 | 0x179..=0x17D if code % 2 == 1 => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` with every letter [`lower`]ed.
pub fn lower_str(text: &str) -> String {
    text.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered() -> impl Iterator<Item = char> {
        ('\u{0}'..='\u{17F}')
            .chain('\u{370}'..='\u{3FF}')
            .chain('\u{400}'..='\u{45F}')
    }

    #[test]
    fn agrees_with_unicode_where_it_maps() {
        for c in covered() {
            if upper(c) != c {
                assert_eq!(
                    vec![upper(c)],
                    c.to_uppercase().collect::<Vec<_>>(),
                    "{c:?}"
                );
            }
            if lower(c) != c {
                let unicode = c.to_lowercase().next();
                assert_eq!(Some(lower(c)), unicode, "{c:?}");
            }
        }
    }

    #[test]
    fn maps_the_letters_of_the_covered_scripts() {
        // Modern Greek only: the block's archaic and Coptic letters are left.
        let letters = ('\u{0}'..='\u{17F}')
            .chain('\u{386}'..='\u{3CE}')
            .chain('\u{400}'..='\u{45F}');
        for c in letters {
            let unicode_upper: Vec<char> = c.to_uppercase().collect();
            // µ and ſ capitalize into other blocks (Μ, S); ŉ into two letters.
            if unicode_upper.len() == 1 && unicode_upper[0] != c && !matches!(c, 'µ' | 'ſ') {
                assert_ne!(upper(c), c, "{c:?} has a capital");
            }
            if c.to_lowercase().next() != Some(c) {
                assert_ne!(lower(c), c, "{c:?} has a small letter");
            }
        }
        for (small, capital) in [
            ('a', 'A'),
            ('ü', 'Ü'),
            ('ł', 'Ł'),
            ('ś', 'Ś'),
            ('ω', 'Ω'),
            ('я', 'Я'),
            ('ё', 'Ё'),
            ('ÿ', 'Ÿ'),
        ] {
            assert_eq!(upper(small), capital);
            assert_eq!(lower(capital), small);
        }
        assert_eq!(upper('ς'), 'Σ');
        assert_eq!(lower('İ'), 'i');
        assert_eq!(
            lower_str("ÉCHEC Über ΣΟΦΙΑ Москва"),
            "échec über σοφια москва"
        );
        assert_eq!(lower('中'), '中');
    }
}
