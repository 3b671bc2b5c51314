import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Autosaver } from '../../../shared/editor/autosave';
import type { DocNode } from '../../../shared/editor/document';

/** A letter draft as the services return it: a text and a side panel at a version. */
export interface DraftDocument<P> {
  id: number;
  version: number;
  content: DocNode;
  panel: P;
}

export interface DraftAutosaveOptions<P> {
  /** Writes the letter and panel on top of `baseVersion`; resolves with the new version. */
  save: (value: { content: DocNode; panel: P }, baseVersion: number) => Promise<number>;
  onSaving: () => void;
  onSaved: (at: Date) => void;
  /** A save failed (a version conflict, the store gone); autosave stops until `adopt`. */
  onError: (error: unknown) => void;
}

/**
 * The editing state of a draft letter (decision or authority response) and its autosave: the
 * text and panel shown, the editor's document key, and what the next save sends. Both change
 * handlers see each other's latest change, so a panel edit never saves an older text. The saver
 * lives as long as the draft (`initial.id` and `initial.version`); what is pending is saved when
 * the workspace closes.
 */
export function useDraftAutosave<P>(initial: DraftDocument<P>, options: DraftAutosaveOptions<P>) {
  const [content, setContent] = useState<DocNode>(initial.content);
  const [panel, setPanel] = useState<P>(initial.panel);
  const [docKey, setDocKey] = useState(`${initial.id}:${initial.version}`);
  // What the next save sends; kept beside the state so both handlers see each other's latest change.
  const latest = useRef({ content: initial.content, panel: initial.panel });
  const saverRef = useRef<Autosaver<{ content: DocNode; panel: P }> | null>(null);
  // The callbacks may close over each render's state; the saver calls the current ones.
  const callbacks = useRef(options);
  useLayoutEffect(() => {
    callbacks.current = options;
  });

  // The saver follows the draft, not each refetch. A live refresh that brings a colleague's newer
  // version must not move this window's base under text it never showed: the next save would
  // then silently overwrite theirs. The base moves only with what this window adopts (`adopt`,
  // `keepOnTop`); a save on a stale base meets the conflict, with both texts.
  // (The workspaces key this hook by the draft's id, so the version first shown is the one to keep.)
  const [versionAtOpen] = useState(initial.version);

  useEffect(() => {
    const saver = new Autosaver<{ content: DocNode; panel: P }>({
      baseVersion: versionAtOpen,
      save: async (value, baseVersion) => {
        callbacks.current.onSaving();
        return callbacks.current.save(value, baseVersion);
      },
      onSaved: (_version, at) => callbacks.current.onSaved(at),
      onError: (error) => callbacks.current.onError(error),
    });
    saverRef.current = saver;
    return () => {
      void saver.flush().finally(() => saver.dispose());
    };
  }, [initial.id, versionAtOpen]);

  const onText = useCallback((doc: DocNode) => {
    setContent(doc);
    latest.current = { ...latest.current, content: doc };
    saverRef.current?.change(latest.current);
  }, []);

  const onPanel = useCallback((next: P) => {
    setPanel(next);
    latest.current = { ...latest.current, panel: next };
    saverRef.current?.change(latest.current);
  }, []);

  /** Shows what the service returned (after restore, submit, a conflict …) and saves on top of it. */
  const adopt = useCallback((next: DraftDocument<P>) => {
    latest.current = { content: next.content, panel: next.panel };
    setContent(next.content);
    setPanel(next.panel);
    setDocKey(`${next.id}:${next.version}:${Date.now()}`);
    saverRef.current?.resume(next.version);
  }, []);

  /**
   * After a conflict: keeps this window's letter on top of `theirs` (already adopted) and saves
   * it at once.
   */
  const keepOnTop = useCallback(async (mine: { content: DocNode; panel: P }, theirs: { id: number; version: number }) => {
    latest.current = mine;
    setContent(mine.content);
    setPanel(mine.panel);
    setDocKey(`${theirs.id}:${theirs.version}:mine`);
    saverRef.current?.change(mine);
    await saverRef.current?.flush();
  }, []);

  /** Saves what is pending and waits for it (before submit, export, restore). */
  const flush = useCallback(async () => {
    await saverRef.current?.flush();
  }, []);

  /** The version the next save builds on: what a four-eyes step must name. */
  const baseVersion = useCallback((fallback: number) => saverRef.current?.version ?? fallback, []);

  return { content, panel, docKey, latest, onText, onPanel, adopt, keepOnTop, flush, baseVersion };
}
