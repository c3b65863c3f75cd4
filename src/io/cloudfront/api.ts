// Thin CloudFront adapter: create an invalidation (idempotent, waits out TooManyInvalidationsInProgress),
// read in-flight ones, and wait for completion with progress and clear errors.
// The SDK is loaded on first use (a dynamic import: its own chunk in dist/), not at start-up: most runs
// that never invalidate do not pay for parsing and evaluating it.
import type { CloudFrontClient, CloudFrontClientConfig } from '@aws-sdk/client-cloudfront';

import type { DistributionUsage } from '../../model/data.js';
import type { Cdn, Clock } from '../../model/ports.js';
import { isCompleted, isInProgress } from '../../model/status.js';

export type InvalidationStatus = 'InProgress' | 'Completed';

export function cloudFrontClientConfig(env: Record<string, string | undefined>): CloudFrontClientConfig {
  const endpoint = env.AWS_ENDPOINT_URL_CLOUDFRONT || env.AWS_ENDPOINT_URL;
  // CloudFront is a global service signed in us-east-1; Throttling is retried by the SDK.
  return { region: 'us-east-1', maxAttempts: 6, ...(endpoint ? { endpoint } : {}) };
}

let sdk: Promise<typeof import('@aws-sdk/client-cloudfront')> | null = null;
/** @aws-sdk/client-cloudfront, imported once, on first use. */
export const loadCloudFrontSdk = () => (sdk ??= import('@aws-sdk/client-cloudfront'));

/** The adapter over `client`, or over a client made from `env` on first use. */
export function createCdn(client?: CloudFrontClient, env: Record<string, string | undefined> = process.env): Cdn {
  let made: Promise<CloudFrontClient> | null = null;
  const ready = async () => {
    const sdk = await loadCloudFrontSdk();
    made ??= Promise.resolve(client ?? new sdk.CloudFrontClient(cloudFrontClientConfig(env)));
    return { ...sdk, client: await made };
  };
  return {
    async distributionConfig(distributionId) {
      const { client, GetDistributionConfigCommand } = await ready();
      const res = await client.send(new GetDistributionConfigCommand({ Id: distributionId }));
      const header = res.DistributionConfig?.CacheTagConfig?.HeaderName;
      return header ? { cacheTagHeader: header } : {};
    },
    async create(distributionId, paths, callerReference, tenantId) {
      const { client, CreateInvalidationCommand, CreateInvalidationForDistributionTenantCommand } = await ready();
      const batch = { CallerReference: callerReference, Paths: { Quantity: paths.length, Items: paths } };
      const res = tenantId
        ? await client.send(new CreateInvalidationForDistributionTenantCommand({ Id: tenantId, InvalidationBatch: batch }))
        : await client.send(new CreateInvalidationCommand({ DistributionId: distributionId, InvalidationBatch: batch }));
      return { id: res.Invalidation?.Id ?? '', status: res.Invalidation?.Status ?? '' };
    },
    async get(distributionId, id, tenantId) {
      const { client, GetInvalidationCommand, GetInvalidationForDistributionTenantCommand } = await ready();
      const res = tenantId
        ? await client.send(new GetInvalidationForDistributionTenantCommand({ DistributionTenantId: tenantId, Id: id }))
        : await client.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: id }));
      return { status: res.Invalidation?.Status ?? '', paths: res.Invalidation?.InvalidationBatch?.Paths?.Items ?? [] };
    },
    async listSince(distributionId, since) {
      const { client, ListInvalidationsCommand } = await ready();
      const out: { id: string; status: string; createTime: Date }[] = [];
      let marker: string | undefined;
      for (let page = 0; page < 20; page++) {
        const res = await client.send(new ListInvalidationsCommand({ DistributionId: distributionId, Marker: marker, MaxItems: 100 }));
        let older = false;
        for (const s of res.InvalidationList?.Items ?? []) {
          const createTime = s.CreateTime ?? new Date(0);
          if (createTime < since) older = true;
          else if (s.Id) out.push({ id: s.Id, status: s.Status ?? '', createTime });
        }
        if (older || !res.InvalidationList?.IsTruncated) break;
        marker = res.InvalidationList.NextMarker;
      }
      return out;
    },
  };
}

export const realClock: Clock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

const errName = (err: unknown) => (err as { name?: string }).name ?? '';

/** createInvalidation waited out TooManyInvalidationsInProgress as long as it may; its message says it all. */
export class InFlightWaitExceeded extends Error {}

/**
 * CreateInvalidation; on TooManyInvalidationsInProgress wait (backoff) for in-flight invalidations to finish
 * and try again with the SAME CallerReference, up to `maxWaitMs`. A retried identical request returns the
 * existing invalidation instead of creating a second one.
 */
export async function createInvalidation(
  cdn: Cdn,
  distributionId: string,
  paths: string[],
  callerReference: string,
  opts: { clock: Clock; maxWaitMs: number; log: (msg: string) => void; tenantId?: string | null },
): Promise<{ id: string; status: string }> {
  const start = opts.clock.now();
  let delay = 5_000;
  for (;;) {
    try {
      return opts.tenantId
        ? await cdn.create(distributionId, paths, callerReference, opts.tenantId)
        : await cdn.create(distributionId, paths, callerReference);
    } catch (err) {
      if (errName(err) !== 'TooManyInvalidationsInProgress') throw err;
      const waited = opts.clock.now() - start;
      if (waited + delay > opts.maxWaitMs) {
        throw new InFlightWaitExceeded(
          `CloudFront distribution ${distributionId} still has too many invalidations in progress after waiting ` +
            `${Math.round(waited / 1000)} s (limits: 3,000 file paths and 15 wildcard paths in flight). The paths ` +
            `are kept as owed in the bucket and the next run sends them; re-run this job when the running ones finish.`,
          { cause: err },
        );
      }
      opts.log(
        `CloudFront ${distributionId}: TooManyInvalidationsInProgress (in-flight limits reached); waiting ` +
          `${Math.round(delay / 1000)} s for running invalidations to finish, then retrying`,
      );
      await opts.clock.sleep(delay);
      delay = Math.min(delay * 2, 60_000);
    }
  }
}

export interface PendingInvalidation {
  distributionId: string;
  id: string;
  status: string;
  /** Made for this tenant of the distribution (read with GetInvalidationForDistributionTenant). */
  tenantId?: string;
}

/**
 * Poll GetInvalidation until every invalidation is Completed or `timeoutMs` passes. Unlike the SDK waiter,
 * an AccessDenied fails at once with the missing permission named, instead of polling until the timeout.
 */
export async function waitForInvalidations(
  cdn: Cdn,
  pending: PendingInvalidation[],
  opts: { clock: Clock; timeoutMs: number; log: (msg: string) => void; initialDelayMs?: number; maxDelayMs?: number },
): Promise<{ timedOut: PendingInvalidation[] }> {
  const start = opts.clock.now();
  let delay = opts.initialDelayMs ?? 5_000;
  const maxDelay = opts.maxDelayMs ?? 30_000;
  for (;;) {
    for (const inv of pending) {
      if (isCompleted(inv.status)) continue;
      try {
        inv.status = (
          await (inv.tenantId ? cdn.get(inv.distributionId, inv.id, inv.tenantId) : cdn.get(inv.distributionId, inv.id))
        ).status;
      } catch (err) {
        const name = errName(err);
        if (name === 'AccessDenied' || name === 'AccessDeniedException') {
          throw new Error(
            `Cannot wait for invalidation ${inv.id}: GetInvalidation was denied. Grant cloudfront:GetInvalidation on ` +
              `arn:aws:cloudfront::<account>:distribution/${inv.distributionId}, or set wait: false.`,
            { cause: err },
          );
        }
        opts.log(`GetInvalidation ${inv.id} failed (${name || String(err)}); retrying`);
      }
    }
    const open = pending.filter((p) => !isCompleted(p.status));
    const elapsed = opts.clock.now() - start;
    if (open.length === 0) return { timedOut: [] };
    if (elapsed >= opts.timeoutMs) return { timedOut: open };
    opts.log(`Waiting for ${open.map((p) => `${p.id} (${p.distributionId})`).join(', ')}: ${Math.round(elapsed / 1000)} s elapsed`);
    await opts.clock.sleep(Math.min(delay, Math.max(0, opts.timeoutMs - elapsed)));
    delay = Math.min(Math.round(delay * 1.5), maxDelay);
  }
}

/**
 * ListInvalidations for this month, then GetInvalidation for each (bounded), to count paths in flight
 * (CloudFront: 3,000 file paths and 15 wildcard paths per distribution) and paths used this month.
 */
export async function readUsage(cdn: Cdn, distributionId: string, now: Date, maxReads = 200): Promise<DistributionUsage> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  // In-flight ones can be from the end of last month: look back a day further for those.
  const since = new Date(Math.min(monthStart.getTime(), now.getTime() - 24 * 3600 * 1000));
  const list = await cdn.listSince(distributionId, since);
  const usage: DistributionUsage = { inFlightPaths: 0, inFlightWildcards: 0, monthPaths: 0, unreadable: 0 };
  const toRead = list.filter((i) => isInProgress(i.status) || i.createTime >= monthStart);
  let reads = 0;
  for (const inv of toRead) {
    if (reads >= maxReads) {
      usage.unreadable++;
      continue;
    }
    reads++;
    const { paths } = await cdn.get(distributionId, inv.id);
    const wild = paths.filter((p) => p.endsWith('*')).length;
    if (isInProgress(inv.status)) {
      usage.inFlightWildcards += wild;
      usage.inFlightPaths += paths.length - wild;
    }
    if (inv.createTime >= monthStart) usage.monthPaths += paths.length;
  }
  return usage;
}
