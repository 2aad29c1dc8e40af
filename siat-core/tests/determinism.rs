//! The Rust scorer of the cross-language determinism check
//! (`tests/determinism/`, run by `scripts/test-determinism`).
//!
//! When `SIAT_DETERMINISM_INPUTS` names the inputs that
//! `tests/determinism/generate.py` wrote, the test checks each line's JSON
//! text with its options. It writes `rust.txt` beside the inputs, with one
//! line per input: whether it is valid, and the SHA-256 of the canonical
//! form of its report, which `tests/determinism/canonical.py` defines.
//! Without the variable the file only tests its SHA-256 and canonical code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use serde_json::Value as Json;
use siat_core::{Options, Template};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SHA-256 (FIPS 180-4), written out so the test needs no hashing crate.
mod sha256 {
    /// First 32 bits of the fractional parts of the square roots of the first 8 primes.
    const INITIAL: [u32; 8] = [
        0x6a09_e667,
        0xbb67_ae85,
        0x3c6e_f372,
        0xa54f_f53a,
        0x510e_527f,
        0x9b05_688c,
        0x1f83_d9ab,
        0x5be0_cd19,
    ];

    /// First 32 bits of the fractional parts of the cube roots of the first 64 primes.
    #[rustfmt::skip]
    const ROUND: [u32; 64] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ];

    /// Returns the SHA-256 digest of `data` in lowercase hex.
    pub fn hex(data: &[u8]) -> String {
        let mut state = INITIAL;
        let mut message = data.to_vec();
        let bit_length = (data.len() as u64).wrapping_mul(8);
        message.push(0x80);
        while message.len() % 64 != 56 {
            message.push(0);
        }
        message.extend_from_slice(&bit_length.to_be_bytes());

        for block in message.chunks_exact(64) {
            let mut words = [0u32; 64];
            for (word, bytes) in words.iter_mut().zip(block.chunks_exact(4)) {
                *word = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            }
            for index in 16..64 {
                let before = words[index - 15];
                let recent = words[index - 2];
                let small0 = before.rotate_right(7) ^ before.rotate_right(18) ^ (before >> 3);
                let small1 = recent.rotate_right(17) ^ recent.rotate_right(19) ^ (recent >> 10);
                words[index] = words[index - 16]
                    .wrapping_add(small0)
                    .wrapping_add(words[index - 7])
                    .wrapping_add(small1);
            }

            let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = state;
            for (constant, word) in ROUND.iter().zip(words) {
                let big1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
                let choose = (e & f) ^ (!e & g);
                let first = h
                    .wrapping_add(big1)
                    .wrapping_add(choose)
                    .wrapping_add(*constant)
                    .wrapping_add(word);
                let big0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
                let majority = (a & b) ^ (a & c) ^ (b & c);
                let second = big0.wrapping_add(majority);
                h = g;
                g = f;
                f = e;
                e = d.wrapping_add(first);
                d = c;
                c = b;
                b = a;
                a = first.wrapping_add(second);
            }
            for (slot, value) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
                *slot = slot.wrapping_add(value);
            }
        }
        state.iter().map(|word| format!("{word:08x}")).collect()
    }
}

/// Writes the canonical form of a JSON value: keys sorted by code point,
/// numbers as the string `#` and the hex digits of their binary64 bits,
/// strings escaped as serde_json writes them, no white space.
fn canonical(value: &Json, out: &mut String) {
    match value {
        Json::Null | Json::Bool(_) | Json::String(_) => {
            out.push_str(&serde_json::to_string(value).unwrap());
        }
        Json::Number(number) => {
            let bits = number.as_f64().unwrap().to_bits();
            let _ = write!(out, "\"#{bits:016x}\"");
        }
        Json::Array(items) => {
            out.push('[');
            for (position, item) in items.iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Json::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (position, key) in keys.into_iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push(':');
                canonical(&map[key], out);
            }
            out.push('}');
        }
    }
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn sha256_matches_known_digests() {
    assert_eq!(
        sha256::hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256::hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        sha256::hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    assert_eq!(
        sha256::hex(&[b'a'; 1000]),
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
    );
}

#[test]
fn canonical_form_sorts_keys_and_writes_bits() {
    let value: Json =
        serde_json::from_str(r#"{"b": [1, 1.5, -0.0], "a": "x\n\"", "é": null}"#).unwrap();
    let mut out = String::new();
    canonical(&value, &mut out);
    assert_eq!(
        out,
        r##"{"a":"x\n\"","b":["#3ff0000000000000","#3ff8000000000000","#8000000000000000"],"é":null}"##
    );
}

#[test]
fn score_determinism_inputs() {
    let Some(inputs) = std::env::var_os("SIAT_DETERMINISM_INPUTS") else {
        return;
    };
    let inputs = PathBuf::from(inputs);
    let text = std::fs::read_to_string(&inputs).unwrap();

    let mut templates: HashMap<String, Template> = HashMap::new();
    let mut results = String::with_capacity(text.len() / 20);
    for line in text.split('\n').filter(|line| !line.is_empty()) {
        let case: Json = serde_json::from_str(line).unwrap();
        let options: Options = serde_json::from_value(case["options"].clone()).unwrap();
        let template: &Template = match case.get("template").and_then(Json::as_str) {
            None => Template::builtin(),
            Some(path) => templates.entry(path.to_owned()).or_insert_with(|| {
                let file = std::fs::read_to_string(repository().join(path)).unwrap();
                Template::from_json(&file).unwrap()
            }),
        };

        let report = template
            .check_json(case["text"].as_str().unwrap(), &options)
            .unwrap();
        let mut form = String::new();
        canonical(&serde_json::to_value(&report).unwrap(), &mut form);
        let _ = writeln!(
            results,
            "{} {} -",
            u8::from(report.valid),
            sha256::hex(form.as_bytes())
        );
    }
    std::fs::write(inputs.with_file_name("rust.txt"), results).unwrap();
}
