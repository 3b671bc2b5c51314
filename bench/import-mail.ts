/**
 * Mail import throughput: writes a generated mbox of N messages (plain, HTML-only in
 * multipart/related, Latin-1 quoted-printable, one in three with a PDF or image attachment, a few
 * naming an existing case), imports it into a fresh store and prints messages per second and the
 * process's peak RSS. Reading is streamed message by message, so peak memory must not grow with
 * the file.
 * Run: node --import tsx bench/import-mail.ts [messages=10000]; part of `npm run bench` (bench/suite.ts).
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/main/db/connection';
import { importMail } from '../src/main/import/mail-import';
import { sessionUser } from '../src/main/services/session.service';

export interface MailBenchResult {
  messages: number;
  newCases: number;
  attached: number;
  rejected: number;
  bytes: number;
  seconds: number;
  messagesPerSecond: number;
  /** CPU time of the process during the import (all threads), and messages per CPU-second: the figure a loaded machine does not bend. */
  cpuSeconds: number;
  messagesPerCpuSecond: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
}

function pseudoRandomBytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

function base64Lines(buf: Buffer): string {
  return (buf.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}

/** Message i of the generated mbox (LF line ends, as mbox files on disk have them). */
export function benchMessage(i: number): string {
  const day = 1 + (i % 28);
  const date = `Tue, ${day} Sep 2026 ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00 +0200`;
  const from = `Kund ${i} <kund${i}@example.${i % 4 === 0 ? 'dk' : 'se'}>`;
  const subject = i % 50 === 0 ? `Re: [KO-2026-000001] Komplettering ${i}` : `Klagomål ${i}: faktura ${100000 + i}`;
  const head = `From: ${from}\nTo: klagomal@ombud.example\nSubject: ${subject}\nDate: ${date}\nMessage-ID: <bench-${i}@example.se>\nMIME-Version: 1.0\n`;
  const text = `Hej,\n\nJag bestrider faktura ${100000 + i} på ${(i % 90) + 10} kr. Varan returnerades för länge sedan och kundtjänst har inte svarat.\n\nMed vänlig hälsning\nKund ${i}\n`;
  const kind = i % 3;
  const attach = i % 3 === 0;
  const boundary = `b${i}`;
  let body: string;
  if (kind === 1) {
    // HTML only, inside multipart/related with an inline image.
    body = `Content-Type: multipart/related; boundary="${boundary}r"\n\n--${boundary}r\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>${text.replace(/\n/g, '<br>')}</p><img src="cid:logo${i}@x"></body></html>\n--${boundary}r\nContent-Type: image/png\nContent-ID: <logo${i}@x>\nContent-Transfer-Encoding: base64\n\n${base64Lines(pseudoRandomBytes(2048, i))}\n--${boundary}r--\n`;
  } else if (kind === 2) {
    const qp = Buffer.from(text, 'latin1').toString('latin1').replace(/[\u0080-\u00ff=]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    body = `Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n${qp}`;
  } else body = `Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${text}`;
  if (attach) {
    const part = body;
    body = `Content-Type: multipart/mixed; boundary="${boundary}m"\n\n--${boundary}m\n${part}\n--${boundary}m\nContent-Type: application/pdf; name="faktura-${i}.pdf"\nContent-Disposition: attachment; filename="faktura-${i}.pdf"\nContent-Transfer-Encoding: base64\n\n${base64Lines(Buffer.concat([Buffer.from('%PDF-1.4\n'), pseudoRandomBytes(24 * 1024, i + 7)]))}\n--${boundary}m--\n`;
  }
  // mboxrd: a body line starting with "From " is quoted.
  return `From kund${i}@example.se Tue Sep ${String(day).padStart(2, ' ')} 10:00:00 2026\n${head}${body.replace(/^(>*From )/gm, '>$1')}\n`;
}

export async function benchImportMail(messages: number): Promise<MailBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ombud-bench-mail-'));
  try {
    const file = join(dir, 'inbox.mbox');
    const out = createWriteStream(file);
    for (let i = 1; i <= messages; i++) {
      if (!out.write(benchMessage(i))) await new Promise<void>((ok) => out.once('drain', () => ok()));
    }
    await new Promise<void>((ok) => out.end(ok));
    const store = await openStore(join(dir, 'bench.sqlite'));
    try {
      const ctx = { store, user: await sessionUser(store), now: () => new Date('2026-10-01T12:00:00Z') };
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const report = await importMail(ctx, {
        path: file,
        onProgress: (n) => {
          if (n % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      // The kernel's high-water mark covers what sampling between messages could miss.
      peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
      return {
        messages: report.messages,
        newCases: report.newCases,
        attached: report.attached,
        rejected: report.rejected,
        bytes: statSync(file).size,
        seconds,
        messagesPerSecond: Math.round(report.messages / seconds),
        cpuSeconds,
        messagesPerCpuSecond: Math.round(report.messages / cpuSeconds),
        peakRssMiB: Math.round(peak / 1024 / 1024),
        rssBeforeMiB: Math.round(rssBefore / 1024 / 1024),
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('import-mail.ts')) {
  const n = Number(process.argv[2] ?? 10000);
  const r = await benchImportMail(n);
  console.log(
    `import mail: ${r.messages} messages (${r.newCases} new cases, ${r.attached} attached, ${r.rejected} rejected), ${(r.bytes / 1024 / 1024).toFixed(1)} MiB mbox in ${r.seconds.toFixed(2)} s = ${r.messagesPerSecond} messages/s (CPU ${r.cpuSeconds.toFixed(2)} s = ${r.messagesPerCpuSecond} messages per CPU-second); RSS ${r.rssBeforeMiB} MiB before, peak ${r.peakRssMiB} MiB`,
  );
}
