//! A JSON writer that keeps infinities, so that writing an assessment and
//! reading it back gives the same issues.
//!
//! ±infinity is written `1e999` / `-1e999`, which the reader in this crate
//! (like JavaScript and Python) reads back as infinity. NaN has no JSON form
//! and is written `null`. Strings and finite numbers are written as
//! serde_json writes them.

use super::Value;
use std::fmt::Write as _;

/// Writes a value as JSON, compact or indented by two spaces per level.
pub(crate) fn write(value: &Value, pretty: bool) -> String {
    let mut out = String::new();
    write_value(value, pretty, 0, &mut out);
    out
}

fn newline(pretty: bool, depth: usize, out: &mut String) {
    if pretty {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push_str(&serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned()));
}

fn write_value(value: &Value, pretty: bool, depth: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => {
            let _ = write!(out, "{flag}");
        }
        Value::Number(number) if number.is_nan() => out.push_str("null"),
        Value::Number(number) if number.is_infinite() => {
            out.push_str(if *number > 0.0 { "1e999" } else { "-1e999" });
        }
        Value::Number(_) => {
            out.push_str(&serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned()))
        }
        Value::Text(text) | Value::Other(text) => write_string(text, out),
        Value::List(items) if items.is_empty() => out.push_str("[]"),
        Value::List(items) => {
            out.push('[');
            for (position, item) in items.iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                newline(pretty, depth + 1, out);
                write_value(item, pretty, depth + 1, out);
            }
            newline(pretty, depth, out);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push('{');
            for (position, (key, item)) in map.iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                newline(pretty, depth + 1, out);
                write_string(key, out);
                out.push_str(if pretty { ": " } else { ":" });
                write_value(item, pretty, depth + 1, out);
            }
            newline(pretty, depth, out);
            out.push('}');
        }
    }
}
