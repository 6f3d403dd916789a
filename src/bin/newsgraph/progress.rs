//! Progress on standard error: a bar on a terminal, plain lines in a log with `-v`, nothing with `-q`.
//!
//! A bar appears only once a stage has run for a second (`NEWSGRAPH_PROGRESS_DELAY_MS` changes
//! that; the tests set it to 0), so quick runs stay as quiet as before; it shows what is done,
//! the rate and the time left, and is cleared when the stage ends. When standard error is not a
//! terminal a bar would only fill logs with redraws, so `-v` prints a line when a stage begins,
//! every few seconds while it runs, and when it ends.

use indicatif::{HumanBytes, HumanCount, HumanDuration, ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::progress::{Progress, Stage, Unit};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// How long a stage runs before its bar appears, unless `NEWSGRAPH_PROGRESS_DELAY_MS` says.
const BAR_DELAY: Duration = Duration::from_secs(1);
/// Time between two plain progress lines.
const LINE_PERIOD: Duration = Duration::from_secs(5);

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    /// Not at all.
    Nothing,
    /// An indicatif bar (standard error is a terminal).
    Bar,
    /// Plain periodic lines (standard error is a file or a pipe, and `-v` was given).
    Lines,
}

impl Display {
    /// `-q`: nothing; a terminal: a bar; otherwise lines with `-v`, else nothing.
    pub fn choose(quiet: bool, verbose: u8, terminal: bool) -> Display {
        match (quiet, terminal, verbose) {
            (true, _, _) => Display::Nothing,
            (false, true, _) => Display::Bar,
            (false, false, 0) => Display::Nothing,
            (false, false, _) => Display::Lines,
        }
    }
}

/// Shows the library's progress reports; logs each stage's time at debug level (`-v`).
pub struct Reporter {
    display: Display,
    bar_delay: Duration,
    running: Mutex<Option<Running>>,
}

/// The stage under way.
struct Running {
    stage: Stage,
    count: Arc<Count>,
    bar: Option<ProgressBar>,
    ticker: Option<Ticker>,
}

/// What a stage has done so far.
struct Count {
    unit: Unit,
    total: Option<u64>,
    done: AtomicU64,
    start: Instant,
}

impl Reporter {
    /// The reporter `-q` / `-v` ask for, on this process's standard error.
    pub fn for_stderr(quiet: bool, verbose: u8) -> Reporter {
        let bar_delay = std::env::var("NEWSGRAPH_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(BAR_DELAY, Duration::from_millis);
        let display = Display::choose(quiet, verbose, std::io::stderr().is_terminal());
        Reporter { display, bar_delay, running: Mutex::new(None) }
    }

    fn running(&self) -> MutexGuard<'_, Option<Running>> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Progress for Reporter {
    fn begin(&self, stage: Stage, total: Option<u64>) {
        let count = Arc::new(Count { unit: stage.unit(), total, done: AtomicU64::new(0), start: Instant::now() });
        let (mut bar, mut ticker) = (None, None);
        match self.display {
            Display::Nothing => {}
            Display::Bar => {
                let hidden = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden())
                    .with_style(style(stage.unit(), total.is_some()))
                    .with_prefix(stage.doing());
                let shown = hidden.clone();
                ticker = Some(Ticker::start(self.bar_delay, None, move || reveal(&shown)));
                bar = Some(hidden);
            }
            Display::Lines => {
                match total {
                    Some(total) => log::debug!("{} {}", stage.doing(), count.amount(total)),
                    None => log::debug!("{}", stage.doing()),
                }
                let count = Arc::clone(&count);
                ticker = Some(Ticker::start(LINE_PERIOD, Some(LINE_PERIOD), move || {
                    log::debug!("{}: {}", stage.doing(), count.so_far());
                }));
            }
        }
        *self.running() = Some(Running { stage, count, bar, ticker });
    }

    fn advance(&self, amount: u64) {
        if let Some(running) = self.running().as_ref() {
            running.count.done.fetch_add(amount, Ordering::Relaxed);
            if let Some(bar) = &running.bar {
                bar.inc(amount);
            }
        }
    }

    fn end(&self, stage: Stage) {
        let Some(running) = self.running().take() else { return };
        debug_assert_eq!(running.stage, stage);
        if let Some(ticker) = running.ticker {
            ticker.stop();
        }
        if let Some(bar) = running.bar {
            *visible_bar() = None;
            bar.finish_and_clear();
        }
        log::debug!("{} {}", stage.done(), running.count.at_end());
    }
}

impl Count {
    /// `1,200/2,225 documents, 230/s, 4 seconds left` (or as much of it as is known).
    fn so_far(&self) -> String {
        let done = self.done.load(Ordering::Relaxed);
        let elapsed = self.start.elapsed().as_secs_f64();
        let mut line = match (self.total, self.unit) {
            (Some(total), Unit::Bytes) => format!("{}/{}", HumanBytes(done), HumanBytes(total)),
            (Some(total), unit) => format!("{}/{} {}", HumanCount(done), HumanCount(total), unit.plural()),
            (None, _) => self.amount(done),
        };
        if done > 0 && elapsed > 0.0 {
            let rate = done as f64 / elapsed;
            match self.unit {
                Unit::Bytes => line.push_str(&format!(", {}/s", HumanBytes(rate as u64))),
                _ => line.push_str(&format!(", {}/s", HumanCount(rate as u64))),
            }
            if let Some(total) = self.total {
                let left = Duration::from_secs_f64(total.saturating_sub(done) as f64 / rate);
                line.push_str(&format!(", {} left", HumanDuration(left)));
            }
        }
        line
    }

    /// `2,225 documents in 9.8 s`, or `in 0.4 s` for a stage that counts nothing.
    fn at_end(&self) -> String {
        let done = self.done.load(Ordering::Relaxed);
        let time = format!("in {:.1} s", self.start.elapsed().as_secs_f64());
        match (self.total, done) {
            (None, 0) => time,
            _ => format!("{} {time}", self.amount(done)),
        }
    }

    /// `2,225 documents`, `12.5 MiB`.
    fn amount(&self, n: u64) -> String {
        match self.unit {
            Unit::Bytes => HumanBytes(n).to_string(),
            unit => format!("{} {}", HumanCount(n), unit.plural()),
        }
    }
}

/// The bar's look for a unit, with or without a known total.
fn style(unit: Unit, with_total: bool) -> ProgressStyle {
    ProgressStyle::with_template(template(unit, with_total))
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

/// The indicatif template of [`style`].
fn template(unit: Unit, with_total: bool) -> &'static str {
    match (unit, with_total) {
        (Unit::Bytes, true) => "{prefix:>10} [{bar:30}] {bytes}/{total_bytes}, {bytes_per_sec}, {eta} left",
        (Unit::Bytes, false) => "{prefix:>10} {spinner} {bytes}, {bytes_per_sec}",
        (Unit::Documents, true) => "{prefix:>10} [{bar:30}] {human_pos}/{human_len} documents, {per_sec:0}, {eta} left",
        (Unit::Formats, true) => "{prefix:>10} [{bar:30}] {pos}/{len} formats, {elapsed}",
        (_, _) => "{prefix:>10} {spinner} {elapsed}",
    }
}

/// The bar on screen, if any: log lines are written above it.
fn visible_bar() -> MutexGuard<'static, Option<ProgressBar>> {
    static VISIBLE: Mutex<Option<ProgressBar>> = Mutex::new(None);
    VISIBLE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts drawing a bar that was counting hidden.
fn reveal(bar: &ProgressBar) {
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(200));
    *visible_bar() = Some(bar.clone());
}

/// Runs `write` with the bar, if one is on screen, out of the way.
pub fn above_bar(write: impl FnOnce()) {
    let visible = visible_bar().clone();
    match visible {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// A thread that calls a function after a delay, then every period if one is given, until stopped.
struct Ticker {
    stop: mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl Ticker {
    fn start(first: Duration, every: Option<Duration>, mut tick: impl FnMut() + Send + 'static) -> Ticker {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let mut wait = first;
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(wait) {
                tick();
                let Some(period) = every else { break };
                wait = period;
            }
        });
        Ticker { stop, thread }
    }

    /// Stops the thread and waits for it: once this returns, `tick` runs no more.
    fn stop(self) {
        drop(self.stop);
        let _ = self.thread.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_on_terminals_lines_only_when_asked_nothing_when_quiet() {
        assert_eq!(Display::choose(false, 0, true), Display::Bar);
        assert_eq!(Display::choose(false, 0, false), Display::Nothing);
        assert_eq!(Display::choose(false, 1, false), Display::Lines);
        assert_eq!(Display::choose(true, 0, true), Display::Nothing);
        assert_eq!(Display::choose(true, 0, false), Display::Nothing);
    }

    #[test]
    fn every_template_parses() {
        for unit in [Unit::Bytes, Unit::Documents, Unit::Formats] {
            for with_total in [true, false] {
                let t = template(unit, with_total);
                assert!(ProgressStyle::with_template(t).is_ok(), "{t}");
            }
        }
        assert!(template(Unit::Documents, true).contains("documents, {per_sec:0}, {eta} left"));
    }

    #[test]
    fn a_count_says_what_is_done_the_rate_and_the_time_left() {
        let count = Count {
            unit: Unit::Documents,
            total: Some(2225),
            done: AtomicU64::new(1200),
            start: Instant::now() - Duration::from_secs(6),
        };
        let line = count.so_far();
        assert!(line.starts_with("1,200/2,225 documents, "), "{line}");
        assert!(line.contains("/s, ") && line.ends_with(" left"), "{line}");
        let bytes = Count { unit: Unit::Bytes, total: None, done: AtomicU64::new(3 << 20), start: Instant::now() };
        assert!(bytes.at_end().starts_with("3.00 MiB in "), "{}", bytes.at_end());
    }

    #[test]
    fn a_stopped_ticker_ticks_no_more() {
        let ticks = Arc::new(AtomicU64::new(0));
        let counted = Arc::clone(&ticks);
        let ticker = Ticker::start(Duration::from_secs(3600), None, move || {
            counted.fetch_add(1, Ordering::Relaxed);
        });
        ticker.stop();
        assert_eq!(ticks.load(Ordering::Relaxed), 0);
        let counted = Arc::clone(&ticks);
        let ticker = Ticker::start(Duration::ZERO, None, move || {
            counted.fetch_add(1, Ordering::Relaxed);
        });
        ticker.thread.join().unwrap();
        drop(ticker.stop);
        assert_eq!(ticks.load(Ordering::Relaxed), 1);
    }
}
