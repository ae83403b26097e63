//! The file a kecamatan PC sends to the district (and the district back): a zip holding
//! `manifest.json`, the rows as CSV files, and `signature` — the Ed25519 signature of the
//! manifest's bytes by the sending PC's key. The manifest names the office, the unit, the
//! bundle's sequence number, the hash of the previous bundle, the schema version, the creation
//! time, the sender's public key and the SHA-256 of every other file; so a reader who trusts
//! the key can trust every byte. The format is documented in `docs/exchange.md`.
//!
//! Reading refuses, before anything is used, a file that is not a bundle, one larger than a
//! bundle can be, a damaged or missing or unlisted file, an unknown format, a newer schema, and
//! (in [`Received::verify`]) a signature that is not the expected key's.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What `manifest.json` says the file is.
pub const FORMAT: &str = "pantau-kirim";
/// The newest version of the format this build reads and the one it writes.
pub const FORMAT_VERSION: u32 = 1;
/// A bundle's file name ends so: `Torjun-000012.pantau-kirim`.
pub const EXTENSION: &str = "pantau-kirim";

/// Whether `path` is named as a bundle is (`….pantau-kirim`, in any case).
pub fn has_extension(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(EXTENSION))
}
pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "signature";
/// At most this many files in a bundle, and this many bytes unpacked: a day of one unit is a
/// few kilobytes, so anything near these is not a bundle Pantau wrote.
pub const MAX_FILES: usize = 32;
pub const MAX_BYTES: u64 = 64 << 20;

/// The unit a bundle is about.
/// The unit (kecamatan) a bundle is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub name: String,
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: String,
    pub format_version: u32,
    /// The database schema the rows follow (`PRAGMA user_version` of the sender).
    pub schema_version: u32,
    /// The office (district) name, as set up.
    pub office: String,
    /// Who wrote it: `kecamatan` (a kecamatan PC) or `district`.
    pub sender: String,
    pub unit: UnitRef,
    /// 1 for a PC's first bundle, then one more each time.
    pub sequence: u64,
    /// [`Received::hash`] of the bundle before this one; `None` for the first.
    pub previous: Option<String>,
    /// When it was written, RFC 3339.
    pub created_at: String,
    /// The sender's Ed25519 public key, hex.
    pub public_key: String,
    /// Every other file of the bundle and its SHA-256, hex.
    pub files: BTreeMap<String, String>,
}

/// Why a file is no bundle at all. The details are the zip or JSON reader's own (English)
/// words, for a technician.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotABundle {
    #[error("not a zip file: {0}")]
    NotAZip(String),
    #[error("{0} appears twice")]
    Twice(String),
    /// An entry whose name is none of the format's own (a path such as `../../x.csv`).
    #[error("it holds '{}', which is none of the format's files", crate::domain::rules::quoted(.0))]
    Foreign(String),
    #[error("its manifest cannot be read: {0}")]
    Manifest(String),
}

/// Why a bundle is refused. Nothing of it is used.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a Pantau bundle ({reason})")]
    NotABundle { path: PathBuf, reason: NotABundle },
    #[error("{path}: larger than a bundle can be ({MAX_FILES} files, {MAX_BYTES} bytes)")]
    TooLarge { path: PathBuf },
    #[error("{path}: {file} is damaged (its content does not match the manifest)")]
    Damaged { path: PathBuf, file: String },
    #[error("{path}: {file} is missing")]
    Missing { path: PathBuf, file: String },
    #[error("{path}: {file} is not listed in the manifest")]
    Unlisted { path: PathBuf, file: String },
    #[error("{path}: format {format} version {version} is not one this Pantau reads")]
    UnknownFormat {
        path: PathBuf,
        format: String,
        version: u32,
    },
    #[error("{path}: written by a newer Pantau (schema {found}; this one knows up to {supported})")]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: the signature is not valid for the key {key}")]
    BadSignature { path: PathBuf, key: String },
}

/// A bundle read from a file, its content checked against its manifest but its signature not
/// yet checked against a key the reader trusts.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: PathBuf,
    pub manifest: Manifest,
    manifest_bytes: Vec<u8>,
    signature: [u8; 64],
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Received {
    /// Whether `key` signed this manifest (and so, through its hashes, every file).
    pub fn verify(&self, key: &VerifyingKey) -> Result<(), BundleError> {
        key.verify_strict(
            &self.manifest_bytes,
            &Signature::from_bytes(&self.signature),
        )
        .map_err(|_| BundleError::BadSignature {
            path: self.path.clone(),
            key: hex(key.as_bytes()),
        })
    }

    /// The bundle's identity in the chain: SHA-256 of its manifest, hex.
    pub fn hash(&self) -> String {
        hex(&Sha256::digest(&self.manifest_bytes))
    }
}

/// A new signing key from the operating system's random source.
pub fn generate_key() -> Result<SigningKey, getrandom::Error> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)?;
    Ok(SigningKey::from_bytes(&seed))
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of lowercase or uppercase hex `text`, if it is hex.
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A public key from its hex form.
pub fn verifying_key(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = from_hex(text)?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Writes a bundle of `files` to `out`: `manifest` gets the files' hashes and `key`'s public
/// key, is signed with `key`, and everything is zipped. Written to a temporary file first, so
/// `out` is either the whole bundle or untouched. Returns the bundle's hash.
pub fn write(
    manifest: Manifest,
    files: &BTreeMap<String, Vec<u8>>,
    key: &SigningKey,
    out: &Path,
) -> Result<String, BundleError> {
    let io = |source: std::io::Error| BundleError::Io {
        path: out.to_path_buf(),
        source,
    };
    let (bytes, hash) = to_bytes(manifest, files, key).map_err(io)?;
    write_file(out, &bytes)?;
    Ok(hash)
}

/// Writes a bundle's bytes to `out` through a temporary file, so `out` is either the whole
/// bundle or untouched.
pub fn write_file(out: &Path, bytes: &[u8]) -> Result<(), BundleError> {
    let io = |source: std::io::Error| BundleError::Io {
        path: out.to_path_buf(),
        source,
    };
    let partial = out.with_extension("partial");
    std::fs::write(&partial, bytes).map_err(io)?;
    std::fs::rename(&partial, out).map_err(io)
}

/// A bundle of `files` in memory, as [`write`] writes it, and its hash.
pub fn to_bytes(
    mut manifest: Manifest,
    files: &BTreeMap<String, Vec<u8>>,
    key: &SigningKey,
) -> std::io::Result<(Vec<u8>, String)> {
    manifest.format = FORMAT.to_string();
    manifest.format_version = FORMAT_VERSION;
    manifest.public_key = hex(key.verifying_key().as_bytes());
    manifest.files = files
        .iter()
        .map(|(name, bytes)| (name.clone(), hex(&Sha256::digest(bytes))))
        .collect();
    let manifest_bytes = serde_json::to_vec_pretty(&manifest)?;
    let signature = key.sign(&manifest_bytes);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut entry = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
        zip.start_file(name, options)?;
        zip.write_all(bytes)
    };
    entry(MANIFEST, &manifest_bytes)?;
    for (name, bytes) in files {
        entry(name, bytes)?;
    }
    entry(SIGNATURE, hex(&signature.to_bytes()).as_bytes())?;
    let bytes = zip.finish()?.into_inner();
    Ok((bytes, hex(&Sha256::digest(&manifest_bytes))))
}

/// Reads the bundle at `path` and checks its content against its manifest; the signature is
/// checked by [`Received::verify`] against the key the reader trusts.
pub fn read(path: &Path) -> Result<Received, BundleError> {
    let io = |source| BundleError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(BundleError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    read_bytes(path, &std::fs::read(path).map_err(io)?)
}

/// Like [`read`], for a bundle already in memory; `path` names it in messages.
/// Whether `name` is one of the files a bundle is made of.
fn is_own_entry(name: &str) -> bool {
    name == MANIFEST
        || name == SIGNATURE
        || super::rows::ENTRIES.contains(&name)
        || super::province::ENTRIES.contains(&name)
}

pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Received, BundleError> {
    let not_a_bundle = |reason: NotABundle| BundleError::NotABundle {
        path: path.to_path_buf(),
        reason,
    };
    let file = std::io::Cursor::new(bytes);
    let mut zip =
        zip::ZipArchive::new(file).map_err(|e| not_a_bundle(NotABundle::NotAZip(e.to_string())))?;
    if zip.len() > MAX_FILES {
        return Err(BundleError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let mut entries: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| not_a_bundle(NotABundle::NotAZip(e.to_string())))?;
        let name = entry
            .name()
            .map_err(|e| not_a_bundle(NotABundle::NotAZip(e.to_string())))?
            .to_string();
        // Only the format's own file names, exactly: a path-like name ("../x.csv", "/x.csv",
        // "..\\x.csv") refuses the bundle before anything of it is read.
        if !is_own_entry(&name) {
            return Err(not_a_bundle(NotABundle::Foreign(name)));
        }
        // Read no more than the limit allows, whatever the entry claims.
        let mut bytes = Vec::new();
        (&mut entry)
            .take(MAX_BYTES - total + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| BundleError::Damaged {
                path: path.to_path_buf(),
                file: format!("{name} ({e})"),
            })?;
        total += bytes.len() as u64;
        if total > MAX_BYTES {
            return Err(BundleError::TooLarge {
                path: path.to_path_buf(),
            });
        }
        if entries.insert(name.clone(), bytes).is_some() {
            return Err(not_a_bundle(NotABundle::Twice(name)));
        }
    }
    let missing = |file: &str| BundleError::Missing {
        path: path.to_path_buf(),
        file: file.to_string(),
    };
    let manifest_bytes = entries.remove(MANIFEST).ok_or_else(|| missing(MANIFEST))?;
    let signature_text = entries
        .remove(SIGNATURE)
        .ok_or_else(|| missing(SIGNATURE))?;
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|e| not_a_bundle(NotABundle::Manifest(e.to_string())))?;
    if manifest.format != FORMAT || manifest.format_version > FORMAT_VERSION {
        return Err(BundleError::UnknownFormat {
            path: path.to_path_buf(),
            format: manifest.format,
            version: manifest.format_version,
        });
    }
    let supported = crate::store::schema::LATEST_VERSION;
    if manifest.schema_version > supported {
        return Err(BundleError::NewerSchema {
            path: path.to_path_buf(),
            found: manifest.schema_version,
            supported,
        });
    }
    let signature: [u8; 64] = std::str::from_utf8(&signature_text)
        .ok()
        .and_then(from_hex)
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| BundleError::Damaged {
            path: path.to_path_buf(),
            file: SIGNATURE.to_string(),
        })?;
    for (name, hash) in &manifest.files {
        let bytes = entries.get(name).ok_or_else(|| missing(name))?;
        if hex(&Sha256::digest(bytes)) != *hash {
            return Err(BundleError::Damaged {
                path: path.to_path_buf(),
                file: name.clone(),
            });
        }
    }
    if let Some(name) = entries.keys().find(|n| !manifest.files.contains_key(*n)) {
        return Err(BundleError::Unlisted {
            path: path.to_path_buf(),
            file: name.clone(),
        });
    }
    Ok(Received {
        path: path.to_path_buf(),
        manifest,
        manifest_bytes,
        signature,
        files: entries,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn manifest(sequence: u64, previous: Option<String>) -> Manifest {
        Manifest {
            format: String::new(),
            format_version: 0,
            schema_version: crate::store::schema::LATEST_VERSION,
            office: "Dispendukcapil Kabupaten Sampang".into(),
            sender: "kecamatan".into(),
            unit: UnitRef {
                name: "Torjun".into(),
                code: None,
            },
            sequence,
            previous,
            created_at: "2016-10-05T16:00:00+07:00".into(),
            public_key: String::new(),
            files: BTreeMap::new(),
        }
    }

    fn files() -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([(
            "reports.csv".to_string(),
            b"unit,date,recorded,sent,printed,suket,server_ok,note,base_revision\n\
              Torjun,2016-10-05,31,0,4,2,tidak,server pusat mati,\n"
                .to_vec(),
        )])
    }

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn a_written_bundle_reads_back_signed_by_its_key_and_chains() {
        let dir = dir();
        let key = generate_key().unwrap();
        let first = dir.path().join("Torjun-000001.pantau-kirim");
        let hash = write(manifest(1, None), &files(), &key, &first).unwrap();
        let received = read(&first).unwrap();
        received.verify(&key.verifying_key()).unwrap();
        assert_eq!(received.hash(), hash);
        assert_eq!(received.files, files());
        assert_eq!(received.manifest.unit.name, "Torjun");
        assert_eq!(
            verifying_key(&received.manifest.public_key),
            Some(key.verifying_key())
        );
        // The next bundle names this one.
        let second = dir.path().join("Torjun-000002.pantau-kirim");
        write(manifest(2, Some(hash.clone())), &files(), &key, &second).unwrap();
        assert_eq!(read(&second).unwrap().manifest.previous, Some(hash));
        // Small: a day of one unit is well under 10 KB.
        assert!(std::fs::metadata(&first).unwrap().len() < 10_000);
    }

    #[test]
    fn another_key_is_refused() {
        let dir = dir();
        let out = dir.path().join("b.pantau-kirim");
        write(manifest(1, None), &files(), &generate_key().unwrap(), &out).unwrap();
        let stranger = generate_key().unwrap();
        let error = read(&out)
            .unwrap()
            .verify(&stranger.verifying_key())
            .unwrap_err();
        assert!(matches!(error, BundleError::BadSignature { .. }), "{error}");
    }

    #[test]
    fn any_damaged_byte_is_refused() {
        let dir = dir();
        let key = generate_key().unwrap();
        let out = dir.path().join("b.pantau-kirim");
        write(manifest(1, None), &files(), &key, &out).unwrap();
        let good = std::fs::read(&out).unwrap();
        let damaged = dir.path().join("damaged.pantau-kirim");
        for i in (0..good.len()).step_by(7) {
            let mut bytes = good.clone();
            bytes[i] ^= 0x20;
            std::fs::write(&damaged, &bytes).unwrap();
            let accepted = read(&damaged).and_then(|r| {
                r.verify(&key.verifying_key())?;
                Ok(r)
            });
            // A byte the zip itself ignores may change nothing that is used; then the
            // content is exactly what was signed.
            if let Ok(r) = accepted {
                assert_eq!(r.files, files(), "byte {i} changed the content unnoticed");
            }
        }
    }

    #[test]
    fn rows_changed_under_a_valid_manifest_and_signature_are_refused() {
        let dir = dir();
        let key = generate_key().unwrap();
        let out = dir.path().join("b.pantau-kirim");
        write(manifest(1, None), &files(), &key, &out).unwrap();
        let original = read(&out).unwrap();
        // A well-formed zip (its own checksums right) with the signed manifest and signature
        // but one figure changed.
        let forged = dir.path().join("forged.pantau-kirim");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&forged).unwrap());
        let options = zip::write::SimpleFileOptions::default();
        let unzip = |name: &str| {
            let mut archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
            let mut bytes = Vec::new();
            archive
                .by_name(name)
                .unwrap()
                .read_to_end(&mut bytes)
                .unwrap();
            bytes
        };
        for name in [MANIFEST, SIGNATURE] {
            zip.start_file(name, options).unwrap();
            zip.write_all(&unzip(name)).unwrap();
        }
        zip.start_file("reports.csv", options).unwrap();
        let text = String::from_utf8(original.files["reports.csv"].clone()).unwrap();
        zip.write_all(text.replace(",31,", ",310,").as_bytes())
            .unwrap();
        zip.finish().unwrap();
        let error = read(&forged).unwrap_err();
        assert!(
            matches!(&error, BundleError::Damaged { file, .. } if file == "reports.csv"),
            "{error}"
        );
    }

    #[test]
    fn a_newer_schema_an_unknown_format_and_unlisted_files_are_refused() {
        let dir = dir();
        let key = generate_key().unwrap();
        let out = dir.path().join("b.pantau-kirim");
        let mut newer = manifest(1, None);
        newer.schema_version = crate::store::schema::LATEST_VERSION + 1;
        write(newer, &files(), &key, &out).unwrap();
        assert!(matches!(
            read(&out).unwrap_err(),
            BundleError::NewerSchema { .. }
        ));
        // A zip with an extra file beside what the manifest lists.
        write(manifest(1, None), &files(), &key, &out).unwrap();
        let mut zip = zip::ZipWriter::new_append(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&out)
                .unwrap(),
        )
        .unwrap();
        zip.start_file("extra.csv", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"x").unwrap();
        zip.finish().unwrap();
        assert!(matches!(
            read(&out).unwrap_err(),
            BundleError::NotABundle {
                reason: NotABundle::Foreign(name),
                ..
            } if name == "extra.csv"
        ));
        // Not a zip at all.
        std::fs::write(&out, b"tanggal,kecamatan\n").unwrap();
        assert!(matches!(
            read(&out).unwrap_err(),
            BundleError::NotABundle { .. }
        ));
    }

    #[test]
    fn path_like_entry_names_are_refused_even_signed_and_listed() {
        let dir = dir();
        let key = generate_key().unwrap();
        for name in [
            "../../x.csv",
            "/x.csv",
            "..\\..\\x.csv",
            "sub/reports.csv",
            "Reports.csv",
        ] {
            let out = dir.path().join("jahat.pantau-kirim");
            let mut files = files();
            files.insert(name.to_string(), b"unit,date\n".to_vec());
            write(manifest(1, None), &files, &key, &out).unwrap();
            let error = read(&out).unwrap_err();
            assert!(
                matches!(&error, BundleError::NotABundle { reason: NotABundle::Foreign(n), .. } if n == name),
                "{name}: {error}"
            );
        }
    }

    #[test]
    fn a_bundle_that_unpacks_past_the_limit_is_refused() {
        let dir = dir();
        let out = dir.path().join("bomb.pantau-kirim");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("reports.csv", options).unwrap();
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..(MAX_BYTES >> 20) + 1 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
        assert!(
            std::fs::metadata(&out).unwrap().len() < 1 << 20,
            "small on disk"
        );
        assert!(matches!(
            read(&out).unwrap_err(),
            BundleError::TooLarge { .. }
        ));
    }
}
