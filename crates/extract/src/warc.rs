//! Web archives (WARC 1.0 and 1.1, as written by `wget --warc-file`,
//! Heritrix and Browsertrix) to pages.
//!
//! Every HTML response record is a page, handed over with its target URI,
//! the day it was fetched and the charset its server declared. Every other
//! record (warcinfo, request, metadata, revisit, redirects, error pages,
//! images, style sheets, robots.txt) is not a page: it becomes a
//! [`NotAPage`] item that the indexer counts by kind, apart from failures.
//!
//! Records are parsed by the `rust_warc` crate. It trusts a record's
//! Content-Length for its allocation and reads header lines without bound,
//! so this module frames each record first (a header of at most
//! [`MAX_HEADER_BYTES`], content within [`MAX_RECORD_BYTES`]) and hands the
//! crate exactly one record. HTTP heads are parsed by `httparse`; chunked
//! transfer and gzip/deflate content encodings are undone here.
//!
//! The file runs past 500 lines only with its tests (about 380 lines of
//! code): framing records, reading their HTTP heads and deciding what is a
//! page are one concern, reading an archive.

use std::io::{BufRead, BufReader, Cursor, Read};

use sifa_model::SourceRef;

use crate::item::{MAX_FILE_BYTES, NotAPage, Payload, Provenance, RawItem, SkipReason, SourceFormat};

/// Longest WARC record header read.
pub const MAX_HEADER_BYTES: u64 = 64 * 1024;
/// Largest record read into memory: a page at the page limit with its HTTP head.
pub const MAX_RECORD_BYTES: u64 = MAX_FILE_BYTES + 64 * 1024;
/// How much of an oversized record is read to say what it was.
const OVERSIZED_PEEK_BYTES: u64 = 16 * 1024;

/// The WARC record types, named as counted.
fn record_kind(warc_type: &str) -> &'static str {
    match warc_type.to_ascii_lowercase().as_str() {
        "warcinfo" => "warcinfo",
        "request" => "request",
        "metadata" => "metadata",
        "revisit" => "revisit",
        "conversion" => "conversion",
        "continuation" => "continuation",
        "resource" => "resource",
        "response" => "response",
        _ => "other_record",
    }
}

/// The records of a WARC stream (already decompressed), read lazily. Each
/// item's `source.line` is the record's number in the file, from 1.
pub struct WarcRecords<R> {
    reader: R,
    relative: String,
    record: u64,
    done: bool,
}

impl<R: BufRead> WarcRecords<R> {
    pub fn new(reader: R, relative: &str) -> Self {
        Self { reader, relative: relative.to_string(), record: 0, done: false }
    }

    /// The next record's payload; `None` at the end of the stream.
    fn read_record(&mut self) -> Result<Option<Payload>, SkipReason> {
        let Some(head) = read_head(&mut self.reader)? else { return Ok(None) };
        let length = field(&head, "Content-Length")
            .and_then(|v| v.parse::<u64>().ok())
            .ok_or_else(|| corrupt("a WARC record without a valid Content-Length"))?;
        if length > MAX_RECORD_BYTES {
            return oversized(&head, &mut self.reader, length).map(Some);
        }
        let framed = Cursor::new(head).chain((&mut self.reader).take(length + 4));
        let record = rust_warc::WarcRecord::parse(BufReader::new(framed)).map_err(|e| match e {
            rust_warc::WarcError::Malformed(why) => corrupt(&why),
            rust_warc::WarcError::IO(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                corrupt("the archive ends inside a record")
            }
            rust_warc::WarcError::IO(e) => unreadable(e),
            rust_warc::WarcError::EOF => corrupt("the archive ends inside a record"),
        })?;
        let get = |name: &str| record.header.get(&name.into()).map(String::as_str);
        let target = get("WARC-Target-URI").map(|u| u.trim().trim_start_matches('<').trim_end_matches('>').to_string());
        let fetched = get("WARC-Date").and_then(iso_day);
        Ok(Some(match record_kind(get("WARC-Type").unwrap_or_default()) {
            "response" if is_http(get("Content-Type"), target.as_deref()) => {
                http_response(&record.content, Provenance { url: target, fetched, ..Provenance::default() })
            }
            "response" => Payload::Failed(SkipReason::NotAPage(NotAPage::NotHtml(
                get("Content-Type").unwrap_or("no content type").to_string(),
            ))),
            "resource" if is_html_type(get("Content-Type")) && target.as_deref().is_some_and(is_http_uri) => {
                let provenance = Provenance { url: target, fetched, ..Provenance::default() };
                Payload::Page { bytes: record.content, format: SourceFormat::Html, provenance }
            }
            kind => Payload::Failed(SkipReason::NotAPage(NotAPage::Record(kind))),
        }))
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = RawItem;

    fn next(&mut self) -> Option<RawItem> {
        if self.done {
            return None;
        }
        let payload = match self.read_record() {
            Ok(Some(payload)) => payload,
            Ok(None) => {
                self.done = true;
                return None;
            }
            Err(reason) => {
                // Framing is lost: nothing after a broken record can be trusted.
                self.done = true;
                Payload::Failed(reason)
            }
        };
        self.record += 1;
        Some(RawItem { source: SourceRef { path: self.relative.clone(), line: Some(self.record) }, payload })
    }
}

/// The archive's framing is broken.
fn corrupt(why: &str) -> SkipReason {
    SkipReason::MalformedArchive(why.to_string())
}

/// Reading failed below the archive: the file, or its gzip stream.
fn unreadable(e: std::io::Error) -> SkipReason {
    SkipReason::Corrupt(e.to_string())
}

/// The header block of the next record, through its blank line; `None` at
/// the end of the stream. Blank lines between records are skipped.
fn read_head(reader: &mut impl BufRead) -> Result<Option<Vec<u8>>, SkipReason> {
    let mut head = Vec::new();
    loop {
        let budget = MAX_HEADER_BYTES.saturating_sub(head.len() as u64);
        if budget == 0 {
            return Err(corrupt("a record header longer than 64 KiB"));
        }
        let start = head.len();
        let read = reader.take(budget).read_until(b'\n', &mut head).map_err(unreadable)?;
        let line = &head[start..];
        if read == 0 {
            return if head.iter().all(u8::is_ascii_whitespace) {
                Ok(None)
            } else {
                Err(corrupt("the archive ends inside a record header"))
            };
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            if start == 0 {
                head.clear();
                continue;
            }
            return Ok(Some(head));
        }
        if start == 0 && !line.starts_with(b"WARC/") {
            return Err(corrupt("not a WARC record (no WARC/ version line)"));
        }
    }
}

/// A header field of a raw header block, case-insensitively.
fn field<'h>(head: &'h [u8], name: &str) -> Option<&'h str> {
    head.split(|&b| b == b'\n').find_map(|line| {
        let line = std::str::from_utf8(line).ok()?;
        let (key, value) = line.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// A record too large to read: the start is read to say what it was (a
/// huge HTML page is a skip, anything else is not a page) and the rest is
/// passed over without being kept.
fn oversized(head: &[u8], reader: &mut impl BufRead, length: u64) -> Result<Payload, SkipReason> {
    let mut start = Vec::new();
    reader.take(OVERSIZED_PEEK_BYTES.min(length)).read_to_end(&mut start).map_err(unreadable)?;
    let rest = length - start.len() as u64 + 4;
    let passed = std::io::copy(&mut reader.take(rest), &mut std::io::sink()).map_err(unreadable)?;
    if passed < rest {
        return Err(corrupt("the archive ends inside a record"));
    }
    let kind = record_kind(field(head, "WARC-Type").unwrap_or_default());
    let not_a_page = match (kind, http_head(&start)) {
        ("response", Some(http)) => not_a_page(&http, http.content_type.is_some()),
        ("resource", _) if is_html_type(field(head, "Content-Type")) => None,
        _ => Some(NotAPage::Record(kind)),
    };
    Ok(Payload::Failed(not_a_page.map_or(SkipReason::TooLarge(length), SkipReason::NotAPage)))
}

/// Why a response is not a page, judged from its head; `None` for a
/// successful HTML response (or one without a Content-Type, which is
/// sniffed by the caller when `typed` is false).
fn not_a_page(head: &HttpHead, typed: bool) -> Option<NotAPage> {
    match head.status {
        300..=399 => Some(NotAPage::Redirect(head.status)),
        200 | 203 if !typed || is_html_type(head.content_type.as_deref()) => None,
        200 | 203 => Some(NotAPage::NotHtml(head.content_type.as_deref().map_or("", mime_type).to_string())),
        status => Some(NotAPage::HttpStatus(status)),
    }
}

/// The parts of an HTTP response head that matter here.
struct HttpHead {
    status: u16,
    length: usize,
    content_type: Option<String>,
    content_encoding: Option<String>,
    chunked: bool,
    date: Option<String>,
    last_modified: Option<String>,
}

fn http_head(content: &[u8]) -> Option<HttpHead> {
    let mut headers = vec![httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(length) = response.parse(content).ok()? else { return None };
    let value = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    Some(HttpHead {
        status: response.code?,
        length,
        content_type: value("Content-Type"),
        content_encoding: value("Content-Encoding").map(|e| e.to_ascii_lowercase()),
        chunked: value("Transfer-Encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")),
        date: value("Date"),
        last_modified: value("Last-Modified"),
    })
}

/// An HTTP response record's content to a page, or why it is none.
fn http_response(content: &[u8], provenance: Provenance) -> Payload {
    let Some(head) = http_head(content) else {
        return Payload::Failed(SkipReason::Unreadable("WARC response record: the HTTP head cannot be parsed".into()));
    };
    if let Some(reason) = not_a_page(&head, head.content_type.is_some()) {
        return Payload::Failed(SkipReason::NotAPage(reason));
    }
    let body = &content[head.length..];
    let body = if head.chunked { dechunk(body) } else { body.to_vec() };
    let body = match decode_content(body, head.content_encoding.as_deref()) {
        Ok(body) => body,
        Err(reason) => return Payload::Failed(reason),
    };
    let sniffed = || crate::markup::looks_like_html_document(&String::from_utf8_lossy(&body[..body.len().min(1024)]));
    if head.content_type.is_none() && !sniffed() {
        return Payload::Failed(SkipReason::NotAPage(NotAPage::NotHtml("no content type".into())));
    }
    let provenance = Provenance {
        fetched: head.date.as_deref().and_then(http_day).or(provenance.fetched),
        last_modified: head.last_modified.as_deref().and_then(http_day),
        charset: head.content_type.as_deref().and_then(charset),
        ..provenance
    };
    Payload::Page { bytes: body, format: SourceFormat::Html, provenance }
}

/// Chunked transfer coding undone; a malformed chunk ends the body where
/// it stands (servers and crawlers cut connections).
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size_line = String::from_utf8_lossy(&body[..end]);
        let Ok(size) = usize::from_str_radix(size_line.split(';').next().unwrap_or_default().trim(), 16) else { break };
        let data = &body[end + 2..];
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[..size.min(data.len())]);
        body = data.get(size + 2..).unwrap_or_default();
    }
    out
}

/// Content encoding undone, within the page limit.
fn decode_content(body: Vec<u8>, encoding: Option<&str>) -> Result<Vec<u8>, SkipReason> {
    let mut decoder: Box<dyn Read> = match encoding.map(str::trim) {
        None | Some("" | "identity") => return Ok(body),
        Some("gzip" | "x-gzip") => Box::new(flate2::read::MultiGzDecoder::new(Cursor::new(body))),
        Some("deflate") if body.first().is_some_and(|b| b & 0x0f == 8) => {
            Box::new(flate2::read::ZlibDecoder::new(Cursor::new(body)))
        }
        Some("deflate") => Box::new(flate2::read::DeflateDecoder::new(Cursor::new(body))),
        Some(other) => return Err(SkipReason::Unreadable(format!("content encoding {other} is not supported"))),
    };
    let mut out = Vec::new();
    (&mut decoder)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| SkipReason::Unreadable(format!("compressed page is corrupt: {e}")))?;
    if out.len() as u64 > MAX_FILE_BYTES {
        return Err(SkipReason::TooLarge(out.len() as u64));
    }
    Ok(out)
}

/// `application/http; msgtype=response` (a dns: or ftp: record is no page).
fn is_http(content_type: Option<&str>, target: Option<&str>) -> bool {
    let http_type = content_type.is_none_or(|t| mime_type(t).eq_ignore_ascii_case("application/http"));
    http_type && target.is_none_or(is_http_uri)
}

fn is_http_uri(uri: &str) -> bool {
    let lower = uri.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn is_html_type(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|t| {
        let mime = mime_type(t).to_ascii_lowercase();
        mime == "text/html" || mime == "application/xhtml+xml"
    })
}

fn mime_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or_default().trim()
}

/// The `charset=` parameter of a Content-Type.
fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// `2024-05-06` of a WARC-Date (`2024-05-06T08:00:00Z`).
fn iso_day(date: &str) -> Option<String> {
    let day = date.trim().get(..10)?;
    let b = day.as_bytes();
    let shape =
        b[4] == b'-' && b[7] == b'-' && day.bytes().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    shape.then(|| day.to_string())
}

/// `2024-05-06` of an HTTP date (`Mon, 06 May 2024 08:00:00 GMT`).
fn http_day(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let parts: Vec<&str> = date.split([' ', ',']).filter(|p| !p.is_empty()).collect();
    let [_, day, month, year, ..] = parts.as_slice() else { return None };
    let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let month = MONTHS.iter().position(|m| month.to_ascii_lowercase().starts_with(m))? + 1;
    let year: u32 = year.parse().ok().filter(|y| (1990..=2999).contains(y))?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A WARC record as crawlers write it.
    fn record(warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-07T02:03:04Z\r\n\
             WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(uri: &str, head: &str, body: &[u8]) -> Vec<u8> {
        let mut block = format!("HTTP/1.1 {head}\r\n\r\n").into_bytes();
        block.extend_from_slice(body);
        record("response", uri, "application/http; msgtype=response", &block)
    }

    fn items(archive: &[u8]) -> Vec<RawItem> {
        WarcRecords::new(archive, "site.warc").collect()
    }

    const PAGE: &str = "<html><head><title>某县司法局召开会议</title></head><body><p>正文。</p></body></html>";

    #[test]
    fn html_responses_are_pages_with_their_provenance() {
        let (gbk, _, _) = encoding_rs::GBK.encode(PAGE);
        let mut archive = record("warcinfo", "", "application/warc-fields", b"software: test\r\n");
        archive.extend(record(
            "request",
            "http://sfj.example.gov.cn/a.html",
            "application/http; msgtype=request",
            b"GET /a.html HTTP/1.1\r\n\r\n",
        ));
        archive.extend(response(
            "<http://sfj.example.gov.cn/a.html>",
            "200 OK\r\nDate: Tue, 07 May 2024 02:03:04 GMT\r\nLast-Modified: Mon, 06 May 2024 09:00:00 GMT\r\nContent-Type: text/html; charset=GBK",
            &gbk,
        ));
        let items = items(&archive);
        assert_eq!(items.len(), 3);
        assert!(matches!(&items[0].payload, Payload::Failed(SkipReason::NotAPage(NotAPage::Record("warcinfo")))));
        assert!(matches!(&items[1].payload, Payload::Failed(SkipReason::NotAPage(NotAPage::Record("request")))));
        let Payload::Page { bytes, format, provenance } = &items[2].payload else { panic!("{:?}", items[2].payload) };
        assert_eq!((bytes.as_slice(), *format), (&gbk[..], SourceFormat::Html));
        assert_eq!(provenance.url.as_deref(), Some("http://sfj.example.gov.cn/a.html"));
        assert_eq!(provenance.fetched.as_deref(), Some("2024-05-07"));
        assert_eq!(provenance.last_modified.as_deref(), Some("2024-05-06"));
        assert_eq!(provenance.charset.as_deref(), Some("GBK"));
        assert_eq!(items[2].source.to_string(), "site.warc:3");
    }

    #[test]
    fn other_responses_are_counted_as_not_pages() {
        let mut archive = response("http://a.gov.cn/old", "301 Moved Permanently\r\nLocation: /new", b"");
        archive.extend(response(
            "http://a.gov.cn/gone",
            "404 Not Found\r\nContent-Type: text/html",
            b"<html>404</html>",
        ));
        archive.extend(response("http://a.gov.cn/robots.txt", "200 OK\r\nContent-Type: text/plain", b"User-agent: *"));
        archive.extend(response("http://a.gov.cn/logo.png", "200 OK\r\nContent-Type: image/png", b"\x89PNG"));
        archive.extend(record("response", "dns:a.gov.cn", "text/dns", b"a.gov.cn. 300 IN A 127.0.0.1"));
        archive.extend(record("metadata", "http://a.gov.cn/", "application/warc-fields", b"outlink: x"));
        archive.extend(record("resource", "metadata://gnu.org/software/wget/warc/wget.log", "text/plain", b"log"));
        let kinds: Vec<String> = items(&archive)
            .into_iter()
            .map(|item| match item.payload {
                Payload::Failed(SkipReason::NotAPage(not)) => not.kind().to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(kinds, ["redirect", "http_error", "not_html", "not_html", "not_html", "metadata", "resource"]);
    }

    #[test]
    fn chunked_and_compressed_bodies_are_undone() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(PAGE.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let (first, second) = PAGE.as_bytes().split_at(20);
        let mut chunked = format!("{:x}\r\n", first.len()).into_bytes();
        chunked.extend_from_slice(first);
        chunked.extend_from_slice(format!("\r\n{:x};ext=1\r\n", second.len()).as_bytes());
        chunked.extend_from_slice(second);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut archive =
            response("http://a.gov.cn/gz", "200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip", &gz);
        archive.extend(response(
            "http://a.gov.cn/ch",
            "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked",
            &chunked,
        ));
        archive.extend(response("http://a.gov.cn/sniffed", "200 OK", PAGE.as_bytes()));
        for item in items(&archive) {
            let Payload::Page { bytes, .. } = item.payload else { panic!("{:?}", item.payload) };
            assert_eq!(String::from_utf8(bytes).unwrap(), PAGE);
        }
    }

    #[test]
    fn broken_archives_end_with_one_reason() {
        let mut archive = response("http://a.gov.cn/a", "200 OK\r\nContent-Type: text/html", PAGE.as_bytes());
        let mut truncated = response("http://a.gov.cn/b", "200 OK\r\nContent-Type: text/html", PAGE.as_bytes());
        truncated.truncate(truncated.len() - 30);
        archive.extend(truncated);
        let items = items(&archive);
        assert_eq!(items.len(), 2);
        assert!(matches!(items[0].payload, Payload::Page { .. }));
        assert!(
            matches!(&items[1].payload, Payload::Failed(SkipReason::MalformedArchive(_))),
            "{:?}",
            items[1].payload
        );

        for garbage in [
            &b"not a warc file at all\r\n"[..],
            b"WARC/1.0\r\nWARC-Type: response\r\n\r\n",
            b"WARC/1.0\r\nWARC-Type: x",
        ] {
            let items = WarcRecords::new(garbage, "x.warc").collect::<Vec<_>>();
            assert_eq!(items.len(), 1, "{garbage:?}");
            assert!(
                matches!(&items[0].payload, Payload::Failed(SkipReason::MalformedArchive(_))),
                "{:?}",
                items[0].payload
            );
        }
        let endless_header = [b"WARC/1.0\r\nX: ".as_slice(), &vec![b'a'; 200_000]].concat();
        let items = WarcRecords::new(endless_header.as_slice(), "x.warc").collect::<Vec<_>>();
        assert!(
            matches!(&items[0].payload, Payload::Failed(SkipReason::MalformedArchive(why)) if why.contains("64 KiB"))
        );
    }

    #[test]
    fn a_huge_content_length_is_never_allocated() {
        let claim = "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 999999999999999\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>";
        let items = WarcRecords::new(claim.as_bytes(), "x.warc").collect::<Vec<_>>();
        assert_eq!(items.len(), 1);
        assert!(
            matches!(&items[0].payload, Payload::Failed(SkipReason::MalformedArchive(_))),
            "{:?}",
            items[0].payload
        );

        let length = MAX_RECORD_BYTES + 10;
        let mut big = format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").into_bytes();
        let head = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n";
        big.extend_from_slice(head);
        big.resize(big.len() + length as usize - head.len(), b'x');
        big.extend_from_slice(b"\r\n\r\n");
        big.extend(response("http://a.gov.cn/a", "200 OK\r\nContent-Type: text/html", PAGE.as_bytes()));
        let items = WarcRecords::new(big.as_slice(), "x.warc").collect::<Vec<_>>();
        assert_eq!(items.len(), 2);
        assert!(
            matches!(&items[0].payload, Payload::Failed(SkipReason::NotAPage(NotAPage::NotHtml(m))) if m == "image/png")
        );
        assert!(matches!(items[1].payload, Payload::Page { .. }), "the record after a huge one is read");
    }

    #[test]
    fn dates_and_charsets() {
        assert_eq!(http_day("Mon, 06 May 2024 08:00:00 GMT").as_deref(), Some("2024-05-06"));
        assert_eq!(http_day("Sunday, 06-Nov-94 08:49:37 GMT"), None);
        assert_eq!(iso_day("2024-05-07T02:03:04Z").as_deref(), Some("2024-05-07"));
        assert_eq!(iso_day("yesterday"), None);
        assert_eq!(charset("text/html; charset=\"gb2312\"").as_deref(), Some("gb2312"));
        assert_eq!(charset("text/html"), None);
        assert_eq!(dechunk(b"zz\r\nbroken"), b"");
    }
}
