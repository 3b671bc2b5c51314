import type { z } from 'zod';
import type { recoveryStatusSchema } from '../../shared/domain/backup';
import { latestGoodBackup, listBackups, restoreFrom, type RestoreResult } from '../db/backup';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';

/**
 * What happens when the store fails its start check: the app cannot sign anyone in (the users
 * are in the store), so this runs without a session and offers exactly one thing, restoring the
 * latest backup that passes its own integrity check. The damaged file is kept beside.
 */
export function recoveryStatus(storePath: string, problem: string): z.infer<typeof recoveryStatusSchema> {
  const good = latestGoodBackup(storePath);
  return {
    damaged: true,
    storePath,
    problem,
    latestGoodBackup: good
      ? { fileName: good.file.fileName, takenAt: good.file.takenAt, reason: good.file.reason, bytes: good.file.bytes, schemaVersion: good.check.schemaVersion! }
      : null,
  };
}

/** Restores one of the store's own backups, named by file name (never an arbitrary path from the renderer). */
export function restoreBackupByName(storePath: string, fileName: string): RestoreResult {
  const file = listBackups(storePath).find((b) => b.fileName === fileName);
  if (!file) throw new ServiceError(refusal('backup.notFound', { file: fileName }), `Backup ${fileName} is not in the backups folder of ${storePath}.`);
  return restoreFrom(storePath, file.path);
}
