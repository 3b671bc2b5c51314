import type { Channel } from '../../shared/ipc/channels';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { storeInfo } from '../services/app.service';
import { getAttachment } from '../services/attachment.service';
import { exportAudit, listAudit } from '../services/audit.service';
import { backupNow, backupStatus, setBackupSchedule } from '../services/backup.service';
import { ServiceError } from '../services/errors';
import { retentionOverview, runRetentionFromApp, setRetentionRules } from '../services/retention.service';
import { getCase, listCases } from '../services/case.service';
import * as work from '../services/case-work.service';
import type { ServiceContext } from '../services/context';
import { search } from '../services/search.service';

export type Handler<C extends Channel> = (ctx: ServiceContext, input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

/** One handler per channel. Handlers only route: rules live in the services. */
export const handlers: HandlerTable = {
  'app:info': (ctx) => storeInfo(ctx),
  'session:get': async (ctx) => ({ id: ctx.user.id, name: ctx.user.name, role: ctx.user.role }),
  'users:list': (ctx) => work.listUsers(ctx),
  'cases:list': (ctx, input) => listCases(ctx, input),
  'cases:get': (ctx, input) => getCase(ctx, input.id),
  'cases:setStatus': (ctx, input) => work.setStatus(ctx, input),
  'cases:assign': (ctx, input) => work.assign(ctx, input),
  'cases:addNote': (ctx, input) => work.addNote(ctx, input),
  'cases:requestInfo': (ctx, input) => work.requestInfo(ctx, input),
  'cases:sendHoldingReply': (ctx, input) => work.sendHoldingReply(ctx, input),
  'cases:revealPersonalNumber': (ctx, input) => work.revealPersonalNumber(ctx, input.id),
  'search:query': (ctx, input) => search(ctx, input),
  'attachments:get': (ctx, input) => getAttachment(ctx, input.id),
  'audit:list': (ctx, input) => listAudit(ctx, input),
  'audit:export': (ctx, input) => exportAudit(ctx, input),
  'backups:status': (ctx) => backupStatus(ctx),
  'backups:run': (ctx) => backupNow(ctx),
  'backups:setSchedule': (ctx, input) => setBackupSchedule(ctx, input),
  // With a healthy store open; the harness and the app answer these themselves when it is damaged.
  'recovery:status': async (ctx) => ({ damaged: false, storePath: ctx.store.path, problem: null, latestGoodBackup: null }),
  'retention:get': (ctx) => retentionOverview(ctx),
  'retention:setRules': (ctx, input) => setRetentionRules(ctx, input),
  'retention:run': (ctx, input) => runRetentionFromApp(ctx, input.dryRun),
  'recovery:restore': async () => {
    throw new ServiceError('conflict', 'The store is not damaged. To go back to a backup, close Ombud and run `ombud restore`.');
  },
};
