// A second local S3 server: s3rver 3.7.1 (file-backed) in a child process on 127.0.0.1, for what fauxqs
// (testing/s3-server.mjs) cannot show: it knows one key pair, S3RVER / S3RVER, and refuses any other access key
// id (InvalidAccessKeyId, 403). Note: s3rver 3.7.1 checks SigV2 signatures but NOT SigV4 ones (its
// middleware/authentication.js: "Signature version 4 calculation is unimplemented"); a SigV4 request with the
// right key id and a wrong secret is accepted. Every request is recorded (signed or not, key id, status).
//
// The child runs with --openssl-legacy-provider: without it, s3rver's continuation tokens give a 500.
//
//   const s3 = await startS3rver({ buckets: ['site'] });
//   new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: 'us-east-1',
//                  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
//   await s3.requests();   // [{ method: 'PUT', url: '/site/a.html', status: 200, signed: true, accessKeyId: 'S3RVER' }]
//   await s3.stop();
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 's3rver-child.mjs');

function control(port, method, urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * @param {{ buckets?: string[], nodePath?: string, startupTimeoutMs?: number }} [opts]
 */
export async function startS3rver(opts = {}) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const child = spawn(
    opts.nodePath ?? process.execPath,
    ['--openssl-legacy-provider', CHILD, JSON.stringify({ buckets: opts.buckets ?? [], directory, port: 0 })],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-8192)));
  child.stdin.on('error', () => {});
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`startS3rver: not ready in time. stderr: ${stderr}`)), opts.startupTimeoutMs ?? 20_000);
    void exited.then((code) => reject(new Error(`startS3rver: child exited (${code}). stderr: ${stderr}`)));
    lines.on('line', (line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      clearTimeout(timer);
      if (msg.ready) resolve(msg.port);
      else reject(new Error(`startS3rver: ${msg.error}`));
    });
  }).catch((err) => {
    kill();
    throw err;
  });
  child.unref();
  for (const s of [child.stdin, child.stdout, child.stderr]) s.unref?.();
  let stopping;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    directory,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async requests() {
      const res = await control(port, 'GET', '/__standin/requests');
      if (res.status !== 200) throw new Error(`s3rver requests: HTTP ${res.status}`);
      return JSON.parse(res.body);
    },
    async resetRequests() {
      await control(port, 'POST', '/__standin/requests/reset');
    },
    async rotateSecretAfter(sitePuts) {
      const res = await control(port, 'POST', `/__standin/rotate?afterSitePuts=${sitePuts}`);
      if (res.status !== 204) throw new Error(`s3rver rotate: HTTP ${res.status}`);
    },
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', kill);
        child.kill('SIGTERM');
        const timer = setTimeout(kill, 3000);
        await exited;
        clearTimeout(timer);
        lines.close();
        fs.rmSync(directory, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
