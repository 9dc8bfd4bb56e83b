// Runs Doyensec's Electronegativity over a folder and writes its findings as JSON.
// Usage: node scripts/electronegativity.cjs <folder to scan> <report.json> [electron version]
//
// Used by electron/electronegativity.test.ts. Two adjustments, both at module resolution, none
// to the checks themselves:
//  - Electronegativity's TypeScript parser (@typescript-eslint/typescript-estree 4) needs
//    TypeScript's JavaScript API, which TypeScript 7 (this repo's compiler) no longer has. npm
//    hoisted the parser next to TypeScript 7, so `typescript` is resolved to the TypeScript 4
//    that Electronegativity ships in its own node_modules.
//  - It fetches translations and Electron's release list from the internet on every run; the
//    test suite runs offline, so its HTTP client (`got`) fails at once instead of waiting for a
//    timeout. The release list only feeds the "newer Electron has security fixes" note, which
//    `npm outdated` and Dependabot cover.
// The CLI exits 0 whatever it finds and writes its CSV report asynchronously (header and rows
// race), so this calls its programmatic API and writes the whole result, parse errors included.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const path = require('node:path');

const [input, reportFile, electronVersion] = process.argv.slice(2);
if (!input || !reportFile) {
  console.error('Usage: node scripts/electronegativity.cjs <folder to scan> <report.json> [electron version]');
  process.exit(2);
}

const repoRoot = path.resolve(__dirname, '..');
const toolRoot = path.dirname(require.resolve('@doyensec/electronegativity/package.json', { paths: [repoRoot] }));
const bundledTypeScript = path.join(toolRoot, 'node_modules', 'typescript');

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveForElectronegativity(request, parent, ...rest) {
  if (request === 'typescript') return resolve.call(this, bundledTypeScript, parent, ...rest);
  if (request === 'got') return __filename;
  return resolve.call(this, request, parent, ...rest);
};
// What `require('got')` gets (see above): every request fails as if offline.
const offline = async () => {
  throw new Error('offline: the test suite makes no network requests');
};
offline.head = offline;
offline.default = offline;
module.exports = offline;

if (require.main === module) {
  const imported = require(toolRoot);
  const run = imported.default ?? imported;
  // Electronegativity prints progress and "could not retrieve translations" on the console.
  const quiet = console.log;
  console.log = () => {};
  run({
    input: path.resolve(input),
    customScan: [],
    excludeFromScan: [],
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  })
    .then((result) => {
      console.log = quiet;
      const report = {
        tool: `electronegativity ${require(path.join(toolRoot, 'package.json')).version}`,
        input: path.resolve(input),
        checks: result.atomicChecks + result.globalChecks,
        errors: result.errors,
        issues: result.issues.map((issue) => ({
          id: issue.id,
          severity: issue.severity.name,
          confidence: issue.confidence.name,
          file: issue.file,
          line: issue.location.line,
          column: issue.location.column,
          description: issue.description,
          sample: issue.sample ?? null,
          manualReview: Boolean(issue.manualReview),
        })),
      };
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    })
    .catch((error) => {
      console.log = quiet;
      console.error(`electronegativity failed: ${error.stack ?? error}`);
      process.exit(1);
    });
}
