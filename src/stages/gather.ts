// gatherFacts: all the reading a run does (scan, listing, records, HEADs, commit diff, in-flight usage), and
// nothing else. Scan, listing and diff are independent, so they run at the same time.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import type { Config } from '../model/config.js';
import type { DeployState, DistributionUsage, LocalFile, OwedRecord, RemoteObject, WalkResult } from '../model/data.js';
import type { Annotation, Cdn, Clock, Log, ObjectStore } from '../model/ports.js';
import type { DiffFact, DistributionFact, Facts, RunContext } from '../model/stages.js';
import { commitOrder } from '../io/git/ancestry.js';
import { readUsage } from '../io/cloudfront/api.js';
import { absPathOf, hashFile, walkSource } from '../io/fs/walk.js';
import { compareDiff, localDiff } from '../io/git/diff.js';
import { readOwed, recordsDirOfOwed } from '../io/s3/owed.js';
import { lockHeld } from '../io/s3/lock.js';
import { readState } from '../io/s3/ledger.js';
import { isOwnKey, lockKeysOfRecordsDir, recordDirsOf, recordsLayout, stateKeyIn } from '../model/records.js';
import { staleByDistribution } from '../plan/deploy.js';
import { diffRange } from '../plan/diff-range.js';
import { pushedOver } from '../plan/event-commit.js';
import { makeFileFilter } from '../plan/filter.js';
import { MANIFEST_GLOBS } from '../plan/fingerprint.js';
import { needsHead } from '../plan/sync.js';
import { deployedFiles, gzipMatcher } from '../plan/files.js';
import { remoteStates } from '../plan/policies.js';
import { gzipDeterministic } from '../plan/gzip.js';
import type { StoredHeaders } from '../model/headers.js';
import { DeployError, describeErrorAbout } from './errors.js';
import { phase, timed } from './timing.js';

export interface GatherPorts {
  store: ObjectStore | null;
  cdn: () => Cdn;
  clock: Clock;
  log: Log;
  partSize: number;
}

/**
 * `known`: what an earlier gather of this run read of the distributions (a re-read under the lock): the
 * configurations are read once per run.
 */
export async function gatherFacts(
  config: Config,
  run: RunContext,
  ports: GatherPorts,
  known?: Record<string, DistributionFact>,
): Promise<Facts> {
  const timings: Record<string, number> = {};
  const warnings: string[] = [];
  const warn = (m: string, at?: Annotation) => {
    warnings.push(m);
    ports.log.warning(m, at);
  };
  const facts: Facts = await phase(ports.log, 'Scan source-dir, list bucket, commit diff', timings, async () => {
    // allSettled: a failing listing must not leave the scan logging after the error.
    const listed = ports.store ? timed('list', timings, () => listBucket(config, ports.store!, ports.log)) : null;
    const [distributions, scan, listing, diff] = await settleAll([
      known ?? readDistributions(config, ports, warn),
      config.upload ? timed('scan', timings, () => scanSource(config, ports.log, warn)) : null,
      listed,
      wantsDiff(config) ? timed('diff', timings, () => commitDiff(config, run, ports.log, warn, liveShaOf(listed))) : null,
    ] as const);
    if (listing?.state) shareHashes(listing.state, listing.remote, scan?.files ?? [], config.prefix);
    return {
      run,
      now: ports.clock.now(),
      scan,
      remote: listing?.remote ?? [],
      ownKeys: listing?.ownKeys ?? [],
      state: listing?.state ?? null,
      ledgerEtag: listing?.ledgerEtag ?? null,
      records: listing?.records ?? recordsLayout(config.prefix, config.statePrefix, [], randomBytes(16).toString('hex').slice(0, 24)),
      owed: [],
      headMd5: {},
      headHeaders: {},
      gzipped: {},
      multipartEtags: {},
      diff: diff ?? { files: null, source: 'none' },
      commitOrder: { order: 'none' },
      usage: {},
      distributions,
      warnings,
      timingsMs: timings,
    };
  });
  const scanned: Facts = { ...facts, gzipped: await gzipFacts(config, facts.scan) };
  const store = ports.store;
  const compared = scanned.scan && store ? await phase(ports.log, 'Compare', timings, () => readHeads(config, store, scanned, ports)) : {};
  const finished = ports.store
    ? await finishedOwed(
        config,
        facts,
        ports.store,
        ports,
        await readOwed(ports.store, owedDirs(config, facts), facts.ownKeys, config.bucket),
      )
    : [];
  const { owed, owedElsewhere } = await owedByDistribution(config, finished, ports, warn);
  const commit = await liveCommitOrder(config, facts, warn, ports.log);
  const withRecords: Facts = {
    ...scanned,
    ...compared,
    owed,
    ...(owedElsewhere.length > 0 ? { owedElsewhere } : {}),
    commitOrder: commit,
  };
  return { ...withRecords, usage: await readUsages(config, withRecords, ports, warn) };
}

/** Whether this run's commit is older than the live deploy's (the ledger names it). */
async function liveCommitOrder(config: Config, facts: Facts, warn: (m: string) => void, log?: Log): Promise<Facts['commitOrder']> {
  const live = facts.state?.deploys?.[0]?.sha ?? null;
  const ours = facts.run.headSha;
  if (!config.upload || !live || !ours) return { order: 'none' };
  const api = { apiUrl: facts.run.apiUrl, repository: facts.run.repository, token: config.githubToken };
  const info = (m: string) => log?.info(m);
  const res = await commitOrder(config.workspace, ours, live, api, info);
  if (res.order === 'older' || res.order === 'unknown') {
    // A force push that discarded the live commit (its previous tip is, or descends from, it) deploys.
    const before = facts.run.forced ? pushedOver(facts.run.eventName, facts.run.payload) : null;
    const over = before ? (before === live ? 'same' : (await commitOrder(config.workspace, before, live, api, info)).order) : null;
    if (over === 'same' || over === 'newer') {
      log?.info(
        `Force push from ${before!.slice(0, 12)}: it discarded the live deploy ${live.slice(0, 12)}; deploying ${ours.slice(0, 12)}`,
      );
      return { ...res, forcePushOverLive: true };
    }
  }
  if (res.order === 'unknown' && config.allowOlder) {
    warn(
      `Could not tell whether ${ours.slice(0, 12)} is newer than the live deploy ${live.slice(0, 12)} (${res.note ?? 'no history'}): deploying anyway (allow-older)`,
    );
  }
  return res;
}

/** The live deploy's commit, once the listing has read the ledger (null without a bucket or a ledger). */
function liveShaOf(listed: Promise<{ state: DeployState | null } | null> | null): () => Promise<string | null> {
  return async () => (listed ? ((await listed)?.state?.deploys?.[0]?.sha ?? null) : null);
}

const wantsDiff = (config: Config) =>
  config.distributions.length > 0 &&
  (config.invalidate === 'changed' || config.invalidate === 'defer') &&
  !config.removePrefix &&
  !rollingBack(config);

/** rollback-to: the ledger is the source; no build, no commit diff; only this prefix's owed records. */
const rollingBack = (config: Config) => config.rollbackTo !== null;

/**
 * A deploy reads the owed records of its own prefix; a job without uploads (the consolidating job after a
 * sharded deploy, a manual invalidation) collects every one its listing shows, whatever prefix left it.
 */
function owedDirs(config: Config, facts: Facts): string[] {
  const own = [facts.records.dir, ...facts.records.oldDirs];
  return config.upload || rollingBack(config) ? own : [...new Set([...own, ...recordDirsOf(facts.ownKeys)])];
}

/**
 * Of the owed records read, the ones this run may consume. Its own prefix's records are its own (its lock serialises
 * them). A record another prefix's deploy left is taken only once that deploy is finished: never while its deploy
 * lock is held (read after the listing, so a deploy that wrote the record is either still holding it or done), and a
 * deferred one only once its shard marked it complete. The others are left for a later run.
 */
async function finishedOwed(
  config: Config,
  facts: Facts,
  store: ObjectStore,
  ports: GatherPorts,
  owed: OwedRecord[],
): Promise<OwedRecord[]> {
  const own = new Set([facts.records.dir, ...facts.records.oldDirs]);
  const held = new Map<string, Promise<boolean>>();
  const out: OwedRecord[] = [];
  const left: string[] = [];
  for (const r of owed) {
    const dir = recordsDirOfOwed(r.key);
    if (own.has(dir)) {
      out.push(r);
      continue;
    }
    let running = false;
    for (const lockKey of lockKeysOfRecordsDir(dir, config.statePrefix)) {
      if (!held.has(lockKey)) held.set(lockKey, lockHeld(store, lockKey, ports.clock.now()));
      running ||= await held.get(lockKey)!;
    }
    const unfinished = r.deferred === true && r.stage !== 'complete';
    if (running || unfinished)
      left.push(
        `${r.distributionId} (${r.note ?? 'an earlier run'}: ${running ? 'its deploy is still running' : 'its shard has not finished'})`,
      );
    else out.push(r);
  }
  if (left.length > 0) ports.log.info(`Left ${left.length} owed record(s) for a later run: ${left.slice(0, 10).join('; ')}`);
  return out;
}

const SHARED_VALUES = 10_000;

/**
 * One string per content MD5 (a large site holds several per file otherwise): where the listing's ETag, the scanned
 * file's MD5 or the live deploy's recorded site equal the ledger's MD5 of the same key, they take the ledger's string;
 * the ledger's headers hashes and tag markers are one string per value.
 * In place, on what this run has just read and nothing else holds yet; no value changes.
 */
export function shareHashes(state: DeployState, remote: RemoteObject[], files: LocalFile[], prefix: string): void {
  const objects = state.objects;
  // A parsed ledger holds a string per entry for values a site has a handful of (headers hashes, tag markers).
  // (Per object with cache tags in the headers: past SHARED_VALUES distinct values, the rest are left as they are.)
  const distinct = new Map<string, string>();
  const one = (v: string): string => {
    const seen = distinct.get(v);
    if (seen !== undefined) return seen;
    if (distinct.size < SHARED_VALUES) distinct.set(v, v);
    return v;
  };
  // One string per key first (then the lookups below go by the ledger's own, internalized keys): the ledger's (its
  // dicts' keys, which stay) for the listed key and, without a prefix, the scanned path (which every record of the
  // file takes as its key and path). Three copies per file otherwise.
  const keys = Object.keys(objects);
  shareInOrder(
    keys,
    remote,
    (o) => o.key,
    (o, k) => (o.key = k),
  );
  if (prefix === '')
    shareInOrder(
      keys,
      files,
      (f) => f.path,
      (f, k) => (f.path = k),
    );
  for (const key of keys) {
    const e = objects[key];
    if (!Array.isArray(e)) continue;
    for (let i = 2; i < e.length; i++) if (typeof e[i] === 'string') e[i] = one(e[i]!);
  }
  const markers = state.tags?.objects;
  if (markers) for (const key of Object.keys(markers)) if (typeof markers[key] === 'string') markers[key] = one(markers[key]);
  const md5Of = (key: string): string | undefined => (Object.hasOwn(objects, key) ? objects[key]![1] : undefined);
  for (const o of remote) {
    const md5 = md5Of(o.key);
    if (md5 !== undefined && o.etag === md5) o.etag = md5;
  }
  for (const f of files) {
    const md5 = md5Of(prefix + f.path);
    if (md5 !== undefined && f.md5 === md5) f.md5 = md5;
  }
  const full = state.deploys?.[0]?.site?.full;
  if (!full) return;
  for (const key of Object.keys(full)) {
    const t = full[key];
    const md5 = md5Of(key);
    if (md5 !== undefined && Array.isArray(t) && t[0] === md5) t[0] = md5;
  }
}

/**
 * Where `items` (in about the order of `canonical`: listing and walk order against the ledger's) hold a string equal
 * to one of `canonical`, they take that one. A merge: no map of a million keys; out of order, a key is only not shared.
 */
function shareInOrder<T>(canonical: readonly string[], items: readonly T[], get: (x: T) => string, set: (x: T, s: string) => void): void {
  let i = 0;
  for (let j = 0; i < canonical.length && j < items.length;) {
    const a = canonical[i]!;
    const b = get(items[j]!);
    if (a === b) {
      set(items[j]!, a);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
}

async function settleAll<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

async function scanSource(config: Config & { upload: true }, log: Log, warn: (m: string, at?: Annotation) => void): Promise<WalkResult> {
  const started = Date.now();
  let last = started;
  const w = await walkSource(config.sourceDir, {
    filter: makeFileFilter(config.include, config.exclude),
    manifestGlobs: MANIFEST_GLOBS,
    onProgress: (n) => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      log.info(`hashed ${n} files (${Math.round((n * 1000) / (last - started))} files/s)`);
    },
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT')
      throw new DeployError(`source-dir '${config.sourceDir}' does not exist. Did the build step run and write there?`);
    throw err;
  });
  for (const m of w.warnings) warn(m.message, { title: 'Symlink not followed', file: path.join(config.sourceDir, m.path) });
  log.info(`source-dir: ${w.files.length} files to deploy, ${w.skipped.length} skipped`);
  if (w.files.length === 0) {
    throw new DeployError(
      `source-dir '${config.sourceDir}' has no files to deploy${config.deleteRemoved ? ': refusing to run with delete-removed, which would empty the bucket' : ''}. Nothing was uploaded or deleted.`,
    );
  }
  return w;
}

/**
 * One listing of the prefix (and of the records folder when state-prefix puts it elsewhere); the action's own
 * keys (ledger, owed records) are set apart from the site's.
 */
async function listBucket(config: Config, store: ObjectStore, log: Log) {
  const remote: RemoteObject[] = [];
  const ownKeys: string[] = [];
  const list = (prefix: string) =>
    store.list(prefix).catch((err: unknown) => {
      throw new DeployError(describeErrorAbout(err, { service: 's3', bucket: config.bucket ?? '', action: 'ListObjectsV2' }), {
        cause: err,
      });
    });
  const outside = config.statePrefix !== '' && config.prefix !== '' ? await list(config.statePrefix + config.prefix) : [];
  for (const o of [...(await list(config.prefix)), ...outside]) {
    if (isOwnKey(o.key, config.prefix, config.statePrefix)) ownKeys.push(o.key);
    else remote.push(o);
  }
  log.info(`bucket: ${remote.length} objects under s3://${config.bucket}/${config.prefix}`);
  const records = recordsLayout(config.prefix, config.statePrefix, ownKeys, randomBytes(16).toString('hex').slice(0, 24));
  // The ledger: content MD5 and headers hash of objects whose ETag has not changed since, and what was learned.
  // Its ETag in the folder this run writes is the witness checked again under the lock (null: none there).
  let state = null;
  let ledgerEtag: string | null = null;
  if (config.upload || rollingBack(config)) {
    for (const dir of [records.dir, ...records.oldDirs]) {
      const read = await readState(store, dir, ownKeys.includes(stateKeyIn(dir)), config.bucket);
      if (!read) continue;
      state = read.state;
      if (dir === records.dir) ledgerEtag = read.etag;
      break;
    }
  }
  return { remote, ownKeys, state, ledgerEtag, records };
}

/**
 * One HEAD (bounded concurrency) for each object the listing and the ledger cannot settle: same size but an
 * ETag that is not the file's MD5 (multipart, SSE-KMS, another tool): the MD5 in its metadata, else for a
 * multipart ETag the file hashed in the action's part size; and an object whose content matches but whose
 * headers the ledger does not know (a bucket another tool wrote): its headers, so they are set right once.
 */
async function readHeads(config: Config, store: ObjectStore, facts: Facts, ports: GatherPorts) {
  if (!config.upload) return {};
  const { sourceDir } = config;
  // What to compare only (no fingerprinting or headers needed to know which objects to HEAD).
  const local = deployedFiles(config, facts);
  const remote = remoteStates(facts.remote, facts.state, facts.headMd5, facts.headHeaders);
  const unknown = local.flatMap((f) => {
    const o = remote.get(config.prefix + f.path);
    if (o === undefined || o.headersHash !== undefined) return [];
    const sameBytes = o.etag.toLowerCase() === f.md5 || o.storedMd5 === f.md5;
    return (o.storedMd5 === undefined && needsHead(f, o)) || sameBytes ? [{ f, o }] : [];
  });
  const headMd5: Record<string, string> = {};
  const headHeaders: Record<string, StoredHeaders> = {};
  const multipartEtags: Record<string, string> = {};
  await pMap(
    unknown,
    async ({ f, o }) => {
      const head = await store.head(o.key);
      if (!head) return;
      headHeaders[o.key] = head.headers;
      if (head.md5) headMd5[o.key] = head.md5;
      else if (/-\d+$/.test(o.etag) && !f.gzip) {
        const h = await hashFile(absPathOf(sourceDir, f.source ?? f.path), ports.partSize);
        if (h.multipartEtag) multipartEtags[f.path] = h.multipartEtag;
      }
    },
    { concurrency: config.concurrency },
  );
  if (unknown.length > 0) ports.log.info(`${unknown.length} object(s) the ledger does not describe: read with HEAD (once; then recorded)`);
  return { headMd5, headHeaders, multipartEtags };
}

/** Size and MD5 of the deterministic gzip of each file the `gzip` input names (the bytes that are uploaded). */
async function gzipFacts(config: Config, scan: WalkResult | null): Promise<Facts['gzipped']> {
  const sourceDir = config.sourceDir;
  if (!scan || sourceDir === null) return {};
  const matches = gzipMatcher(config);
  const out: Facts['gzipped'] = {};
  await pMap(
    scan.files.filter((f) => matches(f.path)),
    async (f) => {
      const gz = gzipDeterministic(await readFile(absPathOf(sourceDir, f.path)));
      out[f.path] = { size: gz.length, md5: createHash('md5').update(gz).digest('hex') };
    },
    { concurrency: config.concurrency },
  );
  return out;
}

async function commitDiff(
  config: Config,
  ctx: RunContext,
  log: Log,
  warn: (m: string) => void,
  liveSha: () => Promise<string | null> = async () => null,
): Promise<DiffFact> {
  // An event that names no previous commit (a tag, workflow_run, ...): the live deploy's commit, when known.
  const needsLive = !config.diffBase && 'none' in diffRange(ctx.eventName, ctx.payload, ctx.headSha, null);
  const range = diffRange(ctx.eventName, ctx.payload, ctx.headSha, config.diffBase, needsLive ? await liveSha() : null);
  if ('none' in range) {
    log.info(range.none);
    // Invalidate-only mode has nothing else to go on: missing-diff decides (warn, or /*).
    return { files: null, source: 'none', note: range.none, ...(config.upload ? {} : { incomplete: true }) };
  }
  const label = `${range.source} (${range.base.slice(0, 12)}..${range.head.slice(0, 12)})`;
  try {
    const files = await localDiff(config.workspace, range.base, range.head, (m) => log.info(m), range.fromMergeBase);
    log.info(`${files.length} files changed in ${label}`);
    return { files, source: `git ${label}` };
  } catch (gitErr) {
    log.info(`Local git diff failed (${String((gitErr as Error).message).split('\n')[0]}); trying the GitHub compare API`);
  }
  try {
    const res = await compareDiff({
      apiUrl: ctx.apiUrl,
      repository: ctx.repository,
      token: config.githubToken,
      base: range.base,
      head: range.head,
      ...(range.fromMergeBase ? { fromMergeBase: true } : {}),
      log: (m) => log.info(m),
    });
    log.info(`${res.files.length} files changed in ${label} (GitHub API: ${res.via})`);
    if (res.maybeTruncated) {
      warn(
        `The GitHub compare API returned 300 files (its cap) and the trees could not be read whole: the commit diff may be incomplete; relying on the sync result for the rest`,
      );
    }
    return {
      files: res.files,
      source: `GitHub API (${res.via}) ${label}`,
      ...(res.maybeTruncated ? { note: 'maybe truncated at 300 files', incomplete: true } : {}),
    };
  } catch (apiErr) {
    const why = (apiErr as Error).message;
    warn(`No commit diff (${why}); stale paths come from the sync result${config.upload ? '' : ' and the paths input only'}`);
    return { files: null, source: 'unavailable', note: why, incomplete: true };
  }
}

/** What is in flight limits the wildcards a batch may use; this month's paths tell the cost. Read only where something is stale. */
async function readUsages(config: Config, facts: Facts, ports: GatherPorts, warn: (m: string) => void) {
  const usage: Record<string, DistributionUsage | null> = {};
  if (config.distributions.length === 0) return usage; // no CDN: no need to plan the files once more
  // A rollback's stale paths are planned from the ledger afterwards: every distribution's usage is read.
  const stale = rollingBack(config) ? null : staleByDistribution(config, facts);
  const ids = config.distributions.filter((d) => !stale || (stale.get(d.id)?.stale.length ?? 0) > 0).map((d) => d.id);
  if (ids.length === 0) return usage;
  const cdn = ports.cdn();
  await Promise.all(
    ids.map(async (id) => {
      try {
        usage[id] = await readUsage(cdn, id, new Date(ports.clock.now()));
        const u = usage[id]!;
        if (u.inFlightWildcards > 0)
          ports.log.info(`${id}: ${u.inFlightWildcards} wildcard and ${u.inFlightPaths} file paths already in flight`);
      } catch (err) {
        usage[id] = null;
        warn(
          `Could not read the invalidations of ${id} (${(err as Error).name}): planning with CloudFront's full in-flight ` +
            `limits and no monthly usage. Grant cloudfront:ListInvalidations and cloudfront:GetInvalidation to see them.`,
        );
      }
    }),
  );
  return usage;
}

/**
 * Owed records of a distribution this run does not invalidate: when CloudFront has no such distribution (a wrong id
 * an earlier run deployed with), the pages it owes are this site's and are still cached by the right one, so the
 * record becomes this run's to send (an orphan); when it exists, or cannot be read, the record is left and shown.
 */
async function owedByDistribution(
  config: Config,
  records: OwedRecord[],
  ports: GatherPorts,
  warn: (m: string) => void,
): Promise<{ owed: OwedRecord[]; owedElsewhere: NonNullable<Facts['owedElsewhere']> }> {
  const mine = new Set(config.distributions.map((d) => d.id));
  const others = [...new Set(records.map((r) => r.distributionId).filter((id) => !mine.has(id)))];
  if (others.length === 0) return { owed: records, owedElsewhere: [] };
  const cdn = ports.cdn();
  const state = new Map<string, 'missing' | 'exists' | 'unreadable'>();
  await Promise.all(
    others.map(async (id) => {
      try {
        await cdn.distributionConfig(id);
        state.set(id, 'exists');
      } catch (err) {
        state.set(id, (err as Error).name === 'NoSuchDistribution' ? 'missing' : 'unreadable');
      }
    }),
  );
  const owed: OwedRecord[] = [];
  const owedElsewhere: NonNullable<Facts['owedElsewhere']> = [];
  for (const r of records) {
    const s = mine.has(r.distributionId) ? 'mine' : state.get(r.distributionId)!;
    if (s === 'mine') owed.push(r);
    else if (s === 'missing' && mine.size > 0) {
      owed.push({ ...r, orphan: true });
      ports.log.info(
        `An owed record names distribution ${r.distributionId}, which does not exist (a wrong id?): its ${r.paths.length} path(s) go to ${[...mine].join(', ')}`,
      );
    } else owedElsewhere.push({ record: r, distribution: s });
  }
  if (owedElsewhere.length > 0) {
    const ids = [...new Set(owedElsewhere.map((o) => `${o.record.distributionId} (${o.distribution})`))];
    warn(
      `${owedElsewhere.length} owed invalidation record(s) are for distributions this run does not invalidate: ${ids.join(', ')}. ` +
        `They are left in the bucket; the job summary says what to do about them.`,
    );
  }
  return { owed, owedElsewhere };
}

/**
 * Every distribution is proved to exist before the first write (GetDistributionConfig, once per run): a wrong id
 * would otherwise upload, record an owed invalidation under that id and fail at CreateInvalidation, leaving the real
 * distribution stale. A read that is not permitted, or fails otherwise, warns and goes on.
 */
async function readDistributions(config: Config, ports: GatherPorts, warn: (m: string) => void): Promise<Record<string, DistributionFact>> {
  const out: Record<string, DistributionFact> = {};
  if (config.distributions.length === 0) return out;
  const cdn = ports.cdn();
  const missing: string[] = [];
  await Promise.all(
    config.distributions.map(async ({ id }) => {
      try {
        const settings = await cdn.distributionConfig(id);
        out[id] = { read: true, ...(settings.cacheTagHeader ? { cacheTagHeader: settings.cacheTagHeader } : {}) };
      } catch (err) {
        const name = (err as Error).name ?? '';
        if (name === 'NoSuchDistribution') {
          missing.push(id);
          return;
        }
        // Credentials refused or expired: the listing meets them too, and its error says what to do.
        if (/Credentials|ExpiredToken|UnrecognizedClient|InvalidClientTokenId|SignatureDoesNotMatch|InvalidAccessKeyId/.test(name))
          throw err;
        const denied = name === 'AccessDenied' || name === 'AccessDeniedException';
        const why = denied ? 'AccessDenied' : `${name || 'Error'}: ${(err as Error).message}`;
        out[id] = { read: false, why };
        warn(
          denied
            ? `Could not read the configuration of CloudFront distribution ${id} (AccessDenied), so its existence is not ` +
                `checked before the upload. Grant cloudfront:GetDistributionConfig on ` +
                `arn:aws:cloudfront::<account>:distribution/${id} to have a wrong id stop the run before any write.`
            : `Could not read the configuration of CloudFront distribution ${id} (${why}): going on without it.`,
        );
      }
    }),
  );
  if (missing.length > 0) {
    throw new DeployError(
      `CloudFront has no distribution ${missing.join(', ')} in the account of these credentials (NoSuchDistribution), ` +
        `so nothing was written. Check the distribution-id input (the id, like E2ABCDEF123456, is on the distribution's ` +
        `page in the CloudFront console) and that the credentials belong to the account that owns it.`,
    );
  }
  return out;
}
