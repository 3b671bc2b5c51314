import { Option, type Command } from 'commander';
import { defaultKeyFile, fileAnchorKey } from '../../audit/anchor-key';
import { anchorAuditHead, anchorFiles, verifyAnchored } from '../../services/anchor.service';
import { dbOption, jsonOption, printJson, type DbOpts, type JsonOpts } from '../options';
import { openCliStore } from '../store';

type KeyOpts = { keyFile?: string };
const keyOption = () =>
  new Option('--key-file <path>', 'the audit anchor key (default $OMBUD_ANCHOR_KEY_FILE, else audit-anchor.key in the per-user data folder)');

/** `audit verify`, `audit anchor`. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit log.');

  audit
    .command('verify')
    .description(
      'Walk the hash chain of the audit log and check it against the signed anchors kept outside the store; exit code 1 and what is wrong when it was tampered with.',
    )
    .addOption(dbOption())
    .addOption(keyOption())
    .addOption(jsonOption())
    .action(async (opts: DbOpts & JsonOpts & KeyOpts) => {
      const store = await openCliStore(opts.db, { create: false, migrate: false, readonly: true });
      try {
        const key = fileAnchorKey(opts.keyFile ?? defaultKeyFile(), { create: false });
        const result = await verifyAnchored(store, key);
        // The chain's own findings stay at the top level (brokenAt, problem, …), the anchor's beside them.
        const { chain, ...anchoring } = result;
        if (opts.json) printJson({ ...chain, ...anchoring, problem: chain.intact ? result.problem : chain.problem, anchorProblem: chain.intact ? result.problem : null });
        else {
          const a = result.anchor;
          if (result.intact && chain.intact) {
            console.log(`The audit log of ${store.path} is intact: ${result.rows} rows, last hash ${chain.lastHash}.`);
          } else if (!chain.intact) {
            console.log(`The audit log of ${store.path} is BROKEN at row ${chain.brokenAt} (${chain.rows} rows before it are intact).`);
            console.log(chain.message);
          } else {
            console.log(`The audit log of ${store.path} is BROKEN: it no longer matches its signed anchor.`);
            console.log(result.problem);
          }
          if (a) {
            console.log(
              `Checked against ${result.anchorsChecked} signed anchor(s); the latest: ${a.at} (${a.reason}), ${a.rows} rows, head ${a.headHash}, in ${a.file}.` +
                (result.unanchoredRows > 0 ? ` ${result.unanchoredRows} row(s) written since are covered by the chain only.` : ''),
            );
          } else {
            console.log(`No anchor found (looked in ${anchorFiles(store.path).join(', ')}): only the chain's own links were checked.`);
          }
          console.log(key ? `Anchor signatures checked with the ${key.where}.` : `No anchor key on this machine (${opts.keyFile ?? defaultKeyFile()}): signatures were not checked.`);
        }
        if (!result.intact) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });

  audit
    .command('anchor')
    .description('Sign the audit log’s head now and write it beside the store and in its backups folder (backups, exports and the running app do this too).')
    .addOption(dbOption())
    .addOption(keyOption())
    .addOption(jsonOption())
    .action(async (opts: DbOpts & JsonOpts & KeyOpts) => {
      const store = await openCliStore(opts.db, { create: false, migrate: false, readonly: true });
      try {
        const key = fileAnchorKey(opts.keyFile ?? defaultKeyFile(), { create: true })!;
        const anchor = await anchorAuditHead(store, 'manual', { key });
        if (opts.json) printJson(anchor);
        else if (anchor) console.log(`Anchored ${anchor.rows} rows, head ${anchor.headHash}, signed with the ${key.where}; written to ${anchorFiles(store.path).join(' and ')}.`);
        else console.log('The audit log is empty: nothing to anchor.');
      } finally {
        await store.close();
      }
    });
}
