// The action's records as stored in the bucket (the ledger, owed invalidations), read back with every field
// checked. A damaged record is never half-used: it fails the run before any write with one line that names it,
// what is wrong and how to recover; a record written by a newer version of the action is never overwritten by an
// older format. Pure.
import type { DeployEntry, DeployState, LearnedShape, PendingDeletion, ServedHeaders, StateEntry } from './data.js';

/** The newest ledger format this version reads and writes. */
export const LEDGER_VERSION = 3;
/** The newest owed-record format this version reads and writes. */
export const OWED_VERSION = 2;

/** A record that cannot be used as it is. `message` is the whole story (key, what is wrong, how to recover). */
export class RecordError extends Error {
  override readonly name = 'RecordError';
}

type Check = (v: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => (typeof v === 'string' ? null : 'not a string');
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'not a number');

function listOf(check: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return 'not a list';
    for (let i = 0; i < v.length; i++) {
      const bad = check(v[i]);
      if (bad) return `item ${i} is ${bad}`;
    }
    return null;
  };
}

function mapOf(check: Check): Check {
  return (v) => {
    if (!isObject(v)) return 'not an object';
    for (const [k, x] of Object.entries(v)) {
      const bad = check(x);
      if (bad) return `${JSON.stringify(k)} is ${bad}`;
    }
    return null;
  };
}

function shape(fields: Record<string, Check>): Check {
  return (v) => {
    if (!isObject(v)) return 'not an object';
    for (const [name, check] of Object.entries(fields)) {
      const bad = check(v[name]);
      if (bad) return `an object whose '${name}' is ${bad}`;
    }
    return null;
  };
}

const stateEntry: Check = (v) => {
  if (!Array.isArray(v) || v.length < 3 || v.length > 4) return 'not a [etag, md5, headersHash(, readingHash)] list';
  return v.every((x) => typeof x === 'string') ? null : 'a list holding something other than text';
};

const servedTuple: Check = (v) => {
  if (!Array.isArray(v) || v.length !== 4) return 'not a [md5, size, headers, fingerprinted] list';
  const [md5, size, headers, fp] = v as unknown[];
  const whole = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  return typeof md5 === 'string' && whole(size) && whole(headers) && (fp === 0 || fp === 1) ? null : 'a list of the wrong kinds';
};

/** Optional fields: checked only when present. */
function optional(fields: Record<string, Check>): Check {
  return (v) => {
    if (!isObject(v)) return 'not an object';
    for (const [name, check] of Object.entries(fields)) {
      if (v[name] === undefined) continue;
      const bad = check(v[name]);
      if (bad) return `an object whose '${name}' is ${bad}`;
    }
    return null;
  };
}

const deployEntry: Check = (v) =>
  shape({ sha: str, runId: str, time: str })(v) ??
  optional({ id: num, rollbackOf: num, site: optional({ full: mapOf(servedTuple), set: mapOf(servedTuple), gone: listOf(str) }) })(v);

const LEDGER_FIELDS: Record<string, Check> = {
  objects: mapOf(stateEntry),
  demoted: listOf(str),
  shapes: listOf(shape({ dir: str, before: str, after: str, alphabet: str, length: num })),
  pending: mapOf(shape({ since: num, size: num })),
  deploys: listOf(deployEntry),
  tags: shape({ meta: str, objects: mapOf(str) }),
  headerSets: listOf(shape({ contentType: str, cacheControl: str })),
  saved: mapOf(mapOf(num)),
};

/** What to tell the owner: where the record is (as it may be shown) and how to get going again. */
export interface RecordContext {
  /** The record's location as it may be printed (the records folder's random name hidden). */
  shown: string;
}

function damaged(ctx: RecordContext, what: string, recovery: string): RecordError {
  return new RecordError(`The action's record ${ctx.shown} is damaged: ${what}. Nothing was written. ${recovery}`);
}

const LEDGER_RECOVERY =
  'To recover, delete that object (list the prefix with your own credentials to find its folder): the next run rebuilds ' +
  'the ledger from the bucket (one HEAD per object it cannot match), forgetting its demotions and deploy history.';

/** Newer than this version can read: never overwritten, never half-read. */
function newer(ctx: RecordContext, kind: string, version: number, supported: number): RecordError {
  return new RecordError(
    `The action's ${kind} ${ctx.shown} was written by a newer version of s3-cloudfront-deploy (format ${version}; this ` +
      `version reads up to ${supported}). Nothing was written. Use the newer version of the action (or later) for this bucket.`,
  );
}

/** A record's text as a JSON object, or the RecordError that says it is not one. */
function jsonObject(body: string, ctx: RecordContext, recovery: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch (err) {
    throw damaged(ctx, `not JSON (${(err as Error).message})`, recovery);
  }
  if (!isObject(v)) throw damaged(ctx, 'not a JSON object', recovery);
  return v;
}

/** The ledger from its stored text: every field checked. Throws RecordError. */
export function parseLedger(body: string, ctx: RecordContext): DeployState {
  return ledgerFromJson(jsonObject(body, ctx, LEDGER_RECOVERY), ctx);
}

/** The RecordError of a ledger whose text is not JSON (`message`: the parser's). */
export function ledgerNotJson(ctx: RecordContext, message: string): RecordError {
  return damaged(ctx, `not JSON (${message})`, LEDGER_RECOVERY);
}

/** The ledger from its parsed JSON value (read as it arrived): every field checked. Throws RecordError. */
export function ledgerFromJson(v: unknown, ctx: RecordContext): DeployState {
  if (!isObject(v)) throw damaged(ctx, 'not a JSON object', LEDGER_RECOVERY);
  const version = v.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw damaged(ctx, `'version' is ${JSON.stringify(version) ?? 'missing'}`, LEDGER_RECOVERY);
  }
  if (version > LEDGER_VERSION) throw newer(ctx, 'ledger', version, LEDGER_VERSION);
  for (const [name, check] of Object.entries(LEDGER_FIELDS)) {
    if (v[name] === undefined && name !== 'objects') continue;
    const bad = check(v[name]);
    if (bad) throw damaged(ctx, `'${name}' is ${v[name] === undefined ? 'missing' : bad}`, LEDGER_RECOVERY);
  }
  return {
    version: version as 1 | 2 | 3,
    objects: v.objects as Record<string, StateEntry>,
    ...(v.demoted !== undefined ? { demoted: v.demoted as string[] } : {}),
    ...(v.shapes !== undefined ? { shapes: v.shapes as LearnedShape[] } : {}),
    ...(v.pending !== undefined ? { pending: v.pending as Record<string, PendingDeletion> } : {}),
    ...(v.deploys !== undefined ? { deploys: v.deploys as DeployEntry[] } : {}),
    ...(v.tags !== undefined ? { tags: v.tags as NonNullable<DeployState['tags']> } : {}),
    ...(v.headerSets !== undefined ? { headerSets: v.headerSets as ServedHeaders[] } : {}),
    ...(v.saved !== undefined ? { saved: v.saved as Record<string, Record<string, number>> } : {}),
  };
}

/** How far the run that wrote an owed record had got. */
export type OwedStage = 'before-writes' | 'complete';

/** An owed record as stored (the key and ETag come from the store). */
export interface StoredOwed {
  distributionId: string;
  paths: string[];
  note?: string;
  /** `invalidate: defer`: the record is the shard's hand-over to a consolidating job. */
  deferred?: boolean;
  /** Absent in records of earlier versions. */
  stage?: OwedStage;
}

const OWED_RECOVERY =
  'To recover, invalidate the paths it owed (or /*) once by hand, then delete that object (list the prefix with your own ' +
  'credentials to find its folder).';

/** An owed record from its stored text: every field checked. Throws RecordError. */
export function parseOwed(body: string, ctx: RecordContext): StoredOwed {
  const v = jsonObject(body, ctx, OWED_RECOVERY);
  if (v.version !== undefined) {
    if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
      throw damaged(ctx, `'version' is ${JSON.stringify(v.version)}`, OWED_RECOVERY);
    }
    if (v.version > OWED_VERSION) throw newer(ctx, 'owed-invalidation record', v.version, OWED_VERSION);
  }
  const checks: [string, Check, boolean][] = [
    ['distributionId', str, true],
    ['paths', listOf(str), true],
    ['note', str, false],
    ['deferred', (x) => (typeof x === 'boolean' ? null : 'not true or false'), false],
    ['stage', (x) => (x === 'before-writes' || x === 'complete' ? null : 'not before-writes or complete'), false],
  ];
  for (const [name, check, required] of checks) {
    if (v[name] === undefined && !required) continue;
    const bad = v[name] === undefined ? 'missing' : check(v[name]);
    if (bad) throw damaged(ctx, `'${name}' is ${bad}`, OWED_RECOVERY);
  }
  const paths = v.paths as string[];
  // A path starts with '/'; a cache tag item (`#<tag>`) is owed as it was planned.
  const bad = paths.find((p) => !p.startsWith('/') && !p.startsWith('#'));
  if (bad !== undefined) throw damaged(ctx, `path ${JSON.stringify(bad)} does not start with '/' (or '#' for a cache tag)`, OWED_RECOVERY);
  return {
    distributionId: v.distributionId as string,
    paths,
    ...(typeof v.note === 'string' ? { note: v.note } : {}),
    ...(typeof v.deferred === 'boolean' ? { deferred: v.deferred } : {}),
    ...(v.stage !== undefined ? { stage: v.stage as OwedStage } : {}),
  };
}
