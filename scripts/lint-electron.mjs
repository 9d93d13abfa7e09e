// npm run lint:electron: Electronegativity (Doyensec's checker for Electron misconfigurations) over the
// code that decides the app's security: electron/ (main, preload, backend) and the page's HTML.
// Fails on any HIGH finding, on any file it could not parse, and lists every finding.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

/*
 * Electronegativity fetches translations and Electron's release list from the internet on every
 * run (got, 1 s timeout). CI reaches no internet and a lint must not depend on it: those requests are
 * answered "offline" at once, and the tool falls back to its bundled English texts.
 */
const gotPath = createRequire(join(toolDir, 'package.json')).resolve('got');
const offline = new Module(gotPath);
offline.filename = gotPath;
offline.loaded = true;
offline.exports = () =>
  Promise.reject(new Error('offline: lint:electron makes no network requests'));
require.cache[gotPath] = offline;

/**
 * Checks left out, each for a reason that holds for this app. Nothing else is excluded: a new HIGH
 * finding fails the lint until it is fixed or argued here.
 */
const EXCLUDED_CHECKS = {
  // Compares the Electron version with the release list it downloads (see above): without the
  // network it cannot run, and for a devDependency it only ever reports INFORMATIONAL.
  AvailableSecurityFixesGlobalCheck: 'needs the internet',
};

// The CLI (dist/index.js) would print a banner and exit on its own; its runner returns the findings.
const run = require(join(toolDir, 'dist/runner.js'));
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

// One folder holding what is checked, so that the global checks (CSP, for one) see the HTML and the
// code together. Tests are left out: they are not shipped.
const input = mkdtempSync(join(tmpdir(), 'desk-electronegativity-'));
try {
  cpSync(join(root, 'electron'), join(input, 'electron'), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts'),
  });
  cpSync(join(root, 'renderer/index.html'), join(input, 'renderer/index.html'));
  cpSync(join(root, 'package.json'), join(input, 'package.json'));

  const { issues, errors } = await run({
    input,
    customScan: [],
    excludeFromScan: Object.keys(EXCLUDED_CHECKS).map((id) => id.toLowerCase()),
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });

  const unparsed = errors.filter((error) => !error.tolerable);
  for (const error of unparsed) console.error(`未能解析 ${error.file}：${error.message}`);
  for (const issue of issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    const review = issue.manualReview ? ' (review)' : '';
    console.log(
      `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}${review}  ${where}`,
    );
  }
  const high = issues.filter((issue) => issue.severity.name === 'HIGH');
  console.log(
    `Electronegativity (Electron ${electronVersion}): ${issues.length} findings, ${high.length} HIGH, ${unparsed.length} files not parsed; ` +
      `excluded: ${Object.keys(EXCLUDED_CHECKS).join(', ')}`,
  );
  if (high.length > 0 || unparsed.length > 0) process.exitCode = 1;
} finally {
  rmSync(input, { recursive: true, force: true });
}
