export interface S3rverRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** HTTP status answered (0 if the response never finished). */
  status: number;
  /** Whether it carried a SigV4 Authorization header. */
  signed: boolean;
  /** The access key id of its Credential, or null. */
  accessKeyId: string | null;
}

export interface S3rverStandIn {
  /** `http://127.0.0.1:PORT`: use with `forcePathStyle: true` and the credentials below. */
  readonly endpoint: string;
  readonly port: number;
  /** Where s3rver keeps the objects (removed by stop()). */
  readonly directory: string;
  readonly accessKeyId: 'S3RVER';
  readonly secretAccessKey: 'S3RVER';
  /** Every S3 request since start or the last reset, in arrival order. */
  requests(): Promise<S3rverRequest[]>;
  resetRequests(): Promise<void>;
  /**
   * The S3RVER secret becomes 'ROTATED' once `sitePuts` more single PUTs of site objects (not the action's
   * `.s3cfd-` records, not parts) were accepted (0: now): a key rotated part way through a deploy.
   */
  rotateSecretAfter(sitePuts: number): Promise<void>;
  /** Stop the child (SIGTERM, SIGKILL after 3 s) and remove its directory. Idempotent. */
  stop(): Promise<void>;
}

/** Start s3rver 3.7.1 in a child process (`--openssl-legacy-provider`) on 127.0.0.1, with these buckets. */
export function startS3rver(opts?: { buckets?: string[]; nodePath?: string; startupTimeoutMs?: number }): Promise<S3rverStandIn>;
