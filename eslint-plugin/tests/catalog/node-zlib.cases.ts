import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { gzipSync, gunzipSync } from 'node:zlib';
export async function roundTrip(b: Buffer) {
  return gunzipSync(gzipSync(b));
}`,
    ids: ['node:zlib.gunzipSync', 'node:zlib.gzipSync'],
  },
  {
    code: `import * as zlib from 'zlib';
export async function all(b: Buffer) {
  zlib.deflateSync(b);
  zlib.deflateRawSync(b);
  zlib.inflateSync(b);
  zlib.inflateRawSync(b);
  zlib.unzipSync(b);
  zlib.brotliCompressSync(b);
  zlib.brotliDecompressSync(b);
}`,
    ids: [
      'node:zlib.deflateSync',
      'node:zlib.deflateRawSync',
      'node:zlib.inflateSync',
      'node:zlib.inflateRawSync',
      'node:zlib.unzipSync',
      'node:zlib.brotliCompressSync',
      'node:zlib.brotliDecompressSync',
    ],
  },
  {
    code: `import zlib from 'node:zlib';
const compress = zlib.brotliCompressSync;
export const pack = async (b: Buffer) => compress(b);`,
    ids: ['node:zlib.brotliCompressSync'],
  },
  {
    code: `const zlib = require('zlib');
exports.pack = async (b) => zlib['gzipSync'](b);`,
    ids: ['node:zlib.gzipSync'],
    filename: 'script.js',
  },
  {
    code: `import * as zlib from 'node:zlib';
export async function roundTrip(b: Buffer) {
  return zlib.zstdDecompressSync(zlib.zstdCompressSync(b));
}`,
    ids: ['node:zlib.zstdDecompressSync', 'node:zlib.zstdCompressSync'],
    nodeTypes: 24,
  },
];

export const valid: (string | CatalogCase)[] = [
  `import { gzip, createGzip, crc32 } from 'node:zlib';
import { promisify } from 'node:util';
export async function pack(b: Buffer) {
  createGzip();
  crc32(b);
  return promisify(gzip)(b);
}`,
  `import { gzipSync } from 'node:zlib';
export function packSync(b: Buffer) {
  return gzipSync(b);
}`,
  {
    code: `import { zstdCompress } from 'node:zlib';
import { promisify } from 'node:util';
export async function pack(b: Buffer) {
  return promisify(zstdCompress)(b);
}`,
    ids: [],
    nodeTypes: 24,
  },
];
