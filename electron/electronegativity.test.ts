import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Doyensec's Electronegativity over the desktop shell, as the test suite's security lint:
 * electron/ (sources and tests), the bundles `npm run build:electron` makes (built here, fresh),
 * and the page as app:// serves it. Nothing of medium or higher severity may be found; each
 * low finding must be one listed in ACCEPTED_LOW_FINDINGS with its reason.
 *
 * It runs through scripts/electronegativity.cjs, which calls the tool's API and writes a JSON
 * report (the CLI exits 0 whatever it finds); the test reads that report.
 */

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronVersion = (
  JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: { electron: string } }
).devDependencies.electron;

interface Finding {
  id: string;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  confidence: string;
  file: string;
  line: number;
  description: string;
  sample: string | null;
}
interface Report {
  checks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}

async function scan(folder: string): Promise<Report> {
  const reportFile = path.join(folder, '..', `${path.basename(folder)}-report.json`);
  await run(process.execPath, [path.join(repoRoot, 'scripts', 'electronegativity.cjs'), folder, reportFile, electronVersion], {
    cwd: repoRoot,
    timeout: 170_000,
  });
  return JSON.parse(await readFile(reportFile, 'utf8')) as Report;
}

/**
 * The CSP findings csp-evaluator (Electronegativity's CSP grader) reports for a policy, by
 * severity name: what a "maybe weak CSP" finding is made of.
 */
function cspNotes(policy: string): string[] {
  const csp = require('@doyensec/csp-evaluator') as {
    CspParser: new (text: string) => { csp: unknown };
    CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
    Version: { CSP3: unknown };
    severities: Record<string, number> & { INFO: number };
  };
  const names = Object.fromEntries(Object.entries(csp.severities).map(([name, value]) => [value, name]));
  return new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3)
    .evaluate()
    .filter((f) => f.severity < csp.severities.INFO)
    .map((f) => `${names[f.severity]} ${f.directive}: ${f.description}`);
}

/**
 * The low findings we accept, each with why. Anything else low fails the test, so a new one
 * must be looked at and either fixed or added here with its reason.
 */
const ACCEPTED_LOW_FINDINGS: readonly { id: string; why: string; matches: (f: Finding) => boolean }[] = [
  {
    id: 'CSP_GLOBAL_CHECK',
    // csp-evaluator notes that script-src 'self' "can be problematic if you host JSONP, Angular
    // or user uploaded files". app:// serves only the built renderer, read-only from the
    // installed package (electron/protocol.ts): no JSONP endpoint, no Angular, nothing a user
    // uploads is ever served. Hash- or nonce-based script-src would buy nothing here.
    why: "script-src 'self' is safe when 'self' serves only the app's own built files",
    matches: (f) =>
      f.description === 'One or more CSP directives detected seems to be vulnerable' &&
      f.sample !== null &&
      cspNotes(f.sample).join('\n') ===
        "MEDIUM_MAYBE script-src: 'self' can be problematic if you host JSONP, Angular or user uploaded files.",
  },
];

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'liaison-electronegativity-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/**
 * The tree Electronegativity sees: electron/ as it is; the bundles built now, renamed .cjs →
 * .js (the tool only reads .js/.ts/.html files); and the page as served: renderer/index.html
 * with the CSP header that protocol.ts puts on every app:// response written as a meta tag,
 * because the tool only recognises a CSP in HTML or in a literal header assignment, not one
 * sent from a constant. The production build's own index.html is added when it exists.
 */
async function assembleAppTree(root: string): Promise<string[]> {
  await cp(path.join(repoRoot, 'electron'), path.join(root, 'electron'), { recursive: true });

  const bundles = path.join(root, 'dist', 'electron');
  await run(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs'), '--outdir', bundles], { cwd: repoRoot });
  for (const name of ['main', 'preload']) {
    await rename(path.join(bundles, `${name}.cjs`), path.join(bundles, `${name}.js`));
    await rm(path.join(bundles, `${name}.cjs.map`), { force: true });
  }

  const page = await readFile(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
  await mkdir(path.join(root, 'served'), { recursive: true });
  await writeFile(
    path.join(root, 'served', 'index.html'),
    page.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  );
  const built = path.join(repoRoot, 'dist', 'renderer', 'index.html');
  if (existsSync(built)) await cp(built, path.join(root, 'built-renderer', 'index.html'));

  return (await readdir(root, { recursive: true })).map(String).sort();
}

/**
 * Medium findings reviewed and accepted, each with its reason. openExternal is used once, in electron/mailto.ts:
 * the URL is written there from a request main has validated (one address, a subject, a body) and is opened only
 * when it is a mailto: URL, so the renderer can never make main open a web page or a file.
 */
const ACCEPTED_MEDIUM_FINDINGS: readonly { id: string; why: string; matches: (f: Finding) => boolean }[] = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    why: 'mailto: only, built in main from validated fields (electron/mailto.ts)',
    matches: (f) =>
      f.file.endsWith('electron/mailto.ts') || (f.file === 'dist/electron/main.js' && /openExternal\(mailto\)/.test(f.sample ?? '')),
  },
];
const atLeastMedium = (f: Finding) =>
  (f.severity === 'MEDIUM' || f.severity === 'HIGH') && !ACCEPTED_MEDIUM_FINDINGS.some((a) => a.id === f.id && a.matches(f));

describe('Electronegativity', () => {
  let report: Report;
  let control: Report;
  let scanned: string[];

  beforeAll(async () => {
    const appTree = path.join(workDir, 'app');
    const controlTree = path.join(workDir, 'control');
    scanned = await assembleAppTree(appTree);

    // A negative control, so a scan that silently checks nothing cannot pass: the
    // configuration STYLE.md forbids, in TypeScript and in plain JavaScript.
    const insecure = `import { BrowserWindow } from 'electron';
export const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
window.loadURL('http://example.com/');
`;
    await mkdir(controlTree, { recursive: true });
    await writeFile(path.join(controlTree, 'insecure.ts'), insecure);
    await writeFile(
      path.join(controlTree, 'insecure.js'),
      insecure
        .replace("import { BrowserWindow } from 'electron';", "const { BrowserWindow } = require('electron');")
        .replace('export const', 'const'),
    );

    [report, control] = await Promise.all([scan(appTree), scan(controlTree)]);
  }, 180_000);

  it('scans the shell, its fresh bundles and the served page', () => {
    expect(scanned).toEqual(
      expect.arrayContaining([
        'electron/main.ts',
        'electron/preload.ts',
        'electron/window.ts',
        'dist/electron/main.js',
        'dist/electron/preload.js',
        'served/index.html',
      ]),
    );
    expect(report.checks).toBeGreaterThan(30);
  });

  it('parses every file it reads', () => {
    expect(report.errors).toEqual([]);
  });

  it('finds nothing of medium or higher severity', () => {
    expect(report.issues.filter(atLeastMedium)).toEqual([]);
  });

  it('finds no low issue that is not accepted with a reason', () => {
    const unexplained = report.issues.filter(
      (f) => f.severity === 'LOW' && !ACCEPTED_LOW_FINDINGS.some((a) => a.id === f.id && a.matches(f)),
    );
    expect(unexplained).toEqual([]);
  });

  it('sees the CSP: the page as served carries it (no "No CSP" finding)', () => {
    expect(report.issues.map((f) => f.description)).not.toContain('No CSP has been detected in the target application');
  });

  it('control: flags no context isolation, no sandbox, no web security and http:, in .ts and .js', () => {
    const flagged = (file: string) =>
      control.issues
        .filter((f) => f.file === file && atLeastMedium(f))
        .map((f) => f.id)
        .sort();
    for (const file of ['insecure.ts', 'insecure.js']) {
      expect(flagged(file)).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK']),
      );
    }
  });

  it('control: the whole-app checks our shell passes do fire where their controls are missing', () => {
    const global = control.issues.filter((f) => f.file === 'N/A' && atLeastMedium(f)).map((f) => f.id);
    // Missing CSP, navigation limits and permission handler: all present in the app (see above).
    expect(global.sort()).toEqual(['CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']);
  });
});
