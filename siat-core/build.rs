//! Embeds every message catalogue in `data/messages/`, one file per language,
//! so that adding a language is adding a file.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let folder = Path::new("data/messages");
    println!("cargo:rerun-if-changed={}", folder.display());

    let mut languages: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| {
                    path.extension()
                        .is_some_and(|extension| extension == "json")
                })
                .filter_map(|path| {
                    path.file_stem()
                        .map(|stem| stem.to_string_lossy().into_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    languages.sort();

    let mut code = String::from("/// Language code and JSON text of each built-in message catalogue.\npub const BUILT_IN: &[(&str, &str)] = &[\n");
    for language in &languages {
        let _ = writeln!(code, "    ({language:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/messages/{language}.json\"))),");
    }
    code.push_str("];\n");

    let out = std::env::var("OUT_DIR").unwrap_or_default();
    let _ = std::fs::write(Path::new(&out).join("messages.rs"), code);
}
