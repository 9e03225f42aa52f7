// Which query the customer list asks the core for: what was typed, sent from the key's own event, one answer at a time.
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A single character typed key by key (y, 0, C) matches a large share of all customers and is nearly always the start
 * of a longer query: it is asked only after this pause in typing. One committed by the input method (林, 森) was
 * chosen as a word and is asked at once.
 */
export const singleCharacterPauseMs = 300;

/**
 * The typed query goes to the core at once, from the key's event, before React has drawn anything (no debounce: the
 * goal is rows within 100 ms of the last key at 1M customers). Never two at a time: keys typed while an answer is on
 * its way collapse into one next query, the newest, so a fast typist or a held key never queues stale searches
 * behind the one that matters. Each query asked is one audited search: a prefix whose rows were shown was a read of
 * personal data, and the trail records it as one (who looked for whom, and what they saw).
 *
 * `start` begins fetching the first page of a query and settles when it is in (or failed). Returns the query the list
 * shows now and the function the search box calls with each text (trimmed; `committed` when the input method chose it).
 */
export function useAskedQuery(initial: string, start: (query: string) => Promise<unknown>): { asked: string; typed: (query: string, committed?: boolean) => void } {
  const [asked, setAsked] = useState(initial);
  const state = useRef({ wanted: initial, asked: initial, ready: true, inFlight: false, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  const starter = useRef(start);
  useEffect(() => {
    starter.current = start;
  }, [start]);

  const next = useCallback(function next() {
    const s = state.current;
    if (s.inFlight || !s.ready || s.wanted === s.asked) return;
    const query = s.wanted;
    s.asked = query;
    s.inFlight = true;
    setAsked(query);
    void starter.current(query).finally(() => {
      s.inFlight = false;
      next();
    });
  }, []);

  const typed = useCallback(
    (query: string, committed = false) => {
      const s = state.current;
      s.wanted = query;
      clearTimeout(s.timer);
      s.ready = committed || Array.from(query).length !== 1;
      if (!s.ready) {
        s.timer = setTimeout(() => {
          s.ready = true;
          next();
        }, singleCharacterPauseMs);
      }
      next();
    },
    [next],
  );

  useEffect(() => () => clearTimeout(state.current.timer), []);
  return { asked, typed };
}

/** The query the rows on screen answer: the asked one once its first page is in, none while older rows stand in. */
export function resultsFor(asked: string, search: { data?: unknown; isPlaceholderData: boolean }): string | undefined {
  return search.data !== undefined && !search.isPlaceholderData ? asked : undefined;
}
