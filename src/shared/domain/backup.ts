import { z } from 'zod';

/** How often the app backs the store up on its own, and how many of those backups it keeps. */
export const backupScheduleSchema = z
  .object({
    enabled: z.boolean(),
    intervalHours: z.number().int().min(1, 'must be at least 1 hour').max(24 * 7, 'must be at most a week (168 hours)'),
    keep: z.number().int().min(1, 'must keep at least 1 backup').max(365, 'must be at most 365'),
  })
  .strict();
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

/** Daily, keeping a week's worth. */
export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { enabled: true, intervalHours: 24, keep: 7 };

export const backupFileSchema = z.object({
  fileName: z.string(),
  takenAt: z.string(),
  reason: z.string(),
  bytes: z.number().int(),
});
export type BackupFileInfo = z.infer<typeof backupFileSchema>;

/** What the start screen needs to know when the store cannot be used. */
export const recoveryStatusSchema = z.object({
  damaged: z.boolean(),
  storePath: z.string(),
  problem: z.string().nullable(),
  latestGoodBackup: backupFileSchema.extend({ schemaVersion: z.number().int() }).nullable(),
});
