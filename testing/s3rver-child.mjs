// Child process for testing/s3rver-server.mjs: runs s3rver (a file-backed S3 server) on 127.0.0.1 with
// allowMismatchedSignatures: false, and records every S3 request it answers. The parent starts it with
// --openssl-legacy-provider (s3rver's page tokens need it on Node >= 17).
//
// s3rver 3.7.1 checks only the access key id of a SigV4 request, not its signature ("Signature version 4
// calculation is unimplemented"). So every request is checked here first, as S3 would: an unsigned one gets 403
// AccessDenied; one signed with the S3RVER key id is signed again with the npm package aws4 (an implementation
// of SigV4 independent of the @smithy/signature-v4 the action and the SDK use) over the same method, path,
// query and signed headers, and a different signature gets 403 SignatureDoesNotMatch. Other key ids go on to
// s3rver, which answers 403 InvalidAccessKeyId. (The payload hash is taken as given, not recomputed.)
//
// Protocol with the parent (as testing/s3-child.mjs):
//   argv[2]   JSON: { "buckets": ["a"], "directory": "/tmp/...", "port": 0 }
//   stdout    one JSON line once ready: { "ready": true, "port": 12345 } or { "ready": false, "error": "..." }
//   stdin     kept open by the parent; EOF (parent gone) ends the child. SIGTERM ends it too.
// Control routes (never S3: `_` is not allowed in bucket names):
//   GET  /__standin/requests         -> JSON [{ method, url, status, signed, accessKeyId, error }] since the last reset
//   POST /__standin/requests/reset   -> 204
//   POST /__standin/rotate?afterSitePuts=N -> 204: the S3RVER secret becomes ROTATED once N more PUTs of site
//                                       objects (keys without `.s3cfd-`) were accepted: a key rotated part way
//                                       through a deploy; every later request signed with the old secret fails
//                                       SignatureDoesNotMatch.
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const S3rver = require('s3rver');
const aws4 = require('aws4');

const KEY_ID = 'S3RVER';
const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/** The signature aws4 computes for this request with `secret`, or why it cannot; null when not ours to check. */
function checkSignature(req, secret) {
  const auth = String(req.headers.authorization ?? '');
  if (!auth) return { code: 'AccessDenied', message: 'Access Denied (the request is not signed)' };
  const m = AUTH.exec(auth);
  if (!m) return { code: 'AuthorizationHeaderMalformed', message: `Malformed Authorization header: ${auth}` };
  const [, keyId, date, region, service, signedList, given] = m;
  if (keyId !== KEY_ID) return null; // s3rver answers InvalidAccessKeyId
  const signed = signedList.split(';');
  const headers = {};
  for (const h of signed) {
    const v = req.headers[h];
    if (v === undefined) return { code: 'SignatureDoesNotMatch', message: `Signed header ${h} is missing` };
    headers[h] = Array.isArray(v) ? v.join(',') : v;
  }
  if (!String(headers['x-amz-date'] ?? '').startsWith(date)) {
    return { code: 'SignatureDoesNotMatch', message: 'x-amz-date does not match the credential scope date' };
  }
  const out = aws4.sign(
    {
      service,
      region,
      method: req.method,
      host: headers.host,
      path: req.url,
      headers,
      extraHeadersToInclude: Object.fromEntries(signed.map((h) => [h, true])),
    },
    { accessKeyId: keyId, secretAccessKey: secret },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(out.headers.Authorization)?.[1];
  const expectedSigned = /SignedHeaders=([^,]+),/.exec(out.headers.Authorization)?.[1];
  if (expectedSigned !== signedList) return { code: 'SignatureDoesNotMatch', message: `SignedHeaders ${signedList} != ${expectedSigned}` };
  if (expected !== given) {
    return {
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  return null;
}

function refuse(res, status, code, message) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message.replace(/[<>&]/g, ' ')}</Message><AWSAccessKeyId>${KEY_ID}</AWSAccessKeyId><RequestId>s3rver-child</RequestId></Error>`,
  );
}

const send = (msg) => process.stdout.write(JSON.stringify(msg) + '\n');

async function main() {
  const opts = JSON.parse(process.argv[2] ?? '{}');
  const s3rver = new S3rver({
    silent: true,
    directory: opts.directory,
    allowMismatchedSignatures: false,
    configureBuckets: (opts.buckets ?? []).map((name) => ({ name })),
  });
  await s3rver.configureBuckets();
  const app = s3rver.callback();
  let requests = [];
  let secret = 'S3RVER';
  /** Site PUTs still accepted with the current secret before it changes (Infinity: never). */
  let rotateAfter = Infinity;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/__standin/')) {
      const url = new URL(req.url, 'http://x');
      if (req.method === 'GET' && url.pathname === '/__standin/requests') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(requests));
      } else if (req.method === 'POST' && url.pathname === '/__standin/requests/reset') {
        requests = [];
        res.writeHead(204).end();
      } else if (req.method === 'POST' && url.pathname === '/__standin/rotate') {
        rotateAfter = Number(url.searchParams.get('afterSitePuts') ?? 0);
        if (rotateAfter <= 0) secret = 'ROTATED';
        res.writeHead(204).end();
      } else res.writeHead(404).end();
      return;
    }
    const auth = String(req.headers.authorization ?? '');
    const entry = {
      method: req.method,
      url: req.url,
      status: 0,
      signed: auth.startsWith('AWS4-HMAC-SHA256 '),
      accessKeyId: /Credential=([^/]+)\//.exec(auth)?.[1] ?? null,
    };
    requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const problem = checkSignature(req, secret);
    if (!problem && req.method === 'PUT' && !req.url.includes('.s3cfd-') && !/[?&](partNumber|uploadId)=/.test(req.url)) {
      if (--rotateAfter <= 0) secret = 'ROTATED';
    }
    if (problem) {
      entry.error = problem.code;
      req.resume(); // the body is not read: drain it so the connection can answer
      refuse(res, 403, problem.code, problem.message);
      return;
    }
    app(req, res);
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve, reject) => server.listen(opts.port ?? 0, '127.0.0.1', resolve).once('error', reject));
  send({ ready: true, port: server.address().port });
  const stop = () => {
    server.closeAllConnections?.();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((err) => {
  send({ ready: false, error: String(err?.stack ?? err) });
  process.exit(1);
});
