// In-memory implementations of the ports (src/model/ports.ts), so the whole pipeline runs in-process in
// milliseconds: an S3-like object store, a CloudFront-like invalidation API, a clock and a log. Plus
// pipelineRun(), which runs run() on them the way GitHub would (inputs, GITHUB_OUTPUT, report path).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run, type Deps } from '../../src/main.js';
import type { RemoteObject } from '../../src/model/data.js';
import type { Annotation, Cdn, Clock, Log, ObjectStore, StreamedBody, UploadHeaders } from '../../src/model/ports.js';
import { headersFromHead } from '../../src/plan/headers.js';
import { gzipDeterministic } from '../../src/plan/gzip.js';
import { parseOutputs } from './harness.js';
import type { ReportJson } from '../../src/report/report.js';

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

// ---- the object store ----

export interface StoredObject {
  body: Buffer;
  /** Hex MD5 of the body (a single-part upload's ETag), unquoted. */
  etag: string;
  size: number;
  /** Every header the object was written with (an upload's, without its metadata; seeded: octet-stream, no cache). */
  headers: UploadHeaders;
  /** User metadata (the action stores the content MD5 as `s3cfd-md5`), keys lower-case. */
  metadata: Record<string, string>;
}

export type StoreOp = 'list' | 'head' | 'storedMd5' | 'upload' | 'copy' | 'deleteKeys' | 'getText' | 'putText' | 'etagOf' | 'deleteKey';

export interface MemoryStore extends ObjectStore {
  objects: Map<string, StoredObject>;
  /** Every request in the order it was made; deleteKeys logs one entry per key, list logs the prefix. */
  ops: { op: StoreOp; key: string }[];
  /** Fault injection: return an Error to make that request fail (checked before the request does anything). */
  fail: ((op: StoreOp, key: string) => Error | undefined) | null;
  /** Puts an object directly (as another tool would), without logging an op. */
  seed(
    key: string,
    body: string | Buffer,
    opts?: { metadata?: Record<string, string>; etag?: string; headers?: Partial<UploadHeaders> },
  ): void;
  /** Sorted keys. */
  keys(): string[];
  /** The body of `key` as UTF-8 (throws when absent). */
  text(key: string): string;
  /** The ops of one kind, as keys. */
  opsOf(op: StoreOp): string[];
  /** Clears the op log. */
  resetOps(): void;
}

export const MD5_META = 's3cfd-md5';

/** A log shared by a store and a CDN, so a test sees the order of writes across both: `store.upload a.css`, `cdn.create E1..`. */
export type Timeline = string[];

export function memoryStore(opts: { timeline?: Timeline } = {}): MemoryStore {
  const objects = new Map<string, StoredObject>();
  const ops: { op: StoreOp; key: string }[] = [];
  const store: MemoryStore = {
    objects,
    ops,
    fail: null,
    seed(key, body, opts = {}) {
      const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
      objects.set(key, {
        body: buf,
        etag: opts.etag ?? md5(buf),
        size: buf.length,
        headers: { contentType: 'application/octet-stream', cacheControl: '', ...opts.headers },
        metadata: lowerKeys(opts.metadata ?? {}),
      });
    },
    keys: () => [...objects.keys()].sort(),
    text(key) {
      const o = objects.get(key);
      if (!o) throw new Error(`no object ${key}`);
      return o.body.toString('utf8');
    },
    opsOf: (op) => ops.filter((o) => o.op === op).map((o) => o.key),
    resetOps: () => void ops.splice(0),

    async list(prefix) {
      request('list', prefix);
      // S3 lists in UTF-8 binary order of the keys.
      return [...objects.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
        .map(([key, o]): RemoteObject => ({ key, etag: o.etag, size: o.size }));
    },
    async head(key) {
      request('head', key);
      const o = objects.get(key);
      if (!o) return null;
      const { metadata: _given, ...fixed } = o.headers;
      const headers = headersFromHead({ ...fixed, metadata: o.metadata });
      const stored = o.metadata[MD5_META];
      return stored === undefined || stored === '' ? { headers } : { md5: stored, headers };
    },
    async storedMd5(key) {
      request('storedMd5', key);
      return objects.get(key)?.metadata[MD5_META];
    },
    async upload(key, absPath, size, contentMd5, headers, uploadOpts) {
      request('upload', key);
      const file = await fsp.readFile(absPath);
      // With gzip the object is the compressed bytes; size and MD5 are theirs.
      const body = uploadOpts?.gzip ? gzipDeterministic(file) : file;
      // S3 checks Content-MD5 and the declared length, as the real adapter sends them.
      if (md5(body) !== contentMd5) throw named('BadDigest', `The Content-MD5 you specified did not match what we received (${key})`);
      if (body.length !== size) throw named('IncompleteBody', `declared ${size} bytes, got ${body.length} (${key})`);
      const etag = md5(body);
      objects.set(key, {
        body,
        etag,
        size,
        headers: { ...withoutMetadata(headers) },
        // User metadata merged with the action's content MD5, which wins.
        metadata: { ...lowerKeys(headers.metadata ?? {}), [MD5_META]: contentMd5 },
      });
      return etag;
    },
    async deleteKeys(keys) {
      const deleted: string[] = [];
      const failed: { key: string; message: string }[] = [];
      for (const key of keys) {
        ops.push({ op: 'deleteKeys', key });
        opts.timeline?.push(`store.deleteKeys ${key}`);
        const err = store.fail?.('deleteKeys', key);
        if (err) {
          failed.push({ key, message: err.message });
          continue;
        }
        objects.delete(key); // a missing key counts as deleted, as in S3
        deleted.push(key);
      }
      return { deleted, failed };
    },
    async copy(sourceKey, destKey, copyOpts) {
      // Logged under the destination key, as `copy <source> -> <dest>` in the timeline.
      ops.push({ op: 'copy', key: destKey });
      opts.timeline?.push(`store.copy ${sourceKey} -> ${destKey}`);
      const err = store.fail?.('copy', destKey);
      if (err) throw err;
      const src = objects.get(sourceKey);
      if (!src) throw named('NoSuchKey', `The specified key does not exist (${sourceKey})`);
      if (src.size !== copyOpts.size) throw new Error(`copy of ${sourceKey}: size ${copyOpts.size} given, ${src.size} stored`);
      const etag = md5(src.body);
      // COPY keeps the source's headers and metadata; REPLACE sets exactly the given ones with the content MD5.
      const replace = copyOpts.replace;
      objects.set(destKey, {
        body: src.body,
        etag,
        size: src.size,
        headers: replace ? withoutMetadata(replace.headers) : { ...src.headers },
        metadata: replace ? { ...lowerKeys(replace.headers.metadata ?? {}), [MD5_META]: replace.md5 } : { ...src.metadata },
      });
      return etag;
    },
    async getText(key) {
      request('getText', key);
      const o = objects.get(key);
      return o ? { body: o.body.toString('utf8'), etag: o.etag } : null;
    },
    async putText(key, body, condition) {
      request('putText', key);
      // S3 conditional writes: If-None-Match '*' fails when the key exists, If-Match when it is missing or its
      // ETag differs (S3 says 404 for a missing key; the adapter turns either into PreconditionFailed).
      const cur = objects.get(key);
      if (condition && 'ifNoneMatch' in condition && cur) {
        throw named('PreconditionFailed', `At least one of the pre-conditions you specified did not hold (If-None-Match, ${key})`);
      }
      if (condition && 'ifMatch' in condition && (!cur || cur.etag !== unquote(condition.ifMatch))) {
        throw named('PreconditionFailed', `At least one of the pre-conditions you specified did not hold (If-Match, ${key})`);
      }
      const buf = bodyBytes(body);
      const etag = md5(buf);
      objects.set(key, {
        body: buf,
        etag,
        size: buf.length,
        headers: { contentType: 'application/json', cacheControl: 'no-store' },
        metadata: {},
      });
      return etag;
    },
    async etagOf(key) {
      request('etagOf', key);
      return objects.get(key)?.etag ?? null;
    },
    async deleteKey(key, condition) {
      request('deleteKey', key);
      const cur = objects.get(key);
      if (condition && cur && cur.etag !== unquote(condition.ifMatch)) {
        throw Object.assign(new Error(`conditional delete of ${key} refused`), { name: 'PreconditionFailed' });
      }
      objects.delete(key);
    },
  };
  function request(op: StoreOp, key: string): void {
    ops.push({ op, key });
    opts.timeline?.push(`store.${op} ${key}`);
    const err = store.fail?.(op, key);
    if (err) throw err;
  }
  return store;
}

const unquote = (etag: string) => etag.replace(/^"|"$/g, '');

function withoutMetadata(h: UploadHeaders): UploadHeaders {
  const { metadata: _metadata, ...rest } = h;
  return rest;
}

function lowerKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k.toLowerCase(), v]));
}

function named(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

// ---- the CDN ----

export interface MemoryInvalidation {
  id: string;
  distributionId: string;
  paths: string[];
  callerReference: string;
  status: 'InProgress' | 'Completed';
  createTime: Date;
  /** GetInvalidation calls answered so far. */
  gets: number;
}

export type CdnCall =
  | {
      op: 'create';
      distributionId: string;
      paths: string[];
      callerReference: string;
      result: 'created' | 'reused' | string;
      tenantId?: string;
    }
  | { op: 'get'; distributionId: string; id: string; tenantId?: string }
  | { op: 'listSince'; distributionId: string; since: Date }
  | { op: 'config'; distributionId: string };

export interface MemoryCdnOptions {
  /** An invalidation reads Completed from its Nth GetInvalidation on (0: Completed at once). Default 1. */
  completeAfterGets?: number;
  /** When invalidations are created (default: Date.now). */
  now?: () => number;
  /** Only these distributions exist (default: any). */
  distributions?: string[];
  /** CloudFront's in-flight limits per distribution (defaults 3000 file paths, 15 wildcards). */
  maxInFlightPaths?: number;
  maxInFlightWildcards?: number;
  /** Distributions with a CacheTagConfig: id -> the header CloudFront reads tags from. */
  cacheTagHeaders?: Record<string, string>;
  timeline?: Timeline;
}

export interface MemoryCdn extends Cdn {
  invalidations: MemoryInvalidation[];
  calls: CdnCall[];
  /** Fault injection, checked first on every call. */
  fail: ((op: CdnCall['op'], distributionId: string) => Error | undefined) | null;
  /** An invalidation made by someone else (for in-flight and monthly usage). */
  seed(distributionId: string, paths: string[], opts?: { status?: 'InProgress' | 'Completed'; createTime?: Date }): MemoryInvalidation;
  /** The invalidations actually created (not reused), in order. */
  created(): MemoryInvalidation[];
  /** create calls that made a new invalidation, as [distributionId, paths]. */
  sent(): [string, string[]][];
}

export function memoryCdn(opts: MemoryCdnOptions = {}): MemoryCdn {
  const completeAfter = opts.completeAfterGets ?? 1;
  const now = opts.now ?? (() => Date.now());
  const maxPaths = opts.maxInFlightPaths ?? 3000;
  const maxWild = opts.maxInFlightWildcards ?? 15;
  const invalidations: MemoryInvalidation[] = [];
  const calls: CdnCall[] = [];
  let seq = 0;
  const mine = new Set<MemoryInvalidation>();

  const check = (op: CdnCall['op'], distributionId: string) => {
    const err = cdn.fail?.(op, distributionId);
    if (err) throw err;
    if (opts.distributions && !opts.distributions.includes(distributionId)) {
      throw named('NoSuchDistribution', `The specified distribution does not exist: ${distributionId}`);
    }
  };
  const find = (distributionId: string, id: string) => {
    const inv = invalidations.find((i) => i.distributionId === distributionId && i.id === id);
    if (!inv) throw named('NoSuchInvalidation', `The specified invalidation does not exist: ${id}`);
    return inv;
  };
  const add = (
    distributionId: string,
    paths: string[],
    callerReference: string,
    createTime: Date,
    status: MemoryInvalidation['status'],
  ) => {
    const inv: MemoryInvalidation = {
      id: `I${String(++seq).padStart(12, '0')}`,
      distributionId,
      paths: [...paths],
      callerReference,
      status,
      createTime,
      gets: 0,
    };
    invalidations.push(inv);
    return inv;
  };

  const cdn: MemoryCdn = {
    invalidations,
    calls,
    fail: null,
    seed(distributionId, paths, o = {}) {
      return add(distributionId, paths, `seed-${seq}`, o.createTime ?? new Date(now()), o.status ?? 'InProgress');
    },
    created: () => invalidations.filter((i) => mine.has(i)),
    sent: () => cdn.created().map((i) => [i.distributionId, i.paths]),

    async create(distributionId, paths, callerReference, tenantId) {
      const call: CdnCall = {
        op: 'create',
        distributionId,
        paths: [...paths],
        callerReference,
        result: '',
        ...(tenantId ? { tenantId } : {}),
      };
      calls.push(call);
      opts.timeline?.push(`cdn.create ${distributionId} ${paths.join(' ')}`);
      try {
        check('create', distributionId);
        if (paths.length === 0) throw named('InvalidArgument', 'The invalidation batch must contain at least one path.');
        if (paths.length > 3000) throw named('BatchTooLarge', `Invalidation batch specified is too large: ${paths.length} paths`);
        if (!callerReference) throw named('InvalidArgument', 'CallerReference is required');
        // CloudFront: the same CallerReference with the same batch returns the existing invalidation; with another
        // batch it is an error.
        const existing = invalidations.find((i) => i.distributionId === distributionId && i.callerReference === callerReference);
        if (existing) {
          const same = existing.paths.length === paths.length && existing.paths.every((p, i) => p === paths[i]);
          if (!same) {
            throw named(
              'InvalidationBatchAlreadyExists',
              `CallerReference ${callerReference} was already used for invalidation ${existing.id} with different paths.`,
            );
          }
          call.result = 'reused';
          return { id: existing.id, status: existing.status };
        }
        const inFlight = invalidations
          .filter((i) => i.distributionId === distributionId && i.status === 'InProgress')
          .flatMap((i) => i.paths);
        const wild = (ps: string[]) => ps.filter((p) => p.endsWith('*')).length;
        if (wild(inFlight) + wild(paths) > maxWild || inFlight.length - wild(inFlight) + paths.length - wild(paths) > maxPaths) {
          throw named('TooManyInvalidationsInProgress', 'Processing your request will cause you to exceed the in-progress limits');
        }
        const inv = add(distributionId, paths, callerReference, new Date(now()), completeAfter === 0 ? 'Completed' : 'InProgress');
        mine.add(inv);
        call.result = 'created';
        return { id: inv.id, status: inv.status };
      } catch (err) {
        if (call.result === '') call.result = (err as Error).name;
        throw err;
      }
    },
    async distributionConfig(distributionId) {
      calls.push({ op: 'config', distributionId });
      opts.timeline?.push(`cdn.config ${distributionId}`);
      check('config', distributionId);
      const header = opts.cacheTagHeaders?.[distributionId];
      return header ? { cacheTagHeader: header } : {};
    },
    async get(distributionId, id, tenantId) {
      calls.push({ op: 'get', distributionId, id, ...(tenantId ? { tenantId } : {}) });
      opts.timeline?.push(`cdn.get ${distributionId} ${id}`);
      check('get', distributionId);
      const inv = find(distributionId, id);
      inv.gets++;
      if (inv.status === 'InProgress' && inv.gets >= completeAfter) inv.status = 'Completed';
      return { status: inv.status, paths: [...inv.paths] };
    },
    async listSince(distributionId, since) {
      calls.push({ op: 'listSince', distributionId, since });
      opts.timeline?.push(`cdn.listSince ${distributionId}`);
      check('listSince', distributionId);
      return invalidations
        .filter((i) => i.distributionId === distributionId && i.createTime >= since)
        .sort((a, b) => b.createTime.getTime() - a.createTime.getTime())
        .map((i) => ({ id: i.id, status: i.status, createTime: i.createTime }));
    },
  };
  return cdn;
}

// ---- clock and log ----

export interface MemoryClock extends Clock {
  /** Total time slept. */
  slept: number;
}

/** A clock that never waits: sleep advances now() by the delay at once. Starts mid-month (UTC). */
export function memoryClock(start = Date.parse('2025-06-15T12:00:00Z')): MemoryClock {
  let t = start;
  const clock: MemoryClock = {
    slept: 0,
    now: () => t,
    sleep: async (ms) => {
      t += ms;
      clock.slept += ms;
    },
  };
  return clock;
}

export type Level = 'info' | 'debug' | 'notice' | 'warning';

export interface MemoryLog extends Log {
  lines: Record<Level, string[]>;
  /** Every line in order, with its level (group names as level 'group'). */
  all: { level: Level | 'group'; message: string }[];
  groups: string[];
  /** Notices and warnings with where they point (title, file), as the run's page would show them. */
  annotations: { level: 'notice' | 'warning'; message: string; title?: string; file?: string }[];
  /** All lines as text, one per line, `level: message`. */
  text(): string;
}

export function memoryLog(): MemoryLog {
  const lines: Record<Level, string[]> = { info: [], debug: [], notice: [], warning: [] };
  const all: MemoryLog['all'] = [];
  const groups: string[] = [];
  const annotations: MemoryLog['annotations'] = [];
  const at = (level: Level) => (message: string) => {
    lines[level].push(message);
    all.push({ level, message });
  };
  const annotate = (level: 'notice' | 'warning') => (message: string, where?: Annotation) => {
    at(level)(message);
    annotations.push({ level, message, ...where });
  };
  return {
    lines,
    all,
    groups,
    annotations,
    info: at('info'),
    debug: at('debug'),
    notice: annotate('notice'),
    warning: annotate('warning'),
    async group(name, fn) {
      groups.push(name);
      all.push({ level: 'group', message: name });
      return fn();
    },
    text: () => all.map((l) => `${l.level}: ${l.message}`).join('\n'),
  };
}

// ---- a whole run ----

export function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `s3cfd-mem-${name}-`));
}

/** Write a tree: { 'a/b.html': 'content' }. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

export interface PipelineResult {
  outputs: Record<string, string>;
  /** Whether core.setFailed was called, and with what. */
  failed: boolean;
  failure: string | null;
  /** The JSON report (null when none was written, e.g. an input error). */
  report: ReportJson | null;
  summary: string;
  log: MemoryLog;
  /** What @actions/core wrote to stdout (workflow commands: ::error::, ::add-mask::). */
  stdout: string;
  /** The workspace (GITHUB_WORKSPACE); the build directory is `site/` in it. */
  workspace: string;
}

export interface PipelineOptions {
  store?: MemoryStore;
  cdn?: MemoryCdn;
  clock?: Clock;
  log?: MemoryLog;
  /** Extra environment (GITHUB_RUN_ID etc.); RUNNER_TEMP, GITHUB_WORKSPACE and GITHUB_STEP_SUMMARY are set per run. */
  env?: Record<string, string>;
  /**
   * An existing directory to run in (GITHUB_WORKSPACE), e.g. a git repository; its `site/` is replaced by
   * `files`. Default: a new temporary directory per run.
   */
  workspace?: string;
  deps?: Partial<Deps>;
}

let runSeq = 0;

/**
 * The job summary file of this test file's runs. One per process, as a runner gives one per step: @actions/core's
 * summary keeps the path it first wrote to, so each run empties this file first and reads it after.
 */
const SUMMARY_FILE = path.join(tmpDir('summary'), 'step-summary');

/**
 * One run of the action on the in-memory ports: `files` is the whole build directory (written to
 * `<workspace>/site`, the default source-dir), `inputs` the action inputs (source-dir defaults to `site`).
 * Each call is a new workflow run (its own GITHUB_RUN_ID) unless env says otherwise.
 */
export async function pipelineRun(
  inputs: Record<string, string>,
  files: Record<string, string | Buffer>,
  opts: PipelineOptions = {},
): Promise<PipelineResult> {
  const workspace = opts.workspace ?? tmpDir('run');
  const site = path.join(workspace, 'site');
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(site);
  writeTree(site, files);
  // Per run, so a shared workspace does not carry outputs, summary or report over from an earlier run.
  const own = opts.workspace ? tmpDir('run-files') : workspace;
  const outFile = path.join(own, 'github-output');
  const summaryFile = SUMMARY_FILE;
  fs.writeFileSync(outFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(own, 'runner-temp'),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outFile,
    GITHUB_REPOSITORY: 'acme/site',
    GITHUB_RUN_ID: String(1000 + ++runSeq),
    GITHUB_RUN_ATTEMPT: '1',
    ...opts.env,
  };
  const allInputs: Record<string, string> = { 'source-dir': 'site', ...inputs };
  const log = opts.log ?? memoryLog();
  const store = opts.store ?? memoryStore();
  const cdn = opts.cdn ?? memoryCdn();

  // @actions/core writes outputs to process.env.GITHUB_OUTPUT, the summary to GITHUB_STEP_SUMMARY's file and
  // workflow commands to stdout.
  const savedOutput = process.env.GITHUB_OUTPUT;
  const savedSummary = process.env.GITHUB_STEP_SUMMARY;
  const savedExit = process.exitCode;
  const origWrite = process.stdout.write.bind(process.stdout);
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  process.env.GITHUB_OUTPUT = outFile;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  process.exitCode = 0;
  let failed: boolean;
  try {
    await run({
      env,
      getInput: (name) => allInputs[name] ?? '',
      store: () => store,
      cdn: () => cdn,
      clock: opts.clock ?? memoryClock(),
      log,
      pollDelayMs: 1,
      ...opts.deps,
    });
  } finally {
    process.stdout.write = origWrite;
    if (savedOutput === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = savedOutput;
    if (savedSummary === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = savedSummary;
    failed = process.exitCode === 1;
    process.exitCode = savedExit;
  }
  const errorLine = /^::error::(.*)$/m.exec(stdout);
  const reportPath = path.join(env.RUNNER_TEMP!, 's3-cloudfront-deploy', 'report.json');
  const explicit = allInputs['report-path'] ? path.resolve(allInputs['report-path']) : reportPath;
  const report = fs.existsSync(explicit) ? (JSON.parse(fs.readFileSync(explicit, 'utf8')) as ReportJson) : null;
  return {
    outputs: parseOutputs(fs.readFileSync(outFile, 'utf8')),
    failed,
    failure: errorLine ? decodeCommand(errorLine[1]!) : null,
    report,
    summary: fs.readFileSync(summaryFile, 'utf8'),
    log,
    stdout,
    workspace,
  };
}

/** Undo @actions/core's escaping of workflow command data. */
function decodeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

// ---- the action's records ----

/** A hidden records folder name relative to the prefix: `.s3cfd-` and 24 random hex digits. */
export const HIDDEN_RECORDS = /^\.s3cfd-[0-9a-f]{24}\/$/;

/**
 * The action's hidden records folder under `prefix` (`<prefix>.s3cfd-<random>/`), read from the keys the store
 * holds and, failing that, the keys it was asked about. Throws unless exactly one is found.
 */
export function recordsDir(store: MemoryStore, prefix = ''): string {
  const dirs = new Set<string>();
  for (const key of [...store.keys(), ...store.ops.map((o) => o.key)]) {
    if (!key.startsWith(prefix)) continue;
    const m = /^\.s3cfd-[0-9a-f]{24}\//.exec(key.slice(prefix.length));
    if (m) dirs.add(prefix + m[0]);
  }
  if (dirs.size !== 1) throw new Error(`expected one records folder under '${prefix}', found ${dirs.size}: ${[...dirs].join(', ')}`);
  return [...dirs][0]!;
}

/** A record's body as one buffer (the in-memory store holds records whole). */
export function bodyBytes(body: string | Uint8Array | StreamedBody): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  return Buffer.concat([...body.chunks()]);
}
