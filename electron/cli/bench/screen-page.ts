// What the screen benchmark runs inside the page: every time is taken there with performance.now(), so Playwright's
// round trips never enter a figure. Each function is self-contained: Playwright sends its source to the page.

/** The customer list marks the query its shown rows answer (absent while the previous rows stand in). */
export const resultsSelector = '[data-results-for]';
export const scrollerSelector = '[data-testid="customers-table-scroller"]';

interface Probe {
  expected: string;
  /** The last keystroke (keydown, or the input method's commit), as the event's own timestamp. */
  keyAt: number | null;
  rowsAt: number | null;
  stop: () => void;
}

type ProbeWindow = typeof globalThis & { __screenProbe?: Probe };

/**
 * Arms the probe for one query: the next keystroke's time, then the first DOM change after it that shows the rows for
 * `expected`. A MutationObserver runs after React's commit and before the paint: "in the DOM", as the goal says.
 */
export function armProbe({ expected, selector }: { expected: string; selector: string }): void {
  const w = window as ProbeWindow;
  w.__screenProbe?.stop();
  // The page keeps 250 resource entries by default, then records no more: each query starts with an empty list.
  performance.clearResourceTimings();
  const probe: Probe = { expected, keyAt: null, rowsAt: null, stop: () => undefined };
  const onKey = (event: Event) => {
    if (probe.keyAt === null) probe.keyAt = event.timeStamp;
  };
  const check = () => {
    if (probe.keyAt === null || probe.rowsAt !== null) return;
    const shown = document.querySelector(selector);
    if (shown && shown.getAttribute('data-results-for') === probe.expected) {
      probe.rowsAt = performance.now();
      probe.stop();
    }
  };
  const observer = new MutationObserver(check);
  const events = ['keydown', 'beforeinput', 'compositionend'];
  for (const name of events) window.addEventListener(name, onKey, true);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-results-for'] });
  probe.stop = () => {
    observer.disconnect();
    for (const name of events) window.removeEventListener(name, onKey, true);
  };
  w.__screenProbe = probe;
}

/**
 * Milliseconds from the keystroke to the rows, once both happened (null until then), and where they went: from the
 * key to the search call leaving the page, the call's round trip (host and core), and from its answer to the rows.
 * Read from the page's resource timing: the last `customers.search` call that started after the key.
 */
export function probeResult(): { totalMs: number; toCallMs: number | null; callMs: number | null; toRowsMs: number | null } | null {
  const probe = (window as ProbeWindow).__screenProbe;
  if (!probe || probe.keyAt === null || probe.rowsAt === null) return null;
  const keyAt = probe.keyAt;
  const calls = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/customers.search') && e.startTime >= keyAt && (e as PerformanceResourceTiming).responseEnd <= probe.rowsAt! + 1) as PerformanceResourceTiming[];
  const call = calls.at(-1);
  return {
    totalMs: probe.rowsAt - keyAt,
    toCallMs: call ? call.startTime - keyAt : null,
    callMs: call ? call.responseEnd - call.startTime : null,
    toRowsMs: call ? probe.rowsAt - call.responseEnd : null,
  };
}

/**
 * Scrolls the list by `step` pixels each frame for `ms` milliseconds and returns every frame's timestamp. When the end
 * of the loaded rows is reached the list asks for the next page, as it does for a person holding the scroll wheel.
 */
export function scrollList({ selector, ms, step }: { selector: string; ms: number; step: number }): Promise<{ frames: number[]; rowsSeen: number }> {
  const scroller = document.querySelector(selector) as HTMLElement | null;
  if (!scroller) throw new Error(`no ${selector} on the page`);
  scroller.scrollTop = 0;
  const frames: number[] = [];
  return new Promise((resolve) => {
    const frame = (at: number) => {
      frames.push(at);
      if (at - frames[0]! >= ms) {
        const rows = scroller.querySelectorAll('tr[aria-rowindex]');
        const lastRow = rows[rows.length - 1];
        resolve({ frames, rowsSeen: Number(lastRow?.getAttribute('aria-rowindex') ?? 0) });
        return;
      }
      scroller.scrollTop += step;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
