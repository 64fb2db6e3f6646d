// A progress bar on stderr for long conversions: only when stderr is a terminal and the input is
// large (over 64 MiB), redrawn at most ten times a second, erased when the work ends.
export const PROGRESS_MIN_BYTES = 64 << 20;

export interface Progress {
  /** Adds `n` bytes of input done. */
  add(n: number): void;
  /** Sets the bytes of input done. */
  set(done: number): void;
  /** Erases the bar. */
  end(): void;
}

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const NONE: Progress = { add() {}, set() {}, end() {} };
const MIB = 1024 * 1024;

function mib(n: number): string {
  return (n / MIB).toFixed(n < 10 * MIB ? 1 : 0);
}

/** The bar's text for `done` of `total` bytes after `seconds`, in `width` columns. */
export function progressLine(done: number, total: number, seconds: number, width: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 && fraction < 1 ? ` ${Math.ceil((total - done) / rate)} s left` : '';
  const text = ` ${(fraction * 100).toFixed(0).padStart(3)}% ${mib(done)}/${mib(total)} MiB ${(rate / MIB).toFixed(1)} MiB/s${eta}`;
  const barWidth = Math.max(10, Math.min(40, width - text.length - 3));
  const filled = Math.round(fraction * barWidth);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${text}`;
}

/** A bar for `total` bytes of input, or one that draws nothing when it should not show. */
export function progressBar(total: number, terminal: Terminal = process.stderr, now: () => number = () => performance.now()): Progress {
  if (!terminal.isTTY || total <= PROGRESS_MIN_BYTES) return NONE;
  const started = now();
  let done = 0;
  let drawn = -Infinity;
  let shown = false;
  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - drawn < 100) return;
    drawn = t;
    shown = true;
    terminal.write(`\r${progressLine(done, total, (t - started) / 1000, terminal.columns || 80)}\x1b[K`);
  };
  return {
    add(n) {
      done += n;
      draw(false);
    },
    set(n) {
      done = n;
      draw(false);
    },
    end() {
      if (shown) terminal.write('\r\x1b[K');
      shown = false;
    },
  };
}
