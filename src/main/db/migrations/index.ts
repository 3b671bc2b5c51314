import type { Kysely } from 'kysely';
import { up as up0001 } from './0001-core';
import { up as up0002 } from './0002-search';
import { up as up0003 } from './0003-review';
import { up as up0004 } from './0004-due-sort';
import { up as up0005 } from './0005-list-sorts';
import { up as up0006 } from './0006-authority-matters';
import { up as up0007 } from './0007-import';
import { up as up0008 } from './0008-trust';
import { up as up0009 } from './0009-scale';
import { up as up0010 } from './0010-decisions';
import { up as up0011 } from './0011-template-retire';
import { up as up0012 } from './0012-zero-complaints';
import { up as up0013 } from './0013-arn-responses';
import { up as up0014 } from './0014-due-window';
import { up as up0015 } from './0015-mail-attachments';
import { up as up0016 } from './0016-claimed-by-currency';
import { up as up0017 } from './0017-revisions';

export interface Migration {
  version: number;
  name: string;
  up: (db: Kysely<any>) => Promise<void>;
}

/** Every schema step in order. The store's `PRAGMA user_version` says how many have run. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core', up: up0001 },
  { version: 2, name: 'search', up: up0002 },
  { version: 3, name: 'review', up: up0003 },
  { version: 4, name: 'due-sort', up: up0004 },
  { version: 5, name: 'list-sorts', up: up0005 },
  { version: 6, name: 'authority-matters', up: up0006 },
  { version: 7, name: 'import', up: up0007 },
  { version: 8, name: 'trust', up: up0008 },
  { version: 9, name: 'scale', up: up0009 },
  { version: 10, name: 'decisions', up: up0010 },
  { version: 11, name: 'template-retire', up: up0011 },
  { version: 12, name: 'zero-complaints', up: up0012 },
  { version: 13, name: 'arn-responses', up: up0013 },
  { version: 14, name: 'due-window', up: up0014 },
  { version: 15, name: 'mail-attachments', up: up0015 },
  { version: 16, name: 'claimed-by-currency', up: up0016 },
  { version: 17, name: 'revisions', up: up0017 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
