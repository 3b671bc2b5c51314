import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { anchorKey, type AnchorKey } from '../audit/anchor-key';
import type { Db } from '../db/connection';
import { backupFolder } from '../db/backup';
import { auditHead } from '../db/repositories/audit.repository';
import { verifyAuditChain, type AuditVerification } from './audit.service';

/**
 * Anchors of the audit chain, kept outside the store. The hash chain alone shows an edit, but
 * whoever holds the file can rewrite a row and re-hash everything after it, or cut rows off the
 * end. An anchor records the head (row count, last id, last hash) at a moment, signed with a key
 * the store does not hold (audit/anchor-key.ts), in files beside the store and in the backups
 * folder. `audit verify` then checks that every anchored head is still at its place in the chain.
 *
 * Anchors are written after each backup, each export and by a periodic checkpoint.
 */

export const ANCHOR_VERSION = 1;
export type AnchorReason = 'backup' | 'export' | 'checkpoint' | 'manual';

export interface Anchor {
  v: number;
  at: string;
  reason: AnchorReason;
  /** The store's file name, for the reader; the file the anchor sits in says which store. */
  store: string;
  rows: number;
  headId: number | null;
  headHash: string | null;
  keyId: string;
  sig: string;
}

/** Where a store's anchors are written: beside the store, and in its backups folder. */
export function anchorFiles(storePath: string): string[] {
  return [`${storePath}.anchors.jsonl`, join(backupFolder(storePath), `${basename(storePath)}.anchors.jsonl`)];
}

function signed(a: Omit<Anchor, 'sig'>): string {
  return JSON.stringify([a.v, a.at, a.reason, a.store, a.rows, a.headId, a.headHash, a.keyId]);
}

/**
 * Signs the current head and appends it to both anchor files. Call after the transaction that wrote
 * the audited work has committed. Returns null (and does not throw) when the chain is empty.
 */
export async function anchorAuditHead(store: { path: string; db: Db }, reason: AnchorReason, options: { key?: AnchorKey; at?: Date } = {}): Promise<Anchor | null> {
  const key = options.key ?? anchorKey({ create: true })!;
  const head = await auditHead(store.db);
  if (head.rows === 0) return null;
  const body: Omit<Anchor, 'sig'> = { v: ANCHOR_VERSION, at: (options.at ?? new Date()).toISOString(), reason, store: basename(store.path), ...head, keyId: key.id };
  const anchor: Anchor = { ...body, sig: key.sign(signed(body)) };
  for (const file of anchorFiles(store.path)) {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  }
  return anchor;
}

/** The same, never failing the caller's work: an anchor that cannot be written is logged. */
export async function anchorQuietly(store: { path: string; db: Db }, reason: AnchorReason, log: (line: string) => void = console.warn): Promise<void> {
  try {
    await anchorAuditHead(store, reason);
  } catch (error) {
    log(`The audit anchor (${reason}) could not be written: ${(error as Error).message}`);
  }
}

/** Only the head changed since the last anchor: a periodic checkpoint then writes one. */
export async function checkpointIfChanged(store: { path: string; db: Db }): Promise<Anchor | null> {
  const head = await auditHead(store.db);
  const last = readAnchors(store.path).anchors.at(-1);
  if (head.rows === 0 || (last && last.rows === head.rows && last.headHash === head.headHash)) return null;
  return anchorAuditHead(store, 'checkpoint');
}

/** Starts the periodic checkpoint (default hourly); returns the stop function. */
export function startAnchorCheckpoints(store: { path: string; db: Db }, options: { everyMs?: number; log?: (line: string) => void } = {}): () => void {
  const timer = setInterval(() => {
    checkpointIfChanged(store).catch((error: unknown) => (options.log ?? console.warn)(`The audit checkpoint failed: ${(error as Error).message}`));
  }, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

export interface AnchorRead {
  /** Anchors whose signature holds, from both files, oldest first (by row count, then time). */
  anchors: (Anchor & { file: string })[];
  /** Lines that are not anchors or whose signature fails: the anchor files were tampered with. */
  forged: { file: string; line: number; why: string }[];
  files: string[];
}

/** Reads and checks every anchor of the store; signatures are checked when a key is given. */
export function readAnchors(storePath: string, key: AnchorKey | null = null): AnchorRead {
  const out: AnchorRead = { anchors: [], forged: [], files: [] };
  for (const file of anchorFiles(storePath)) {
    if (!existsSync(file)) continue;
    out.files.push(file);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (text.trim() === '') return;
        let a: Anchor;
        try {
          a = JSON.parse(text) as Anchor;
        } catch {
          out.forged.push({ file, line: i + 1, why: 'is not JSON' });
          return;
        }
        if (typeof a !== 'object' || a === null || a.v !== ANCHOR_VERSION || !Number.isInteger(a.rows) || typeof a.sig !== 'string') {
          out.forged.push({ file, line: i + 1, why: 'is not an anchor' });
          return;
        }
        if (key) {
          if (a.keyId !== key.id) {
            out.forged.push({ file, line: i + 1, why: `was signed with another key (${String(a.keyId)}), not ${key.id}` });
            return;
          }
          const { sig, ...body } = a;
          if (!key.verify(signed(body), sig)) {
            out.forged.push({ file, line: i + 1, why: 'has a signature that does not match its content' });
            return;
          }
        }
        out.anchors.push({ ...a, file });
      });
  }
  out.anchors.sort((x, y) => x.rows - y.rows || x.at.localeCompare(y.at));
  return out;
}

export interface AnchoredVerification {
  intact: boolean;
  rows: number;
  /** The hash chain walked on its own. */
  chain: AuditVerification;
  /** The latest signed anchor found, or null when there is none yet. */
  anchor: { at: string; reason: AnchorReason; rows: number; headId: number | null; headHash: string | null; file: string } | null;
  anchorsChecked: number;
  /** Rows written after the latest anchor: the chain covers them, no anchor does yet. */
  unanchoredRows: number;
  /** Where the key is kept, or null when there is no key on this machine (signatures unchecked). */
  key: string | null;
  /** What is wrong, when not intact. */
  problem: string | null;
}

/**
 * Walks the chain (audit.service's verifyAuditChain) and checks it against every signed anchor:
 * the chain must still hold at least the anchored number of rows, and the row at each anchored
 * position must have the anchored id and hash. That catches an edit or deletion or insertion
 * re-hashed to the end, a cut tail, a log cut to one row or emptied, and renumbered ids.
 */
export async function verifyAnchored(store: { path: string; db: Db }, key: AnchorKey | null): Promise<AnchoredVerification> {
  const read = readAnchors(store.path, key);
  const wanted = new Map<number, { id: number; hash: string } | null>();
  for (const a of read.anchors) wanted.set(a.rows, null);
  const chain = await verifyAuditChain(store.db, 5000, (index, id, hash) => {
    if (wanted.has(index)) wanted.set(index, { id, hash });
  });
  const latest = read.anchors.at(-1) ?? null;
  const result: AnchoredVerification = {
    intact: chain.intact,
    rows: chain.rows,
    chain,
    anchor: latest ? { at: latest.at, reason: latest.reason, rows: latest.rows, headId: latest.headId, headHash: latest.headHash, file: latest.file } : null,
    anchorsChecked: read.anchors.length,
    unanchoredRows: latest ? Math.max(0, chain.rows - latest.rows) : chain.rows,
    key: key?.where ?? null,
    problem: chain.intact ? null : chain.message,
  };
  const fail = (message: string): AnchoredVerification => ({ ...result, intact: false, problem: message });
  if (read.forged.length > 0) {
    const f = read.forged[0]!;
    return fail(`Anchor file ${f.file} line ${f.line} ${f.why}: the anchors were tampered with or come from another key.`);
  }
  if (!chain.intact) return result;
  for (const a of read.anchors) {
    if (chain.rows < a.rows) {
      return fail(
        `The log holds ${chain.rows} rows, but the anchor of ${a.at} (${a.reason}, ${a.file}) recorded ${a.rows}: rows were removed from the log and the rest re-hashed or cut off.`,
      );
    }
    const at = wanted.get(a.rows);
    if (!at || at.hash !== a.headHash || at.id !== a.headId) {
      return fail(
        `Row ${a.rows} of the log is ${at ? `id ${at.id}, hash ${at.hash}` : 'missing'}, but the anchor of ${a.at} (${a.reason}, ${a.file}) recorded id ${a.headId}, hash ${a.headHash}: the log up to that anchor was rewritten (rows edited, removed, inserted or renumbered, and re-hashed).`,
      );
    }
  }
  return result;
}
