/**
 * The checks every request passes where it arrives on the Node side (zod), beside the contract
 * they check (api.ts). Each schema's output is the contract's request type, so the two cannot
 * drift apart. The UI never imports this file: it would only bundle zod for nothing.
 */
import { z } from 'zod';
import type { Method, RequestOf } from './api';
import { BULK_FIELDS, CHUNK_ITEMS } from './wire';
import { errorText } from './errors';

/** The most messages one request may carry: Excel's whole sheet, twice over. */
export const MAX_MESSAGES = 2_100_000;

const path = z.string().min(1, 'a file path is needed').max(4096);
const id = z.string().min(1).max(100);

function hasFolderOrControl(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x2f || c === 0x5c) return true;
  }
  return false;
}

/** A file name, on the server or on disk: no folder, no control character (FTP commands end at CR LF). */
export const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !hasFolderOrControl(name), 'a file name, without a folder');

// Bounds well above what the server accepts: core's writer names what is too long as a problem
// of its row; these only keep a request's size sane.
export const OutgoingMessageSchema = z.strictObject({
  msisdn: z.string().max(256),
  message: z.string().max(10_000),
  sender: z.string().max(256).optional(),
  class: z.string().max(256).optional(),
  userref: z.string().max(4096).optional(),
});

export const ExportOptionsSchema = z.strictObject({
  baseName: z.string().min(1).max(1000),
  format: z.enum(['standard', 'excel']).optional(),
  encoding: z.enum(['auto', 'utf8', 'cp1252']).optional(),
  rowsPerFile: z.number().int().min(1).max(MAX_MESSAGES).optional(),
});

const messages = z.array(OutgoingMessageSchema).max(MAX_MESSAGES);

const sendFields = {
  profile: id,
  files: ExportOptionsSchema,
  messages,
  spreadsheet: z.string().min(1).max(1000).optional(),
  test: z.boolean().optional(),
  again: z.boolean().optional(),
};

/** A price: a sane amount of money per SMS part, never negative. */
const price = z.number().finite().min(0).max(1_000_000);

export const PricesSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'a currency code of three letters, like DKK'),
  perPart: price,
  byCountry: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[1-9]\d{0,3}$/, 'a country calling code, like 45'),
        perPart: price,
      }),
    )
    .max(300),
});

export const SettingsUpdateSchema = z.strictObject({
  setup: z.enum(['practice', 'provider']).nullable().optional(),
  profile: id.optional(),
  prices: PricesSchema.nullable().optional(),
  ownNumber: z
    .string()
    .regex(/^(|[1-9]\d{7,14})$/, 'a number with its country code, digits only')
    .optional(),
});

export const REQUEST_SCHEMAS = {
  prepareSend: z.strictObject(sendFields),
  sendPrepared: z.strictObject({ prepared: id, again: z.boolean().optional() }),
  send: z.strictObject(sendFields),
  cancel: z.strictObject({ batch: id }),
  retry: z.strictObject({ batch: id }),
  exportMessages: z.strictObject({ files: ExportOptionsSchema, messages, folder: path }),
  batches: z.strictObject({}),
  follow: z.strictObject({ batch: id }),
  history: z.strictObject({}),
  clearHistory: z.strictObject({}),
  profiles: z.strictObject({}),
  updateProfile: z.strictObject({
    profile: id,
    user: z.string().min(1).max(200).optional(),
    password: z.string().min(1).max(1000).optional(),
  }),
  testConnection: z.strictObject({ profile: id }),
  settings: z.strictObject({}),
  updateSettings: SettingsUpdateSchema,
} satisfies { [M in Method]: z.ZodType<RequestOf<M>> };

export type Validated<M extends Method> =
  { ok: true; request: RequestOf<M> } | { ok: false; reason: string };

function reasonsOf(error: z.ZodError, offset = 0, field = ''): string {
  return error.issues
    .map((issue) => {
      const at = [...issue.path];
      if (field !== '' && typeof at[0] === 'number') at[0] = `${field}.${at[0] + offset}`;
      return `${at.length > 0 ? `${at.join('.')}: ` : ''}${issue.message}`;
    })
    .join('; ');
}

/** Checks a request against its method's schema; the reason names each field that is wrong. */
export function validateRequest<M extends Method>(method: M, body: unknown): Validated<M> {
  const result = REQUEST_SCHEMAS[method].safeParse(body ?? {});
  if (result.success) return { ok: true, request: result.data as RequestOf<M> };
  return { ok: false, reason: `Bad request to ${method}: ${reasonsOf(result.error)}` };
}

const noPause = async () => {};

interface BulkParts {
  head: z.ZodType<Record<string, unknown>>;
  chunk: z.ZodType<unknown[]>;
}

const bulkCache = new Map<Method, BulkParts>();

/** A bulk method's schema in two: the request without its bulk field, and one chunk of items. */
function bulkParts(method: Method, field: string): BulkParts {
  const cached = bulkCache.get(method);
  if (cached) return cached;
  const schema = REQUEST_SCHEMAS[method] as z.ZodObject;
  const items = schema.shape[field] as z.ZodArray;
  const rest = Object.fromEntries(Object.entries(schema.shape).filter(([key]) => key !== field));
  const parts: BulkParts = {
    head: z.strictObject(rest),
    chunk: z.array(items.element).max(CHUNK_ITEMS),
  };
  bulkCache.set(method, parts);
  return parts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a request from its lines (wire.ts) as they arrive, checking each chunk of a bulk field
 * on its own and calling `pause` between chunks, so a large request never holds the process.
 * A single JSON value (the whole request, any bulk field inline) is read as well.
 */
export async function decodeRequest<M extends Method>(
  method: M,
  lines: Iterable<string> | AsyncIterable<string>,
  pause: () => Promise<void> = noPause,
): Promise<Validated<M>> {
  const fail = (why: string): Validated<M> => ({
    ok: false,
    reason: `Bad request to ${method}: ${why}`,
  });
  const field = BULK_FIELDS[method];
  let head: unknown = undefined;
  /** The items the first line announced; -1 when the request came whole. */
  let expected = -1;
  const items: unknown[] = [];
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return fail(`line ${number} is not JSON (${errorText(error)}).`);
    }
    if (head === undefined) {
      head = value;
      const count = field !== undefined && isRecord(value) ? value[field] : undefined;
      if (typeof count === 'number') {
        if (!Number.isInteger(count) || count < 0 || count > MAX_MESSAGES)
          return fail(`${field}: a count from 0 to ${MAX_MESSAGES} is expected, not ${count}.`);
        expected = count;
      }
      continue;
    }
    if (field === undefined || expected < 0)
      return fail(`one JSON value was expected; line ${number} is another.`);
    const chunk = bulkParts(method, field).chunk.safeParse(value);
    if (!chunk.success) return fail(reasonsOf(chunk.error, items.length, field));
    if (items.length + chunk.data.length > expected)
      return fail(`${field}: more than the ${expected} announced.`);
    for (const item of chunk.data) items.push(item);
    await pause();
  }
  if (field === undefined || expected < 0) return validateRequest(method, head);
  if (items.length !== expected)
    return fail(`${field}: ${expected} announced, ${items.length} came.`);
  const rest = Object.fromEntries(
    Object.entries(head as Record<string, unknown>).filter(([key]) => key !== field),
  );
  const checked = bulkParts(method, field).head.safeParse(rest);
  if (!checked.success) return fail(reasonsOf(checked.error));
  return { ok: true, request: { ...checked.data, [field]: items } as RequestOf<M> };
}
