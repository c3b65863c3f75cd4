// What run() is built from: the real adapters by default; tests replace any of them.
import * as core from '@actions/core';
import { createCdn, realClock } from './io/cloudfront/api.js';
import { actionsLog } from './io/runner/log.js';
import { lazyS3Store } from './io/s3/lazy.js';
import type { Config } from './model/config.js';
import type { Cdn, Clock, Log, ObjectStore } from './model/ports.js';
import type { ExecutePorts } from './stages/execute.js';
import type { GatherPorts } from './stages/gather.js';

/** Files above this size go multipart, in parts of this size (S3's single PUT limit is 5 GB). */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
export const PART_SIZE = 8 * 1024 * 1024;

export interface Deps {
  env: Record<string, string | undefined>;
  getInput: (name: string) => string;
  store: (config: Config & { bucket: string }, sizes: { multipartThreshold: number; partSize: number }) => ObjectStore;
  cdn: () => Cdn;
  clock: Clock;
  log: Log;
  /** Files above this size are uploaded multipart, in parts of `partSize` (tests lower both). */
  multipartThreshold: number;
  partSize: number;
  /** Bound on waiting out TooManyInvalidationsInProgress. */
  maxInFlightWaitMs: number;
  /** First delay of the completion poll. */
  pollDelayMs: number;
}

export function defaultDeps(env: Record<string, string | undefined>): Deps {
  return {
    env,
    getInput: (name) => core.getInput(name),
    store: (c, sizes) =>
      lazyS3Store(c.bucket, {
        region: c.region,
        concurrency: c.concurrency,
        ...sizes,
        env,
        ...(c.storageClass ? { storageClass: c.storageClass } : {}),
        ...(c.sse ? { sse: c.sse } : {}),
        ...(c.sseKmsKeyId ? { sseKmsKeyId: c.sseKmsKeyId } : {}),
      }),
    // The CloudFront client is made, and @aws-sdk/client-cloudfront loaded, on the first CloudFront call.
    cdn: () => createCdn(undefined, env),
    clock: realClock,
    log: actionsLog,
    multipartThreshold: MULTIPART_THRESHOLD,
    partSize: PART_SIZE,
    maxInFlightWaitMs: 10 * 60_000,
    pollDelayMs: 5_000,
  };
}

/** The ports of one run: the bucket when there is one, one CDN client made on first use. */
export function portsFor(config: Config, deps: Deps): GatherPorts & ExecutePorts {
  const sizes = { multipartThreshold: deps.multipartThreshold, partSize: deps.partSize };
  let cdn: Cdn | null = null;
  return {
    store: config.bucket !== null ? deps.store({ ...config, bucket: config.bucket }, sizes) : null,
    cdn: () => (cdn ??= deps.cdn()),
    clock: deps.clock,
    log: deps.log,
    ...sizes,
    maxInFlightWaitMs: deps.maxInFlightWaitMs,
    pollDelayMs: deps.pollDelayMs,
  };
}
