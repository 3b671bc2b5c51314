import type { Channel, PublicChannel } from '../../shared/ipc/channels';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { storeInfo } from '../services/app.service';
import { getAttachment } from '../services/attachment.service';
import { exportAudit, listAudit } from '../services/audit.service';
import { backupNow, backupStatus, setBackupSchedule } from '../services/backup.service';
import { ServiceError } from '../services/errors';
import { refusal } from '../../shared/domain/refusals';
import { retentionOverview, runRetentionFromApp, setRetentionRules } from '../services/retention.service';
import { getCase, countCaseLists, listCases } from '../services/case.service';
import * as review from '../services/review.service';
import * as work from '../services/case-work.service';
import * as policy from '../services/deadline-policy.service';
import * as matters from '../services/matter.service';
import { today, type ServiceContext, type SessionContext } from '../services/context';
import * as responses from '../services/arn-response.service';
import { exportResponse } from '../services/arn-export.service';
import { importStatus, startImport } from '../services/import.service';
import * as exportJobs from '../services/export-job.service';
import * as mail from '../services/mail.service';
import { markSent } from '../services/export.service';
import * as decisions from '../services/decision.service';
import { listTemplates, resetTemplate, saveTemplate } from '../services/decision-templates';
import { findPrecedents } from '../services/precedent.service';
import { search } from '../services/search.service';
import * as session from '../services/session.service';
import { exportRegister, registerReport } from '../services/register.service';
import * as zero from '../services/zero.service';

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
  'cases:counts': (ctx, input) => countCaseLists(ctx, input),
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
  'decisions:resetTemplate': (ctx, input) => resetTemplate(ctx, input),
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
  'exports:start': (ctx, input) => exportJobs.startDecisionExport(ctx, input),
  'exports:status': async (ctx, input) => exportJobs.exportJobStatus(ctx, input),
  'exports:list': (ctx, input) => exportJobs.listCaseExports(ctx, input),
  'exports:markSent': (ctx, input) => markSent(ctx, input),
  'exports:showInFolder': (ctx, input) => exportJobs.showExportInFolder(ctx, input),
  'mail:settings': (ctx) => mail.mailSettings(ctx),
  'mail:setSettings': (ctx, input) => mail.setMailSettings(ctx, input),
  'mail:draft': (ctx, input) => mail.startMailDraft(ctx, input),
  'mail:send': (ctx, input) => mail.sendMailNow(ctx, input),
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
  'stats:zeroComplaints': (ctx, input) => zero.zeroComplaints(ctx, input.market),
  'stats:causes': (ctx, input) => zero.causes(ctx, input),
  'stats:causeCases': (ctx, input) => zero.causeCases(ctx, input),
  'stats:reviewNotes': async (ctx, input) => ({ notes: await zero.reviewNotes(ctx, input), today: today(ctx) }),
  'stats:addReviewNote': (ctx, input) => zero.addReviewNote(ctx, input),
  'stats:registerFigures': async (ctx, input) => {
    const report = await registerReport(ctx, input);
    return { year: report.year, asOf: report.asOf, cases: report.rows.length, figures: report.figures };
  },
  'stats:exportRegister': async (ctx, input) => {
    const file = await exportRegister(ctx, input);
    return { fileName: file.fileName, mediaType: input.format === 'pdf' ? 'application/pdf' : 'text/csv;charset=utf-8', base64: file.content.toString('base64'), cases: file.cases };
  },
  'review:queue': (ctx) => review.reviewQueue(ctx),
  'review:approvers': (ctx) => review.whoApproves(ctx),
  'settings:approvers': (ctx) => review.approverSettings(ctx),
  'settings:setApprovers': (ctx, input) => review.setApprovers(ctx, input),
  'recovery:restore': async () => {
    throw new ServiceError(refusal('recovery.notDamaged'), 'The store is not damaged. To go back to a backup, close Ombud and run `ombud restore`.');
  },
};
