/** File names as TypeScript spells them (absolute, forward slashes) and the `file:` URIs of LSP. */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ts from 'typescript';

/** `file:///src/a.ts` → `/src/a.ts`; undefined for other schemes (`untitled:`, `vscode-notebook-cell:`). */
export function uriToFileName(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return normalizeFileName(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function fileNameToUri(fileName: string): string {
  return pathToFileURL(fileName).href;
}

export function normalizeFileName(fileName: string): string {
  return path.resolve(fileName).replace(/\\/g, '/');
}

/** The key of a file in maps: lower case on case-insensitive file systems, like TypeScript's `Path`. */
export function fileKey(fileName: string): string {
  return ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase();
}

/** Whether `fileName` lies in `folder` (both normalized). */
export function isInside(folder: string, fileName: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return fileKey(fileName).startsWith(fileKey(prefix));
}

const supportedExtension = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
const supportedLanguages = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

/** JavaScript and TypeScript sources, by language id or by extension; never declaration files. */
export function isSupported(fileName: string, languageId: string): boolean {
  if (/\.d\.[cm]?ts$/i.test(fileName)) return false;
  return supportedLanguages.has(languageId) || supportedExtension.test(fileName);
}

export function isJavaScript(fileName: string): boolean {
  return /\.(?:[cm]?js|jsx)$/i.test(fileName);
}

export function isInNodeModules(fileName: string): boolean {
  return /\/node_modules\//.test(fileName);
}
