import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_BACKUP_SCHEDULE, backupScheduleSchema, type BackupFileInfo, type BackupSchedule } from '../../shared/domain/backup';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { backupFileName, backupFolder, backupTo, listBackups, pruneScheduledBackups, type BackupReason } from '../db/backup';
import { readSetting, writeSetting } from '../db/repositories/settings.repository';
import { appendAudit } from './audit.service';
import { now, type ServiceContext } from './context';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { anchorQuietly } from './anchor.service';

const SCHEDULE_KEY = 'backup.schedule';

function requireOmbudsman(ctx: ServiceContext): void {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), 'Only the ombudsman manages backups.');
}

export async function readBackupSchedule(ctx: Pick<ServiceContext, 'store'>): Promise<BackupSchedule> {
  return (await readSetting(ctx.store.db, SCHEDULE_KEY, backupScheduleSchema)) ?? DEFAULT_BACKUP_SCHEDULE;
}

function info(file: { fileName: string; takenAt: string; reason: string; bytes: number }): BackupFileInfo {
  return { fileName: file.fileName, takenAt: file.takenAt, reason: file.reason, bytes: file.bytes };
}

/**
 * Takes one backup into the backups folder beside the store and records it in the audit log
 * (after the copy, so the backup holds everything up to the moment it was taken). Scheduled
 * backups beyond the schedule's `keep` are pruned, oldest first; manual ones are kept.
 */
export async function takeBackup(ctx: Pick<ServiceContext, 'store' | 'now'> & { user?: ServiceContext['user'] }, reason: BackupReason): Promise<BackupFileInfo> {
  const at = now(ctx);
  const path = join(backupFolder(ctx.store.path), backupFileName(ctx.store.path, reason, at));
  // Backups are named by the second; a second one in the same second would have to overwrite the first.
  if (existsSync(path)) throw new ServiceError(refusal('backup.sameSecond'), `A ${reason} backup was taken this very second (${basename(path)}); try again in a moment.`);
  const result = await backupTo(ctx.store.path, path);
  let pruned: string[] = [];
  if (reason === 'scheduled') pruned = pruneScheduledBackups(ctx.store.path, (await readBackupSchedule(ctx)).keep);
  await ctx.store.db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      at: at.toISOString(),
      userId: ctx.user?.id ?? null,
      action: 'backup.create',
      caseId: null,
      detail: { reason, file: path, bytes: result.bytes, milliseconds: Math.round(result.milliseconds), pruned: pruned.length },
    });
  });
  // The head, with this backup's row, signed beside the store and in the backups folder.
  await anchorQuietly(ctx.store, 'backup');
  const file = listBackups(ctx.store.path).find((b) => b.path === path);
  return info(file ?? { fileName: path, takenAt: at.toISOString(), reason, bytes: result.bytes });
}

/** When the next scheduled backup is due: at once when there is none, else the newest plus the interval. */
export function nextBackupDue(storePath: string, schedule: BackupSchedule): Date | null {
  if (!schedule.enabled) return null;
  const newest = listBackups(storePath).find((b) => b.reason === 'scheduled' || b.reason === 'manual');
  if (!newest) return new Date(0);
  return new Date(Date.parse(newest.takenAt) + schedule.intervalHours * 3600_000);
}

export async function backupStatus(ctx: ServiceContext): Promise<ChannelOutput<'backups:status'>> {
  requireOmbudsman(ctx);
  const schedule = await readBackupSchedule(ctx);
  const due = nextBackupDue(ctx.store.path, schedule);
  return {
    schedule,
    folder: backupFolder(ctx.store.path),
    backups: listBackups(ctx.store.path).map(info),
    nextDueAt: due === null ? null : due.toISOString(),
  };
}

export async function backupNow(ctx: ServiceContext): Promise<BackupFileInfo> {
  requireOmbudsman(ctx);
  return takeBackup(ctx, 'manual');
}

export async function setBackupSchedule(ctx: ServiceContext, schedule: BackupSchedule): Promise<ChannelOutput<'backups:status'>> {
  requireOmbudsman(ctx);
  await ctx.store.db.transaction().execute(async (trx) => {
    await writeSetting(trx, SCHEDULE_KEY, schedule);
    await appendAudit(trx, { at: now(ctx).toISOString(), userId: ctx.user.id, action: 'backup.schedule', caseId: null, detail: { ...schedule } });
  });
  return backupStatus(ctx);
}

/**
 * Runs scheduled backups while the app is open: checks at start and then every `checkEveryMs`
 * whether one is due. Returns a stop function. A failed backup is reported, never thrown into
 * the app, and retried at the next check.
 */
export function startBackupSchedule(
  ctx: Pick<ServiceContext, 'store' | 'now'>,
  options: { checkEveryMs?: number; log?: (line: string) => void } = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const schedule = await readBackupSchedule(ctx);
      const due = nextBackupDue(ctx.store.path, schedule);
      if (due !== null && due.getTime() <= now(ctx).getTime()) {
        const file = await takeBackup(ctx, 'scheduled');
        options.log?.(`Scheduled backup ${file.fileName} (${file.bytes} bytes).`);
      }
    } catch (error) {
      options.log?.(`Scheduled backup failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.checkEveryMs ?? 15 * 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
