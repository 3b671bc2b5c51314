import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openStore, type OpenOptions, type Store } from '../db/connection';
import { resolveStorePath } from '../paths';

/** Opens the store named by --db, OMBUD_DB or the per-user default, creating its folder. */
export async function openCliStore(db: string | undefined, options: OpenOptions = {}): Promise<Store> {
  const path = resolveStorePath(db);
  if (options.create !== false) mkdirSync(dirname(path), { recursive: true });
  return openStore(path, options);
}

export function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}
