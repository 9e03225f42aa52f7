// The renderer's edge: chooses the transport (Electron's preload bridge, or the loopback host over HTTP) and starts the app.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { createClient, type SessionSignals } from './app/client';
import type { Transport } from './app/transport';
import { httpTransport, takeTokenFromLocation } from './app/transport-http';
import { ipcTransport } from './app/transport-ipc';

// The contract's schemas also check fields on screen; the CSP forbids eval, so zod must not try its compiled fast path.
z.config({ jitless: true });

const transport: Transport = window.api?.call ? ipcTransport(window.api) : httpTransport(takeTokenFromLocation());

const quiet: SessionSignals = { ended() {}, locked() {}, accountLocked() {} };
let signals = quiet;
const client = createClient(transport, () => signals);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} setSignals={(s) => (signals = s)} />
  </StrictMode>,
);
