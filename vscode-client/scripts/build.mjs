#!/usr/bin/env node
/**
 * Builds the extension into dist/, self-contained (the .vsix ships no node_modules of its own):
 *
 * - dist/extension.js  the client (src/extension.ts + vscode-languageclient); `vscode` stays external.
 * - dist/server.js     unblock-language-server with unblock-core and TypeScript bundled in.
 * - dist/lib.*.d.ts    TypeScript's default libraries: the bundled compiler looks for them next to itself.
 * - dist/node_modules/@types/node, dist/node_modules/undici-types: the server's fallback `@types/node`, found by
 *   its `require.resolve('@types/node/package.json')` from dist/server.js (undici-types is what @types/node imports).
 *
 * `--production` minifies the client and drops source maps; the server is never minified (readable stack traces
 * in the "Unblock" output).
 */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const production = process.argv.includes('--production');

// The language server as it is built and tested (language-server/dist), resolved like any dependency.
const require = createRequire(path.join(root, 'package.json'));
const serverPackage = require.resolve('unblock-language-server/package.json');
const serverEntry = path.join(path.dirname(serverPackage), 'dist', 'server.js');
if (!fs.existsSync(serverEntry)) {
  console.error(`${serverEntry} is missing: run \`npm run build -w language-server\` first (or \`npm run package\` at the root).`);
  process.exit(1);
}
const fromServer = createRequire(serverPackage);

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
};

const client = await esbuild.build({
  ...common,
  metafile: true,
  entryPoints: [path.join(root, 'src', 'extension.ts')],
  outfile: path.join(dist, 'extension.js'),
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
});

const server = await esbuild.build({
  ...common,
  metafile: true,
  entryPoints: [serverEntry],
  outfile: path.join(dist, 'server.js'),
  // `@types/node` is data, looked up at run time (see above); TypeScript's optional source-map-support is absent.
  external: ['source-map-support'],
  // esbuild keeps the shebang of the entry; the bundle is started with `node`, never as a binary.
  banner: { js: '/* unblock-language-server, bundled for unblock-vscode: unblock-core + TypeScript */' },
});

// TypeScript's lib.*.d.ts, next to the bundled compiler.
const tsLib = path.dirname(fromServer.resolve('typescript'));
let libs = 0;
for (const name of fs.readdirSync(tsLib)) {
  if (name.startsWith('lib.') && name.endsWith('.d.ts')) {
    fs.copyFileSync(path.join(tsLib, name), path.join(dist, name));
    libs++;
  }
}

// @types/node and what it imports, declarations only.
function copyTypes(packageName, resolveFrom) {
  const packageJson = createRequire(resolveFrom).resolve(`${packageName}/package.json`);
  const from = path.dirname(packageJson);
  const to = path.join(dist, 'node_modules', ...packageName.split('/'));
  fs.cpSync(from, to, {
    recursive: true,
    filter: (source) => fs.statSync(source).isDirectory() || /\.d\.[cm]?ts$|(^|[\\/])(package\.json|LICENSE)$/.test(source),
  });
  return packageJson;
}
const nodeTypes = copyTypes('@types/node', serverPackage);
const undiciTypes = copyTypes('undici-types', nodeTypes);

// The licences of everything bundled, from esbuild's list of inputs.
const bundled = new Map();
for (const input of [...Object.keys(client.metafile.inputs), ...Object.keys(server.metafile.inputs)]) {
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (match?.[1] && match[2]) bundled.set(match[2], path.resolve(process.cwd(), match[1]));
}
bundled.set('@types/node', path.dirname(nodeTypes));
bundled.set('undici-types', path.dirname(undiciTypes));
const licenses = path.join(dist, 'licenses');
fs.mkdirSync(licenses);
for (const [name, folder] of [...bundled].sort(([a], [b]) => a.localeCompare(b))) {
  const file = fs.readdirSync(folder).find((entry) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(entry));
  if (file) fs.copyFileSync(path.join(folder, file), path.join(licenses, `${name.replace('/', '__')}.txt`));
  else console.warn(`unblock-vscode: no licence file in ${folder}`);
}

const size = (file) => `${(fs.statSync(path.join(dist, file)).size / 1024 / 1024).toFixed(1)} MB`;
const typesVersion = JSON.parse(fs.readFileSync(nodeTypes, 'utf8')).version;
console.log(
  `unblock-vscode: dist/extension.js ${size('extension.js')}, dist/server.js ${size('server.js')}, ` +
    `${libs} TypeScript libs, @types/node ${typesVersion}, ${bundled.size} bundled packages${production ? ' (production)' : ''}`,
);
