export type CloudFrontOperation =
  | 'CreateInvalidation'
  | 'GetInvalidation'
  | 'ListInvalidations'
  | 'GetDistributionConfig'
  | 'CreateInvalidationForDistributionTenant'
  | 'GetInvalidationForDistributionTenant';

/** CloudFront's rules for a cache tag item (`#<tag>`): an error message, or undefined if valid. */
export function checkTagItem(item: string): string | undefined;
/** One batch item: a cache tag item (`#...`) or a path. */
export function checkItem(p: string, strictEncoding?: boolean): string | undefined;

export type InvalidationStatus = 'InProgress' | 'Completed';

export interface CloudFrontStandInOptions {
  /**
   * Allow-list of distribution ids. When given, any other id gets NoSuchDistribution (404).
   * When omitted, every distribution id exists.
   */
  distributions?: string[];
  /**
   * An invalidation reports `Completed` from its N-th GetInvalidation on (earlier polls and the
   * CreateInvalidation response say `InProgress`). Default 1: the first GetInvalidation already
   * says Completed. 0: created Completed. `null` or `Infinity`: never by polls (use
   * completeAfterMs, complete() or completeAll()). ListInvalidations does not count as a poll.
   */
  completeAfterPolls?: number | null;
  /** Also complete an invalidation once this many ms have passed since its creation. Default: off. */
  completeAfterMs?: number;
  /**
   * Reject paths with raw characters CloudFront wants URL-encoded (non-ASCII, control chars,
   * RFC 1738 unsafe: space " < > # { } | \ ^ ~ [ ] `) and "%" not followed by two hex digits,
   * with InvalidArgument. Real CloudFront accepts such paths but will not match the cached
   * object. Default true.
   */
  strictPathEncoding?: boolean;
  /** Default 3000 (BatchTooLarge, 413, above it). */
  maxPathsPerBatch?: number;
  /** Non-wildcard paths in progress per distribution. Default 3000. */
  maxInProgressPaths?: number;
  /** Wildcard paths (ending in `*`) in progress per distribution. Default 15. */
  maxInProgressWildcards?: number;
  /**
   * Error for a CallerReference reused with different paths. Default
   * 'InvalidationBatchAlreadyExists' (409), as the API reference documents; real CloudFront has
   * been seen answering 'InvalidArgument' (400, "Your request contains a caller reference that
   * was used for a previous invalidation batch for the same distribution.").
   */
  callerReferenceConflict?: 'InvalidationBatchAlreadyExists' | 'InvalidArgument';
  /** Clock for CreateTime and completeAfterMs. Default Date.now. */
  now?: () => number;
  /**
   * Distributions with a `CacheTagConfig`: id -> `HeaderName` (GetDistributionConfig returns it). Others have none.
   */
  cacheTagHeaders?: Record<string, string>;
  /**
   * Tenants of multi-tenant distributions: tenant id -> distribution id. CreateInvalidationForDistributionTenant
   * (POST /2020-05-31/distribution-tenant/{Id}/invalidation) and GetInvalidationForDistributionTenant (GET
   * /2020-05-31/distribution-tenant/{DistributionTenantId}/invalidation/{Id}) take them; an unknown tenant gets
   * EntityNotFound (404). Their invalidations count against the distribution's in-progress limits.
   */
  tenants?: Record<string, string>;
  /** Answer statuses in upper case (`INPROGRESS`, `COMPLETED`), as moto does. Default false. */
  upperCaseStatus?: boolean;
  /** Port on 127.0.0.1. Default 0 (random). */
  port?: number;
}

export interface CloudFrontCall {
  /** 'Unknown' for requests that match no implemented route (answered 404 NotFound). */
  operation: CloudFrontOperation | 'Unknown';
  method: string;
  /** Request path and query as received. */
  path: string;
  distributionId: string | undefined;
  /** The tenant operations: the tenant id in the path. */
  tenantId?: string;
  /** For GetInvalidation: the requested id. For a successful CreateInvalidation: the id returned. */
  invalidationId?: string;
  /** CreateInvalidation: the paths as received (XML-unescaped), when the body could be parsed. */
  paths?: string[];
  callerReference?: string;
  /** HTTP status answered. */
  status: number;
  /** Error code answered, for failures. */
  errorCode?: string;
  /** True when the failure came from failNext(). */
  injected?: boolean;
}

export interface StoredInvalidation {
  id: string;
  distributionId: string;
  status: InvalidationStatus;
  /** ISO 8601. */
  createTime: string;
  callerReference: string;
  paths: string[];
  /** GetInvalidation calls seen for it. */
  polls: number;
  /** Made for this distribution tenant (CreateInvalidationForDistributionTenant). */
  tenantId?: string;
}

export interface InjectedError {
  /** HTTP status, 400-599. */
  status: number;
  /** Error code, e.g. 'Throttling', 'AccessDenied', 'ServiceUnavailable'. */
  code: string;
  message?: string;
  /** Default 'Sender' for 4xx, 'Receiver' for 5xx. */
  type?: 'Sender' | 'Receiver';
}

export interface CloudFrontStandIn {
  /** `http://127.0.0.1:PORT`, for `new CloudFrontClient({ endpoint, region, credentials })`. */
  readonly endpoint: string;
  readonly port: number;
  /** Every request, in arrival order, including failures. Replaced (not mutated) by reset(). */
  readonly calls: readonly CloudFrontCall[];
  /** Stored invalidations in creation order (all distributions when no id is given). */
  invalidations(distributionId?: string): StoredInvalidation[];
  /** Mark one invalidation Completed. Throws if unknown. */
  complete(invalidationId: string): void;
  /** Mark all invalidations (of one distribution, or all) Completed. */
  completeAll(distributionId?: string): void;
  /**
   * The next `times` requests of `operation` fail with `error` (before any validation; the
   * request is still recorded in `calls`, with `injected: true`). Calls queue up in order.
   */
  failNext(operation: CloudFrontOperation, error: InjectedError, times?: number): void;
  /** Injected failures not yet consumed. */
  pendingFailures(operation?: CloudFrontOperation): number;
  /** Give a distribution a CacheTagConfig with this header, or remove it (undefined). */
  setCacheTagHeader(distributionId: string, header: string | undefined): void;
  /** Forget invalidations, calls and pending failures. */
  reset(): void;
  /** Close the server and its keep-alive connections. Idempotent. */
  stop(): Promise<void>;
}

export function startCloudFront(opts?: CloudFrontStandInOptions): Promise<CloudFrontStandIn>;

/** CloudFront's rules for one invalidation path: an error message, or undefined when valid. */
export function checkPath(path: string, strictEncoding?: boolean): string | undefined;

export interface ParsedInvalidationBatch {
  quantity: number;
  items: string[];
  hasItems: boolean;
  callerReference: string | undefined;
}
/** Parse a CreateInvalidation request body (throws on malformed XML). */
export function parseInvalidationBatch(body: string): ParsedInvalidationBatch;

export function xmlEscape(s: string): string;
export function xmlUnescape(s: string): string;
