/**
 * Whether a file is a package's entry point (`main`, `exports`, `bin` of the nearest package.json, mapped back from
 * the build output to the source through `outDir` / `rootDir`): what it exports, code outside the project may call,
 * so its functions cannot change from sync to async.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as ts from 'typescript';

const entries = new Map<string, Set<string>>();

export function isPackageEntry(sourceFile: ts.SourceFile, program: ts.Program): boolean {
  const manifest = packageJsonOf(path.dirname(sourceFile.fileName));
  if (!manifest) return false;
  let targets = entries.get(manifest);
  if (!targets) entries.set(manifest, (targets = entryTargets(manifest)));
  const options = program.getCompilerOptions();
  const candidates = new Set([withoutExtension(sourceFile.fileName)]);
  if (options.outDir) {
    const rootDir = options.rootDir ?? path.dirname(manifest);
    candidates.add(withoutExtension(path.join(options.outDir, path.relative(rootDir, sourceFile.fileName))));
  }
  return [...candidates].some((candidate) => targets.has(candidate));
}

function entryTargets(manifest: string): Set<string> {
  const targets = new Set<string>();
  const dir = path.dirname(manifest);
  try {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    if (json.private === true) return targets; // not published: no code outside the project imports it
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.add(withoutExtension(path.resolve(dir, value)));
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect([json.main, json.module, json.exports, json.bin]);
    if (json.main === undefined && json.exports === undefined) targets.add(path.join(dir, 'index'));
  } catch {
    // An unreadable package.json names no entry point.
  }
  return targets;
}

function withoutExtension(file: string): string {
  return file.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
}

function packageJsonOf(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}
