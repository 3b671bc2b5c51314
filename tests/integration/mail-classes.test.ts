import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMail, type MailImportReport } from '../../src/main/import/mail-import';
import type { ServiceContext } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { tempStore } from '../fixtures/temp-store';

/**
 * One fixture per class of issue 20, written here byte for byte (CRLF, raw 8-bit, BOM), imported
 * into a real store and read back from SQLite.
 */
const NOW = new Date('2026-11-20T10:00:00Z');
let t: Awaited<ReturnType<typeof tempStore>>;
let ctx: ServiceContext;

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
/** A message from header lines and a body; `bytes` replaces \xNN escapes by raw bytes. */
function bytes(s: string): Buffer {
  return Buffer.from(s.replace(/\\x([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
}
const tiny = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

interface EventRow {
  id: number;
  case_id: number;
  number: string;
  occurred_at: string;
  summary: string;
  actor: string;
  body: string;
  data: string;
}
const eventFor = (messageId: string) =>
  t.store.sqlite
    .prepare(
      `SELECT h.id, h.case_id, c.number, h.occurred_at, h.summary, h.actor, h.body, h.data FROM mail_messages m
       JOIN history_events h ON h.id = m.event_id JOIN cases c ON c.id = h.case_id WHERE m.message_id = ?`,
    )
    .get(messageId) as EventRow | undefined;
const filesOf = (eventId: number) =>
  t.store.sqlite
    .prepare(
      `SELECT ea.file_name, coalesce(ea.media_type, a.media_type) AS media_type, a.content FROM event_attachments ea
       JOIN attachments a ON a.id = ea.attachment_id WHERE ea.event_id = ? ORDER BY ea.position`,
    )
    .all(eventId) as { file_name: string; media_type: string; content: Buffer }[];
const names = (eventId: number) => filesOf(eventId).map((f) => `${f.file_name} ${f.media_type}`).sort();

async function importOne(name: string, content: Buffer | string, options: Partial<Parameters<typeof importMail>[1]> = {}): Promise<MailImportReport> {
  const dir = join(t.dir, `in-${name}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, content);
  return importMail(ctx, { path: file, ...options });
}

beforeAll(async () => {
  t = await tempStore();
  ctx = { store: t.store, user: await sessionUser(t.store), now: () => NOW };
});
afterAll(async () => t.cleanup());

describe('bodies at any nesting', () => {
  it('HTML-only inside multipart/related inside multipart/mixed: the text is the body, the HTML and the inline image are kept', async () => {
    await importOne(
      'related.eml',
      crlf(`From: Eva Ek <eva@example.se>
Subject: Faktura
Message-ID: <related-1@example.se>
Date: Wed, 18 Nov 2026 09:00:00 +0100
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<html><body><p>Jag bestrider fakturan p=C3=A5 <b>1 200 kr</b>.</p><img src=3D"cid:logo@x"></body></html>
--rel
Content-Type: image/png
Content-ID: <logo@x>
Content-Transfer-Encoding: base64

${tiny}
--rel--
--outer
Content-Type: application/pdf; name="faktura.pdf"
Content-Disposition: attachment; filename="faktura.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--outer--
`),
    );
    const e = eventFor('<related-1@example.se>')!;
    expect(e.body).toBe('Jag bestrider fakturan på 1 200 kr.');
    const files = filesOf(e.id);
    expect(files.find((f) => f.file_name === 'message.html')!.content.toString('utf8')).toContain('<b>1 200 kr</b>');
    expect(files.find((f) => f.file_name === 'logo.png')).toMatchObject({ media_type: 'image/png' });
    expect(files.find((f) => f.file_name === 'faktura.pdf')!.content.toString('latin1')).toBe('%PDF-1.4\n');
  });

  it('alternative of plain and related HTML: the plain text is the body, the image of the HTML side is kept', async () => {
    await importOne(
      'alt.eml',
      crlf(`From: a@example.se
Subject: Alt
Message-ID: <alt-1@example.se>
Content-Type: multipart/alternative; boundary=b1

--b1
Content-Type: text/plain; charset=utf-8

Vanlig text.
--b1
Content-Type: multipart/related; boundary=b2

--b2
Content-Type: text/html

<p>HTML text.</p>
--b2
Content-Type: image/png; name=bild.png
Content-Transfer-Encoding: base64

${tiny}
--b2--
--b1--
`),
    );
    const e = eventFor('<alt-1@example.se>')!;
    expect(e.body).toBe('Vanlig text.');
    expect(names(e.id)).toEqual(expect.arrayContaining(['bild.png image/png', 'message.html text/html']));
  });

  it('a forwarded mail inside multipart/mixed: its text follows, its files join, the forwarded bytes are kept', async () => {
    const inner = crlf(`From: Kundtjanst <kund@handlare.se>
Subject: Svar
Date: Mon, 16 Nov 2026 08:00:00 +0100
Content-Type: multipart/mixed; boundary=in

--in
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Vi beklagar, =E4rendet =E4r avslutat.
--in
Content-Type: text/plain; name="logg.txt"
Content-Disposition: attachment; filename="logg.txt"

rad 1
--in--
`);
    await importOne(
      'fwd.eml',
      crlf(`From: b@example.se
Subject: Fwd: Svar
Message-ID: <fwd-1@example.se>
Content-Type: multipart/mixed; boundary=out

--out
Content-Type: text/plain

Se nedan.
--out
Content-Type: message/rfc822

${inner}
--out--
`),
    );
    const e = eventFor('<fwd-1@example.se>')!;
    expect(e.body).toContain('Se nedan.');
    expect(e.body).toContain('---------- Forwarded message ----------');
    expect(e.body).toContain('Vi beklagar, ärendet är avslutat.');
    const files = filesOf(e.id);
    expect(files.find((f) => f.file_name === 'logg.txt')).toMatchObject({ media_type: 'text/plain' });
    expect(files.find((f) => f.file_name === 'Svar.eml')!.content.toString('latin1')).toBe(inner);
  });

  it('named text and HTML parts are files with their names, not body text; `text` without a subtype is plain text', async () => {
    await importOne(
      'named.eml',
      crlf(`From: c@example.se
Subject: Loggar
Message-ID: <named-1@example.se>
Content-Type: multipart/mixed; boundary=m

--m
Content-Type: text

Huvudtexten.
--m
Content-Type: text/plain; name=Makefile

all:
\techo hej
--m
Content-Type: text/html; name="kvitto.html"
Content-Disposition: attachment; filename="kvitto.html"

<p>Kvitto</p>
--m--
`),
    );
    const e = eventFor('<named-1@example.se>')!;
    expect(e.body).toBe('Huvudtexten.');
    expect(names(e.id)).toEqual(expect.arrayContaining(['Makefile text/plain', 'kvitto.html text/html']));
    expect(names(e.id).some((n) => n.startsWith('message.html'))).toBe(false);
  });
});

describe('headers and charsets', () => {
  it('raw 8-bit inside an encoded word, in the subject and in a file name', async () => {
    await importOne(
      'eightbit.eml',
      bytes(
        crlf(`From: =?iso-8859-1?Q?J=F6rgen?= <j@example.se>
Subject: =?iso-8859-1?Q?Fr\\xf6sche?=
Message-ID: <eightbit-1@example.se>
Content-Type: multipart/mixed; boundary=x

--x
Content-Type: text/plain; charset=iso-8859-1

Gr\\xf6n.
--x
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="=?iso-8859-1?Q?r\\xe4kning.bin?="

x
--x--
`),
      ),
    );
    const e = eventFor('<eightbit-1@example.se>')!;
    expect(e.summary).toBe('Frösche');
    expect(e.actor).toBe('Jörgen <j@example.se>');
    expect(e.body).toBe('Grön.');
    expect(names(e.id)).toContain('räkning.bin application/octet-stream');
    expect(JSON.parse(e.data).charsetGuessed).toBeUndefined();
  });

  it('a mis-declared charset: declared, then UTF-8, then Windows-1252, and the event says it was a guess', async () => {
    await importOne(
      'misdeclared.eml',
      bytes(
        crlf(`From: d@example.se
Subject: =?us-ascii?Q?P=C3=A5minnelse?=
Message-ID: <mis-1@example.se>
Content-Type: text/plain; charset=us-ascii

Avgiften \\x80 12 \\x93orimlig\\x94.
`),
      ),
    );
    const e = eventFor('<mis-1@example.se>')!;
    expect(e.summary).toBe('Påminnelse');
    expect(e.body).toBe('Avgiften € 12 “orimlig”.');
    expect(JSON.parse(e.data).charsetGuessed).toBe(true);
  });

  it('other iconv charsets: a KOI8-R subject and body', async () => {
    await importOne('koi8.eml', bytes(crlf(`From: r@example.ru\nSubject: =?koi8-r?B?8NLJ18XU?=\nMessage-ID: <koi8-1@example.ru>\nContent-Type: text/plain; charset=koi8-r\n\n\\xf0\\xd2\\xc9\\xd7\\xc5\\xd4\n`)));
    const e = eventFor('<koi8-1@example.ru>')!;
    expect(e.summary).toBe('Привет');
    expect(e.body).toBe('Привет');
  });

  it('UTF-7 subject and body; an RFC 2231 file name in parts', async () => {
    await importOne(
      'utf7.eml',
      crlf(`From: e@example.se
Subject: =?utf-7?Q?Fr+APY-sche?=
Message-ID: <utf7-1@example.se>
Content-Type: multipart/mixed; boundary=u

--u
Content-Type: text/plain; charset=utf-7

Gr+APY-n och +AOU-tta.
--u
Content-Type: application/pdf
Content-Disposition: attachment; filename*0*=utf-8''avtal%20f%C3%B6r%20;
 filename*1*=%C3%A5r%202026.pdf

%PDF
--u--
`),
    );
    const e = eventFor('<utf7-1@example.se>')!;
    expect(e.summary).toBe('Frösche');
    expect(e.body).toBe('Grön och åtta.');
    expect(names(e.id)).toContain('avtal för år 2026.pdf application/pdf');
  });
});

describe('received time and the case number', () => {
  it('a Date in the year 3609 is kept but the mail was received at import; the case is of the import year', async () => {
    const r = await importOne('future.eml', crlf(`From: f@example.se\nSubject: Framtid\nMessage-ID: <future-1@example.se>\nDate: Sat, 30 Jun 3609 10:00:00 +0000\n\nText.\n`));
    expect(r.newCases).toBe(1);
    const e = eventFor('<future-1@example.se>')!;
    expect(e.occurred_at).toBe(NOW.toISOString());
    expect(e.number).toMatch(/^KO-2026-/);
    expect(JSON.parse(e.data)).toMatchObject({ dateHeader: 'Sat, 30 Jun 3609 10:00:00 +0000', receivedFrom: 'import' });
    expect(t.store.sqlite.prepare('SELECT received_at FROM cases WHERE id = ?').get(e.case_id)).toEqual({ received_at: NOW.toISOString() });
  });

  it('a Date before the store’s oldest case is not believed; a plausible one is', async () => {
    await importOne('old.eml', crlf(`From: g@example.se\nSubject: Gammal\nMessage-ID: <old-1@example.se>\nDate: Mon, 1 Jan 1996 10:00:00 +0000\n\nText.\n`));
    expect(eventFor('<old-1@example.se>')!.number).toMatch(/^KO-2026-/);
    // The store's oldest case is the first of this file (Date 2026-11-18, plausible in an empty store).
    await importOne('fine.eml', crlf(`From: h@example.se\nSubject: Rimlig\nMessage-ID: <fine-1@example.se>\nDate: Fri, 20 Nov 2026 08:30:00 +0100\n\nText.\n`));
    expect(eventFor('<fine-1@example.se>')!.occurred_at).toBe('2026-11-20T07:30:00.000Z');
    expect(JSON.parse(eventFor('<fine-1@example.se>')!.data)).toMatchObject({ receivedFrom: 'date' });
    await importOne('later.eml', crlf(`From: h@example.se\nSubject: Rimlig\nMessage-ID: <later-1@example.se>\nDate: Fri, 20 Nov 2026 11:05:00 +0100\n\nText.\n`));
    expect(eventFor('<later-1@example.se>')!).toMatchObject({ occurred_at: '2026-11-20T10:05:00.000Z' });
  });

  it('an mbox envelope time decides when the Date header is implausible', async () => {
    await importOne('env.mbox', `From x@example.se Fri Nov 20 09:45:00 2026\nFrom: x@example.se\nSubject: Kuvert\nMessage-ID: <env-1@example.se>\nDate: Sat, 30 Jun 3609 10:00:00 +0000\n\nText.\n\n`);
    expect(JSON.parse(eventFor('<env-1@example.se>')!.data)).toMatchObject({ receivedFrom: 'envelope' });
    expect(eventFor('<env-1@example.se>')!.occurred_at).toBe('2026-11-20T09:45:00.000Z');
  });
});

describe('mbox', () => {
  it('an unescaped From line in a body splits nothing; a BOM; CRLF; >From quoting; the exact bytes are stored', async () => {
    const first = 'From: i@example.se\r\nSubject: Ett\r\nMessage-ID: <mbox-a@example.se>\r\n\r\nRad ett.\r\n\r\nFrom here on it gets worse.\r\n>From the start.\r\n>>From quoted twice.\r\n';
    const second = 'From: j@example.se\r\nSubject: Tva\r\nMessage-ID: <mbox-b@example.se>\r\n\r\nRad tva.\r\n';
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`From i@example.se Thu Nov 19 10:00:00 2026\r\n${first.replace('>From the start', '>>From the start').replace('>>From quoted', '>>>From quoted')}\r\nFrom j@example.se Thu Nov 19 11:00:00 2026\r\n${second}\r\n\r\n`, 'latin1'),
    ]);
    const r = await importOne('box', file);
    expect(r).toMatchObject({ messages: 2, newCases: 2, rejected: 0 });
    const a = eventFor('<mbox-a@example.se>')!;
    expect(a.body).toBe('Rad ett.\n\nFrom here on it gets worse.\n>From the start.\n>>From quoted twice.');
    const rawA = filesOf(a.id).find((f) => f.media_type === 'message/rfc822')!;
    expect(rawA.content.toString('latin1')).toBe(first);
    const rawB = filesOf(eventFor('<mbox-b@example.se>')!.id).find((f) => f.media_type === 'message/rfc822')!;
    expect(rawB.content.toString('latin1')).toBe(`${second}\r\n`);
    expect(t.store.sqlite.prepare(`SELECT count(*) AS n FROM cases WHERE summary = '(no subject)'`).get()).toEqual({ n: 0 });
  });
});

describe('one bad message never stops the others', () => {
  it('a 2 MB header line fails that message only, with its file and reason; the others are taken', async () => {
    const dir = join(t.dir, 'mixed-batch');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-good.eml'), crlf(`From: k@example.se\nSubject: Bra\nMessage-ID: <batch-good@example.se>\n\nText.\n`));
    writeFileSync(join(dir, 'b-huge.eml'), `From: k@example.se\r\nX-Junk: ${'x'.repeat(2 * 1024 * 1024)}\r\nSubject: Stor\r\n\r\nText.\r\n`);
    writeFileSync(join(dir, 'c-good.eml'), crlf(`From: l@example.se\nSubject: Bra igen\nMessage-ID: <batch-good2@example.se>\n\nText.\n`));
    const r = await importMail(ctx, { path: dir });
    expect(r).toMatchObject({ messages: 3, newCases: 2, rejected: 1 });
    const bad = r.outcomes.find((o) => o.result === 'rejected')!;
    expect(bad.origin).toBe('b-huge.eml');
    expect(bad.problem).toMatch(/header is larger than the limit of 262144 bytes \(setting import\.maxHeaderBytes\)/);
    expect(eventFor('<batch-good2@example.se>')).toBeDefined();
  });

  it('the attachment limit names the file', async () => {
    const r = await importOne('big.eml', crlf(`From: m@example.se\nSubject: Stor bilaga\nMessage-ID: <big-att@example.se>\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/plain\n\nSe bilaga.\n--z\nContent-Type: application/zip; name="../../arkiv.zip"\n\n${'y'.repeat(4000)}\n--z--\n`), { maxAttachmentBytes: 100_000 });
    expect(r.newCases).toBe(1);
    const r2 = await importOne('big2.eml', crlf(`From: m@example.se\nSubject: Stor bilaga\nMessage-ID: <big-att-2@example.se>\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/plain\n\nSe bilaga.\n--z\nContent-Type: application/zip; name="../../arkiv.zip"\n\n${'y'.repeat(4000)}\n--z--\n`), { maxAttachmentBytes: 3000 });
    expect(r2.outcomes[0]!.problem).toMatch(/^attachment "(arkiv\.zip|Stor bilaga\.eml)" is \d+ bytes, above the limit of 3000 bytes/);
  });
});

describe('attachments', () => {
  it('the media type belongs to the link: an empty file is not a message/rfc822 because an empty message had its hash', async () => {
    await importOne('empties.eml', crlf(`From: n@example.se\nSubject: Tomma\nMessage-ID: <empty-1@example.se>\nContent-Type: multipart/mixed; boundary=e\n\n--e\nContent-Type: text/plain\n\nTva tomma filer.\n--e\nContent-Type: message/rfc822; name=tomt.eml\n\n\n--e\nContent-Type: application/vnd.ms-excel; name=tomt.xls\n\n\n--e--\n`));
    const e = eventFor('<empty-1@example.se>')!;
    expect(names(e.id)).toEqual(expect.arrayContaining(['tomt.xls application/vnd.ms-excel']));
  });

  it('a file name is stored as sent (path parts and bidi controls included)', async () => {
    await importOne('evil.eml', crlf(`From: o@example.se\nSubject: Namn\nMessage-ID: <evil-1@example.se>\nContent-Type: multipart/mixed; boundary=v\n\n--v\nContent-Type: text/plain\n\nSe filerna.\n--v\nContent-Type: application/octet-stream; name="../../evil.sh"\n\nx\n--v\nContent-Type: application/octet-stream; name="invoice\u202Efdp.exe"\n\ny\n--v--\n`));
    const e = eventFor('<evil-1@example.se>')!;
    expect(filesOf(e.id).map((f) => f.file_name)).toEqual(expect.arrayContaining(['../../evil.sh', 'invoice\u202Efdp.exe']));
  });
});
