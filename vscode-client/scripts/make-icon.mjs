#!/usr/bin/env node
/**
 * Draws images/icon.png (128×128): a dark rounded tile, the event loop as a ring, and a block lifted out of its
 * way. Plain signed-distance shapes with 4×4 supersampling, written as a PNG with node:zlib; no image tools.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';

const size = 128;
const out = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'images', 'icon.png');

const roundedBox = (x, y, cx, cy, halfW, halfH, r) => {
  const qx = Math.abs(x - cx) - halfW + r;
  const qy = Math.abs(y - cy) - halfH + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const ring = (x, y, cx, cy, radius, width) => Math.abs(Math.hypot(x - cx, y - cy) - radius) - width / 2;
/** The ring with a gap at the top right, where the block was. */
const openRing = (x, y) => {
  const angle = Math.atan2(y - 66, x - 60);
  const inGap = angle > -1.35 && angle < -0.25;
  return inGap ? Infinity : ring(x, y, 60, 66, 34, 12);
};
/** An arrow head at the end of the ring's gap, showing the loop runs on. */
const arrowHead = (x, y) => {
  // Triangle pointing along the tangent at angle -1.35 (clockwise direction of travel is towards -0.25).
  const a = -1.35;
  const px = 60 + 34 * Math.cos(a);
  const py = 66 + 34 * Math.sin(a);
  const tx = -Math.sin(a);
  const ty = Math.cos(a);
  // local coordinates: u along the tangent (towards the gap), v across
  const u = -((x - px) * tx + (y - py) * ty);
  const v = (x - px) * Math.cos(a) + (y - py) * Math.sin(a);
  return Math.max(-u, u - 14, Math.abs(v) - (14 - u) * 0.75);
};
const block = (x, y) => roundedBox(x, y, 98, 30, 15, 15, 4);

const layers = [
  { color: [22, 33, 62], sdf: (x, y) => roundedBox(x, y, 64, 64, 64, 64, 22) },
  { color: [86, 204, 242], sdf: openRing },
  { color: [86, 204, 242], sdf: arrowHead },
  { color: [255, 176, 59], sdf: block },
];

const pixels = Buffer.alloc(size * size * 4);
const samples = 4;
for (let py = 0; py < size; py++) {
  for (let px = 0; px < size; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const x = px + (sx + 0.5) / samples;
        const y = py + (sy + 0.5) / samples;
        let color;
        for (const layer of layers) if (layer.sdf(x, y) <= 0) color = layer.color;
        if (!color) continue;
        r += color[0];
        g += color[1];
        b += color[2];
        a += 1;
      }
    }
    const i = (py * size + px) * 4;
    const n = samples * samples;
    pixels[i] = a ? Math.round(r / a) : 0;
    pixels[i + 1] = a ? Math.round(g / a) : 0;
    pixels[i + 2] = a ? Math.round(b / a) : 0;
    pixels[i + 3] = Math.round((a / n) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
