//! "Did you mean" suggestions for misspelt ids.

/// Returns the Levenshtein distance between two strings, in characters.
fn distance(left: &str, right: &str) -> usize {
    let right: Vec<char> = right.chars().collect();
    let mut previous: Vec<usize> = (0..=right.len()).collect();
    let mut current = vec![0; right.len() + 1];
    for (row, left_char) in left.chars().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = row + 1;
        }
        for (column, right_char) in right.iter().enumerate() {
            let substitution =
                previous.get(column).copied().unwrap_or(0) + usize::from(left_char != *right_char);
            let deletion = previous.get(column + 1).copied().unwrap_or(0) + 1;
            let insertion = current.get(column).copied().unwrap_or(0) + 1;
            if let Some(cell) = current.get_mut(column + 1) {
                *cell = substitution.min(deletion).min(insertion);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

/// Finds the candidate closest to a misspelt id, if it is close enough to be
/// a likely typo: at most one edit per four characters, and at most three.
/// Case is ignored, so `Organic_Share` suggests `organic_share`.
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lowered = word.to_lowercase();
    let allowed = (1 + lowered.chars().count() / 4).min(3);
    candidates
        .into_iter()
        .map(|candidate| (distance(&lowered, candidate), candidate))
        .filter(|(edits, _)| *edits <= allowed)
        .min_by_key(|(edits, _)| *edits)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("organic_shares", "organic_share"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["organic_share", "women_share", "eco_packaging"];
        assert_eq!(suggest("organic_shares", ids), Some("organic_share"));
        assert_eq!(suggest("Organic_Share", ids), Some("organic_share"));
        assert_eq!(suggest("salary_level", ids), None);
    }
}
