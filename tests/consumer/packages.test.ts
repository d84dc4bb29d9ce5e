/**
 * What `npm publish` would upload, for every workspace package that is not private: the tarball holds README,
 * LICENSE, package.json and the built code with its types, nothing else (no sources, tests, source maps or build
 * info); the manifest says where the code lives and what it supports; the README stands alone (no link that only
 * works inside the repository). The language server's tarball, installed, starts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, publishedWorkspaces, root, usePackedPackages, withTarballs, type PackedPackage } from './helpers.js';

const packed = usePackedPackages();

/** The files a manifest points at: main, types, bin and every exports target. */
function entryPoints(manifest: PackedPackage['manifest']): string[] {
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([manifest.main, manifest.types, manifest.bin, manifest.exports]);
  return [...new Set(targets.filter((target) => !target.endsWith('/package.json')).map((target) => path.posix.normalize(target)))];
}

describe('every published package', () => {
  it('is found: the workspaces that are not private', () => {
    expect(publishedWorkspaces().map(({ dir }) => dir)).toEqual(expect.arrayContaining(['eslint-plugin', 'runtime', 'language-server']));
    expect(packed().map((pack) => pack.name)).toEqual(publishedWorkspaces().map(({ manifest }) => manifest.name));
  });

  it('ships README, LICENSE (the root one), package.json and its entry points with their types, and nothing that is not built code', () => {
    const license = readFileSync(path.join(root, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n/);
    for (const pack of packed()) {
      expect(pack.files, pack.name).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
      expect(readFileSync(path.join(root, pack.dir, 'LICENSE'), 'utf8'), `${pack.dir}/LICENSE`).toBe(license);
      for (const entry of entryPoints(pack.manifest)) expect(pack.files, `${pack.name}: ${entry}`).toContain(entry);
      const odd = pack.files.filter(
        (file) => !['LICENSE', 'README.md', 'package.json'].includes(file) && !/^dist\/.+\.(js|mjs|cjs|d\.ts|d\.mts|d\.cts)$/.test(file),
      );
      expect(odd, pack.name).toEqual([]);
      expect(pack.files.filter((file) => /(^|\/)(tests?|__tests__|src)\/|\.test\.|\.map$|\.tsbuildinfo$/.test(file)), pack.name).toEqual([]);
      // A package that is imported (not only run) ships the types of its entry points.
      if (!pack.manifest.bin) expect(pack.files.filter((file) => file.endsWith('.d.ts')).length, pack.name).toBeGreaterThan(0);
    }
  });

  it('says what it is, where its code and issues live, and which Node.js it needs', () => {
    for (const pack of packed()) {
      expect(pack.manifest, pack.name).toMatchObject({
        license: 'MIT',
        description: expect.any(String),
        homepage: `https://github.com/unblock-dev/unblock/tree/main/${pack.dir}#readme`,
        repository: { type: 'git', url: 'git+https://github.com/unblock-dev/unblock.git', directory: pack.dir },
        bugs: { url: 'https://github.com/unblock-dev/unblock/issues' },
        engines: { node: '^20.19.0 || >=22.12.0' },
      });
    }
    const plugin = packed().find((pack) => pack.name === 'eslint-plugin-unblock')!;
    expect(plugin.manifest.peerDependencies).toEqual({ '@typescript-eslint/utils': '^8.0.0', eslint: '^9.0.0 || ^10.0.0', typescript: '>=5.0.0 <6.1.0' });
    // Only typed linting needs TypeScript (and typescript-eslint's types): untyped use installs neither.
    expect(plugin.manifest.peerDependenciesMeta).toEqual({ '@typescript-eslint/utils': { optional: true }, typescript: { optional: true } });
  });

  it('has a README that stands alone: every link is absolute or an anchor', () => {
    for (const pack of packed()) {
      const readme = readFileSync(path.join(root, pack.dir, 'README.md'), 'utf8');
      const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
      expect(links.filter((link) => !/^(https:\/\/|#)/.test(link)), `${pack.dir}/README.md`).toEqual([]);
    }
  });
});

it('unblock-language-server, installed from its tarball, starts', () => {
  const project = createProject('language-server', { 'package.json': `${JSON.stringify({ name: 'consumer-server', private: true }, null, 2)}\n` });
  try {
    project.install(withTarballs(['unblock-language-server'], packed()));
    const server = project.run(path.join(project.dir, 'node_modules/.bin/unblock-language-server'), ['--version'], 60_000);
    expect(server.status, server.output).toBe(0);
    expect(server.stdout.trim()).toContain(packed().find((pack) => pack.name === 'unblock-language-server')!.version);
  } finally {
    project.remove();
  }
}, 20 * 60_000);
