/**
 * Built-in modules with nothing to list: the declarations in them that look blocking by name, and why they are
 * not. Kept apart from `packages` (no entries, no docs table); the `@types/node` check reads them.
 */
import { definePackage } from './types.js';

export const reviewedBuiltins = [
  definePackage({
    module: 'node:dgram',
    docs: 'https://nodejs.org/api/dgram.html',
    verifiedWith: '@types/node@24.19.4',
    entries: [],
    leftOut: [
      { path: 'Socket#bindSync', reason: 'one bind() system call on a UDP socket; takes only numeric addresses, so no DNS lookup' },
      { path: 'Socket#connectSync', reason: 'one connect() system call on a UDP socket (no handshake); takes only numeric addresses' },
    ],
  }),
  definePackage({
    module: 'node:diagnostics_channel',
    docs: 'https://nodejs.org/api/diagnostics_channel.html',
    verifiedWith: '@types/node@24.19.4',
    entries: [],
    leftOut: [{ path: 'TracingChannel#traceSync', reason: 'calls the given function and publishes trace events around it; blocks only if that function does' }],
  }),
];
