//! Reaching a hub: a libpq URL (`postgresql://user@host:5432/pantau?sslmode=require`), the
//! password where every PostgreSQL tool finds it (the URL, `PGPASSWORD`, then `~/.pgpass` or
//! `PGPASSFILE`), the parts the URL leaves out from `PGHOST`, `PGPORT`, `PGUSER` and
//! `PGDATABASE`, and TLS by rustls as libpq understands `sslmode`: `disable`; `prefer` (the
//! default) and `require` encrypt without checking the server's certificate unless a root
//! certificate is given; `verify-ca` checks it against `sslrootcert` (default
//! `~/.postgresql/root.crt`), `verify-full` the host name too.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use postgres::Client;
use postgres::config::{Host, SslMode};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

use super::HubError;

/// How the server's certificate is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verify {
    /// Encrypted, the certificate not checked (libpq's `prefer` and `require`).
    Nothing,
    /// Signed by the root certificate in the file; the host name not checked.
    Ca(PathBuf),
    /// Signed by the root certificate and made out to the host.
    Full(PathBuf),
}

/// A hub's address, parsed: what to connect to and how, and the URL as it may be shown (no
/// password).
#[derive(Debug, Clone)]
pub struct HubUrl {
    config: postgres::Config,
    verify: Verify,
    shown: String,
}

impl HubUrl {
    /// Parses `url`, filling what it leaves out as libpq does.
    pub fn parse(url: &str) -> Result<HubUrl, HubError> {
        let bad = |why: super::UrlProblem| HubError::Url {
            url: hide_password(url),
            why,
        };
        let trimmed = url.trim();
        if !(trimmed.starts_with("postgresql://") || trimmed.starts_with("postgres://")) {
            return Err(bad(super::UrlProblem::NotPostgres));
        }
        let (base, query) = trimmed.split_once('?').unwrap_or((trimmed, ""));
        let mut kept = Vec::new();
        let mut mode = "prefer".to_string();
        let mut root: Option<PathBuf> = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslmode" => mode = value.to_string(),
                "sslrootcert" => root = Some(PathBuf::from(percent_decode(value))),
                _ => kept.push(pair),
            }
        }
        let (ssl_mode, verify) = match mode.as_str() {
            "disable" => (SslMode::Disable, Verify::Nothing),
            "allow" | "prefer" => (SslMode::Prefer, root.map_or(Verify::Nothing, Verify::Ca)),
            "require" => (SslMode::Require, root.map_or(Verify::Nothing, Verify::Ca)),
            "verify-ca" => (
                SslMode::Require,
                Verify::Ca(root.unwrap_or_else(default_root)),
            ),
            "verify-full" => (
                SslMode::Require,
                Verify::Full(root.unwrap_or_else(default_root)),
            ),
            other => return Err(bad(super::UrlProblem::SslMode(other.to_string()))),
        };
        let rebuilt = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        let mut config: postgres::Config = rebuilt
            .parse()
            .map_err(|e| bad(super::UrlProblem::Unreadable(format!("{e}"))))?;
        config.ssl_mode(ssl_mode);
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if config.get_hosts().is_empty() {
            // As libpq: a host starting with `/` is a Unix socket's folder, and without a host
            // the local server's socket (on Windows, localhost).
            let host = env("PGHOST");
            #[cfg(unix)]
            match host {
                Some(host) if host.starts_with('/') => {
                    config.host_path(host);
                }
                Some(host) => {
                    config.host(&host);
                }
                None => {
                    config.host_path("/var/run/postgresql");
                }
            }
            #[cfg(not(unix))]
            config.host(host.as_deref().unwrap_or("localhost"));
        }
        if config.get_ports().is_empty()
            && let Some(port) = env("PGPORT").and_then(|p| p.parse().ok())
        {
            config.port(port);
        }
        if config.get_user().is_none() {
            let user = env("PGUSER")
                .or_else(|| env("USER"))
                .or_else(|| env("USERNAME"))
                .ok_or_else(|| bad(super::UrlProblem::NoUser))?;
            config.user(&user);
        }
        if config.get_dbname().is_none()
            && let Some(db) = env("PGDATABASE")
        {
            config.dbname(&db);
        }
        if config.get_password().is_none()
            && let Some(password) = env("PGPASSWORD").or_else(|| pgpass(&config))
        {
            config.password(password);
        }
        Ok(HubUrl {
            shown: hide_password(trimmed),
            config,
            verify,
        })
    }

    /// Uses `password` rather than the one found in the URL, `PGPASSWORD` or the password file.
    pub fn set_password(&mut self, password: &str) {
        self.config.password(password);
    }

    /// The URL as given, without its password.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// The database name (the user's name where the URL gives none, as PostgreSQL does).
    pub fn dbname(&self) -> &str {
        self.config
            .get_dbname()
            .unwrap_or_else(|| self.config.get_user().unwrap_or_default())
    }

    /// The same hub, as `user` (no password): the URL a district pushes with.
    pub fn as_user(&self, user: &str) -> String {
        let (scheme, rest) = self
            .shown
            .split_once("://")
            .unwrap_or(("postgresql", self.shown.as_str()));
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        format!("{scheme}://{user}@{host}{tail}")
    }

    /// Connects, with TLS as `sslmode` asks.
    pub fn connect(&self) -> Result<Client, HubError> {
        let tls = tokio_postgres_rustls::MakeRustlsConnect::new(self.tls_config()?);
        self.config
            .connect(tls)
            .map_err(|source| HubError::Connect {
                url: self.shown.clone(),
                source,
            })
    }

    fn tls_config(&self) -> Result<rustls::ClientConfig, HubError> {
        // ring rather than aws-lc-rs: it builds with a plain C compiler for every target we
        // ship (the Windows installer is cross-built with MinGW); rustls deprecated it for
        // lacking post-quantum key exchange, which PostgreSQL's TLS does not need yet.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| HubError::Tls(e.to_string()))?;
        let config = match &self.verify {
            Verify::Nothing => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(NoCheck(provider)))
                .with_no_client_auth(),
            Verify::Ca(path) | Verify::Full(path) => {
                let roots = read_roots(path)?;
                let full = rustls::client::WebPkiServerVerifier::builder_with_provider(
                    Arc::new(roots),
                    provider,
                )
                .build()
                .map_err(|e| HubError::Tls(e.to_string()))?;
                let verifier: Arc<dyn ServerCertVerifier> = match self.verify {
                    Verify::Full(_) => full,
                    _ => Arc::new(AnyName(full)),
                };
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(verifier)
                    .with_no_client_auth()
            }
        };
        Ok(config)
    }
}

fn default_root() -> PathBuf {
    directories::BaseDirs::new()
        .map(|d| d.home_dir().join(".postgresql").join("root.crt"))
        .unwrap_or_else(|| PathBuf::from("root.crt"))
}

fn read_roots(path: &Path) -> Result<rustls::RootCertStore, HubError> {
    use rustls::pki_types::pem::PemObject;
    let cert_error = |why: String| HubError::Certificate {
        path: path.to_path_buf(),
        why,
    };
    let bytes = std::fs::read(path).map_err(|e| cert_error(e.to_string()))?;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&bytes) {
        let cert = cert.map_err(|e| cert_error(e.to_string()))?;
        roots.add(cert).map_err(|e| cert_error(e.to_string()))?;
    }
    if roots.is_empty() {
        return Err(cert_error("no certificate in the file".into()));
    }
    Ok(roots)
}

/// libpq's `require`: the connection is encrypted, the certificate taken as it comes (the
/// handshake's signatures are still checked).
#[derive(Debug)]
struct NoCheck(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for NoCheck {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// libpq's `verify-ca`: the chain must lead to the root certificate; the name is not checked.
#[derive(Debug)]
struct AnyName(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForName
                | rustls::CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `url` with any password replaced by `***`.
pub fn hide_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The password for `config` in the password file, as libpq reads it: `PGPASSFILE`, else
/// `~/.pgpass` (`%APPDATA%\postgresql\pgpass.conf` on Windows); lines
/// `host:port:database:user:password`, `*` matching anything, `\:` and `\\` escaped.
fn pgpass(config: &postgres::Config) -> Option<String> {
    let path = match std::env::var_os("PGPASSFILE") {
        Some(path) => PathBuf::from(path),
        None if cfg!(windows) => PathBuf::from(std::env::var_os("APPDATA")?)
            .join("postgresql")
            .join("pgpass.conf"),
        None => directories::BaseDirs::new()?.home_dir().join(".pgpass"),
    };
    let text = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(host)) => host.clone(),
        #[cfg(unix)]
        Some(Host::Unix(_)) => "localhost".to_string(),
        None => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default().to_string();
    let db = config.get_dbname().unwrap_or(&user).to_string();
    let wanted = [host, port, db, user];
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = pgpass_fields(line);
            if fields.len() != 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(&wanted)
                .all(|(field, want)| field == "*" || field == want);
            matches.then(|| fields[4].clone())
        })
}

fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(last) = fields.last_mut()
                {
                    last.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_is_hidden_and_user_replaced() {
        assert_eq!(
            hide_password("postgresql://admin:s3cret@hub.jatim.go.id:5432/pantau?sslmode=require"),
            "postgresql://admin:***@hub.jatim.go.id:5432/pantau?sslmode=require"
        );
        let url = HubUrl::parse("postgresql://admin:s3cret@hub.jatim.go.id/pantau?sslmode=require")
            .unwrap();
        assert_eq!(
            url.as_user("pantau_d_sampang"),
            "postgresql://pantau_d_sampang@hub.jatim.go.id/pantau?sslmode=require"
        );
        assert_eq!(url.dbname(), "pantau");
    }

    #[test]
    fn pgpass_lines_are_read_as_libpq_reads_them() {
        assert_eq!(
            pgpass_fields(r"hub\:1:5432:*:pantau_d_sampang:pa\:ss"),
            vec!["hub:1", "5432", "*", "pantau_d_sampang", "pa:ss"]
        );
    }

    #[test]
    fn an_unknown_sslmode_is_refused_by_name() {
        let error = HubUrl::parse("postgresql://u@h/db?sslmode=always").unwrap_err();
        assert!(error.to_string().contains("sslmode=always"), "{error}");
        assert!(HubUrl::parse("mysql://u@h/db").is_err());
    }
}
