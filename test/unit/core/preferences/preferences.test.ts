// An officer's language and date style are their own: saved on their account, back at every sign-in, never another's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core';
import type { SessionInfo } from '../../../../src-shared/domain';
import type { Preferences } from '../../../../src-shared/preferences';
import { preferencesEn } from '../../../../renderer/src/i18n/en/preferences';
import { preferencesJa } from '../../../../renderer/src/i18n/ja/preferences';
import { addAccount, asOfficer, errorOf, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

let d: TestDesk;
afterEach(async () => d?.dispose());

describe('each person keeps their own language and date style', () => {
  it('the officer chooses English and the era, and gets them back at the next sign-in', async () => {
    d = await setUpDesk();
    await asOfficer(d);
    // A new account has not chosen a language: the desk keeps the one of the sign-in screen.
    expect(await d.ok<Preferences>('preferences.get')).toEqual({ language: null, dateStyle: 'western' });

    expect(await d.ok<Preferences>('preferences.set', { language: 'en' })).toEqual({ language: 'en', dateStyle: 'western' });
    expect(await d.ok<Preferences>('preferences.set', { dateStyle: 'era' })).toEqual({ language: 'en', dateStyle: 'era' });

    await d.ok('auth.logout');
    const session = await d.ok<SessionInfo>('auth.login', { loginId: officer.loginId, password: officer.password });
    expect([session.language, session.dateStyle]).toEqual(['en', 'era']);
    const again = await d.ok<SessionInfo>('auth.session');
    expect([again.language, again.dateStyle]).toEqual(['en', 'era']);
  });

  it('another account keeps its own choice while the officer changes theirs', async () => {
    d = await setUpDesk();
    await addAccount(d, staffMember);
    await asOfficer(d);
    await d.ok('preferences.set', { language: 'en', dateStyle: 'era' });

    await signInAs(d, staffMember);
    expect(await d.ok<Preferences>('preferences.get')).toEqual({ language: null, dateStyle: 'western' });
    await d.ok('preferences.set', { language: 'ja' });
    const staffSession = await d.ok<SessionInfo>('auth.session');
    expect([staffSession.language, staffSession.dateStyle]).toEqual(['ja', 'western']);

    await asOfficer(d);
    expect(await d.ok<Preferences>('preferences.get')).toEqual({ language: 'en', dateStyle: 'era' });
  });

  it('a language or a date style the desk does not know is refused, and nothing changes', async () => {
    d = await setUpDesk();
    await asOfficer(d);
    await d.ok('preferences.set', { dateStyle: 'era' });

    const french = errorOf(await d.call('preferences.set', { language: 'fr' }));
    expect(french.code).toBe('VALIDATION');
    expect((french.details?.issues as { path: string }[]).map((i) => i.path)).toEqual(['language']);
    const showa = errorOf(await d.call('preferences.set', { dateStyle: 'showa', language: 'en' }));
    expect((showa.details?.issues as { path: string }[]).map((i) => i.path)).toEqual(['dateStyle']);
    const nothing = errorOf(await d.call('preferences.set', {}));
    expect([nothing.code, nothing.message]).toEqual(['VALIDATION', 'preferences.nothingToSave']);
    // The window says what to do, in either language.
    expect(preferencesJa.errors.preferences.nothingToSave).toContain('選んでください');
    expect(preferencesEn.errors.preferences.nothingToSave).toContain('Choose');

    expect(await d.ok<Preferences>('preferences.get')).toEqual({ language: null, dateStyle: 'era' });
  });

  it('the audit trail names the account and the fields changed, never the values chosen', async () => {
    d = await setUpDesk();
    await asOfficer(d);
    const { accountId } = await d.ok<SessionInfo>('auth.session');
    await d.ok('preferences.set', { language: 'en', dateStyle: 'era' });
    // Saving the same choice again changes nothing: the event says so with no fields.
    await d.ok('preferences.set', { language: 'en' });

    const db = d.core.desk.requireDb();
    const events = await db.selectFrom('audit_events').selectAll().where('action', '=', 'preferences.set').orderBy('seq').execute();
    expect(events.map((e) => [e.actor_id, e.target_type, e.target_id, JSON.parse(e.fields ?? '[]')])).toEqual([
      [accountId, 'account', accountId, ['language', 'dateStyle']],
      [accountId, 'account', accountId, []],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/"en"|"era"/);
  });
});

describe('the application menu follows the signed-in person', () => {
  it('is told the language at sign-in and when the person switches, and not for a person who never chose', async () => {
    const root = mkdtempSync(join(tmpdir(), 'desk-prefs-'));
    const told: string[] = [];
    const core = createCore({
      dataDir: join(root, 'data'),
      exportsDir: join(root, 'exports'),
      clock: () => new Date('2026-11-25T10:00:00+09:00'),
      log: { warn: () => undefined, error: () => undefined },
      onLanguage: (language) => told.push(language),
    });
    try {
      const ok = async (method: string, input: unknown = {}) => {
        const result = await core.call(method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value;
      };
      await ok('setup.createOfficer', officer);
      if (core.desk.session) await ok('auth.logout');
      await ok('auth.login', { loginId: officer.loginId, password: officer.password });
      expect(told).toEqual([]);
      await ok('preferences.set', { language: 'en' });
      await ok('auth.logout');
      await ok('auth.login', { loginId: officer.loginId, password: officer.password });
      expect(told).toEqual(['en', 'en']);
      expect((await core.call('preferences.set', { language: 'de' })).ok).toBe(false);
      expect(told).toEqual(['en', 'en']);
    } finally {
      await core.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
