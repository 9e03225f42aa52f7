// The content security policy of the renderer, one string for both edges (the shell and the loopback host).
// Scripts only from the app itself; styles may be inline because the component library sets element styles;
// no remote content of any kind.
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // pdf.js reads a PDF ID copy in a worker of the app's own script (issue #5); nothing else runs in workers.
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
