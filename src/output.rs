//! Writing a build without ever leaving half-written output.
//!
//! Everything goes into a staging folder beside the output folder; only when
//! all of it is written is the old output moved aside and the new one moved
//! in. Files of the old output that this build did not produce (say, the PDF
//! when building `--only data`) are carried over.

use crate::BuildError;
use std::path::{Path, PathBuf};

pub struct Stage {
    out: PathBuf,
    tmp: PathBuf,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |source| BuildError::Write {
        path: path.to_path_buf(),
        source,
    }
}

impl Stage {
    pub fn new(out: &Path) -> Result<Stage, BuildError> {
        let name = out
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(io(parent))?;
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp).map_err(io(&tmp))?;
        }
        std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
        Ok(Stage {
            out: out.to_path_buf(),
            tmp,
        })
    }

    /// Where a file of the new output is staged.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.join(rel)
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), BuildError> {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))
    }

    /// Swaps the staged output in.
    pub fn commit(self) -> Result<(), BuildError> {
        if !self.out.is_dir() {
            return std::fs::rename(&self.tmp, &self.out).map_err(io(&self.out));
        }
        // Carry over what this build did not write, remembering it so a
        // failure can put it back where it was.
        let mut carried = Vec::new();
        let result = (|| {
            for entry in std::fs::read_dir(&self.out).map_err(io(&self.out))? {
                let entry = entry.map_err(io(&self.out))?;
                let target = self.tmp.join(entry.file_name());
                if !target.exists() {
                    std::fs::rename(entry.path(), &target).map_err(io(&target))?;
                    carried.push((entry.path(), target));
                }
            }
            let old = self.tmp.with_extension("old");
            std::fs::rename(&self.out, &old).map_err(io(&self.out))?;
            if let Err(e) = std::fs::rename(&self.tmp, &self.out) {
                let _ = std::fs::rename(&old, &self.out);
                return Err(io(&self.out)(e));
            }
            let _ = std::fs::remove_dir_all(&old);
            Ok(())
        })();
        if result.is_err() {
            for (from, to) in carried {
                let _ = std::fs::rename(to, from);
            }
        }
        result
    }
}

impl Drop for Stage {
    /// A build that failed leaves no staging folder behind.
    fn drop(&mut self) {
        if self.tmp.exists() {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}
