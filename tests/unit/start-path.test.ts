import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What the renderer evaluates before the first inbox row: every module main.tsx reaches through
 * static imports (dynamic `import()`s are the screens and languages loaded later; `import type`
 * is erased). Every kilobyte here is parsed and run before the inbox shows, on every start.
 */
const root = resolve(__dirname, '../..');
const entry = join(root, 'src/renderer/main.tsx');

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The module specifiers a file imports for their values. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specs: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      // `import { type A, type B } from` is erased when it names nothing else.
      const onlyTypes = clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      const clause = node.exportClause;
      const onlyTypes = clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push(node.moduleSpecifier.text);
    }
  }
  return specs;
}

/** Local files and packages the start reaches. */
function startGraph(): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.')) {
        if (/\.(css|json)$/.test(spec)) seen.add(resolve(dirname(file), spec));
        else {
          const target = resolveLocal(file, spec);
          if (!target) throw new Error(`${relative(root, file)} imports ${spec}, which does not resolve`);
          queue.push(target);
        }
      } else {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return { files: [...seen].map((f) => relative(root, f)), packages };
}

describe('the renderer start', () => {
  const { files, packages } = startGraph();

  it('reaches the inbox (the guard follows the real graph)', () => {
    expect(files).toContain('src/renderer/features/inbox/InboxScreen.tsx');
    expect(files).toContain('src/renderer/lib/format.ts');
    expect(packages).toContain('react-i18next');
  });

  it('loads no zod: the inbox validates nothing, and main checks every call', () => {
    expect(packages).not.toContain('zod');
  });

  it('loads no interface strings up front: only the language in use arrives, on its own', () => {
    expect(files.filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('loads none of the other screens', () => {
    expect(files.filter((f) => /features\/(case|decision|matters|zero|import|audit|settings)\//.test(f))).toEqual([]);
    for (const heavy of ['@tiptap/react', '@tiptap/core', 'recharts', 'lodash-es', 'diff']) expect(packages).not.toContain(heavy);
  });
});
