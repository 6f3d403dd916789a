//! Writing the files the training and table commands produce.

use anyhow::{Context, Result};
use std::path::Path;

/// Writes a file through a temporary name, so a failure leaves the old file whole.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
