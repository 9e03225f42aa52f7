// The officer prints a blank statement to sign: a real PDF with the Japanese text and the font embedded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core';
import { chromiumPrinter } from '../../../../electron/host/printer';
import { officer } from '../../helpers/desk';

const root = mkdtempSync(join(tmpdir(), 'blank-pdf-'));
const core = createCore({ dataDir: join(root, 'data'), exportsDir: join(root, 'exports'), printer: chromiumPrinter(), log: { warn: () => undefined, error: () => undefined } });

beforeAll(async () => {
  await core.call('setup.createOfficer', officer);
  await core.call('auth.login', { loginId: officer.loginId, password: officer.password });
});
afterAll(async () => core.close());

/** Poppler with the system fonts hidden, so a PDF that lacks its font cannot borrow one and look right (FACTS.md). */
function withoutSystemFonts(): NodeJS.ProcessEnv {
  const conf = join(root, 'fonts.conf');
  writeFileSync(conf, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>');
  return { ...process.env, FONTCONFIG_FILE: conf };
}

describe('a blank statement to print and sign', () => {
  it.each([
    ['ja', '個人情報の取扱いに関する誓約書'],
    ['en', 'Undertaking on the handling of personal information'],
  ] as const)('in %s', async (language, title) => {
    const result = await core.call('statements.printBlank', { version: 1, language });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { path } = result.value as { path: string };
    expect(existsSync(path)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { env: withoutSystemFonts() }).toString();
    expect(text.replace(/\s+/g, ' ')).toContain(title);
    expect(text).toContain(officer.manager.name);
    const fonts = execFileSync('pdffonts', [path], { env: withoutSystemFonts() }).toString().split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Every font is embedded (the "emb" column), so the statement prints the same on any machine.
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });
});
