import type { Channel, PublicChannel } from '../../shared/ipc/channels';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { storeInfo } from '../services/app.service';
import { getAttachment } from '../services/attachment.service';
import { exportAudit, listAudit } from '../services/audit.service';
import { backupNow, backupStatus, setBackupSchedule } from '../services/backup.service';
import { ServiceError } from '../services/errors';
import { retentionOverview, runRetentionFromApp, setRetentionRules } from '../services/retention.service';
import { getCase, listCases } from '../services/case.service';
import * as work from '../services/case-work.service';
import * as policy from '../services/deadline-policy.service';
import * as matters from '../services/matter.service';
import * as responses from '../services/arn-response.service';
import { exportResponse } from '../services/arn-export.service';
import type { ServiceContext, SessionContext } from '../services/context';
import { importStatus, startImport } from '../services/import.service';
import * as decisions from '../services/decision.service';
import { listTemplates, saveTemplate } from '../services/decision-templates';
import { findPrecedents } from '../services/precedent.service';
import { search } from '../services/search.service';
import * as session from '../services/session.service';

/** Public channels get the session as it is (maybe nobody signed in); all others a signed-in caller. */
export type Handler<C extends Channel> = (
  ctx: C extends PublicChannel ? SessionContext : ServiceContext,
  input: ChannelParsedInput<C>,
) => Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

/** One handler per channel. Handlers only route: rules live in the services. */
export const handlers: HandlerTable = {
  'app:info': (ctx) => storeInfo(ctx),
  'session:get': (ctx) => session.sessionState(ctx),
  'session:signIn': (ctx, input) => session.signIn(ctx, input),
  'session:signOut': (ctx) => session.signOut(ctx),
  'session:setup': (ctx, input) => session.setupFirstAccount(ctx, input),
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
  'decisions:templates': async (ctx, input) => ({ templates: await listTemplates(ctx, input.market) }),
  'decisions:saveTemplate': (ctx, input) => saveTemplate(ctx, input),
  'decisions:forCase': (ctx, input) => decisions.decisionsForCase(ctx, input.caseId),
  'decisions:get': (ctx, input) => decisions.getDecision(ctx, input.id),
  'decisions:create': (ctx, input) => decisions.createDecision(ctx, input),
  'decisions:save': (ctx, input) => decisions.saveDraft(ctx, input),
  'decisions:versions': async (ctx, input) => ({ versions: await decisions.listDecisionVersions(ctx, input.id) }),
  'decisions:compare': (ctx, input) => decisions.compareVersions(ctx, input),
  'decisions:restore': (ctx, input) => decisions.restoreVersion(ctx, input),
  'decisions:submit': (ctx, input) => decisions.submitDecision(ctx, input),
  'decisions:return': (ctx, input) => decisions.returnDecision(ctx, input),
  'decisions:approve': (ctx, input) => decisions.approveDecision(ctx, input),
  'decisions:issue': (ctx, input) => decisions.issueDecision(ctx, input),
  'decisions:precedents': (ctx, input) => findPrecedents(ctx, input),
  'matters:authorities': (ctx) => matters.listAuthorities(ctx),
  'settings:setAuthorities': (ctx, input) => matters.setAuthorities(ctx, input.authorities),
  'matters:list': (ctx, input) => matters.listMatters(ctx, input),
  'matters:forCase': (ctx, input) => matters.caseMatters(ctx, input.caseId),
  'matters:register': (ctx, input) => matters.registerMatter(ctx, input),
  'matters:recordResponseSent': (ctx, input) => matters.recordResponseSent(ctx, input),
  'matters:recordOutcome': (ctx, input) => matters.recordOutcome(ctx, input),
  'matters:recordCompliance': (ctx, input) => matters.recordCompliance(ctx, input),
  'matters:stats': (ctx, input) => matters.authorityStats(ctx, input.year, input.authority),
  'arnResponses:forMatter': (ctx, input) => responses.responseForMatter(ctx, input.matterId),
  'arnResponses:create': (ctx, input) => responses.createResponse(ctx, input),
  'arnResponses:save': (ctx, input) => responses.saveResponse(ctx, input),
  'arnResponses:submit': (ctx, input) => responses.submitResponse(ctx, input),
  'arnResponses:return': (ctx, input) => responses.returnResponse(ctx, input),
  'arnResponses:approve': (ctx, input) => responses.approveResponse(ctx, input),
  'arnResponses:finalise': (ctx, input) => responses.finaliseResponse(ctx, input),
  'arnResponses:export': (ctx, input) => exportResponse(ctx, input),
  'settings:setArnFourEyes': (ctx, input) => responses.setFourEyes(ctx, input.enabled),
  'settings:deadlinePolicies': (ctx) => policy.getDeadlinePolicies(ctx),
  'settings:setDeadlinePolicies': (ctx, input) => policy.setDeadlinePolicies(ctx, input),
  'import:start': async (ctx, input) => startImport(ctx, input),
  'import:status': async (ctx, input) => importStatus(ctx, input),
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
