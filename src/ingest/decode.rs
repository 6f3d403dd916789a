//! Bytes to text: UTF-8 only, with a clear word for what is not (binary data, UTF-16).

use crate::error::{Error, Result};
use std::path::Path;

/// The UTF-8 byte-order mark, which some editors put first and which is no part of the text.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Checks that bytes (their byte-order mark dropped by [`strip_bom`]) are UTF-8 text.
pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let bytes = bytes.as_slice();
    if let Some(big_endian) = utf16(bytes) {
        return Err(Error::Utf16 { path: path.to_path_buf(), big_endian });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path: path.to_path_buf(), offset });
    }
    String::from_utf8(bytes.to_vec())
        .map_err(|e| Error::NotUtf8 { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() })
}

/// The bytes after a UTF-8 byte-order mark (all of them when there is none), so that every byte
/// offset counts from the first character of the article.
pub(super) fn strip_bom(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    bytes
}

/// `Some(big_endian)` when the bytes look like UTF-16: a UTF-16 byte-order mark, or mostly
/// ASCII with a NUL byte beside every character.
pub(super) fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xff, 0xfe, ..] => return Some(false),
        [0xfe, 0xff, ..] => return Some(true),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let nul_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (nul_at(0), nul_at(1));
    if odd * 10 >= pairs * 9 && even == 0 {
        Some(false)
    } else if even * 10 >= pairs * 9 && odd == 0 {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_named_with_or_without_a_mark() {
        let text = "Talks in Baku\n\nThe talks went well.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16(&le), Some(false));
        assert_eq!(utf16(&be), Some(true));
        assert_eq!(utf16(&[&[0xff, 0xfe][..], &le].concat()), Some(false));
        assert_eq!(utf16(text.as_bytes()), None);
        assert_eq!(utf16(b"PK\x03\x04\x00\x00\x14\x00"), None);
        let err = decode(Path::new("u.txt"), le).unwrap_err().to_string();
        assert!(err.contains("u.txt") && err.contains("UTF-16 (little-endian)"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_is_no_part_of_the_text() {
        let text = decode(Path::new("b.txt"), strip_bom(b"\xef\xbb\xbfBaku".to_vec())).unwrap();
        assert_eq!(text, "Baku");
    }
}
