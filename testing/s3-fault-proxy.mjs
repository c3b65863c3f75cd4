// S3 fault-injecting proxy: a plain node:http server on 127.0.0.1 that forwards every request to a local
// S3-compatible server (fauxqs from testing/s3-server.mjs) unchanged, streaming bodies both ways, and,
// when a rule matches, answers an S3 XML error instead (503 SlowDown by default) or resets the connection.
//
// Plain ESM JavaScript (runs on Node 20 under jest); types in s3-fault-proxy.d.mts.
//
//   const s3 = await startS3({ buckets: ['b'] });
//   const proxy = await startFaultProxy(s3.endpoint);
//   proxy.failWhen({ method: 'PUT', keyIncludes: 'app.js', times: 2, code: 'SlowDown' });
//   new S3Client({ endpoint: proxy.endpoint, forcePathStyle: true, ... });
//   ...
//   await proxy.stop();
//
// Every call is recorded with the request headers as received (so a test can prove, say, that no `x-amz-acl`
// is ever sent).
//
// Conditional writes (opt-in: `startFaultProxy(endpoint, { enforceConditionalWrites: true })` or
// `proxy.enforceConditionalWrites(true)`): fauxqs ignores `If-None-Match` / `If-Match` on writes, so the proxy
// implements S3's semantics itself. A PutObject / CopyObject / CompleteMultipartUpload carrying
// `If-None-Match: *` is answered 412 PreconditionFailed if the key exists; one carrying `If-Match: <etag>` is
// answered 412 if the key is missing or its ETag differs (real S3 answers 404 NoSuchKey for a missing key).
// The proxy HEADs the upstream to decide. Writes to one key (PUT except UploadPart, DELETE, POST ?uploadId)
// are serialized while enforcement is on, a write being finished when its response is, so two conditional
// writes never both see the key absent. DeleteObjects (POST ?delete) is not serialized.
//
// Headers are forwarded exactly as the client sent them, Host included (SigV4 signs Host; fauxqs does not
// check signatures, so the proxy's host:port in Host is harmless). The one exception is `Expect:
// 100-continue`: the proxy answers it itself (as S3 does: an injected error is sent before the body, so the
// client never sends it), and does not pass it on.

import { closer, listenOnLoopback } from './loopback.mjs';
import http from 'node:http';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const DEFAULT_CODE = {
  400: 'BadRequest',
  403: 'AccessDenied',
  404: 'NoSuchKey',
  500: 'InternalError',
  503: 'SlowDown',
};

const MESSAGES = {
  SlowDown: 'Please reduce your request rate.',
  InternalError: 'We encountered an internal error. Please try again.',
  ServiceUnavailable: 'Service is unable to handle request.',
  AccessDenied: 'Access Denied',
};

function xmlEscape(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** @param {import('./s3-fault-proxy.d.mts').FaultRule} rule @param {string} method @param {string} rawUrl */
function matches(rule, method, rawUrl) {
  if (rule.times !== undefined && rule.times <= 0) return false;
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  let url;
  try {
    url = new URL(rawUrl, 'http://proxy.invalid');
  } catch {
    return false;
  }
  if (rule.keyIncludes !== undefined) {
    let decoded = url.pathname;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      // keep the raw form
    }
    if (!decoded.includes(rule.keyIncludes) && !url.pathname.includes(rule.keyIncludes)) return false;
  }
  if (rule.query !== undefined) {
    const q = rule.query;
    if (q.includes('=')) {
      if (!url.search.slice(1).split('&').includes(q)) return false;
    } else if (!url.searchParams.has(q)) {
      return false;
    }
  }
  return true;
}

/** An entity-tag without quotes or weak prefix. */
function bareEtag(tag) {
  return String(tag ?? '')
    .trim()
    .replace(/^W\//, '')
    .replace(/^"|"$/g, '');
}

/** `If-Match` / `If-None-Match` values: '*' or a comma-separated list of entity-tags. */
function etagList(value) {
  return String(value)
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => (t === '*' ? '*' : bareEtag(t)));
}

/**
 * Whether a write's preconditions hold for the current object (null: none exists).
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string | null} current bare ETag of the current object
 * @returns {{ ok: true } | { ok: false, condition: string }}
 */
function evaluate(headers, current) {
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) {
    const tags = etagList(ifMatch);
    if (current === null || !(tags.includes('*') || tags.includes(current))) return { ok: false, condition: 'If-Match' };
  }
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined && current !== null) {
    const tags = etagList(ifNoneMatch);
    if (tags.includes('*') || tags.includes(current)) return { ok: false, condition: 'If-None-Match' };
  }
  return { ok: true };
}

/**
 * What kind of write a request is, for enforcement: 'conditional' (its preconditions are checked), 'write'
 * (serialized with the others on its key), or null (passed through).
 */
function writeKind(method, rawUrl, headers) {
  let url;
  try {
    url = new URL(rawUrl, 'http://proxy.invalid');
  } catch {
    return null;
  }
  // path-style: /bucket/key; a bucket-level request has no key.
  if (!/^\/[^/]+\/.+/.test(url.pathname)) return null;
  const q = url.searchParams;
  const conditional = headers['if-match'] !== undefined || headers['if-none-match'] !== undefined;
  if (method === 'PUT') {
    if (q.has('partNumber') || q.has('tagging') || q.has('acl') || q.has('retention') || q.has('legal-hold')) return null;
    return conditional ? 'conditional' : 'write';
  }
  if (method === 'POST' && q.has('uploadId')) return conditional ? 'conditional' : 'write';
  if (method === 'DELETE' && !q.has('uploadId')) return conditional ? 'conditional' : 'write';
  return null;
}

/**
 * @param {string} target `http://127.0.0.1:PORT` of the S3 server.
 * @param {import('./s3-fault-proxy.d.mts').FaultProxyOptions} [options]
 * @returns {Promise<import('./s3-fault-proxy.d.mts').FaultProxy>}
 */
export async function startFaultProxy(target, options = {}) {
  const t = new URL(target);
  if (t.protocol !== 'http:' || !LOCAL_HOSTS.has(t.hostname)) {
    throw new Error(`s3-fault-proxy only forwards to a local http server, not ${target}`);
  }
  const targetHost = t.hostname.replace(/^\[|\]$/g, '');
  const targetPort = Number(t.port || 80);

  /** @type {import('./s3-fault-proxy.d.mts').FaultRule[]} */
  const rules = [];
  /** @type {import('./s3-fault-proxy.d.mts').ProxyCall[]} */
  const calls = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let enforcing = options.enforceConditionalWrites === true;
  let preconditionFailures = 0;
  /** Per path: the tail of the queue of writes to it (enforcement only). */
  const queues = new Map();

  /** Run `fn(done)` after every earlier write to `key`; the next one starts when `done` is called. */
  function serialize(key, fn) {
    const prev = queues.get(key) ?? Promise.resolve();
    let done = () => {};
    const mine = new Promise((resolve) => {
      done = () => resolve(undefined);
    });
    const tail = prev.then(() => mine);
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    void prev.then(() => fn(done));
  }

  /** HEAD the object upstream: its bare ETag, or null when there is none. */
  function currentEtag(pathname) {
    return new Promise((resolve, reject) => {
      const r = http.request(
        { host: targetHost, port: targetPort, method: 'HEAD', path: pathname, agent, headers: { host: `${t.host}` } },
        (up) => {
          up.resume();
          if (up.statusCode === 404) resolve(null);
          else if (up.statusCode !== undefined && up.statusCode < 300) resolve(bareEtag(/** @type {string} */ (up.headers.etag)));
          else reject(new Error(`HEAD ${pathname} answered ${up.statusCode}`));
        },
      );
      r.on('error', reject);
      r.end();
    });
  }

  /** The first live rule that matches, with one use consumed. */
  function take(method, url) {
    const rule = rules.find((r) => matches(r, method, url));
    if (rule && rule.times !== undefined) rule.times -= 1;
    return rule;
  }

  function answerError(req, res, rule, call) {
    const status = rule.status ?? 503;
    const code = rule.code ?? DEFAULT_CODE[status] ?? (status >= 500 ? 'InternalError' : 'BadRequest');
    const requestId = `fault-${calls.length}`;
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(code)}</Code>` +
      `<Message>${xmlEscape(rule.message ?? MESSAGES[code] ?? `Injected ${code}`)}</Message>` +
      `<RequestId>${requestId}</RequestId><HostId>s3-fault-proxy</HostId></Error>`;
    call.status = status;
    call.code = code;
    const headers = {
      'content-type': 'application/xml',
      'x-amz-request-id': requestId,
      'x-amz-id-2': 's3-fault-proxy',
    };
    if (req.method === 'HEAD') {
      res.writeHead(status, headers);
      res.end();
    } else {
      res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }
  }

  function forward(req, res, call, continued) {
    const headers = { ...req.headers };
    if (continued) delete headers.expect;
    const upstream = http.request({ host: targetHost, port: targetPort, method: req.method, path: req.url, headers, agent }, (up) => {
      call.status = up.statusCode ?? 0;
      res.writeHead(up.statusCode ?? 502, up.statusMessage, up.rawHeaders);
      up.pipe(res);
      up.on('error', () => res.destroy());
    });
    upstream.on('error', (err) => {
      call.error = err.message;
      if (!res.headersSent) {
        call.status = 502;
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`s3-fault-proxy: upstream error: ${err.message}`);
      } else {
        res.destroy();
      }
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  }

  /** Answer an error instead of forwarding, reading (or refusing) the body as S3 would. */
  function refuse(req, res, rule, call, expectsContinue) {
    if (expectsContinue) {
      // Like S3: answer before the body is sent; the connection cannot be reused for the next request.
      res.setHeader('connection', 'close');
      answerError(req, res, rule, call);
      req.resume();
      return;
    }
    // Read the whole body first (the client is sending it), then answer.
    req.resume();
    req.on('end', () => answerError(req, res, rule, call));
    req.on('error', () => res.destroy());
  }

  /** A write under enforcement: wait for the key's earlier writes, check its preconditions, then forward. */
  function enforced(req, res, call, expectsContinue, kind) {
    const pathname = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
    serialize(pathname, async (done) => {
      res.once('close', done);
      if (kind === 'conditional') {
        let current;
        try {
          current = await currentEtag(pathname);
        } catch (err) {
          call.error = err instanceof Error ? err.message : String(err);
          refuse(req, res, { status: 502, code: 'InternalError', message: `s3-fault-proxy: ${call.error}` }, call, expectsContinue);
          return;
        }
        const verdict = evaluate(req.headers, current);
        call.precondition = verdict.ok ? 'met' : 'failed';
        if (!verdict.ok) {
          preconditionFailures += 1;
          const message = 'At least one of the pre-conditions you specified did not hold';
          refuse(req, res, { status: 412, code: 'PreconditionFailed', message }, call, expectsContinue);
          return;
        }
      }
      if (expectsContinue) res.writeContinue();
      forward(req, res, call, expectsContinue);
    });
  }

  /** @param {boolean} expectsContinue the client waits for `100 Continue` before sending the body */
  function handle(req, res, expectsContinue) {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const rule = take(method, url);
    /** @type {import('./s3-fault-proxy.d.mts').ProxyCall} */
    const call = { method, url, status: 0, injected: rule !== undefined, at: Date.now(), headers: { ...req.headers } };
    calls.push(call);
    if (rule?.reset) {
      call.reset = true;
      req.socket.destroy();
      return;
    }
    if (rule) {
      refuse(req, res, rule, call, expectsContinue);
      return;
    }
    const kind = enforcing ? writeKind(method, url, req.headers) : null;
    if (kind !== null) {
      enforced(req, res, call, expectsContinue, kind);
      return;
    }
    if (expectsContinue) res.writeContinue();
    forward(req, res, call, expectsContinue);
  }

  const server = http.createServer((req, res) => handle(req, res, false));
  server.on('checkContinue', (req, res) => handle(req, res, true));
  server.on('clientError', (_err, socket) => socket.destroy());

  const close = closer(server);
  const port = await listenOnLoopback(server, 0);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    rules,
    calls,
    get preconditionFailures() {
      return preconditionFailures;
    },
    enforceConditionalWrites(on) {
      enforcing = on;
    },
    failWhen(rule) {
      if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) {
        throw new Error(`failWhen: times must be a whole number >= 0, got ${rule.times}`);
      }
      if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)) {
        throw new Error(`failWhen: status must be 400-599, got ${rule.status}`);
      }
      rules.push({ ...rule });
    },
    pending() {
      return rules.reduce((n, r) => n + (r.times === undefined ? Infinity : Math.max(0, r.times)), 0);
    },
    clear() {
      rules.length = 0;
      calls.length = 0;
      preconditionFailures = 0;
    },
    async stop() {
      agent.destroy();
      await close();
    },
  };
}
