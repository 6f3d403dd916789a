//! URL-safe slugs for stable ids and IRIs.

/// Turns a name into a lowercase ASCII slug of `[a-z0-9-]`: Latin letters lose their accents,
/// other characters become `u<hex>` so that non-Latin names still get distinct, stable slugs.
///
/// ```
/// use newsgraph::kb::slug;
/// assert_eq!(slug("Antony J. Blinken"), "antony-j-blinken");
/// assert_eq!(slug("Azerbaijan’s Foreign Minister"), "azerbaijan-s-foreign-minister");
/// assert_eq!(slug("München"), "munchen");
/// assert_eq!(slug("Алиев"), "u430u43bu438u435u432");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        let folded = fold(c);
        if let Some(f) = folded {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push_str(f);
        } else if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            for l in c.to_lowercase() {
                out.push_str(&format!("u{:x}", l as u32));
            }
        } else {
            dash = true;
        }
    }
    out
}

/// Accented Latin letters to ASCII.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'č' | 'ć' | 'Ç' | 'Č' | 'Ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ə' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ə' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ş' | 'š' | 'ś' | 'Ş' | 'Š' | 'Ś' => "s",
        'ğ' | 'Ğ' => "g",
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => "z",
        'ß' => "ss",
        'ł' | 'Ł' => "l",
        _ => return None,
    })
}
