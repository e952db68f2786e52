//! A Redis server of its own (Debian's `redis-server`, nothing saved) on a
//! free loopback port, stopped when dropped: for the tests of proxy
//! replicas and for `make bench-proxy`.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The running server.
pub struct Redis {
    child: Child,
    /// Its URL.
    pub url: String,
}

impl Redis {
    /// Starts it and waits until it accepts connections.
    pub fn start() -> Result<Self, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("cannot start redis-server (scripts/setup.sh installs it): {e}")
            })?;
        // Dropped (killed and waited for) however this ends.
        let redis = Self {
            child,
            url: format!("redis://127.0.0.1:{port}/"),
        };
        for _ in 0..100 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(redis);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!("redis-server did not start on {port}"))
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
