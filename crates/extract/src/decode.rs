//! Bytes to text by detection, never by trusting the file extension.
//!
//! Order: a byte-order mark decides outright; then UTF-16 without a BOM is
//! recognised by its pattern of zero bytes; then valid UTF-8 is taken as
//! UTF-8; everything else goes to chardetng, whose GBK/GB2312 guess is
//! decoded as GB18030 (a superset, so no character of a GBK page is lost).
//! A declared HTML charset is only a tie-breaker: real pages often lie.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from bytes, with the encoding that was detected.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary content (NUL or control bytes), not text")]
    Binary,
    #[error("undecodable text: {0}% of characters could not be decoded")]
    Garbled(u32),
}

/// Decodes `bytes` to text, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(encoding, &bytes[bom_len..]);
    }
    if let Some(decoded) = sniff_utf16(bytes).and_then(|encoding| finish(encoding, bytes).ok()) {
        return Ok(decoded);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_string(), encoding: UTF_8.name() });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let encoding = match guess.name() {
        "GBK" | "gb18030" => GB18030,
        _ => declared_charset(bytes).unwrap_or(guess),
    };
    finish(encoding, bytes)
}

/// Decodes `bytes` that a server declared to be in `charset` (the
/// `charset=` of an HTTP Content-Type). The declaration is trusted when it
/// names a multi-byte encoding (UTF-8, GBK, GB18030, Big5) and the bytes
/// decode in it without a single error; a single-byte label (ISO-8859-1 is
/// a common server default for Chinese pages) or bytes that do not fit go
/// to [`decode`]. The second value says whether the declaration was used.
pub fn decode_declared(bytes: &[u8], charset: Option<&str>) -> Result<(Decoded, bool), DecodeError> {
    let declared = charset.and_then(|label| Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes()));
    let multi_byte =
        |e: &'static Encoding| e == UTF_8 || e == GB18030 || e == encoding_rs::GBK || e == encoding_rs::BIG5;
    match declared {
        Some(encoding) if multi_byte(encoding) && Encoding::for_bom(bytes).is_none() => {
            // GBK and GB2312 labels decode as GB18030, their superset.
            let encoding = if encoding == encoding_rs::GBK { GB18030 } else { encoding };
            match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(text) if !text.trim().is_empty() && !looks_binary(bytes) => {
                    Ok((Decoded { text: text.into_owned(), encoding: encoding.name() }, true))
                }
                _ => decode(bytes).map(|d| (d, false)),
            }
        }
        _ => decode(bytes).map(|d| (d, false)),
    }
}

fn finish(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let total = text.chars().count().max(1);
    let bad = text.chars().filter(|&c| c == '\u{FFFD}' || is_bad_control(c)).count();
    let percent = (bad * 100 / total) as u32;
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if percent >= 5 {
        return Err(DecodeError::Garbled(percent));
    }
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name() })
}

fn is_bad_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')
}

/// UTF-16 text without a BOM: in the first kilobyte, zero bytes (from
/// ASCII characters) stand in one byte lane and hardly ever in the other
/// (only a few Han characters, such as 一 U+4E00, have a zero byte).
/// The decoded text must then pass the usual checks, or it is not UTF-16.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // ASCII in UTF-16 puts zero bytes in one lane only; Han text puts none.
    if odd_zero * 20 > pairs && even_zero * 4 < odd_zero {
        Some(UTF_16LE)
    } else if even_zero * 20 > pairs && odd_zero * 4 < even_zero {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NUL bytes or many C0 control bytes in the first 8 KiB mean binary data.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    sample.contains(&0) || controls * 100 > sample.len()
}

/// The charset an HTML page declares in its first 2 KiB, if any.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let start = head.find("charset=")? + "charset=".len();
    let label: String = head[start..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "福建省司法厅召开公共法律服务工作推进会，部署下一阶段重点任务。";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap().text, SAMPLE);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SAMPLE.as_bytes());
        let decoded = decode(&bom).unwrap();
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn gbk_is_detected_without_a_declaration() {
        let (bytes, _, _) = encoding_rs::GBK.encode(SAMPLE);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "gb18030");
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let units: Vec<u16> = format!("<p>{SAMPLE} 12348</p>").encode_utf16().collect();
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        let mut le_bom = vec![0xFF, 0xFE];
        le_bom.extend_from_slice(&le);
        assert!(decode(&le_bom).unwrap().text.contains(SAMPLE));
        assert!(decode(&le).unwrap().text.contains(SAMPLE));
        assert!(decode(&be).unwrap().text.contains(SAMPLE));
    }

    #[test]
    fn a_declared_charset_is_used_when_the_bytes_fit_it() {
        let (gbk, _, _) = encoding_rs::GBK.encode(SAMPLE);
        let (decoded, used) = decode_declared(&gbk, Some("GB2312")).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding, used), (SAMPLE, "gb18030", true));
        let (decoded, used) = decode_declared(SAMPLE.as_bytes(), Some("utf-8")).unwrap();
        assert_eq!((decoded.text.as_str(), used), (SAMPLE, true));
        // A server default that does not fit: GBK bytes labelled UTF-8, Latin-1 for Chinese.
        let (decoded, used) = decode_declared(&gbk, Some("utf-8")).unwrap();
        assert_eq!((decoded.text.as_str(), used), (SAMPLE, false));
        let (decoded, used) = decode_declared(&gbk, Some("iso-8859-1")).unwrap();
        assert_eq!((decoded.text.as_str(), used), (SAMPLE, false));
        let (decoded, used) = decode_declared(&gbk, None).unwrap();
        assert_eq!((decoded.text.as_str(), used), (SAMPLE, false));
        assert_eq!(decode_declared(b"", Some("utf-8")).unwrap_err(), DecodeError::Empty);
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert_eq!(decode(b"\0\x01\x02\x03binary\0").unwrap_err(), DecodeError::Binary);
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\t ").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(), DecodeError::Binary);
    }
}
