// run(): read config, gather facts, plan, execute phase by phase in a safe order, report.
import * as core from '@actions/core';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import fs from 'node:fs/promises';
import pLimit from 'p-limit';
import pMap from 'p-map';
import { readContext, type RunContext } from './context.js';
import { InputError, parseInputs, type Config } from './inputs.js';
import {
  cloudFrontClientConfig,
  createCdn,
  createInvalidation,
  MAX_IN_FLIGHT_PATHS,
  MAX_IN_FLIGHT_WILDCARDS,
  readUsage,
  realClock,
  waitForInvalidations,
  type Cdn,
  type Clock,
  type DistributionUsage,
} from './io/cloudfront.js';
import { absPathOf, hashFile, walkSource, type WalkResult } from './io/files.js';
import { compareDiff, localDiff } from './io/git.js';
import { clearOwed, readOwed, recordKey, writeOwed, type OwedRecord } from './io/journal.js';
import { createS3Store, type ObjectStore } from './io/s3.js';
import { chooseSample, verifyUrls, type VerifyResult } from './io/verify.js';
import { encodeCloudFrontPath } from './plan/url-path.js';
import { readState, stateKey, writeState, type DeployState, type StateEntry } from './io/state.js';
import { adviseInvalidation } from './plan/advice.js';
import { diffRange } from './plan/diff-range.js';
import { makeDeleteGuard, makeFileFilter } from './plan/filter.js';
import { classifyFingerprints, isFingerprintedName, MANIFEST_GLOBS } from './plan/fingerprint.js';
import { entryDocumentMatcher, headerRules, headersHash, type HeaderDecision } from './plan/headers.js';
import { callerReference, planInvalidation, type InvalidationPlan } from './plan/invalidation.js';
import { staleFor, type ChangedFile } from './plan/stale.js';
import { checkDeleteCap, isReservedKey, needsHead, planSync, type RemoteState, type SyncEntry } from './plan/sync.js';
import type { FingerprintVerdict, LocalFile } from './plan/types.js';
import { estimateCost, outputsOf, summaryMarkdown, writeReport, type FileReport, type Report } from './report.js';

/** Files above this size go multipart, in parts of this size (S3's single PUT limit is 5 GB). */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
export const PART_SIZE = 8 * 1024 * 1024;
const LARGE_FILE = 100 * 1024 * 1024;

export interface Deps {
  env: Record<string, string | undefined>;
  getInput: (name: string) => string;
  store: (config: Config, sizes: { multipartThreshold: number; partSize: number }) => ObjectStore;
  cdn: () => Cdn;
  clock: Clock;
  /** Files above this size are uploaded multipart, in parts of `partSize` (tests lower both). */
  multipartThreshold: number;
  partSize: number;
  /** Bound on waiting out TooManyInvalidationsInProgress. */
  maxInFlightWaitMs: number;
  /** First delay of the completion poll. */
  pollDelayMs: number;
}

const defaultDeps = (env: Record<string, string | undefined>): Deps => {
  return {
    env,
    getInput: (name) => core.getInput(name),
    store: (c, sizes) => createS3Store(c.bucket!, { region: c.region, concurrency: c.concurrency, ...sizes, env }),
    cdn: () => createCdn(new CloudFrontClient(cloudFrontClientConfig(env))),
    clock: realClock,
    multipartThreshold: MULTIPART_THRESHOLD,
    partSize: PART_SIZE,
    maxInFlightWaitMs: 10 * 60_000,
    pollDelayMs: 5_000,
  };
};

class DeployError extends Error {}

async function timed<T>(name: string, timings: Record<string, number>, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - start;
  }
}

/** A log group with its duration, recorded in `timings` for the report. */
async function phase<T>(name: string, timings: Record<string, number>, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  return timed(name, timings, () =>
    core.group(name, async () => {
      const result = await fn();
      core.info(`(${name}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
      return result;
    }),
  );
}

/** The action. Never throws: failures become core.setFailed with one clear message. */
export async function run(overrides: Partial<Deps> = {}): Promise<void> {
  const deps = { ...defaultDeps(overrides.env ?? process.env), ...overrides };
  let config: Config;
  try {
    config = parseInputs(deps.getInput, deps.env);
  } catch (err) {
    core.setFailed(err instanceof InputError ? err.message : String(err));
    return;
  }
  if (config.githubToken) core.setSecret(config.githubToken);
  try {
    await deploy(config, readContext(deps.env), deps);
  } catch (err) {
    core.setFailed(describeError(err));
  }
}

function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string };
  const name = e.name ?? '';
  if (
    /CredentialsProviderError|ExpiredToken|InvalidAccessKeyId|SignatureDoesNotMatch|UnrecognizedClient/i.test(
      name + ' ' + (e.message ?? ''),
    )
  ) {
    return (
      `AWS credentials are missing or expired (${name}). Add an aws-actions/configure-aws-credentials step before this ` +
      `action (OIDC role-to-assume with permissions: id-token: write), or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.`
    );
  }
  if (err instanceof DeployError) return err.message;
  return `${name && name !== 'Error' ? name + ': ' : ''}${e.message ?? String(err)}`;
}

interface Facts {
  walk: WalkResult | null;
  state: DeployState | null;
  remote: Map<string, RemoteState>;
  reservedKeys: string[];
  /** `incomplete`: a diff was expected but could not be had whole (unavailable, or capped at 300 files). */
  diff: { files: ChangedFile[] | null; source: string; note?: string; incomplete?: boolean };
}

async function deploy(config: Config, ctx: RunContext, deps: Deps): Promise<void> {
  const timings: Record<string, number> = {};
  const warnings: string[] = [];
  const warn = (msg: string) => {
    warnings.push(msg);
    core.warning(msg);
  };
  const sizes = { multipartThreshold: deps.multipartThreshold, partSize: deps.partSize };
  const store = config.bucket ? deps.store(config, sizes) : null;
  const filter = makeFileFilter(config.include, config.exclude);

  // ---- Facts: scan, listing and commit diff are independent, so they run at the same time -----------------
  const facts: Facts = { walk: null, state: null, remote: new Map(), reservedKeys: [], diff: { files: null, source: 'none' } };
  const wantsDiff = config.distributions.length > 0 && config.invalidate === 'changed';
  await phase('Scan source-dir, list bucket, commit diff', timings, async () => {
    // allSettled: a failing listing must not leave the scan logging after the error.
    const settled = await Promise.allSettled([
      config.upload && timed('scan', timings, async () => (facts.walk = await scanSource(config, filter, warn))),
      store && timed('list', timings, () => listBucket(config, store, facts)),
      wantsDiff && timed('diff', timings, async () => (facts.diff = await commitDiff(config, ctx, warn))),
    ]);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
  if (facts.walk && store) await phase('Compare', timings, () => resolveUnknownHashes(config, store, facts, sizes.partSize));

  // ---- Plan (pure) -----------------------------------------------------------------------------------------
  const local: LocalFile[] = facts.walk?.files ?? [];
  const verdicts = classifyFingerprints({
    files: local.map((f) => f.path),
    manifests: facts.walk?.manifests ?? {},
    userPatterns: config.fingerprintPatterns,
  });
  const fingerprint = (p: string): FingerprintVerdict => verdicts.get(p) ?? isFingerprintedName(p);
  const headersFor = headerRules(config.cacheControl);
  const headers = new Map<string, HeaderDecision>(local.map((f) => [f.path, headersFor(f.path, fingerprint(f.path).fingerprinted)]));
  const sync = config.upload
    ? planSync(local, facts.remote, {
        prefix: config.prefix,
        deleteRemoved: config.deleteRemoved,
        isProtected: makeDeleteGuard(filter, config.protect),
        force: config.forceUpload,
        headersHash: (p) => headersHash(headers.get(p)!),
      })
    : [];
  const capError = checkDeleteCap(sync, config.maxDeletes);
  if (capError) throw new DeployError(capError);
  annotate(config, sync, facts);

  // Invalidate-only mode has nothing but the diff to go on: without a whole diff, /* only when allowed.
  let manual = config.paths;
  if (!config.upload && facts.diff.incomplete) {
    if (config.missingDiff === 'all') {
      warn(`The commit diff is incomplete (${facts.diff.note ?? 'unavailable'}): invalidating /* as missing-diff: all allows`);
      manual = [...manual, '/*'];
    } else {
      warn(
        `The commit diff is incomplete (${facts.diff.note ?? 'unavailable'}): only the paths input and the diff that was read are invalidated; set missing-diff: all to fall back to /*`,
      );
    }
  }
  const owed = store ? await readOwed(store, config.prefix, facts.reservedKeys) : [];
  const syncedKeys = new Set(sync.map((e) => e.key));
  const otherKeys = [...facts.remote.keys()].filter((k) => !syncedKeys.has(k));
  const cdn = config.distributions.length > 0 ? deps.cdn() : null;
  const usages = new Map<string, DistributionUsage | null>();
  const plans: InvalidationPlan[] = await Promise.all(
    config.distributions.map(async (d) => {
      const owedPaths = owed.filter((r) => r.distributionId === d.id).flatMap((r) => r.paths);
      const staleResult = staleFor({
        distribution: d,
        prefix: config.prefix,
        invalidate: config.invalidate,
        withoutSlash: config.invalidateDirectoryWithoutSlash,
        queryStrings: config.queryStrings,
        sync,
        otherKeys,
        originKnown: config.upload,
        fingerprint,
        diff: facts.diff.files,
        pathMap: config.pathMap,
        manual,
        owed: owedPaths,
      });
      for (const p of staleResult.fingerprintViolations) {
        warn(`${p} has a fingerprinted name but its content changed: invalidating it anyway (check your bundler's hashing)`);
      }
      // What is in flight limits the wildcards this batch may use; this month's paths tell the cost.
      let usage: DistributionUsage | null = null;
      if (cdn && staleResult.stale.length > 0) {
        try {
          usage = await readUsage(cdn, d.id, new Date(deps.clock.now()));
        } catch (err) {
          warn(
            `Could not read the invalidations of ${d.id} (${(err as Error).name}): planning with CloudFront's full in-flight ` +
              `limits and no monthly usage. Grant cloudfront:ListInvalidations and cloudfront:GetInvalidation to see them.`,
          );
        }
      }
      usages.set(d.id, usage);
      const wildcardRoom = MAX_IN_FLIGHT_WILDCARDS - (usage?.inFlightWildcards ?? 0);
      if (usage && wildcardRoom < MAX_IN_FLIGHT_WILDCARDS) {
        core.info(`${d.id}: ${usage.inFlightWildcards} wildcard and ${usage.inFlightPaths} file paths already in flight`);
      }
      return planInvalidation({
        distributionId: d.id,
        staleResult,
        prefix: config.prefix,
        originPath: d.originPath,
        // Within the room left in flight: total paths <= file-path room keeps the exact ones under 3,000 too.
        budget: Math.max(1, Math.min(config.maxPaths, MAX_IN_FLIGHT_PATHS - (usage?.inFlightPaths ?? 0))),
        maxWildcards: Math.max(1, wildcardRoom),
      });
    }),
  );
  for (const p of plans) {
    core.info(`Invalidation plan for ${p.distributionId}: ${p.reason}`);
    if (p.cover?.fellBackToAll && p.stale.length > 1) {
      const fix = p.zeroCollateralBudget !== null ? ` max-paths: ${p.zeroCollateralBudget} would evict nothing needlessly.` : '';
      warn(`${p.distributionId}: the cheapest cover within max-paths (${config.maxPaths}) is /*, which evicts every cached object.${fix}`);
    }
  }

  const fileReports = buildFileReports(config, sync, facts, fingerprint, headers);
  const report: Report = {
    version: 1,
    dryRun: config.dryRun,
    bucket: config.bucket,
    prefix: config.prefix,
    sourceDir: config.sourceDir,
    diff: wantsDiff
      ? { source: facts.diff.source, files: facts.diff.files?.length ?? 0, ...(facts.diff.note ? { note: facts.diff.note } : {}) }
      : null,
    totals: {
      uploaded: sync.filter((e) => e.action === 'upload').length,
      unchanged: sync.filter((e) => e.action === 'unchanged').length,
      deleted: sync.filter((e) => e.action === 'delete').length,
      skipped: facts.walk?.skipped.length ?? 0,
      uploadedBytes: sync.reduce((n, e) => n + (e.action === 'upload' ? e.size : 0), 0),
      fingerprinted: local.filter((f) => fingerprint(f.path).fingerprinted).length,
    },
    files: fileReports,
    invalidations: plans.map((p) => {
      const usage = usages.get(p.distributionId) ?? null;
      return {
        distributionId: p.distributionId,
        id: '',
        status: '',
        paths: p.paths,
        wildcards: p.wildcards,
        billedPaths: p.paths.length,
        collateral: p.cover?.collateral ?? null,
        reason: p.reason,
        stale: p.stale,
        monthPathsBefore: usage ? usage.monthPaths : null,
        estimatedCostUsd: estimateCost(p.paths.length, usage?.monthPaths ?? null),
        // cover.paths and p.paths are in the same order (p.paths are the encoded cover paths).
        wildcardDetails: (p.cover?.paths ?? []).flatMap((c, j) =>
          c.wildcard ? [{ path: p.paths[j]!, covers: c.covers, collateral: c.collateral }] : [],
        ),
        advice: adviseInvalidation(p, config.maxPaths),
      };
    }),
    warnings,
    timingsMs: timings,
  };
  logPlan(report);

  if (config.dryRun) {
    core.notice('Dry run: nothing was written to S3 or CloudFront. The plan above is what a real run would do.');
    await finish(config, report);
    return;
  }

  // ---- Execute, in a safe order ---------------------------------------------------------------------------
  // Outputs, report and summary are written whatever happens from here on: a failed run still says
  // which invalidation was created and what was uploaded.
  let timedOut: string[] = [];
  try {
    const ownRecords = new Map<string, string>();
    if (store && plans.some((p) => p.decoded.length > 0)) {
      await phase('Record owed invalidations', timings, async () => {
        for (const p of plans) {
          if (p.decoded.length === 0) continue;
          const key = recordKey(config.prefix, p.distributionId, ctx.runId, ctx.runAttempt);
          await writeOwed(store, key, p.distributionId, p.decoded, `run ${ctx.runId} attempt ${ctx.runAttempt}`);
          ownRecords.set(p.distributionId, key);
        }
      });
    }
    if (store && config.upload && (report.totals.uploaded > 0 || facts.state === null)) {
      const etags =
        report.totals.uploaded > 0
          ? await phase('Upload', timings, () => uploadAll(config, store, sync, headers, local, sizes.multipartThreshold))
          : new Map<string, string>();
      await writeState(store, config.prefix, nextState(sync, etags, facts, local, headers));
    }
    if (cdn && plans.some((p) => p.paths.length > 0)) {
      await phase('Invalidate', timings, async () => {
        await Promise.all(
          plans.map(async (p, i) => {
            if (p.paths.length === 0) return;
            const ref = callerReference(ctx.repository, ctx.runId, ctx.runAttempt, p.distributionId, p.paths);
            const res = await createInvalidation(cdn, p.distributionId, p.paths, ref, {
              clock: deps.clock,
              maxWaitMs: deps.maxInFlightWaitMs,
              log: (m) => core.info(m),
            });
            const inv = report.invalidations[i]!;
            inv.id = res.id;
            inv.status = res.status;
            core.info(`${p.distributionId}: invalidation ${res.id} (${res.status}), ${p.paths.length} paths`);
            const ownKey = ownRecords.get(p.distributionId);
            if (store && ownKey) {
              await clearOwed(
                store,
                ownKey,
                owed.filter((r: OwedRecord) => r.distributionId === p.distributionId),
              );
            }
          }),
        );
      });
    }
    if (store && report.totals.deleted > 0) {
      await phase('Delete removed objects', timings, async () => {
        const keys = sync.filter((e) => e.action === 'delete').map((e) => e.key);
        const res = await store.deleteKeys(keys);
        core.info(`Deleted ${res.deleted.length} objects`);
        if (res.failed.length > 0) {
          throw new DeployError(
            `${res.failed.length} deletes failed: ${res.failed
              .slice(0, 10)
              .map((f) => `${f.key} (${f.message})`)
              .join(', ')}`,
          );
        }
      });
    }
    if (cdn && config.wait && report.invalidations.some((i) => i.id)) {
      await phase('Wait for invalidations', timings, async () => {
        const pending = report.invalidations
          .filter((i) => i.id)
          .map((i) => ({ distributionId: i.distributionId, id: i.id, status: i.status }));
        const res = await waitForInvalidations(cdn, pending, {
          clock: deps.clock,
          timeoutMs: config.waitTimeoutSeconds * 1000,
          log: (m) => core.info(m),
          initialDelayMs: deps.pollDelayMs,
        });
        for (const p of pending) {
          const inv = report.invalidations.find((i) => i.id === p.id);
          if (inv) inv.status = p.status;
        }
        timedOut = res.timedOut.map((t) => `${t.id} (${t.distributionId})`);
      });
    }
    const first = plans[0];
    if (config.verifyUrl && first && timedOut.length === 0 && report.invalidations[0]?.status === 'Completed') {
      const verifyUrl = config.verifyUrl;
      report.verify = await phase('Verify what the CDN serves', timings, () =>
        verifySample(verifyUrl, config.verifySample, first, sync, local),
      );
      const bad = report.verify.filter((v) => v.status !== 'fresh');
      for (const v of bad) core.warning(`${v.status}: ${v.url}: ${v.detail}`);
      core.info(`Verified ${report.verify.length} URL(s): ${report.verify.length - bad.length} fresh, ${bad.length} stale or failing`);
      if (bad.length > 0 && config.verify === 'fail') {
        throw new DeployError(
          `${bad.length} of ${report.verify.length} verified URL(s) are stale or failing after the invalidation (verify: fail): ${bad
            .slice(0, 5)
            .map((v) => v.url)
            .join(', ')}`,
        );
      }
    }
  } catch (err) {
    report.error = describeError(err);
    await finish(config, report);
    throw err;
  }
  await finish(config, report);
  if (timedOut.length > 0) {
    throw new DeployError(`wait-timeout (${config.waitTimeoutSeconds} s) reached; still in progress: ${timedOut.join(', ')}`);
  }
}

/**
 * After the invalidation completed: fetch a bounded sample of the invalidated URLs of files uploaded in this
 * run and compare each body's MD5 with the file's (directory forms carry their index.html's MD5).
 */
async function verifySample(
  baseUrl: string,
  max: number,
  plan: InvalidationPlan,
  sync: SyncEntry[],
  local: LocalFile[],
): Promise<VerifyResult[]> {
  const md5ByPath = new Map(local.map((f) => [f.path, f.md5]));
  const pathByKey = new Map(sync.filter((e) => e.action === 'upload').map((e) => [e.key, e.path]));
  const targets = plan.stale.flatMap((s) => {
    const rel = s.reason === 'overwritten' && s.source ? pathByKey.get(s.source) : undefined;
    const md5 = rel ? md5ByPath.get(rel) : undefined;
    return md5 ? [{ path: encodeCloudFrontPath(s.path), md5 }] : [];
  });
  return verifyUrls(baseUrl, chooseSample(targets, max));
}

async function scanSource(config: Config, filter: ReturnType<typeof makeFileFilter>, warn: (m: string) => void): Promise<WalkResult> {
  const sourceDir = config.sourceDir!;
  const started = Date.now();
  let last = started;
  const w = await walkSource(sourceDir, {
    filter,
    concurrency: config.concurrency,
    manifestGlobs: MANIFEST_GLOBS,
    onProgress: (n) => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      core.info(`hashed ${n} files (${Math.round((n * 1000) / (last - started))} files/s)`);
    },
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new DeployError(`source-dir '${sourceDir}' does not exist. Did the build step run and write there?`);
    throw err;
  });
  for (const m of w.warnings) warn(m);
  core.info(`source-dir: ${w.files.length} files to deploy, ${w.skipped.length} skipped`);
  if (w.files.length === 0) {
    throw new DeployError(
      `source-dir '${sourceDir}' has no files to deploy${config.deleteRemoved ? ': refusing to run with delete-removed, which would empty the bucket' : ''}. Nothing was uploaded or deleted.`,
    );
  }
  return w;
}

/** One listing of the prefix; the action's own keys (state, owed records) are set apart from the site's. */
async function listBucket(config: Config, store: ObjectStore, facts: Facts): Promise<void> {
  for (const o of await store.list(config.prefix)) {
    if (isReservedKey(o.key, config.prefix)) facts.reservedKeys.push(o.key);
    else facts.remote.set(o.key, o);
  }
  core.info(`bucket: ${facts.remote.size} objects under s3://${config.bucket}/${config.prefix}`);
  if (!config.upload) return;
  // The action's own record: content MD5 and headers hash of objects whose ETag has not changed since.
  facts.state = await readState(store, config.prefix, facts.reservedKeys.includes(stateKey(config.prefix)));
  for (const [key, [etag, md5, hh]] of Object.entries(facts.state?.objects ?? {})) {
    const o = facts.remote.get(key);
    if (!o || o.etag !== etag) continue;
    o.storedMd5 = md5;
    if (hh) o.headersHash = hh;
  }
}

/**
 * Same size, ETag not this file's MD5, no record (multipart, SSE-KMS, other tools): read the MD5 stored in the
 * object's metadata; failing that, for a multipart ETag, hash the file in the action's part size to compare.
 */
async function resolveUnknownHashes(config: Config, store: ObjectStore, facts: Facts, partSize: number): Promise<void> {
  const unknown = facts.walk!.files.flatMap((f) => {
    const o = facts.remote.get(config.prefix + f.path);
    return o !== undefined && o.storedMd5 === undefined && needsHead(f, o) ? [{ f, o }] : [];
  });
  await pMap(
    unknown,
    async ({ f, o }) => {
      const md5 = await store.storedMd5(o.key);
      if (md5) o.storedMd5 = md5;
      else if (/-\d+$/.test(o.etag)) {
        const h = await hashFile(absPathOf(config.sourceDir!, f.path), partSize);
        if (h.multipartEtag) f.multipartEtag = h.multipartEtag;
      }
    },
    { concurrency: config.concurrency },
  );
  if (unknown.length > 0)
    core.info(`${unknown.length} same-size object(s) with an ETag that is not their MD5 and no record: read with HEAD`);
}

async function commitDiff(config: Config, ctx: RunContext, warn: (m: string) => void): Promise<Facts['diff']> {
  const range = diffRange(ctx.eventName, ctx.payload, ctx.sha, config.diffBase);
  if ('none' in range) {
    core.info(range.none);
    return { files: null, source: 'none', note: range.none };
  }
  const label = `${range.source} (${range.base.slice(0, 12)}..${range.head.slice(0, 12)})`;
  try {
    const files = await localDiff(config.workspace, range.base, range.head, (m) => core.info(m), range.fromMergeBase);
    core.info(`${files.length} files changed in ${label}`);
    return { files, source: `git ${label}` };
  } catch (gitErr) {
    core.info(`Local git diff failed (${String((gitErr as Error).message).split('\n')[0]}); trying the GitHub compare API`);
  }
  try {
    const res = await compareDiff({
      apiUrl: ctx.apiUrl,
      repository: ctx.repository,
      token: config.githubToken,
      base: range.base,
      head: range.head,
    });
    if (res.maybeTruncated) {
      warn(
        `The GitHub compare API returned 300 files (its cap): the commit diff may be incomplete; relying on the sync result for the rest`,
      );
    }
    return {
      files: res.files,
      source: `compare API ${label}`,
      ...(res.maybeTruncated ? { note: 'maybe truncated at 300 files', incomplete: true } : {}),
    };
  } catch (apiErr) {
    const why = (apiErr as Error).message;
    warn(`No commit diff (${why}); stale paths come from the sync result${config.upload ? '' : ' and the paths input only'}`);
    return { files: null, source: 'unavailable', note: why, incomplete: true };
  }
}

async function uploadAll(
  config: Config,
  store: ObjectStore,
  sync: SyncEntry[],
  headers: Map<string, HeaderDecision>,
  local: LocalFile[],
  multipartThreshold: number,
): Promise<Map<string, string>> {
  const byPath = new Map(local.map((f) => [f.path, f]));
  const uploads = sync.filter((e) => e.action === 'upload');
  // Assets first, entry documents (HTML) last: a page never goes live before what it references.
  const isEntry = entryDocumentMatcher(config.entryDocuments);
  const waves = [uploads.filter((e) => !isEntry(e.path)), uploads.filter((e) => isEntry(e.path))];
  const big = pLimit(2); // multipart uploads hold up to 4 parts in memory each: at most 2 at a time
  const done = new Set<string>();
  const etags = new Map<string, string>();
  const failed: { key: string; message: string }[] = [];
  const totalBytes = uploads.reduce((n, e) => n + e.size, 0);
  const started = Date.now();
  let bytes = 0;
  let lastLog = started;
  for (const wave of waves) {
    await pMap(
      wave,
      async (e) => {
        if (failed.length > 0) return; // stop starting uploads after the first failure
        const file = byPath.get(e.path)!;
        const h = headers.get(e.path)!;
        const put = () => store.upload(e.key, absPathOf(config.sourceDir!, e.path), file.size, file.md5, h);
        try {
          etags.set(e.key, await (file.size > multipartThreshold ? big(put) : put()));
          done.add(e.key);
          bytes += file.size;
          if (Date.now() - lastLog > 5000) {
            lastLog = Date.now();
            const rate = bytes / ((lastLog - started) / 1000);
            const eta = rate > 0 ? Math.round((totalBytes - bytes) / rate) : 0;
            core.info(
              `uploaded ${done.size}/${uploads.length} files, ${bytes.toLocaleString('en-US')} of ${totalBytes.toLocaleString('en-US')} bytes, about ${eta} s left`,
            );
          }
        } catch (err) {
          failed.push({ key: e.key, message: describeError(err) });
        }
      },
      { concurrency: config.concurrency },
    );
    if (failed.length > 0) {
      const notDone = uploads.filter((u) => !done.has(u.key));
      throw new DeployError(
        `Upload failed for ${failed.length} file(s): ${failed
          .slice(0, 5)
          .map((f) => `${f.key}: ${f.message}`)
          .join('; ')}. ` +
          `${done.size} of ${uploads.length} uploaded; not uploaded: ${notDone
            .slice(0, 20)
            .map((u) => u.key)
            .join(', ')}` +
          `${notDone.length > 20 ? ` and ${notDone.length - 20} more` : ''}. No invalidation was sent and nothing was deleted; ` +
          `the owed paths are recorded in the bucket and the next run sends them.`,
      );
    }
  }
  core.info(`uploaded ${done.size} files, ${bytes.toLocaleString('en-US')} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return etags;
}

/** The record after this run: uploaded objects with their new ETag; unchanged ones keep what was known. */
function nextState(
  sync: SyncEntry[],
  etags: Map<string, string>,
  facts: Facts,
  local: LocalFile[],
  headers: Map<string, HeaderDecision>,
): DeployState {
  const md5 = new Map(local.map((f) => [f.path, f.md5]));
  const objects: Record<string, StateEntry> = {};
  for (const e of sync) {
    if (e.action === 'upload') {
      const etag = etags.get(e.key);
      if (etag) objects[e.key] = [etag, md5.get(e.path)!, headersHash(headers.get(e.path)!)];
    } else if (e.action === 'unchanged') {
      const o = facts.remote.get(e.key)!;
      // Headers of an object the action did not record are unknown (''), never assumed.
      objects[e.key] = [o.etag, md5.get(e.path)!, o.headersHash ?? ''];
    }
  }
  return { version: 1, objects };
}

function buildFileReports(
  config: Config,
  sync: SyncEntry[],
  facts: Facts,
  fingerprint: (p: string) => FingerprintVerdict,
  headers: Map<string, HeaderDecision>,
): FileReport[] {
  const files: FileReport[] = sync.map((e) => {
    const fp = fingerprint(e.path);
    const h = headers.get(e.path);
    return {
      key: e.key,
      path: e.path,
      action: e.action,
      reason: e.reason,
      size: e.size,
      fingerprinted: fp.fingerprinted,
      fingerprintReason: fp.reason,
      ...(h ? { contentType: h.contentType, cacheControl: h.cacheControl } : {}),
    };
  });
  for (const s of facts.walk?.skipped ?? []) files.push({ key: config.prefix + s.path, path: s.path, action: 'skip', reason: s.reason });
  if (!config.upload) {
    for (const f of facts.diff.files ?? []) {
      const fp = fingerprint(f.path);
      files.push({
        key: '',
        path: f.path,
        action: 'invalidate-only',
        reason: `diff-${f.status}`,
        fingerprinted: fp.fingerprinted,
        fingerprintReason: fp.reason,
      });
    }
  }
  return files;
}

/** Annotations for what a reviewer should not miss. */
function annotate(config: Config, sync: SyncEntry[], facts: Facts): void {
  const deletes = sync.filter((e) => e.action === 'delete').length;
  if (config.maxDeletes > 0 && deletes > 0.8 * config.maxDeletes) {
    core.warning(`${deletes} objects will be deleted: close to max-deletes (${config.maxDeletes}). Check source-dir and prefix.`);
  }
  const hidden = (facts.walk?.skipped ?? []).filter((s) => s.reason === 'dotfile').map((s) => s.path);
  if (hidden.length > 0) {
    core.notice(
      `Not uploaded: ${hidden.length} hidden file(s) or folder(s) (${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ', ...' : ''}). Name them in include to publish them.`,
    );
  }
  const large = sync.filter((e) => e.action === 'upload' && e.size > LARGE_FILE);
  for (const e of large.slice(0, 5)) core.notice(`Large file: ${e.path} (${(e.size / 1048576).toFixed(1)} MiB), uploaded in parts`);
}

function logPlan(r: Report): void {
  const t = r.totals;
  core.info(
    `Plan: upload ${t.uploaded} (${t.uploadedBytes.toLocaleString('en-US')} bytes), unchanged ${t.unchanged}, delete ${t.deleted}, skipped ${t.skipped}`,
  );
  for (const f of r.files) if (f.action !== 'unchanged') core.debug(`${f.action} ${f.path}: ${f.reason}`);
  for (const i of r.invalidations) {
    core.info(
      `Invalidate ${i.distributionId}: ${i.paths.length} paths${i.paths.length ? ': ' + i.paths.slice(0, 20).join(' ') : ''}${i.paths.length > 20 ? ' ...' : ''}`,
    );
  }
}

async function finish(config: Config, report: Report): Promise<void> {
  await writeReport(config.reportPath, report);
  for (const [k, v] of Object.entries(outputsOf(report, config.reportPath))) core.setOutput(k, v);
  // Appended directly (core.summary caches the file path for the whole process).
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) await fs.appendFile(summaryFile, summaryMarkdown(report));
}
