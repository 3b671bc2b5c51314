import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { bootStore } from '../../boot';
import { StoreError } from '../../db/errors';
import { resolveStorePath } from '../../paths';
import { serverCertificate } from '../../server/certificate';
import { startTeamServer } from '../../server/team-server';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** `HOST:PORT`, `[v6]:PORT` or `:PORT` (all interfaces). */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port > 65_535) {
    throw new InvalidArgumentError(`"${value}" is not HOST:PORT (for example 0.0.0.0:8443 or 192.168.1.10:8443).`);
  }
  return { host: match[1] ?? (match[2] || '0.0.0.0'), port };
}

function minutes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 24 * 60) throw new InvalidArgumentError(`"${value}" is not a number of minutes between 1 and 1440.`);
  return n;
}

/** `ombud server`: one store served over HTTPS to the office (team mode). */
export function registerServerCommand(program: Command): void {
  program
    .command('server')
    .description('Serve one store to a team over HTTPS: every person signs in and acts as themselves (team mode).')
    .requiredOption('--db <path>', 'store file')
    .requiredOption('--listen <host:port>', 'address to listen on, e.g. 0.0.0.0:8443', parseListen)
    .option('--tls-cert <file>', 'certificate (PEM); without it a self-signed one is created beside the store')
    .option('--tls-key <file>', 'private key (PEM) of --tls-cert')
    .option('--idle-minutes <n>', 'minutes without a call before a session ends', minutes, 30)
    .option('--renderer <dir>', 'built renderer folder', join(projectRoot, 'out', 'renderer'))
    .action(async (opts: { db: string; listen: { host: string; port: number }; tlsCert?: string; tlsKey?: string; idleMinutes: number; renderer: string }) => {
      if (!existsSync(join(opts.renderer, 'index.html'))) {
        throw new StoreError('missing', `No built renderer in ${opts.renderer}. Run \`npm run build\` first.`);
      }
      const path = resolveStorePath(opts.db);
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const certificate = await serverCertificate({ storePath: path, host: opts.listen.host, certFile: opts.tlsCert, keyFile: opts.tlsKey });
      if (certificate.source === 'created') log(`Created a self-signed certificate beside the store: ${path}.tls.crt`);
      const { context, recovery, stop: stopStore } = await bootStore({ path, log });
      if (recovery) log('The store is damaged: serving the recovery screen only.');
      const server = await startTeamServer({
        context,
        recovery,
        rendererDir: opts.renderer,
        host: opts.listen.host,
        port: opts.listen.port,
        tls: certificate,
        idleMs: opts.idleMinutes * 60_000,
        log,
      });
      console.log(`Ombud team server on ${server.origin} (certificate SHA-256 ${certificate.fingerprint})`);
      console.log(`Store: ${path}. Sessions end after ${opts.idleMinutes} minutes without use. Stop with Ctrl+C.`);
      const stop = async () => {
        await server.close();
        await stopStore();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
