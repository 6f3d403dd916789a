//! Writing a set of output files as one change: the folder holds the whole old set or the whole
//! new one, even when a run is killed.
//!
//! Each file is written and synced under a temporary name (`.graph.ttl.tmp-PID`). Then a journal
//! (`.graph.commit-PID`, itself written under a temporary name and renamed) lists every rename
//! and removal the run is about to make, and only then are the files renamed into place. A run
//! killed before the journal exists leaves the old set and temporary files; one killed after it
//! leaves a journal whose every file is complete. The next run into the folder, before writing
//! anything, finishes the renames of a dead run's journal (rolling forward to its new set) and
//! deletes a dead run's temporary files. A generation folder switched by a symlink would make the
//! set visible in one step, but would turn `graph.ttl` into a link, which users copy and sync
//! tools do not all follow; the journal keeps plain files.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Files written under temporary names, waiting to be made visible together.
pub struct Transaction {
    dir: PathBuf,
    /// (temporary file, target), in the order written.
    renames: Vec<(PathBuf, PathBuf)>,
    /// Files of an earlier run this one replaces with nothing (a picture it could not draw).
    removals: Vec<PathBuf>,
}

const PREFIX: &str = ".graph.";
const JOURNAL: &str = ".graph.commit-";

impl Transaction {
    /// Starts a transaction in `dir` (created if needed), first finishing or clearing what a
    /// killed run left there.
    pub fn begin(dir: &Path) -> Result<Transaction> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        recover(dir)?;
        Ok(Transaction { dir: dir.to_path_buf(), renames: Vec::new(), removals: Vec::new() })
    }

    /// A new temporary file that [`Transaction::commit`] will rename to `name` in the folder.
    pub fn create(&mut self, name: &str) -> Result<(PathBuf, std::fs::File)> {
        let tmp = self.dir.join(format!("{PREFIX}{name}.tmp-{}", std::process::id()));
        let file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        self.renames.push((tmp.clone(), self.dir.join(format!("graph.{name}"))));
        Ok((tmp, file))
    }

    /// Marks a file of an earlier run for removal at commit.
    pub fn remove(&mut self, name: &str) {
        let path = self.dir.join(format!("graph.{name}"));
        if path.exists() {
            self.removals.push(path);
        }
    }

    /// Makes every file visible (and every removal happen); returns the targets written.
    pub fn commit(self) -> Result<Vec<PathBuf>> {
        let journal = self.dir.join(format!("{JOURNAL}{}", std::process::id()));
        let staged = self.dir.join(format!("{PREFIX}commit.tmp-{}", std::process::id()));
        let mut text = String::new();
        for (tmp, target) in &self.renames {
            text.push_str(&format!("rename\t{}\t{}\n", file_name(tmp), file_name(target)));
        }
        for path in &self.removals {
            text.push_str(&format!("remove\t{}\n", file_name(path)));
        }
        let mut file = std::fs::File::create(&staged).map_err(|e| Error::io(&staged, e))?;
        file.write_all(text.as_bytes()).and_then(|()| file.sync_all()).map_err(|e| Error::io(&staged, e))?;
        std::fs::rename(&staged, &journal).map_err(|e| Error::io(&journal, e))?;
        sync_dir(&self.dir);
        apply(&self.dir, &text)?;
        std::fs::remove_file(&journal).map_err(|e| Error::io(&journal, e))?;
        sync_dir(&self.dir);
        Ok(self.renames.into_iter().map(|(_, target)| target).collect())
    }

    /// Deletes the temporary files (the run failed before committing).
    pub fn abandon(self) {
        for (tmp, _) in &self.renames {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Finishes the journals of dead runs in `dir` and deletes their temporary files. Runs still
/// alive (another build into the same folder) are left alone.
///
/// ```
/// let dir = std::env::temp_dir().join("newsgraph-doc-recover");
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join(".graph.ttl.tmp-999999999"), "half").unwrap();
/// newsgraph::export::recover(&dir).unwrap();
/// assert!(!dir.join(".graph.ttl.tmp-999999999").exists());
/// ```
pub fn recover(dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut names: Vec<String> = entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    names.sort();
    for name in names.iter().filter(|n| n.starts_with(JOURNAL)) {
        if is_dead(dir, &name[JOURNAL.len()..]) {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            apply(dir, &text)?;
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    for name in names.iter().filter(|n| n.starts_with(PREFIX)) {
        if let Some((_, pid)) = name.rsplit_once(".tmp-") {
            if is_dead(dir, pid) {
                let path = dir.join(name);
                let _ = std::fs::remove_file(path);
            }
        }
    }
    sync_dir(dir);
    Ok(())
}

/// Carries out a journal's lines; a rename whose temporary file is gone was already made.
fn apply(dir: &Path, journal: &str) -> Result<()> {
    for line in journal.lines() {
        let mut parts = line.split('\t');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("rename"), Some(tmp), Some(target)) if is_ours(tmp) && is_ours(target) => {
                let (tmp, target) = (dir.join(tmp), dir.join(target));
                if tmp.exists() {
                    std::fs::rename(&tmp, &target).map_err(|e| Error::io(&target, e))?;
                }
            }
            (Some("remove"), Some(target), None) if is_ours(target) => {
                let target = dir.join(target);
                match std::fs::remove_file(&target) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(&target, e)),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// A journal only ever names files of ours in the folder itself.
fn is_ours(name: &str) -> bool {
    (name.starts_with("graph.") || name.starts_with(PREFIX)) && !name.contains(['/', '\\'])
}

/// Whether the run with this process id is over. This run's own id is over too: a process of
/// that id before us (ids are reused) is gone. Without `/proc`, a file an hour old counts as left
/// by a dead run.
fn is_dead(dir: &Path, pid: &str) -> bool {
    let Ok(n) = pid.parse::<u32>() else {
        return false;
    };
    if n == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return !proc.join(pid).exists();
    }
    let old = |p: &Path| {
        std::fs::metadata(p).and_then(|m| m.modified()).is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 3600))
    };
    old(&dir.join(format!("{JOURNAL}{pid}")))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Makes renames in the folder durable (best effort: not every platform can open a folder).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsgraph-tx-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_dead_runs_journal_is_finished_and_its_leftovers_removed() {
        let dir = folder("journal");
        let dead = "999999998";
        std::fs::write(dir.join("graph.ttl"), "old ttl").unwrap();
        std::fs::write(dir.join("graph.nt"), "new nt").unwrap(); // renamed before the kill
        std::fs::write(dir.join("graph.svg"), "old svg").unwrap();
        std::fs::write(dir.join(format!(".graph.ttl.tmp-{dead}")), "new ttl").unwrap();
        let journal = format!("rename\t.graph.ttl.tmp-{dead}\tgraph.ttl\nrename\t.graph.nt.tmp-{dead}\tgraph.nt\nremove\tgraph.svg\nrename\t../escape\tgraph.x\n");
        std::fs::write(dir.join(format!(".graph.commit-{dead}")), journal).unwrap();
        std::fs::write(dir.join(".graph.json.tmp-999999997"), "half").unwrap();
        recover(&dir).unwrap();
        let mut left: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left, ["graph.nt", "graph.ttl"]);
        assert_eq!(std::fs::read_to_string(dir.join("graph.ttl")).unwrap(), "new ttl");
    }

    #[test]
    fn commit_writes_all_and_removes_what_it_was_told() {
        let dir = folder("commit");
        std::fs::write(dir.join("graph.svg"), "stale").unwrap();
        let mut tx = Transaction::begin(&dir).unwrap();
        for name in ["ttl", "json"] {
            let (_, mut file) = tx.create(name).unwrap();
            file.write_all(name.as_bytes()).unwrap();
        }
        tx.remove("svg");
        let written = tx.commit().unwrap();
        assert_eq!(written, [dir.join("graph.ttl"), dir.join("graph.json")]);
        let left: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        assert_eq!(left.len(), 2, "{left:?}");
        assert_eq!(std::fs::read_to_string(dir.join("graph.json")).unwrap(), "json");
    }
}
