// The app's own origin (app://desk): the only place the window may show and the only sender the IPC answers.
// Kept apart from protocol.ts so that the window, the IPC check and the protocol agree on one definition.

export const appScheme = 'app';
export const appHost = 'desk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Whether `url` belongs to the app's origin. Parsed, never prefix-matched: `app://desk.evil/`,
 * `app://desk:1/` or `app://user@desk/` are other origins. Node's `URL.origin` is "null" for
 * non-special schemes, so the scheme and host are compared instead.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
}
