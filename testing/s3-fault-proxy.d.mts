/** When a request matches every field given, the proxy answers an S3 error (or resets) instead of forwarding. */
export interface FaultRule {
  /** HTTP method, case-insensitive (PUT, GET, HEAD, POST, DELETE). Default: any. */
  method?: string;
  /** Substring of the request path (bucket/key), matched against both the raw and the URL-decoded path. */
  keyIncludes?: string;
  /**
   * A query parameter the request must have, e.g. 'partNumber' (UploadPart), 'uploadId' (any multipart
   * call on an upload), 'uploads' (CreateMultipartUpload), 'list-type' (ListObjectsV2); or an exact
   * 'name=value' pair as sent.
   */
  query?: string;
  /** How many matching requests fail; the rule is spent after that. Default: every time. */
  times?: number;
  /** HTTP status of the injected error, 400-599. Default 503. */
  status?: number;
  /**
   * S3 error code, e.g. 'SlowDown', 'InternalError', 'ServiceUnavailable'. Default from the status:
   * 503 SlowDown, 500 InternalError, 403 AccessDenied, 404 NoSuchKey, 400 BadRequest.
   */
  code?: string;
  /** Error message in the XML. Default: S3's usual text for the code. */
  message?: string;
  /** Destroy the client's socket instead of answering (the client sees ECONNRESET / socket hang up). */
  reset?: boolean;
}

export interface ProxyCall {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Date.now() when the request arrived (to see the client's retry backoff). */
  at: number;
  /** Status answered (the upstream's, or the injected one); 0 for a reset or an unanswered request. */
  status: number;
  /** True when a rule matched (an injected error or reset). */
  injected: boolean;
  /** The injected error code. */
  code?: string;
  /** True when the connection was reset by a rule. */
  reset?: boolean;
  /** Upstream connection error, if forwarding failed (answered 502). */
  error?: string;
  /** The request headers as received (names lower-case). */
  headers: Record<string, string | string[] | undefined>;
  /** With enforceConditionalWrites: whether a conditional write's preconditions held ('failed': answered 412). */
  precondition?: 'met' | 'failed';
}

export interface FaultProxyOptions {
  /**
   * Implement S3's conditional writes, which fauxqs ignores: a PUT (or CompleteMultipartUpload) with
   * `If-None-Match: *` is answered 412 PreconditionFailed when the key exists, one with `If-Match: <etag>` when
   * the key is missing or has another ETag (real S3: 404 NoSuchKey for a missing key). Writes to one key are
   * serialized meanwhile. Default false; see also FaultProxy.enforceConditionalWrites().
   */
  enforceConditionalWrites?: boolean;
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: use as the S3 endpoint with `forcePathStyle: true`. */
  readonly endpoint: string;
  readonly port: number;
  /** The live rules, in the order given; the first that matches a request is used (`times` counts down). */
  readonly rules: readonly FaultRule[];
  /** Every request, in arrival order (forwarded and injected). Emptied by clear(). */
  readonly calls: readonly ProxyCall[];
  /** How many 412 PreconditionFailed the conditional-write enforcement answered (reset by clear()). */
  readonly preconditionFailures: number;
  /** Turn conditional-write enforcement on or off (see FaultProxyOptions). */
  enforceConditionalWrites(on: boolean): void;
  /** Add a rule. */
  failWhen(rule: FaultRule): void;
  /** Failures still to inject (Infinity when a rule has no `times`). */
  pending(): number;
  /** Forget every rule, every recorded call and the 412 count. */
  clear(): void;
  /** Close the server and its connections. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Start a proxy on 127.0.0.1 (random port) in front of a local S3-compatible server. `target` must be an
 * http URL on 127.0.0.1 / localhost (e.g. `S3StandIn.endpoint`); anything else throws.
 */
export function startFaultProxy(target: string, options?: FaultProxyOptions): Promise<FaultProxy>;
