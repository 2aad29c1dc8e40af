//! A JSON reader that keeps what serde_json would reject or lose.
//!
//! It follows RFC 8259 with three decisions of this project: a number too
//! large for `f64` (`1e999`) reads as an infinity, as in JavaScript and
//! Python, so validation reports `not_finite` instead of `invalid_json`; a
//! key repeated in one object is an error rather than last-wins, so no
//! answer is silently replaced; and a leading UTF-8 byte order mark is
//! skipped, because spreadsheet tools on Windows write one.

use super::{JsonError, Value};
use indexmap::IndexMap;

/// Deepest nesting of arrays and objects accepted; a questionnaire needs 4.
pub const MAX_DEPTH: usize = 128;

/// Parses JSON text into a value.
pub(crate) fn parse(text: &str) -> Result<Value, JsonError> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut parser = Parser {
        text,
        position: start,
        depth: 0,
    };
    parser.skip_whitespace();
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.position < text.len() {
        return Err(parser.error("trailing characters after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    position: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.position).copied()
    }

    fn error(&self, detail: &str) -> JsonError {
        let before = self.text.get(..self.position).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let column = before
            .get(line_start..)
            .map_or(0, |current| current.chars().count())
            + 1;
        JsonError {
            line,
            column,
            detail: detail.to_owned(),
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.position += 1;
        }
    }

    fn expect_literal(&mut self, literal: &str, value: Value) -> Result<Value, JsonError> {
        if self
            .text
            .get(self.position..)
            .is_some_and(|rest| rest.starts_with(literal))
        {
            self.position += literal.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        match self.peek() {
            None => Err(self.error("unexpected end of input")),
            Some(b'n') => self.expect_literal("null", Value::Null),
            Some(b't') => self.expect_literal("true", Value::Bool(true)),
            Some(b'f') => self.expect_literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::Text),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a JSON value")),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, JsonError>,
    ) -> Result<Value, JsonError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(&format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn digits(&mut self) -> usize {
        let start = self.position;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.position += 1;
        }
        self.position - start
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.position;
        if self.peek() == Some(b'-') {
            self.position += 1;
        }
        match self.peek() {
            Some(b'0') => self.position += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.position += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number: a digit must follow the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.position += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.position += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number: a digit must follow the exponent"));
            }
        }
        let literal = self.text.get(start..self.position).unwrap_or_default();
        // Rust's parse rounds correctly and gives ±infinity past f64's range.
        literal
            .parse::<f64>()
            .map(Value::Number)
            .map_err(|_| self.error("invalid number"))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.position += 1; // the opening quote
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.position..).unwrap_or_default();
            let plain = rest
                .bytes()
                .position(|byte| byte == b'"' || byte == b'\\' || byte < 0x20)
                .unwrap_or(rest.len());
            out.push_str(rest.get(..plain).unwrap_or_default());
            self.position += plain;
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.position += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.position += 1;
                    let character = self.escape()?;
                    out.push(character);
                }
                Some(_) => {
                    return Err(self
                        .error("control character in a string; write it as an escape such as \\n"))
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.position..self.position + 4)
            .unwrap_or_default();
        if digits.len() != 4 || !digits.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return Err(self.error("invalid \\u escape: expected four hex digits"));
        }
        self.position += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid \\u escape"))
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("unterminated string"));
        };
        self.position += 1;
        let simple = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.error("invalid escape in a string")),
        };
        Ok(simple)
    }

    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            let low_follows = self
                .text
                .get(self.position..)
                .is_some_and(|rest| rest.starts_with("\\u"));
            if !low_follows {
                return Err(self.error("unpaired surrogate in a \\u escape"));
            }
            self.position += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("unpaired surrogate in a \\u escape"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("unpaired surrogate in a \\u escape"))
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.position += 1; // the opening bracket
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.position += 1;
            return Ok(Value::List(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.position += 1,
                Some(b']') => {
                    self.position += 1;
                    return Ok(Value::List(items));
                }
                _ => return Err(self.error("expected `,` or `]` in an array")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.position += 1; // the opening brace
        let mut map = IndexMap::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.position += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string key in an object"));
            }
            let key_position = self.position;
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after an object key"));
            }
            self.position += 1;
            self.skip_whitespace();
            let value = self.value()?;
            if map.contains_key(&key) {
                self.position = key_position;
                return Err(self.error(&format!("duplicate key `{key}`")));
            }
            map.insert(key, value);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.position += 1,
                Some(b'}') => {
                    self.position += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.error("expected `,` or `}` in an object")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> f64 {
        match parse(text).unwrap() {
            Value::Number(number) => number,
            other => panic!("not a number: {other:?}"),
        }
    }

    #[test]
    fn numbers_read_like_javascript() {
        assert_eq!(number("1e999"), f64::INFINITY);
        assert_eq!(number("-1e999"), f64::NEG_INFINITY);
        assert_eq!(number("0.1"), 0.1);
        assert_eq!(number("3.0"), 3.0);
        assert!(number("-0").is_sign_negative());
    }

    #[test]
    fn invalid_numbers_rejected() {
        for text in ["01", "1.", ".5", "1e", "+1", "-", "NaN", "Infinity"] {
            assert!(parse(text).is_err(), "{text} was accepted");
        }
    }

    #[test]
    fn strings_unescape() {
        let parsed = parse(r#""a\"b\\c\/d\n\u00e9\ud83c\udf45""#).unwrap();
        assert_eq!(parsed, Value::Text("a\"b\\c/d\né🍅".to_owned()));
    }

    #[test]
    fn lone_surrogate_rejected() {
        assert!(parse(r#""\ud83c""#).is_err());
        assert!(parse(r#""\udf45""#).is_err());
    }

    #[test]
    fn duplicate_key_rejected_with_position() {
        let error = parse("{\n  \"a\": 1,\n  \"a\": 2\n}").unwrap_err();
        assert_eq!(error.detail, "duplicate key `a`");
        assert_eq!((error.line, error.column), (3, 3));
    }

    #[test]
    fn byte_order_mark_skipped() {
        assert_eq!(parse("\u{feff}[]").unwrap(), Value::List(Vec::new()));
    }

    #[test]
    fn depth_limited() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().detail.contains("nesting"));
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn trailing_text_rejected() {
        assert!(parse("{} x").is_err());
        assert!(parse("").is_err());
        assert!(parse("[1,]").is_err());
        assert!(parse("{\"a\":1,}").is_err());
    }
}
