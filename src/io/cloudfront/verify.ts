// Post-invalidation check (`verify-url`): GET a bounded sample of the invalidated exact paths from the
// site's public URL and compare each body's MD5 with the MD5 of the bytes uploaded. Thin I/O (global fetch),
// no workflow commands: the caller reports the results.
//
// The MD5 is computed over the body as fetch returns it, i.e. after fetch (undici) has transparently decoded
// a gzip / deflate / br Content-Encoding, so a CloudFront distribution with automatic compression still
// yields the uploaded bytes. This assumes the action uploads files uncompressed (it sets no Content-Encoding);
// a file uploaded pre-compressed with `Content-Encoding: gzip` would hash differently and show as stale.
import { createHash } from 'node:crypto';
import type { VerifyResult, VerifyStatus, VerifyTarget } from '../../model/data.js';
import { isExactPath, joinUrl, normalizeBaseUrl } from '../../model/site-url.js';

export interface VerifyOptions {
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Per request (headers and body), in ms. Default 10000. */
  timeoutMs?: number;
  /** Default: the global fetch. */
  fetchImpl?: typeof fetch;
  /** Default `s3-cloudfront-deploy-verify`. */
  userAgent?: string;
  /** Bodies larger than this are not read further and reported as 'error'. Default 100 MiB. */
  maxBytes?: number;
}

export const DEFAULT_VERIFY_CONCURRENCY = 4;
export const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;
export const DEFAULT_VERIFY_MAX_BYTES = 100 * 1024 * 1024;
const DEFAULT_USER_AGENT = 's3-cloudfront-deploy-verify';

// Duck-typed, not `instanceof Error`: errors thrown by Node's built-in fetch come from another realm under
// some runners (e.g. jest's VM modules), where instanceof fails.
interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}
function isErrorLike(err: unknown): err is ErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as ErrorLike).message === 'string';
}

function errorMessage(err: unknown, timeoutMs: number): string {
  if (!isErrorLike(err)) return String(err);
  if (err.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  if (err.name === 'AbortError') return 'aborted';
  const message = String(err.message);
  const cause = err.cause;
  if (isErrorLike(cause)) {
    // undici: TypeError('fetch failed') with the socket error (ECONNREFUSED, ENOTFOUND, ...) as the cause.
    if (cause.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
    const causeMessage = String(cause.message);
    const code = typeof cause.code === 'string' && !causeMessage.includes(cause.code) ? cause.code : '';
    return `${message}: ${[code, causeMessage].filter(Boolean).join(' ') || 'unknown cause'}`;
  }
  return message;
}

async function verifyOne(
  base: string,
  target: VerifyTarget,
  fetchImpl: typeof fetch,
  timeoutMs: number,
  maxBytes: number,
  userAgent: string,
): Promise<VerifyResult> {
  const url = joinUrl(base, target.path);
  const result = (status: VerifyStatus, detail: string, extra: Partial<VerifyResult> = {}): VerifyResult => ({
    path: target.path,
    url,
    status,
    ...extra,
    detail,
  });
  if (!isExactPath(target.path)) return result('error', 'not an exact path (must start with "/" and have no "*")');
  const expectedMd5 = target.md5.toLowerCase();

  // fetch parses the URL (WHATWG): dot segments such as `/a/../b` would be collapsed, fetching another object.
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (err) {
    return result('error', `invalid URL: ${errorMessage(err, timeoutMs)}`);
  }
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  if (parsed.pathname !== basePath + url.slice(base.length)) {
    return result('error', `the URL path is normalized to ${parsed.pathname} by URL parsing; not verifiable`);
  }

  let response: Response;
  try {
    // A plain GET, as a visitor's browser would send it (no cache-busting headers): the point is to see what
    // users get. Redirects are followed and recorded.
    response = await fetchImpl(url, {
      method: 'GET',
      redirect: 'follow',
      headers: { 'user-agent': userAgent, accept: '*/*' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    return result('error', `request failed: ${errorMessage(err, timeoutMs)}`);
  }
  const extra: Partial<VerifyResult> = { httpStatus: response.status };
  let via = '';
  if (response.redirected && response.url && response.url !== url) {
    extra.redirectedTo = response.url;
    via = ` (redirected to ${response.url})`;
  }
  if (response.status >= 400) {
    await response.body?.cancel().catch(() => undefined);
    return result('error', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${via}`, extra);
  }
  if (response.status < 200 || response.status >= 300) {
    await response.body?.cancel().catch(() => undefined);
    return result('error', `unexpected HTTP ${response.status}${via}`, extra);
  }

  let read: { md5: string; bytes: number } | null;
  try {
    read = await bodyMd5(response, maxBytes);
  } catch (err) {
    return result('error', `reading the body failed: ${errorMessage(err, timeoutMs)}${via}`, extra);
  }
  if (read === null) return result('error', `body larger than ${maxBytes} bytes; not compared${via}`, extra);
  const { md5: got, bytes } = read;
  if (got === expectedMd5) return result('fresh', `md5 ${got} (${bytes} bytes) matches${via}`, extra);
  return result('stale', `got md5 ${got} (${bytes} bytes), expected ${expectedMd5}${via}`, extra);
}

/** MD5 and length of the response body, read as a stream; null (the rest cancelled) once it passes `maxBytes`. */
async function bodyMd5(response: Response, maxBytes: number): Promise<{ md5: string; bytes: number } | null> {
  const hash = createHash('md5');
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      hash.update(value);
    }
  }
  return { md5: hash.digest('hex'), bytes };
}

/**
 * GET `baseUrl` + each target's path and compare the body's MD5 with `target.md5`. Never throws for a
 * request failure (network error, timeout, HTTP >= 400 -> status 'error'); throws only for an invalid
 * `baseUrl` (see normalizeBaseUrl). Results are in the order of `targets`.
 */
export async function verifyUrls(baseUrl: string, targets: VerifyTarget[], opts: VerifyOptions = {}): Promise<VerifyResult[]> {
  const base = normalizeBaseUrl(baseUrl);
  const fetchImpl = opts.fetchImpl ?? fetch;
  const timeoutMs = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : DEFAULT_VERIFY_TIMEOUT_MS;
  const maxBytes = opts.maxBytes !== undefined && opts.maxBytes >= 0 ? opts.maxBytes : DEFAULT_VERIFY_MAX_BYTES;
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_VERIFY_CONCURRENCY) || 1);
  const userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;

  const results: VerifyResult[] = new Array(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const i = next++;
      const target = targets[i]!;
      try {
        results[i] = await verifyOne(base, target, fetchImpl, timeoutMs, maxBytes, userAgent);
      } catch (err) {
        results[i] = { path: target.path, url: joinUrl(base, target.path), status: 'error', detail: errorMessage(err, timeoutMs) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return results;
}
