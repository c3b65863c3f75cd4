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

/**
 * @param {string} target `http://127.0.0.1:PORT` of the S3 server.
 * @returns {Promise<import('./s3-fault-proxy.d.mts').FaultProxy>}
 */
export async function startFaultProxy(target) {
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

  /** @param {boolean} expectsContinue the client waits for `100 Continue` before sending the body */
  function handle(req, res, expectsContinue) {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const rule = take(method, url);
    /** @type {import('./s3-fault-proxy.d.mts').ProxyCall} */
    const call = { method, url, status: 0, injected: rule !== undefined, at: Date.now() };
    calls.push(call);
    if (rule?.reset) {
      call.reset = true;
      req.socket.destroy();
      return;
    }
    if (rule) {
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
    },
    async stop() {
      agent.destroy();
      await close();
    },
  };
}
