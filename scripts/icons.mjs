#!/usr/bin/env node
// `node scripts/icons.mjs [folder]`: renders resources/icon.svg into every icon the installers
// want, in resources/generated/ (or `folder`): Linux's sizes as NxN.png, Windows' .ico, macOS'
// .icns, and the same three for .strata documents (the icon on a page). They are generated at
// dist time, not committed: one source, nothing to drift, no binaries in the history.
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = resolve(process.argv[2] ?? join(root, 'resources/generated'));
const appSvg = readFileSync(join(root, 'resources/icon.svg'), 'utf8');

/** The document icon: a white page with a folded corner, the app's icon on it. */
function documentSvg(icon) {
  const inner = icon.replace(/<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <path d="M176 32 H688 L880 224 V992 H176 Z" fill="#ffffff" stroke="#5b6275" stroke-width="24"/>
  <path d="M688 32 V224 H880" fill="#e3e6ef" stroke="#5b6275" stroke-width="24" stroke-linejoin="round"/>
  <svg x="272" y="352" width="512" height="512" viewBox="0 0 1024 1024">${inner}</svg>
</svg>`;
}

const png = (svg, size) =>
  new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

/**
 * A Windows icon: sizes up to 48 as 32-bit bitmaps (what every Windows part, NSIS included,
 * reads), 64 and up as PNG (Vista and later).
 */
function ico(svg, sizes) {
  const images = sizes.map((size) => (size <= 48 ? bitmap(png(svg, size)) : png(svg, size)));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(images[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

/** An ICO entry's bitmap: BITMAPINFOHEADER, BGRA rows bottom-up, then an all-clear AND mask. */
function bitmap(pngBytes) {
  const { width, height, data } = PNG.sync.read(pngBytes);
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(width, 4);
  info.writeInt32LE(height * 2, 8); // colour and mask, stacked
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = ((height - 1 - y) * width + x) * 4;
      pixels[to] = data[from + 2];
      pixels[to + 1] = data[from + 1];
      pixels[to + 2] = data[from];
      pixels[to + 3] = data[from + 3];
    }
  }
  const maskRow = Math.ceil(width / 32) * 4;
  return Buffer.concat([info, pixels, Buffer.alloc(maskRow * height)]);
}

/** A macOS icon: PNG entries under the types macOS 10.7+ reads. */
function icns(svg) {
  const types = [
    ['icp4', 16],
    ['icp5', 32],
    ['ic11', 32],
    ['ic12', 64],
    ['ic07', 128],
    ['ic13', 256],
    ['ic08', 256],
    ['ic14', 512],
    ['ic09', 512],
    ['ic10', 1024],
  ];
  const entries = types.map(([type, size]) => {
    const data = png(svg, size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256];

mkdirSync(join(out, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) {
  writeFileSync(join(out, 'icons', `${size}x${size}.png`), png(appSvg, size));
}
writeFileSync(join(out, 'icon.png'), png(appSvg, 1024));
writeFileSync(join(out, 'icon.ico'), ico(appSvg, WINDOWS_SIZES));
writeFileSync(join(out, 'icon.icns'), icns(appSvg));
const doc = documentSvg(appSvg);
writeFileSync(join(out, 'strata-file.png'), png(doc, 512));
writeFileSync(join(out, 'strata-file.ico'), ico(doc, WINDOWS_SIZES));
writeFileSync(join(out, 'strata-file.icns'), icns(doc));
console.log(`icons written to ${out}`);
