import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { decisionExtensions } from '../../src/shared/editor/extensions';
import { MARK_TYPES, NODE_TYPES } from '../../src/shared/editor/nodes';
import seTemplate from '../../resources/templates/SE-sv.json';
import seEn from '../../resources/templates/SE-en.json';
import dkTemplate from '../../resources/templates/DK-da.json';
import dkEn from '../../resources/templates/DK-en.json';

describe('the shared TipTap extension list', () => {
  const schema = getSchema(decisionExtensions());

  it('defines exactly the node and mark names the stored JSON, validation and export rely on', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual([...NODE_TYPES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...MARK_TYPES].sort());
    expect(schema.nodes.mergeField!.spec.atom).toBe(true);
    expect(schema.nodes.citation!.isInline).toBe(true);
  });

  it('loads every shipped template as a valid document', () => {
    for (const t of [seTemplate, seEn, dkTemplate, dkEn]) {
      const doc = PmNode.fromJSON(schema, t.content);
      expect(() => doc.check()).not.toThrow();
      expect(doc.toJSON()).toEqual(t.content);
    }
  });
});
