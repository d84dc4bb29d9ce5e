/**
 * A file opened from outside the workspace folders is freed when closed: its project goes, and with it the syntax
 * trees of the file and of what it imports from its folder, and the texts read from there (held weakly here, looked
 * at after a full collection).
 */
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { detectorOptions } from 'unblock-core';
import { OpenDocuments } from '../src/documents.js';
import { uriOf } from './helpers/client.js';
import { diskSnapshot } from '../src/projects/disk-cache.js';
import { ProjectService } from '../src/projects/project-service.js';

const options = { direct: detectorOptions({}), indirect: detectorOptions({}) };

describe('a file from outside the workspace folders', () => {
  it('leaves no project and no syntax tree behind once closed', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const workspace = await realpath(await mkdtemp(path.join(os.tmpdir(), 'unblock-workspace-')));
    const outside = await realpath(await mkdtemp(path.join(os.tmpdir(), 'unblock-outside-')));
    try {
      await writeFile(path.join(outside, 'helper.ts'), 'export function helper(): number {\n  return 1;\n}\n');
      const fileName = path.join(outside, 'outside.ts');
      const documents = new OpenDocuments();
      const service = new ProjectService({ documents, log: () => undefined, bundledTypesRoot: undefined, workspaceFolders: () => [workspace] });
      const trees = (() => {
        documents.open(uriOf(fileName), 'typescript', 1, "import { helper } from './helper';\nexport const one = helper();\n");
        const project = service.projectFor(fileName);
        expect(project.check(fileName, documents.byFileName(fileName)!.text, options).sourceFile).toBeDefined();
        const program = project.getProgram();
        const helper = path.join(outside, 'helper.ts');
        // The file's and its import's trees, and the import's text as read from disk.
        return [program.getSourceFile(fileName) as ts.SourceFile, program.getSourceFile(helper) as ts.SourceFile, diskSnapshot(helper)!].map(
          (held) => new WeakRef<object>(held),
        );
      })();
      expect(trees.map((tree) => tree.deref() !== undefined)).toEqual([true, true, true]);
      expect(service.projects()).toHaveLength(1);

      documents.close(uriOf(fileName));
      service.close(fileName);
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
      expect(service.projects()).toHaveLength(0);
      expect(trees.map((tree) => tree.deref() === undefined)).toEqual([true, true, true]);
      service.dispose();
    } finally {
      await rm(workspace, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });
});
