//! Phone numbers for display.

/// E.164 North American numbers as `+1 (415) 555-0100`; anything else as
/// given (other countries' groupings vary too much to guess).
pub fn display(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let plain = number
        .trim_start_matches('+')
        .chars()
        .all(|c| c.is_ascii_digit());
    match (number.starts_with("+1"), digits.len(), plain) {
        (true, 11, true) => {
            let d = |a: usize, b: usize| digits.get(a..b).unwrap_or_default();
            format!("+1 ({}) {}-{}", d(1, 4), d(4, 7), d(7, 11))
        }
        _ => number.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::display;

    #[test]
    fn north_american_numbers_are_grouped() {
        assert_eq!(display("+14155550100"), "+1 (415) 555-0100");
        assert_eq!(display("+442071838750"), "+442071838750");
        assert_eq!(display("+1 415 555"), "+1 415 555");
        assert_eq!(display("(123) 456-7890"), "(123) 456-7890");
        assert_eq!(display(""), "");
    }
}
