import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { PNG } from 'pngjs';
const [runsDir, out] = process.argv.slice(2);
const run = readdirSync(runsDir).sort().at(-1);
const lines = readFileSync(`${runsDir}/${run}/metrics.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const gens = lines.filter((e) => e.type === 'generated' && e.images);
const scale = 2, cols = 16;
const rows = gens.length;
const w = 28 * scale * cols, h = 28 * scale * rows;
const png = new PNG({ width: w, height: h });
gens.forEach((g, r) => g.images.slice(0, cols).forEach((img, c) => {
  for (let y = 0; y < img.height * scale; y++) for (let x = 0; x < img.width * scale; x++) {
    const v = img.data[Math.floor(y / scale) * img.width + Math.floor(x / scale)];
    const i = ((r * 28 * scale + y) * w + c * 28 * scale + x) * 4;
    png.data[i] = png.data[i + 1] = png.data[i + 2] = v; png.data[i + 3] = 255;
  }
}));
writeFileSync(out, PNG.sync.write(png));
console.log(`${rows} epochs`);
