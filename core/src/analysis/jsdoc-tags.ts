/**
 * `/** @blocking *\/` marks any declaration (project code or `.d.ts`) as blocking; `/** @nonblocking *\/` says a
 * declaration does not block, whatever else would say so.
 */
import ts from 'typescript';

export type MarkerTag = 'blocking' | 'nonblocking';

export function hasMarker(declaration: ts.Node, tag: MarkerTag): boolean {
  return ts.getJSDocTags(declaration).some((jsDocTag) => jsDocTag.tagName.text === tag);
}

/**
 * Names of the declarations tagged `@blocking` anywhere in the program, so the cheap name filter can let
 * `helpers.hashPassword()` through. Files without the text `@blocking` are skipped without parsing JSDoc.
 */
export function blockingTagNames(program: ts.Program): Set<string> {
  const names = new Set<string>();
  for (const sourceFile of program.getSourceFiles()) for (const name of tagNamesOf(sourceFile)) names.add(name);
  return names;
}

/** Per source file: an editor makes a program per keystroke, and TypeScript reuses unchanged files' objects. */
const tagNamesCache = new WeakMap<ts.SourceFile, readonly string[]>();

function tagNamesOf(sourceFile: ts.SourceFile): readonly string[] {
  let names = tagNamesCache.get(sourceFile);
  if (names) return names;
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const name = (node as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) && hasMarker(node, 'blocking')) found.push(name.text);
    ts.forEachChild(node, visit);
  };
  if (sourceFile.text.includes('@blocking')) visit(sourceFile);
  names = found;
  tagNamesCache.set(sourceFile, names);
  return names;
}
