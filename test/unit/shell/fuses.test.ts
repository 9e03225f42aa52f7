// The packaged app's Electron binary has its risky features fused off.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../../build/electron-builder.config.cjs') as Record<string, any>;

describe('the packaged app', () => {
  it('cannot be run as plain Node, given NODE_OPTIONS or opened to a debugger', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('loads only its own integrity-checked app.asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({ enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
  });

  it('encrypts cookies and gives file:// pages no extra privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is called Privacy Office Desk and keeps the native modules loadable outside the ASAR', () => {
    expect(config.productName).toBe('Privacy Office Desk');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9]+)+$/);
    expect(config.asarUnpack.join(' ')).toContain('@journeyapps/sqlcipher');
    expect(config.asarUnpack.join(' ')).toContain('@node-rs/argon2');
  });

  it('builds installers for Windows, macOS and Linux', () => {
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });
});
