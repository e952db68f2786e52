//! The proxy as its own process (the binary people run), its log in a
//! file, and what `/proc` says of its memory and open file descriptors.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The running proxy.
pub struct Proxy {
    child: Child,
    /// Its base URL.
    pub base: String,
    /// Its log (stdout and stderr).
    pub log: PathBuf,
}

/// Memory and descriptors at one moment.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Usage {
    /// Resident memory, KiB.
    pub rss_kib: u64,
    /// Peak resident memory so far, KiB.
    pub peak_kib: u64,
    /// Open file descriptors.
    pub fds: usize,
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// The proxy binary: `$CALLBOARD_SERVER`, else the release build beside
/// this example (`make bench-proxy` builds both).
fn binary() -> PathBuf {
    std::env::var_os("CALLBOARD_SERVER").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/callboard-server"),
        PathBuf::from,
    )
}

impl Proxy {
    /// Starts `callboard-server proxy` for ElevenLabs in front of
    /// `upstream`, with `key` in its environment, and `args` and `env`
    /// added, and waits until it accepts connections.
    pub async fn start_with(
        upstream: &str,
        key: &str,
        log: &Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Result<Self, String> {
        let port = free_port()?;
        let out = File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let child = Command::new(binary())
            .args([
                "proxy",
                "--provider",
                "elevenlabs",
                "--upstream",
                upstream,
                "--port",
                &port.to_string(),
                "--timeout-secs",
                "2",
            ])
            .args(args)
            .env("ELEVENLABS_API_KEY", key)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("cannot start the proxy: {e}"))?;
        let proxy = Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
            log: log.to_owned(),
        };
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Ok(proxy);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err("the proxy did not start listening".into())
    }

    /// Its memory and descriptors now.
    pub fn usage(&self) -> Usage {
        let pid = self.child.id();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        let fds = std::fs::read_dir(format!("/proc/{pid}/fd"))
            .map(Iterator::count)
            .unwrap_or(0);
        Usage {
            rss_kib: field("VmRSS:"),
            peak_kib: field("VmHWM:"),
            fds,
        }
    }
}

impl Proxy {
    /// Stops it at once (a replica lost).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
