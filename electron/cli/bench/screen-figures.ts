// The screen benchmark's arithmetic on frames: frames drawn and dropped from a scroll's requestAnimationFrame times.

/** One frame slot of a 60 Hz display: the budget a frame has before the screen shows the previous one again. */
export const frameSlotMs = 1000 / 60;

export interface FrameCount {
  /** Frames drawn: one per requestAnimationFrame callback. */
  frames: number;
  /**
   * Frame slots missed: an interval longer than 1.5 slots (25 ms) counts the slots it covered beyond the first
   * (a 100 ms stall is 5 dropped frames), so a long freeze weighs as much as the frames a person did not see.
   */
  dropped: number;
  /** The longest interval between two frames, ms. */
  longestMs: number;
}

/** Frames and dropped frames from the requestAnimationFrame timestamps of a scroll, measured against 16.7 ms slots. */
export function countFrames(timestamps: number[]): FrameCount {
  let dropped = 0;
  let longestMs = 0;
  for (let i = 1; i < timestamps.length; i++) {
    const interval = timestamps[i]! - timestamps[i - 1]!;
    longestMs = Math.max(longestMs, interval);
    if (interval > 1.5 * frameSlotMs) dropped += Math.round(interval / frameSlotMs) - 1;
  }
  return { frames: timestamps.length, dropped, longestMs };
}
