//! Loading the secret-encryption key from a file, creating it on first start.
//!
//! This is the one piece of file I/O in warden-core. It lives here, next to
//! [`CipherKey`], so that the key format has a single owner and both store backends and
//! the server share it; it is synchronous `std::fs` (called once at startup), so it pulls
//! in no runtime.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::secret::{CipherError, CipherKey};

/// Why the key file could not be loaded or created.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    /// The file exists but does not hold 64 hexadecimal digits.
    #[error("key file `{path}` is malformed")]
    Malformed {
        /// The key file.
        path: PathBuf,
        /// What is wrong with it.
        #[source]
        source: CipherError,
    },
    /// The file is readable or writable by group or others; the key must stay private.
    #[error("key file `{path}` has mode {mode:o}; it must not be accessible to group or others")]
    Permissions {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// Reading or writing the file failed.
    #[error("while accessing key file `{path}`: {source}")]
    Io {
        /// The key file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
}

/// Reads the key at `path`, or creates a new random key there with mode 0600 if the file
/// does not exist. Creation uses `create_new`, so two processes starting at once end up
/// with the same key (the loser reads the winner's file).
pub fn load_or_create(path: &Path) -> Result<CipherKey, KeyFileError> {
    let io_error = |source| KeyFileError::Io {
        path: path.to_owned(),
        source,
    };
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(mut file) => {
            let key = CipherKey::generate();
            file.write_all(key.to_hex().as_bytes())
                .and_then(|()| file.write_all(b"\n"))
                .and_then(|()| file.sync_all())
                .map_err(io_error)?;
            Ok(key)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => load(path),
        Err(e) => Err(io_error(e)),
    }
}

/// Reads an existing key file, refusing one that group or others can access.
pub fn load(path: &Path) -> Result<CipherKey, KeyFileError> {
    let io_error = |source| KeyFileError::Io {
        path: path.to_owned(),
        source,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_err(io_error)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyFileError::Permissions {
                path: path.to_owned(),
                mode,
            });
        }
    }
    let text = zeroize::Zeroizing::new(fs::read_to_string(path).map_err(io_error)?);
    CipherKey::from_hex(&text).map_err(|source| KeyFileError::Malformed {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_path(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "warden-keyfile-{}-{name}",
            crate::ids::IdGenerator::event_id(&crate::ids::RandomIds)
        ));
        fs::create_dir_all(&dir).unwrap();
        dir.join("secret.key")
    }

    #[test]
    fn creates_with_mode_0600_then_loads_the_same_key() {
        let path = temp_path("create");
        let created = load_or_create(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let loaded = load_or_create(&path).unwrap();
        assert_eq!(*created.to_hex(), *loaded.to_hex());
        fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_world_readable_key() {
        use std::os::unix::fs::PermissionsExt;
        let path = temp_path("perm");
        load_or_create(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            load_or_create(&path),
            Err(KeyFileError::Permissions { mode: 0o644, .. })
        ));
        fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[test]
    fn refuses_a_malformed_key() {
        let path = temp_path("malformed");
        load_or_create(&path).unwrap();
        fs::write(&path, "not a key").unwrap();
        assert!(matches!(load(&path), Err(KeyFileError::Malformed { .. })));
        fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }
}
