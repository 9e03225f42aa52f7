// The idle lock in the window: input keeps the session alive (heartbeat at most every 30 s); no input for the set minutes locks the desk.
import { useEffect, useRef } from 'react';
import { useClient } from './client-context';

const heartbeatEveryMs = 30_000;
const checkEveryMs = 5_000;
const inputEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export function useIdleLock(idleLockMinutes: number, lock: () => void): void {
  const client = useClient();
  const lastInput = useRef(Date.now());
  const lastHeartbeat = useRef(Date.now());
  const lockRef = useRef(lock);
  lockRef.current = lock;

  useEffect(() => {
    lastInput.current = Date.now();
    const onInput = () => {
      const now = Date.now();
      lastInput.current = now;
      // The core locks after the same minutes without calls; reading a screen makes no calls, so input is reported.
      if (now - lastHeartbeat.current >= heartbeatEveryMs) {
        lastHeartbeat.current = now;
        void client.call('auth.heartbeat', {});
      }
    };
    for (const type of inputEvents) window.addEventListener(type, onInput, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastInput.current >= idleLockMinutes * 60_000) lockRef.current();
    }, checkEveryMs);
    return () => {
      for (const type of inputEvents) window.removeEventListener(type, onInput, { capture: true });
      window.clearInterval(timer);
    };
  }, [client, idleLockMinutes]);
}
