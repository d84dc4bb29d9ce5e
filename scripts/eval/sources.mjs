// The evaluated sources: reads eval/projects.json, brings each pinned npm tarball into .eval-cache/ with `npm pack`,
// checks its integrity against the manifest, extracts it, and installs the pinned dependencies the typed setup needs
// to resolve third-party APIs (fs-extra, execa, glob…). Everything is cached: a second run touches no network.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const evalDir = path.join(repoRoot, 'eval');
export const cacheDir = path.join(repoRoot, '.eval-cache');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function readManifest(file = path.join(evalDir, 'projects.json')) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Where a project's package is extracted (its files are `<root>/<relative path>`). */
export function projectRoot(project) {
  return path.join(cacheDir, project.id, 'package');
}

function sha512(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

function run(args, cwd, log) {
  log(`  $ npm ${args.join(' ')}`);
  try {
    return execFileSync(npm, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} failed (is the npm registry reachable?):\n${String(error.stderr ?? error.message).trim()}`, { cause: error });
  }
}

/** Downloads, verifies and extracts one project (and installs its type dependencies) unless already cached. */
export function ensureProject(project, log = () => {}) {
  const dir = path.join(cacheDir, project.id);
  const stamp = path.join(dir, '.ready.json');
  const wanted = JSON.stringify({ spec: `${project.package}@${project.version}`, integrity: project.integrity, typeDeps: project.typeDeps });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return projectRoot(project);

  log(`fetching ${project.package}@${project.version}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const packed = JSON.parse(run(['pack', `${project.package}@${project.version}`, '--json', '--pack-destination', dir], dir, log));
  const tarball = path.join(dir, packed[0].filename);
  const actual = sha512(tarball);
  if (actual !== project.integrity) {
    throw new Error(`${project.package}@${project.version}: integrity ${actual} differs from the manifest's ${project.integrity}`);
  }
  // npm tarballs hold one top-level folder, `package/` for nearly all of them.
  const staging = path.join(dir, 'extract');
  mkdirSync(staging);
  execFileSync('tar', ['-xzf', tarball, '-C', staging]);
  const [top] = readdirSync(staging);
  renameSync(path.join(staging, top), projectRoot(project));
  rmSync(staging, { recursive: true });
  rmSync(tarball);

  // The published package.json of the project lists far more than the rules need; install only the pinned
  // packages whose types resolve the blocking APIs, one folder above the package so Node's lookup finds them.
  if (project.typeDeps.length > 0) {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `eval-${project.id}`, private: true }));
    run(['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', ...project.typeDeps], dir, log);
  }
  writeFileSync(stamp, wanted);
  return projectRoot(project);
}

const sourceExtensions = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;

/** The project's source files (relative, `/`-separated, sorted): the manifest's folders minus its exclusions. */
export function sourceFiles(project, root = projectRoot(project)) {
  const excluded = (relative) => (project.exclude ?? []).some((prefix) => relative === prefix || relative.startsWith(`${prefix}/`));
  const files = [];
  const walk = (relative) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute) || excluded(relative)) return;
    if (statSync(absolute).isDirectory()) {
      if (path.basename(relative) === 'node_modules') return;
      for (const entry of readdirSync(absolute)) walk(relative ? `${relative}/${entry}` : entry);
    } else if (sourceExtensions.test(relative) && !relative.endsWith('.d.ts')) {
      files.push(relative);
    }
  };
  for (const dir of project.dirs) walk(dir);
  return files.sort();
}
