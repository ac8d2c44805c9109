//! Lines a person types while the tool waits for something else (a browser, the back
//! office): read on a thread that looks at the terminal only when a whole line is there and
//! stops when the wait ends, so it never steals the next prompt's input.

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
            while !stopped.load(Ordering::Acquire) {
                match line_ready(Duration::from_millis(50)) {
                    Ready::No => continue,
                    Ready::Closed => break,
                    // Stopped meanwhile: what was typed is the next prompt's.
                    Ready::Yes if stopped.load(Ordering::Acquire) => break,
                    Ready::Yes => {}
                }
                match read_line() {
                    None => break,
                    Some(line) => {
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

/// One line, read a byte at a time from the descriptor itself: a buffered reader (std's
/// `Stdin` is one) would keep what follows the line out of reach of the next prompt, which
/// reads the terminal directly. `None` at end of input.
#[cfg(unix)]
fn read_line() -> Option<String> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match rustix::io::read(rustix::stdio::stdin(), &mut byte) {
            Ok(1) if byte[0] == b'\n' => break,
            Ok(1) => line.push(byte[0]),
            _ if line.is_empty() => return None,
            _ => break,
        }
    }
    Some(String::from_utf8_lossy(&line).into_owned())
}

#[cfg(not(unix))]
fn read_line() -> Option<String> {
    let mut line = String::new();
    match std::io::BufRead::read_line(&mut std::io::stdin().lock(), &mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line),
    }
}

// Outside Unix the read blocks (`line_ready` says `Yes`), so only Unix builds the others.
#[cfg_attr(not(unix), allow(dead_code))]
enum Ready {
    Yes,
    No,
    Closed,
}

/// Whether a line can be read without blocking (a terminal in canonical mode reports input
/// only once Enter is pressed).
#[cfg(unix)]
fn line_ready(wait: Duration) -> Ready {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = rustix::stdio::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let timeout = Timespec::try_from(wait).ok();
    if poll(&mut fds, timeout.as_ref()).is_err() {
        return Ready::No; // EINTR: look again
    }
    let revents = fds[0].revents();
    if revents.contains(PollFlags::IN) {
        Ready::Yes
    } else if revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
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
