// Renders the app icon from build/icons/icon.svg (and icon-small.svg for 16-32 px) into every
// size and format the installers need, with Chromium (playwright-core) as the SVG renderer:
//   build/icons/png/<n>x<n>.png   16 24 32 48 64 128 256 512 1024  (Linux, electron-builder `linux.icon`)
//   build/icons/icon.png          1024 px                            (fallback, window icon in development)
//   build/icons/icon.ico          16 24 32 48 64 as 32-bit BMP, 128 256 as PNG   (Windows exe, NSIS)
//   build/icons/icon.icns         16-1024 px with @2x variants, PNG-encoded       (macOS app, dmg)
// Usage: node scripts/icons.mjs   (needs Chromium: /usr/bin/chromium, CHROMIUM_PATH, or Playwright's)
// The outputs are committed; run this again after changing either SVG.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const iconDir = path.join(repoRoot, 'build', 'icons');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** ICO entries: small ones as classic BMP (every Windows shell and NSIS reads them), large as PNG. */
export const ICO_BMP_SIZES = [16, 24, 32, 48, 64];
export const ICO_PNG_SIZES = [128, 256];
/** ICNS entry types (Apple's icon family) and the pixel size each holds. */
export const ICNS_ENTRIES = [
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
];
/** Below this size the simplified drawing reads better than the full one. */
const SMALL_ICON_MAX = 32;

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  return chromium.executablePath();
}

/** Renders `svg` at size×size in the page: the PNG Chromium encodes, and the raw RGBA pixels. */
async function render(page, svg, size) {
  const result = await page.evaluate(
    async ({ svg, size }) => {
      const image = new Image(size, size);
      image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      const rgba = Array.from(context.getImageData(0, 0, size, size).data);
      return { png: canvas.toDataURL('image/png').split(',')[1], rgba };
    },
    { svg, size },
  );
  return { png: Buffer.from(result.png, 'base64'), rgba: Uint8Array.from(result.rgba) };
}

/** A 32-bit BMP icon image (BITMAPINFOHEADER, bottom-up BGRA, all-zero AND mask) as ICO stores it. */
export function bmpIconImage(rgba, size) {
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(size * size * 4 + maskRowBytes * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  return Buffer.concat([header, pixels, Buffer.alloc(maskRowBytes * size)]);
}

/** An ICO file from [size, image bytes] pairs (BMP icon images or PNG files). */
export function icoFile(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = 6 + directory.length;
  images.forEach(([size, data], i) => {
    const at = i * 16;
    directory.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    directory.writeUInt8(size >= 256 ? 0 : size, at + 1);
    directory.writeUInt8(0, at + 2); // no palette
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(data.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, directory, ...images.map(([, data]) => data)]);
}

/** An ICNS file from [type, PNG bytes] pairs: 'icns', total length, then type + length + data each. */
export function icnsFile(entries) {
  const chunks = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, c) => sum + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function main() {
  const large = await readFile(path.join(iconDir, 'icon.svg'), 'utf8');
  const small = await readFile(path.join(iconDir, 'icon-small.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>icons</title>');
    const rendered = new Map();
    for (const size of PNG_SIZES) rendered.set(size, await render(page, size <= SMALL_ICON_MAX ? small : large, size));

    await mkdir(path.join(iconDir, 'png'), { recursive: true });
    for (const size of PNG_SIZES) await writeFile(path.join(iconDir, 'png', `${size}x${size}.png`), rendered.get(size).png);
    await writeFile(path.join(iconDir, 'icon.png'), rendered.get(1024).png);
    await writeFile(
      path.join(iconDir, 'icon.ico'),
      icoFile([
        ...ICO_BMP_SIZES.map((size) => [size, bmpIconImage(rendered.get(size).rgba, size)]),
        ...ICO_PNG_SIZES.map((size) => [size, rendered.get(size).png]),
      ]),
    );
    await writeFile(path.join(iconDir, 'icon.icns'), icnsFile(ICNS_ENTRIES.map(([type, size]) => [type, rendered.get(size).png])));
    console.log(`Wrote ${PNG_SIZES.length} PNGs, icon.png, icon.ico and icon.icns to ${path.relative(repoRoot, iconDir)}/`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
