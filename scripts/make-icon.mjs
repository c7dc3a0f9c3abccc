// Draws images/icon.png (128x128): a gear ring with "uW" inside, two colours
// on a rounded square. No dependencies: shapes are signed distance functions,
// sampled 4x4 per pixel for anti-aliasing, and the PNG is written with zlib.
// Usage: node scripts/make-icon.mjs [out.png]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const BG = [0x1d, 0x2b, 0x3a]; // dark slate
const FG = [0xf2, 0xa5, 0x3a]; // amber

// --- shapes (signed distance: < 0 inside) ---------------------------------
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  const ox = Math.max(qx, 0), oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x, y, ax, ay, bx, by) {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
}

function polyline(points) {
  const segs = [];
  for (let i = 1; i < points.length; i++) segs.push([...points[i - 1], ...points[i]]);
  return segs;
}

function arc(cx, cy, r, from, to, steps = 16) {
  const pts = [];
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return pts;
}

const C = 64; // centre
// gear: ring with square-ish teeth
const TEETH = 10, R_OUT = 57, R_RING = 49, R_IN = 40;
function gear(x, y) {
  const dx = x - C, dy = y - C;
  const r = Math.hypot(dx, dy);
  const a = Math.atan2(dy, dx);
  const sector = (2 * Math.PI) / TEETH;
  // angular distance to the nearest tooth centre, as arc length at radius r
  const da = Math.abs(((a + sector / 2) % sector + sector) % sector - sector / 2);
  const toothHalf = 5.5; // half-width of a tooth in pixels
  const tooth = Math.max(da * r - toothHalf, r - R_OUT, R_RING - 1 - r);
  const ring = Math.max(r - R_RING, R_IN - r);
  return Math.min(tooth, ring);
}

// "uW": strokes
const STROKE = 3.6;
const strokes = [
  // u
  ...polyline([[33, 52], [33, 68], ...arc(40.5, 68, 7.5, Math.PI, 0).slice(1), [48, 52]]),
  ...polyline([[48, 52], [48, 76]]),
  // W
  ...polyline([[55, 47], [63, 76], [72, 56], [81, 76], [89, 47]]),
];
function letters(x, y) {
  let d = Infinity;
  for (const [ax, ay, bx, by] of strokes) d = Math.min(d, segment(x, y, ax, ay, bx, by));
  return d - STROKE;
}

// --- render --------------------------------------------------------------
const SS = 4;
const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let bg = 0, fg = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS, y = py + (sy + 0.5) / SS;
        if (roundedRect(x, y, C, C, 63, 63, 22) > 0) continue;
        if (gear(x, y) <= 0 || letters(x, y) <= 0) fg++;
        else bg++;
      }
    }
    const n = SS * SS, cover = bg + fg, o = (py * SIZE + px) * 4;
    if (cover === 0) continue;
    for (let c = 0; c < 3; c++) rgba[o + c] = Math.round((BG[c] * bg + FG[c] * fg) / cover);
    rgba[o + 3] = Math.round((255 * cover) / n);
  }
}

// --- PNG -----------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, process.argv[2] ?? 'images/icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
