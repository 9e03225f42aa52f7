// Runs @doyensec/electronegativity over a folder through its JS API and prints its findings and parse errors as JSON.
// Usage: node test/unit/security/electronegativity-scan.cjs <folder> [report.csv]
'use strict';
const Module = require('node:module');
const path = require('node:path');

const root = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));

// Two fixes to how the tool loads, none to what it checks:
// - its TypeScript parser (@typescript-eslint/typescript-estree 4) needs the TypeScript JS API, which TypeScript 7 (the
//   project's) no longer has; it gets the TypeScript 4.2 that electronegativity ships for it;
// - it fetches translations and Electron's release list from the internet; the desk's machines are offline, so those
//   requests fail at once instead of waiting for a timeout (the release check is left out below for the same reason).
const typescript42 = path.join(root, 'node_modules', 'typescript');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent && parent.filename && parent.filename.includes(`${path.sep}@typescript-eslint${path.sep}`)) {
    return resolve.call(this, typescript42, parent, ...rest);
  }
  return resolve.call(this, request, parent, ...rest);
};
const offline = () => Promise.reject(new Error('offline'));
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  if (request === 'got' && parent && parent.filename && parent.filename.startsWith(root)) return offline;
  return load.call(this, request, parent, ...rest);
};

async function main() {
  const [input, output] = process.argv.slice(2);
  // Its chatter ("could not retrieve translations") goes to stderr; stdout carries only the JSON.
  console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
  if (!input) throw new Error('usage: electronegativity-scan.cjs <folder> [report.csv]');
  const run = require('@doyensec/electronegativity');
  const result = await run(
    {
      input: path.resolve(input),
      output,
      isRelative: true,
      // The version in package.json; the tool's own detection reads node_modules/electron, which is not installed here.
      electronVersionOverride: require('electron/package.json').version,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: [],
    },
    false,
  );
  const findings = result.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, severity: i.severity.name, confidence: i.confidence.name, description: i.description }));
  process.stdout.write(JSON.stringify({ checks: result.globalChecks + result.atomicChecks, errors: result.errors, findings }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
