//! Dates: ISO dates from news phrasing, relative days resolved against the document date.

/// Month names, for dates.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names (Monday first), for relative dates.
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Days in a month of the Gregorian calendar.
///
/// ```
/// assert_eq!(newsgraph::text::days_in_month(2024, 2), 29);
/// assert_eq!(newsgraph::text::days_in_month(2023, 2), 28);
/// ```
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let mut p = s.splitn(3, '-');
    Some((p.next()?.parse().ok()?, p.next()?.parse().ok()?, p.next()?.get(..2)?.parse().ok()?))
}

fn iso(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(&w) && (w.len() == m.len() || w.len() <= 4)).map(|i| i as u32 + 1)
}

/// The first date a sentence's words give, as ISO `YYYY-MM-DD`: `17 February 2024`, `February 17,
/// 2024`, `2024-02-17`, and, given the document date, `17 February`, `on Friday` (the last Friday
/// on or before the document date), `yesterday`, `today`.
///
/// ```
/// use newsgraph::text::date_in;
/// let words = ["talks", "on", "Friday"];
/// assert_eq!(date_in(&words, Some("2024-02-19")).as_deref(), Some("2024-02-16"));
/// assert_eq!(date_in(&["on", "17", "February", "2024"], None).as_deref(), Some("2024-02-17"));
/// ```
pub fn date_in(words: &[&str], doc_date: Option<&str>) -> Option<String> {
    let base = doc_date.and_then(parse_iso);
    let valid = |y: i32, m: u32, d: u32| (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
    for (i, w) in words.iter().enumerate() {
        if let Some((y, m, d)) = parse_iso(w).filter(|_| w.len() == 10) {
            if valid(y, m, d) {
                return Some(iso(y, m, d));
            }
        }
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        let year_at = |k: usize| next(k).parse::<i32>().ok().filter(|y| (1900..=2100).contains(y));
        // 17 February [2024]
        if let (Ok(d), Some(m)) = (w.parse::<u32>(), month_of(next(1))) {
            let y = year_at(2).or(base.map(|b| b.0));
            if let Some(y) = y.filter(|&y| valid(y, m, d)) {
                return Some(iso(y, m, d));
            }
        }
        // February 17[,] [2024]
        if let (Some(m), Ok(d)) = (month_of(w), next(1).parse::<u32>()) {
            let y = if next(2) == "," { year_at(3) } else { year_at(2) }.or(base.map(|b| b.0));
            if let Some(y) = y.filter(|&y| valid(y, m, d)) {
                return Some(iso(y, m, d));
            }
        }
        let Some((by, bm, bd)) = base else { continue };
        let today = days_from_civil(by, bm, bd);
        let lower = w.to_lowercase();
        let shift = match lower.as_str() {
            "today" | "tonight" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => WEEKDAYS
                .iter()
                .position(|d| *d == lower)
                .filter(|_| i > 0 && matches!(words[i - 1], "on" | "last" | "On"))
                .map(|wd| {
                    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
                    let base_wd = (today + 3).rem_euclid(7);
                    -((base_wd - wd as i64).rem_euclid(7))
                }),
        };
        if let Some(s) = shift {
            let (y, m, d) = civil_from_days(today + s);
            return Some(iso(y, m, d));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("met on 17 February 2024 in Munich", None, Some("2024-02-17")),
            ("met on February 17 , 2024", None, Some("2024-02-17")),
            ("on Feb. 17", Some("2024-03-01"), Some("2024-02-17")),
            ("met on Friday", Some("2024-02-17"), Some("2024-02-16")),
            ("met on Saturday", Some("2024-02-17"), Some("2024-02-17")),
            ("met yesterday", Some("2024-03-01"), Some("2024-02-29")),
            ("met on Friday", None, None),
            ("on 30 February 2024", None, None),
            ("in May", Some("2024-01-01"), None),
        ];
        for (text, base, want) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(date_in(&words, *base).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn civil_round_trip() {
        for days in [-1000, 0, 19770, 20000, 60000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
