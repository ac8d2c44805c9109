//! The sandbox's TCP layer: a listener whose connections a handler can sabotage, so a
//! fault can reset the connection before the answer or in the middle of its body, the
//! way a flaky network or a crashing proxy does.

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// How many more bytes a connection may write; `u64::MAX` means no limit.
#[derive(Clone, Debug)]
pub struct Wire(Arc<AtomicU64>);

impl Wire {
    /// Lets `bytes` more bytes out, then resets the connection.
    pub fn cut_after(&self, bytes: u64) {
        self.0.store(bytes, Ordering::SeqCst);
    }
}

pub struct WireListener(pub TcpListener);

pub struct WireStream {
    tcp: TcpStream,
    budget: Wire,
}

impl Listener for WireListener {
    type Io = WireStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (WireStream, SocketAddr) {
        loop {
            match self.0.accept().await {
                Ok((tcp, addr)) => return (WireStream { tcp, budget: Wire(Arc::new(AtomicU64::new(u64::MAX))) }, addr),
                // Out of file descriptors and the like: wait instead of spinning, as
                // axum's own listener does.
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.local_addr()
    }
}

impl Connected<IncomingStream<'_, WireListener>> for Wire {
    fn connect_info(stream: IncomingStream<'_, WireListener>) -> Wire {
        stream.io().budget.clone()
    }
}

impl AsyncRead for WireStream {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.tcp).poll_read(cx, buf)
    }
}

impl AsyncWrite for WireStream {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let left = self.budget.0.load(Ordering::SeqCst);
        if left == 0 {
            // Zero linger turns the close into a TCP reset, as a crashed peer would.
            let _ = self.tcp.set_zero_linger();
            return Poll::Ready(Err(io::Error::new(io::ErrorKind::ConnectionReset, "sandbox fault: connection reset")));
        }
        let allowed = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let written = std::task::ready!(Pin::new(&mut self.tcp).poll_write(cx, &buf[..allowed]))?;
        if left != u64::MAX {
            self.budget.0.fetch_sub(written as u64, Ordering::SeqCst);
        }
        Poll::Ready(Ok(written))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.tcp).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.tcp).poll_shutdown(cx)
    }
}
