//! Lines a person types while the tool waits for something else (a browser, the back
//! office): read on a thread that looks at the terminal only when a whole line is there and
//! stops when the wait ends, so it never steals the next prompt's input.

use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::mpsc;

pub struct Lines {
    rx: mpsc::UnboundedReceiver<String>,
    stop: Arc<AtomicBool>,
}

impl Lines {
    /// Starts reading standard input; empty lines are passed on too (Enter means "go on").
    pub fn start() -> Lines {
        let (tx, rx) = mpsc::unbounded_channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::spawn(move || {
            let stdin = std::io::stdin();
            while !stopped.load(Ordering::Acquire) {
                match line_ready(Duration::from_millis(200)) {
                    Ready::No => continue,
                    Ready::Closed => break,
                    Ready::Yes => {}
                }
                let mut line = String::new();
                match stdin.lock().read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) if stopped.load(Ordering::Acquire) => break,
                    Ok(_) => {
                        if tx.send(line.trim_end_matches(['\r', '\n']).to_string()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Lines { rx, stop }
    }

    /// The next line; pending for ever once input is closed (the caller has other ends).
    pub async fn next(&mut self) -> String {
        match self.rx.recv().await {
            Some(line) => line,
            None => std::future::pending().await,
        }
    }
}

impl Drop for Lines {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
    }
}

enum Ready {
    Yes,
    No,
    Closed,
}

/// Whether a line can be read without blocking (a terminal in canonical mode reports input
/// only once Enter is pressed).
#[cfg(unix)]
#[allow(unsafe_code)]
fn line_ready(wait: Duration) -> Ready {
    let mut fds = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd for the duration of the call.
    let n = unsafe { libc::poll(&mut fds, 1, wait.as_millis() as libc::c_int) };
    if n < 0 {
        return Ready::No; // EINTR: look again
    }
    if fds.revents & libc::POLLIN != 0 {
        Ready::Yes
    } else if fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Ready::Closed
    } else {
        Ready::No
    }
}

/// Elsewhere the read blocks; the thread is left behind when the wait ends another way.
#[cfg(not(unix))]
fn line_ready(_wait: Duration) -> Ready {
    Ready::Yes
}
