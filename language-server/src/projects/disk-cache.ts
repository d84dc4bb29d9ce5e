/**
 * Files on disk as TypeScript reads them: a version per file, bumped by file-watcher events, and one snapshot per
 * version, shared by every project.
 */
import * as ts from 'typescript';
import { fileKey } from '../paths.js';

/** Versions of files on disk, bumped by file-watcher events. */
const diskVersions = new Map<string, number>();

/**
 * Snapshots of files on disk, per disk version. The language service asks for every file's snapshot each time it
 * brings its program up to date (before comparing versions), so without this every edit re-read the project.
 */
const diskSnapshots = new Map<string, { version: number; snapshot: ts.IScriptSnapshot }>();

export function diskSnapshot(fileName: string): ts.IScriptSnapshot | undefined {
  const key = fileKey(fileName);
  const version = diskVersions.get(key) ?? 0;
  const cached = diskSnapshots.get(key);
  if (cached?.version === version) return cached.snapshot;
  const text = ts.sys.readFile(fileName);
  if (text === undefined) {
    diskSnapshots.delete(key);
    return undefined;
  }
  const snapshot = ts.ScriptSnapshot.fromString(text);
  diskSnapshots.set(key, { version, snapshot });
  return snapshot;
}

/** Drops the cached texts of files no project reads any more (the projects that read them were disposed). */
export function forgetDiskSnapshots(fileNames: Iterable<string>): void {
  for (const fileName of fileNames) diskSnapshots.delete(fileKey(fileName));
}

export function bumpDiskVersion(fileName: string): void {
  const key = fileKey(fileName);
  diskVersions.set(key, (diskVersions.get(key) ?? 0) + 1);
}

export function diskVersion(fileName: string): number {
  return diskVersions.get(fileKey(fileName)) ?? 0;
}
