//! A connection whose client stops reading is closed: a write that makes
//! no progress for as long as the client deadline fails, and hyper drops
//! the connection. (Hyper has a deadline for reading a request's head, none
//! for writing: an event stream, or a recording, to a client that no
//! longer reads would hold its connection and descriptor until TCP gave
//! up.)

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{sleep, Sleep};

/// `io` whose writes fail once one has waited `limit` without progress.
pub struct StallLimit<T> {
    io: T,
    limit: Duration,
    /// Armed while a write waits.
    waiting: Option<Pin<Box<Sleep>>>,
}

impl<T> StallLimit<T> {
    /// `io`, its writes bounded by `limit` without progress.
    pub fn new(io: T, limit: Duration) -> Self {
        Self {
            io,
            limit,
            waiting: None,
        }
    }

    /// What a write (or flush) that came to `poll` comes to: `Pending`
    /// fails once the wait has gone on for the limit (a timer wakes the
    /// task then); any progress starts the wait anew.
    fn bound<R>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<R>>) -> Poll<io::Result<R>> {
        if poll.is_ready() {
            self.waiting = None;
            return poll;
        }
        let limit = self.limit;
        let timer = self.waiting.get_or_insert_with(|| Box::pin(sleep(limit)));
        if timer.as_mut().poll(cx).is_ready() {
            Poll::Ready(Err(stalled_error()))
        } else {
            Poll::Pending
        }
    }
}

fn stalled_error() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "the client stopped reading")
}

impl<T: AsyncRead + Unpin> AsyncRead for StallLimit<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for StallLimit<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write(cx, buf);
        this.bound(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.bound(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_flush(cx);
        this.bound(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;
    use tokio::time::Instant;

    /// A writer that never takes a byte.
    struct Stuck;

    impl AsyncWrite for Stuck {
        fn poll_write(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
            _: &[u8],
        ) -> Poll<io::Result<usize>> {
            Poll::Pending
        }
        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
        fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_write_that_makes_no_progress_fails_after_the_limit() {
        let started = Instant::now();
        let mut io = StallLimit::new(Stuck, Duration::from_secs(10));
        let err = io.write_all(b"event").await.err().map(|e| e.kind());
        assert_eq!(err, Some(io::ErrorKind::TimedOut));
        assert_eq!(started.elapsed().as_secs(), 10);
    }

    /// A writer that takes a byte every `every`, waiting in between.
    struct Slow {
        every: Duration,
        next: Option<Pin<Box<Sleep>>>,
        taken: usize,
    }

    impl AsyncWrite for Slow {
        fn poll_write(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            _: &[u8],
        ) -> Poll<io::Result<usize>> {
            let every = self.every;
            let wait = self.next.get_or_insert_with(|| Box::pin(sleep(every)));
            if wait.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            self.next = None;
            self.taken += 1;
            Poll::Ready(Ok(1))
        }
        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
        fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    /// A slow client that keeps taking bytes is not dropped, however long
    /// the whole answer takes: the limit is on each wait.
    #[tokio::test(start_paused = true)]
    async fn writes_that_progress_go_on_however_slow() {
        let started = Instant::now();
        let slow = Slow {
            every: Duration::from_secs(9),
            next: None,
            taken: 0,
        };
        let mut io = StallLimit::new(slow, Duration::from_secs(10));
        io.write_all(b"data: x\n\n")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(io.io.taken, 9);
        assert_eq!(
            started.elapsed().as_secs(),
            81,
            "81 s for 9 bytes, and not dropped"
        );
    }
}
