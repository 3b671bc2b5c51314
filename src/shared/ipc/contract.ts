import { z } from 'zod';
import {
  caseHeaderSchema,
  caseListRowSchema,
  caseStatusSchema,
  categorySchema,
  roleSchema,
} from '../domain/case';
import { historyEventSchema } from '../domain/history';
import { marketSchema } from '../domain/market';
import type { Channel } from './channels';

const idSchema = z.number().int().positive();

/** Columns the inbox can sort by. Each has an index in the store. */
export const CASE_SORTS = ['received', 'number', 'customer', 'status', 'market', 'category'] as const;

export const caseListInputSchema = z
  .object({
    status: z.array(caseStatusSchema).max(10).optional(),
    market: marketSchema.optional(),
    category: categorySchema.optional(),
    assigneeId: idSchema.nullable().optional(),
    sort: z.enum(CASE_SORTS).default('received'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type CaseListInput = z.input<typeof caseListInputSchema>;

const emptyInput = z.object({}).strict();

/**
 * Every channel between renderer and main: its input schema (validated in main, the renderer is
 * untrusted) and its output schema (the shape the renderer may rely on).
 */
export const contract = {
  /** Schema version and counts of the open store. */
  'app:info': {
    input: emptyInput,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      storePath: z.string(),
      counts: z.object({
        cases: z.number().int(),
        events: z.number().int(),
        customers: z.number().int(),
        merchants: z.number().int(),
        attachments: z.number().int(),
        users: z.number().int(),
      }),
    }),
  },
  /** The signed-in user. */
  'session:get': {
    input: emptyInput,
    output: z.object({ id: idSchema, name: z.string(), role: roleSchema }),
  },
  /** One page of the inbox with the total for the same filter. */
  'cases:list': {
    input: caseListInputSchema,
    output: z.object({ rows: z.array(caseListRowSchema), total: z.number().int() }),
  },
  /** Everything the case view needs: header, purchases, claims and the full history oldest first. */
  'cases:get': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ header: caseHeaderSchema, events: z.array(historyEventSchema) }),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
