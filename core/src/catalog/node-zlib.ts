/**
 * `node:zlib`: every `*Sync` convenience function in `@types/node@24` `zlib.d.ts`.
 * `crc32()` is synchronous too but is a checksum, not compression, and has no async form: not listed.
 * The Zstandard pair (Node 23.8 and 22.15) matches with types from `@types/node@22.15` on, and by import without.
 */
import { definePackage, type AsyncTwin } from './types.js';

const DOCS = 'https://nodejs.org/api/zlib.html';

// Every zlib twin declares `__promisify__`, so `promisify(gzip)(buffer, options?)` resolves to Promise<Buffer>.
const callback = (name: string): AsyncTwin => ({ module: 'node:zlib', name, style: 'callback', label: `zlib.${name}`, rewrite: 'same' });

export const nodeZlib = definePackage({
  module: 'node:zlib',
  aliases: ['zlib'],
  docs: DOCS,
  verifiedWith: '@types/node@20.19.43 and @types/node@24.19.4',
  entries: [
    { path: 'brotliCompressSync', category: 'compression', twin: callback('brotliCompress'), docs: `${DOCS}#zlibbrotlicompresssyncbuffer-options` },
    { path: 'brotliDecompressSync', category: 'compression', twin: callback('brotliDecompress'), docs: `${DOCS}#zlibbrotlidecompresssyncbuffer-options` },
    { path: 'deflateSync', category: 'compression', twin: callback('deflate'), docs: `${DOCS}#zlibdeflatesyncbuffer-options` },
    { path: 'deflateRawSync', category: 'compression', twin: callback('deflateRaw'), docs: `${DOCS}#zlibdeflaterawsyncbuffer-options` },
    { path: 'gzipSync', category: 'compression', twin: callback('gzip'), docs: `${DOCS}#zlibgzipsyncbuffer-options` },
    { path: 'gunzipSync', category: 'compression', twin: callback('gunzip'), docs: `${DOCS}#zlibgunzipsyncbuffer-options` },
    { path: 'inflateSync', category: 'compression', twin: callback('inflate'), docs: `${DOCS}#zlibinflatesyncbuffer-options` },
    { path: 'inflateRawSync', category: 'compression', twin: callback('inflateRaw'), docs: `${DOCS}#zlibinflaterawsyncbuffer-options` },
    { path: 'unzipSync', category: 'compression', twin: callback('unzip'), docs: `${DOCS}#zlibunzipsyncbuffer-options` },
    { path: 'zstdCompressSync', category: 'compression', twin: callback('zstdCompress'), docs: `${DOCS}#zlibzstdcompresssyncbuffer-options` },
    { path: 'zstdDecompressSync', category: 'compression', twin: callback('zstdDecompress'), docs: `${DOCS}#zlibzstddecompresssyncbuffer-options` },
  ],
});
