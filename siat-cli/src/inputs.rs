//! Turns the command line's files and folders into a list of assessment files.

use crate::Failure;
use std::path::{Path, PathBuf};

/// Expands each folder into its `*.json` files (sorted by name, not recursive)
/// and keeps each file as given.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let found = json_files(path)?;
            if found.is_empty() {
                return Err(Failure(format!(
                    "folder `{}` has no *.json files",
                    path.display()
                )));
            }
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(Failure(format!("`{}` not found", path.display())));
        }
    }
    Ok(files)
}

fn json_files(folder: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(folder).map_err(|error| {
        Failure(format!(
            "cannot read folder `{}`: {error}",
            folder.display()
        ))
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| {
                Failure(format!(
                    "cannot read folder `{}`: {error}",
                    folder.display()
                ))
            })?
            .path();
        if path.is_file()
            && path
                .extension()
                .is_some_and(|extension| extension == "json")
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
