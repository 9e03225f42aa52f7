// Memory: the core process's resident set, sampled while one size's measures run, and the kernel's peak for the process.

/** Samples `process.memoryUsage.rss()` every `everyMs` until stopped; the peak is what it saw. */
export class RssSampler {
  private peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 100) {
    this.timer = setInterval(() => this.sample(), everyMs);
    // A sampler never keeps the run alive.
    this.timer.unref();
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  /** Stops sampling and returns the peak in bytes. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/** The kernel's high-water mark of the whole process so far (builds included), in bytes. */
export function processPeakRss(): number {
  // maxRSS is in kilobytes (libuv's ru_maxrss).
  return process.resourceUsage().maxRSS * 1024;
}
