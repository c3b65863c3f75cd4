// A lean PutObject: the request signed with the SDK's own SigV4 signer (@smithy/signature-v4) and sent on node's
// keep-alive agent, for the single-PUT uploads that are nearly every request of a deploy. The SDK's per-command
// middleware (endpoint rules, schema serialisation, retry tokens, payload hashing) costs about 4x the CPU of
// the request itself: 2,000 PUTs of 1-25 KiB to the local S3 server took 5.4 s of client CPU through the SDK
// and 1.2 s this way. Everything else (listing, HEAD, records, multipart, deletes) stays on the SDK.
//
// The bucket's endpoint is the one the SDK itself resolved: captured from the run's first ListObjectsV2 of the
// bucket (which every upload run makes first), with the signing region and service from its credential scope.
// Until then, or for a bucket the SDK signs differently (S3 Express, access point ARNs, SigV4a), uploads go
// through the SDK.
import { createHash, createHmac } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';

/** Where the bucket's objects are: `${protocol}//${hostname}:${port}${basePath}/${key}`. */
export interface BucketEndpoint {
  protocol: 'http:' | 'https:';
  hostname: string;
  port?: number;
  /** '' for a virtual-hosted bucket, '/bucket' (after any endpoint path) for path-style addressing. */
  basePath: string;
  signingRegion: string;
  signingService: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface LeanPutter {
  endpoint: BucketEndpoint;
  /** The SDK client's credential provider (cached and refreshed by the SDK). */
  credentials: () => Promise<Credentials>;
  /** The SDK client's clock offset (it corrects it on RequestTimeTooSkewed); read per request. */
  clockOffsetMs: () => number;
  onClockSkew: (offsetMs: number) => void;
  agent: http.Agent | https.Agent;
  /** No byte moves on the socket for this long: the request fails with ETIMEDOUT (and is retried). */
  idleTimeoutMs?: number;
}

/** The request as the SDK captured it, in the shape of @smithy/protocol-http's HttpRequest. */
export interface CapturedRequest {
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
  headers?: Record<string, string>;
}

/**
 * The bucket's endpoint from a signed ListObjectsV2 request of it, or null when the request is not one a lean
 * PUT can copy (not SigV4, an S3 Express session, a query-string endpoint).
 */
export function endpointFromRequest(req: CapturedRequest): BucketEndpoint | null {
  const auth = req.headers?.authorization ?? req.headers?.Authorization ?? '';
  const scope = /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request,/.exec(auth);
  if (!scope || (req.protocol !== 'http:' && req.protocol !== 'https:') || !req.hostname) return null;
  if (req.headers?.['x-amz-s3session-token'] !== undefined || /--x-s3$|\.s3express-/.test(req.hostname)) return null;
  const path = req.path ?? '/';
  if (path.includes('?')) return null;
  return {
    protocol: req.protocol,
    hostname: req.hostname,
    ...(req.port !== undefined && { port: req.port }),
    basePath: path.replace(/\/+$/, ''),
    signingRegion: scope[1]!,
    signingService: scope[2]!,
  };
}

/** An object key as a URL path, the way the SDK sends it: each `/`-separated segment percent-encoded (RFC 3986). */
export function keyPath(key: string): string {
  return key
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** The S3 error a non-2xx answer carries, shaped like the SDK's (name = Code, $metadata.httpStatusCode). */
export class S3ResponseError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId?: string };
  readonly $fault: 'client' | 'server';
  readonly Code: string;
  constructor(status: number, code: string, message: string, requestId?: string) {
    super(message || `HTTP ${status}`);
    this.name = code || (status >= 500 ? 'ServerError' : `Http${status}`);
    this.Code = this.name;
    this.$metadata = { httpStatusCode: status, ...(requestId && { requestId }) };
    this.$fault = status >= 500 ? 'server' : 'client';
  }
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData): string | Uint8Array =>
  typeof d === 'string' ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d);

class NodeSha256 {
  private readonly h;
  constructor(secret?: SourceData) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.h.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.h.digest());
  }
}

const signers = new WeakMap<BucketEndpoint, SignatureV4>();
function signerFor(p: LeanPutter): SignatureV4 {
  let s = signers.get(p.endpoint);
  if (!s) {
    // The credentials are read per request (they may be refreshed); the signer caches the signing key per day.
    s = new SignatureV4({
      service: p.endpoint.signingService,
      region: p.endpoint.signingRegion,
      credentials: p.credentials,
      sha256: NodeSha256,
      uriEscapePath: false, // S3 signs the path as sent
      applyChecksum: false,
    });
    signers.set(p.endpoint, s);
  }
  return s;
}

/**
 * One PutObject. `headers` are the object's (Content-Type, Cache-Control, Content-MD5, x-amz-meta-*, ...); the
 * body is a buffer, or a file streamed from disk (opened afresh per call, so a retry re-reads it). The payload is
 * not hashed into the signature (UNSIGNED-PAYLOAD, as the SDK does over HTTPS): Content-MD5 already makes S3
 * reject any body that is not the one planned. Resolves to the new object's ETag (unquoted).
 */
export async function leanPut(
  p: LeanPutter,
  key: string,
  body: Buffer | { file: string; size: number },
  headers: Record<string, string>,
): Promise<string> {
  const { endpoint } = p;
  const length = Buffer.isBuffer(body) ? body.length : body.size;
  const host = endpoint.port !== undefined ? `${endpoint.hostname}:${endpoint.port}` : endpoint.hostname;
  const request = {
    method: 'PUT',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port !== undefined && { port: endpoint.port }),
    path: `${endpoint.basePath}/${keyPath(key)}`,
    query: {},
    headers: { ...headers, host, 'content-length': String(length), 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  };
  const signed = await signerFor(p).sign(request, { signingDate: new Date(Date.now() + p.clockOffsetMs()) });
  return send(p, signed.path, signed.headers as Record<string, string>, body);
}

function send(
  p: LeanPutter,
  path: string,
  headers: Record<string, string>,
  body: Buffer | { file: string; size: number },
): Promise<string> {
  const { endpoint } = p;
  const lib = endpoint.protocol === 'https:' ? https : http;
  return new Promise<string>((resolve, reject) => {
    const req = lib.request(
      { agent: p.agent, method: 'PUT', protocol: endpoint.protocol, hostname: endpoint.hostname, port: endpoint.port, path, headers },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          res.resume();
          res.on('end', () => resolve(String(res.headers.etag ?? '').replace(/^"|"$/g, '')));
          res.on('error', reject);
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => reject(responseError(p, status, res.headers, Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.setTimeout(p.idleTimeoutMs ?? 120_000, () => {
      req.destroy(Object.assign(new Error(`PUT ${path}: no progress for ${p.idleTimeoutMs ?? 120_000} ms`), { code: 'ETIMEDOUT' }));
    });
    req.on('error', reject);
    if (Buffer.isBuffer(body)) {
      req.end(body);
      return;
    }
    const file = createReadStream(body.file, { highWaterMark: 1024 * 1024 });
    file.on('error', (err) => req.destroy(err));
    req.on('error', () => file.destroy());
    file.pipe(req);
  });
}

function responseError(p: LeanPutter, status: number, headers: http.IncomingHttpHeaders, xml: string): S3ResponseError {
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
  const code = tag('Code');
  const err = new S3ResponseError(status, code, decodeXml(tag('Message')), String(headers['x-amz-request-id'] ?? '') || undefined);
  // As the SDK's errors carry it: the access key id S3 names in a credentials error (SignatureDoesNotMatch, ...).
  const keyId = tag('AWSAccessKeyId');
  if (keyId) Object.assign(err, { AWSAccessKeyId: decodeXml(keyId) });
  // As the SDK does: learn the clock offset from the server's Date and let the retry sign with it.
  const serverDate = Date.parse(String(headers.date ?? ''));
  if (code === 'RequestTimeTooSkewed' && Number.isFinite(serverDate)) {
    p.onClockSkew(serverDate - Date.now());
    Object.assign(err, { $retryable: {} });
  }
  return err;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e] !== undefined) return named[e];
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(n) ? String.fromCodePoint(n) : m;
  });
}
