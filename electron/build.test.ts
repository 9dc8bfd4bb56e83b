import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from './appIdentity';

/**
 * The installer configuration (build/electron-builder.yml), the icons it names and the fuse hook
 * (build/afterPack.cjs). Installers cannot be built here (no Electron binaries to download), so
 * the last test packs the app for Linux with a stand-in Electron binary: that runs the real
 * electron-builder over the real configuration and the real hook.
 */

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const repoRoot = path.resolve(import.meta.dirname, '..');
const CONFIG = path.join(repoRoot, 'build', 'electron-builder.yml');

type Loose = Record<string, unknown> & { [key: string]: Loose | unknown };
const configLoader = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string, options: null): Promise<Loose>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const fuses = require('@electron/fuses') as {
  FuseV1Options: Record<string, number> & Record<number, string>;
  getCurrentFuseWire(path: string): Promise<Record<string, number>>;
};
const hook = require(path.join(repoRoot, 'build', 'afterPack.cjs')) as {
  afterPack(context: unknown): Promise<void>;
  FUSE_SETTINGS: Record<string, boolean>;
  fuseConfig(context: unknown): Record<string, unknown>;
};

let config: Loose;

beforeAll(async () => {
  config = await configLoader.getConfig(repoRoot, CONFIG, null);
}, 60_000);

// Compiling electron-builder's JSON schema takes seconds on a busy machine.
const SCHEMA_TIMEOUT = 60_000;

const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
const targetsOf = (platform: string) => (at(config, platform, 'target') as { target: string; arch: string[] }[]).map((t) => t.target);

describe('build/electron-builder.yml', () => {
  it(
    'passes electron-builder’s own schema check',
    async () => {
      await expect(configLoader.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    },
    SCHEMA_TIMEOUT,
  );

  it(
    'control: the schema check refuses a misspelt option',
    async () => {
      await expect(configLoader.validateConfiguration({ ...config, nsis: { oneClik: false } }, new DebugLogger(false))).rejects.toThrow(
        /configuration\.nsis should be/,
      );
    },
    SCHEMA_TIMEOUT,
  );

  it('is the only configuration: package.json has no "build" key, and "dist" builds then packages with this file', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      build?: unknown;
      scripts: Record<string, string>;
    };
    expect(pkg.build).toBeUndefined();
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --config build/electron-builder.yml');
  });

  it('names the app as main.ts does (Windows ties notifications to the app id)', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.copyright).toMatch(/^Copyright © \d{4} /);
  });

  it('packs only the built app, in an asar, with no node_modules, source maps or update server', () => {
    expect(config.files).toEqual([
      { filter: ['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map', '!node_modules/**/*'] },
    ]);
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    expect(at(config, 'directories')).toEqual({ buildResources: 'build', output: 'release' });
  });

  it('runs the fuse hook after packing', () => {
    expect(config.afterPack).toBe('./build/afterPack.cjs');
  });

  it('Windows: NSIS installer offering per-user or per-machine, and a portable exe', () => {
    expect(targetsOf('win')).toEqual(['nsis', 'portable']);
    expect(at(config, 'nsis')).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      deleteAppDataOnUninstall: false,
      createStartMenuShortcut: true,
    });
  });

  it('Linux: AppImage and deb, with a maintainer and a menu category', () => {
    expect(targetsOf('linux')).toEqual(['AppImage', 'deb']);
    expect(at(config, 'linux', 'maintainer')).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(at(config, 'linux', 'category')).toBe('Office');
  });

  it('macOS: dmg for Intel and Apple silicon, hardened runtime', () => {
    expect(targetsOf('mac')).toEqual(['dmg']);
    expect(at(config, 'mac', 'target', '0', 'arch')).toEqual(['x64', 'arm64']);
    expect(at(config, 'mac', 'hardenedRuntime')).toBe(true);
  });

  it('names icon files that exist', () => {
    for (const file of [
      at(config, 'win', 'icon'),
      at(config, 'mac', 'icon'),
      at(config, 'nsis', 'installerIcon'),
      at(config, 'linux', 'icon'),
    ]) {
      expect(typeof file).toBe('string');
      expect(existsSync(path.join(repoRoot, file as string)), String(file)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Icons

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
function pngHeader(png: Buffer): { width: number; height: number; bitDepth: number; colourType: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png.readUInt8(24), colourType: png.readUInt8(25) };
}

const iconPath = (...parts: string[]) => path.join(repoRoot, 'build', 'icons', ...parts);

describe('the icons', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024].map((size) => [`${size}x${size}`, size] as const))(
    'png/%s.png is that size, 8-bit RGBA',
    async (name, size) => {
      expect(pngHeader(await readFile(iconPath('png', `${name}.png`)))).toEqual({ width: size, height: size, bitDepth: 8, colourType: 6 });
    },
  );

  it('icon.png is 1024 px', async () => {
    expect(pngHeader(await readFile(iconPath('icon.png')))).toMatchObject({ width: 1024, height: 1024 });
  });

  it('the SVG sources are committed beside them', () => {
    expect(existsSync(iconPath('icon.svg'))).toBe(true);
    expect(existsSync(iconPath('icon-small.svg'))).toBe(true);
  });

  describe('icon.ico', () => {
    let ico: Buffer;
    let entries: { size: number; bytes: Buffer }[];
    beforeAll(async () => {
      ico = await readFile(iconPath('icon.ico'));
      expect(ico.readUInt16LE(0)).toBe(0);
      expect(ico.readUInt16LE(2)).toBe(1);
      entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
        const at = 6 + i * 16;
        const size = ico.readUInt8(at) || 256;
        const length = ico.readUInt32LE(at + 8);
        const offset = ico.readUInt32LE(at + 12);
        expect(ico.readUInt8(at + 1) || 256).toBe(size);
        expect(ico.readUInt16LE(at + 6)).toBe(32);
        expect(offset + length).toBeLessThanOrEqual(ico.length);
        return { size, bytes: ico.subarray(offset, offset + length) };
      });
    });

    it('holds 16, 24, 32, 48, 64, 128 and 256 px', () => {
      expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    });

    it('stores up to 64 px as 32-bit BMP (every Windows shell and NSIS read them) and larger as PNG', () => {
      for (const { size, bytes } of entries) {
        if (size <= 64) {
          expect(bytes.readUInt32LE(0)).toBe(40);
          expect([bytes.readInt32LE(4), bytes.readInt32LE(8), bytes.readUInt16LE(14)]).toEqual([size, size * 2, 32]);
          expect(bytes.length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
        } else {
          expect(pngHeader(bytes)).toMatchObject({ width: size, height: size });
        }
      }
    });

    it('is a real drawing: transparent corners, opaque middle, many colours', () => {
      const entry = entries.find((e) => e.size === 48);
      if (entry === undefined) throw new Error('no 48 px entry');
      const pixel = (x: number, y: number) => entry.bytes.subarray(40 + ((47 - y) * 48 + x) * 4, 40 + ((47 - y) * 48 + x) * 4 + 4);
      expect(pixel(0, 0)[3]).toBe(0);
      expect(pixel(24, 24)[3]).toBe(255);
      const colours = new Set<string>();
      for (let y = 0; y < 48; y++) for (let x = 0; x < 48; x++) colours.add(pixel(x, y).toString('hex'));
      expect(colours.size).toBeGreaterThan(50);
    });
  });

  it('icon.icns holds every macOS size, each a PNG of the size its type says', async () => {
    const icns = await readFile(iconPath('icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: [string, number][] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      found.push([type, pngHeader(icns.subarray(at + 8, at + length)).width]);
      at += length;
    }
    expect(found).toEqual([
      ['icp4', 16],
      ['icp5', 32],
      ['icp6', 64],
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
      ['ic10', 1024],
      ['ic11', 32],
      ['ic12', 64],
      ['ic13', 256],
      ['ic14', 512],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Fuses

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 49; // '1'
const OFF = 48; // '0'

/** A stand-in Electron binary: some bytes, the fuse sentinel, wire version 1, 8 fuses as Electron ships them. */
function standInBinary(): Buffer {
  return Buffer.concat([
    Buffer.from('\u007fELF stand-in'),
    Buffer.from(SENTINEL),
    Buffer.from([1, 8]),
    Buffer.from('11110010'),
    Buffer.from('tail'),
  ]);
}

const EXPECTED_FUSES = {
  RunAsNode: OFF,
  EnableCookieEncryption: ON,
  EnableNodeOptionsEnvironmentVariable: OFF,
  EnableNodeCliInspectArguments: OFF,
  EnableEmbeddedAsarIntegrityValidation: ON,
  OnlyLoadAppFromAsar: ON,
  LoadBrowserProcessSpecificV8Snapshot: OFF,
  GrantFileProtocolExtraPrivileges: OFF,
};

async function readFuses(binary: string): Promise<Record<string, number>> {
  const wire = await fuses.getCurrentFuseWire(binary);
  return Object.fromEntries(Object.keys(EXPECTED_FUSES).map((name) => [name, wire[String(fuses.FuseV1Options[name])] ?? -1]));
}

describe('build/afterPack.cjs sets the fuses', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liaison-fuses-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const packager = { executableName: 'liaison-log', appInfo: { productFilename: 'Liaison Log' } };

  it('configures every fuse @electron/fuses knows', () => {
    expect(
      Object.keys(hook.FUSE_SETTINGS)
        .map((option) => fuses.FuseV1Options[Number(option)])
        .sort(),
    ).toEqual(Object.keys(EXPECTED_FUSES).sort());
  });

  it.each([
    ['linux', 'linux', 'liaison-log', []],
    ['Windows', 'win32', 'Liaison Log.exe', []],
    // On macOS the fuses live in the framework inside the .app bundle.
    ['macOS (Intel)', 'darwin', 'Liaison Log.app', ['Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework']],
  ])('%s: in the packaged binary', async (_name, platform, packaged, inside) => {
    const appOutDir = path.join(dir, platform);
    const binary = path.join(appOutDir, packaged, ...inside);
    await mkdir(path.dirname(binary), { recursive: true });
    await writeFile(binary, standInBinary());
    await hook.afterPack({ appOutDir, electronPlatformName: platform, arch: 1, packager });
    expect(await readFuses(path.join(appOutDir, packaged))).toEqual(EXPECTED_FUSES);
  });

  it('asks for the ad-hoc signature to be redone on Apple silicon only', () => {
    expect(hook.fuseConfig({ electronPlatformName: 'darwin', arch: 3 }).resetAdHocDarwinSignature).toBe(true);
    expect(hook.fuseConfig({ electronPlatformName: 'darwin', arch: 1 }).resetAdHocDarwinSignature).toBe(false);
    expect(hook.fuseConfig({ electronPlatformName: 'win32', arch: 3 }).resetAdHocDarwinSignature).toBe(false);
  });

  it('stops the build when the binary has no fuse wire', async () => {
    const appOutDir = path.join(dir, 'broken');
    await mkdir(appOutDir, { recursive: true });
    await writeFile(path.join(appOutDir, 'liaison-log'), 'not electron');
    await expect(hook.afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager })).rejects.toThrow(/sentinel/);
  });
});

// ---------------------------------------------------------------------------------------------
// A real pack with a stand-in Electron

describe('electron-builder packs the app (Linux, unpacked, stand-in Electron)', () => {
  let work: string;
  let appOutDir: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'liaison-pack-'));
    const project = path.join(work, 'project');
    // The project as `npm run dist` sees it, after `npm run build`: package.json, build/, dist/.
    await mkdir(path.join(project, 'dist', 'renderer'), { recursive: true });
    await cp(path.join(repoRoot, 'package.json'), path.join(project, 'package.json'));
    await cp(path.join(repoRoot, 'build'), path.join(project, 'build'), { recursive: true });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    await run(
      process.execPath,
      [path.join(repoRoot, 'scripts', 'build-electron.mjs'), '--outdir', path.join(project, 'dist', 'electron')],
      {
        cwd: repoRoot,
      },
    );
    await writeFile(path.join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Liaison Log</title>');
    await mkdir(path.join(project, 'dist', 'renderer', 'assets'));
    await writeFile(path.join(project, 'dist', 'renderer', 'assets', 'index.js'), 'export {};');
    await writeFile(path.join(project, 'dist', 'renderer', 'assets', 'index.js.map'), '{}');

    // Electron's Linux folder with the binary replaced by a stand-in that carries a fuse wire.
    const electronDist = path.join(work, 'electron-dist');
    await mkdir(path.join(electronDist, 'locales'), { recursive: true });
    await mkdir(path.join(electronDist, 'resources'));
    await writeFile(path.join(electronDist, 'electron'), standInBinary());
    await chmod(path.join(electronDist, 'electron'), 0o755);
    await writeFile(path.join(electronDist, 'version'), '45.4.1');
    await writeFile(path.join(electronDist, 'LICENSE'), 'MIT');
    for (const locale of ['en-US', 'fr', 'de']) await writeFile(path.join(electronDist, 'locales', `${locale}.pak`), locale);

    const cli = path.join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
    await run(
      process.execPath,
      [
        cli,
        '--projectDir',
        project,
        '--config',
        'build/electron-builder.yml',
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${path.join(work, 'out')}`,
      ],
      { cwd: project, timeout: 280_000, env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } },
    );
    appOutDir = path.join(work, 'out', 'linux-unpacked');
  }, 300_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('puts exactly the built app in app.asar: the bundles, the page, package.json; no maps, no node_modules', () => {
    const asar = require('@electron/asar') as { listPackage(file: string): string[] };
    const files = asar.listPackage(path.join(appOutDir, 'resources', 'app.asar')).sort();
    expect(files).toEqual([
      '/dist',
      '/dist/electron',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer',
      '/dist/renderer/assets',
      '/dist/renderer/assets/index.js',
      '/dist/renderer/index.html',
      '/package.json',
    ]);
  });

  it('names the binary liaison-log and has flipped its fuses (the hook ran)', async () => {
    expect(await readFuses(path.join(appOutDir, 'liaison-log'))).toEqual(EXPECTED_FUSES);
  });

  it('keeps only the English locale', async () => {
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(appOutDir, 'locales'))).toEqual(['en-US.pak']);
  });
});
