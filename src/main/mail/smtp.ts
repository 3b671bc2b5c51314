import { createTransport } from 'nodemailer';
import { smtpSettingsSchema, type SmtpSettings } from '../../shared/domain/mail';

export { smtpSettingsSchema, type SmtpSettings };

/** Why a send failed, worded by the interface (`send.failure.*`); `detail` is the server's own words. */
export const SMTP_FAILURES = ['connect', 'timeout', 'tls', 'auth', 'rejected', 'other'] as const;
export type SmtpFailure = (typeof SMTP_FAILURES)[number];

export class SmtpError extends Error {
  constructor(
    readonly reason: SmtpFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'SmtpError';
  }
}

function classify(error: unknown): SmtpError {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const detail = (e.response ?? e.message ?? String(error)).slice(0, 500);
  switch (e.code) {
    case 'EAUTH':
    case 'ENOAUTH':
      return new SmtpError('auth', detail);
    case 'ETLS':
      return new SmtpError('tls', detail);
    case 'ETIMEDOUT':
      return new SmtpError('timeout', detail);
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
    case 'ECONNREFUSED':
      return new SmtpError('connect', detail);
    case 'EENVELOPE':
    case 'EMESSAGE':
      return new SmtpError('rejected', detail);
    default:
      return new SmtpError(typeof e.responseCode === 'number' && e.responseCode >= 400 ? 'rejected' : 'other', detail);
  }
}

/**
 * Hands the exact bytes to the office's server (nodemailer's SMTP transport with `raw`: nothing is
 * re-encoded, so what the server receives is what the case files). Throws `SmtpError`.
 */
export async function sendRaw(settings: SmtpSettings, password: string | null, envelope: { from: string; to: string }, raw: Buffer): Promise<{ response: string }> {
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    tls: { servername: settings.host },
  });
  try {
    if (settings.user && !password) throw new SmtpError('auth', `no password is stored for ${settings.user}`);
    const info = await transport.sendMail({ envelope, raw });
    return { response: info.response };
  } catch (error) {
    throw error instanceof SmtpError ? error : classify(error);
  } finally {
    transport.close();
  }
}
