// electron-builder settings for `npm run dist`: what goes into the package, the installers, and the fuses.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'jp.example.privacydesk',
  productName: 'Privacy Office Desk',
  copyright: 'Copyright © the privacy office',
  directories: { output: 'release', buildResources: 'build' },
  // The shell and the core are bundled into dist/shell by esbuild and the renderer into dist/renderer by Vite;
  // electron-builder adds the production dependencies (only the native ones are required at run time).
  files: [
    'dist/shell/**',
    'dist/renderer/**',
    'package.json',
    // Sources and build leftovers of the native modules are not needed to run them.
    '!**/node_modules/@journeyapps/sqlcipher/{deps,src}/**',
    '!**/node_modules/@journeyapps/sqlcipher/binding.gyp',
    '!**/node_modules/@journeyapps/sqlcipher/build/Release/obj.target/**',
    '!**/node_modules/@journeyapps/sqlcipher/build/Release/{.deps,obj,node-addon-api}/**',
    '!**/node_modules/@journeyapps/sqlcipher/build/Release/*.a',
  ],
  asar: true,
  // Native code cannot be loaded from inside an ASAR archive.
  asarUnpack: [
    '**/node_modules/@journeyapps/sqlcipher/**/*.node',
    '**/node_modules/@node-rs/argon2*/**/*.node',
    // sharp (ID copy redaction) loads its .node file and the libvips shared library beside it.
    '**/node_modules/sharp/**',
    '**/node_modules/@img/**',
  ],
  // The native modules are N-API: the build made by `npm install` loads in Electron as in Node, so no rebuild
  // against Electron's headers (which would need a download) is needed.
  npmRebuild: false,
  // Fuses are flipped in the Electron binary at package time, before signing, so the OS signature check keeps
  // them. They close doors an attacker on the workstation could use to run code inside the signed app,
  // next to the unlocked database.
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter.
    runAsNode: false,
    // Chromium's cookie store encrypted with the OS keychain (the desk sets no cookies; defence in depth).
    enableCookieEncryption: true,
    // NODE_OPTIONS (--require a script) and --inspect would inject code into the main process.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Only our app.asar, checked against the hash embedded in the signed binary, may be loaded.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // The renderer is served from app://desk; file:// pages get no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  win: { target: ['nsis'] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // Uninstalling must never delete the data folder: it holds the encrypted database and its audit trail,
    // which the company must keep under its retention rules.
    deleteAppDataOnUninstall: false,
  },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Privacy Office <privacy-office@example.jp>' },
};
