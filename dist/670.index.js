export const id = 670;
export const ids = [670];
export const modules = {

/***/ 9388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pg: () => (/* binding */ SMALL_FILE),
  tE: () => (/* binding */ absPathOf),
  DC: () => (/* binding */ hashFile),
  jH: () => (/* binding */ walkSource)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/io/fs/hash-pool.ts
// MD5 of many files on the other cores: worker threads take batches of files from one queue while the main
// thread walks the tree and serves the bucket listing (it hashes only until a thread is online, or alone for a
// small site or a single core). Every thread reads through one reused 1 MiB buffer: no allocation per file, and
// memory does not grow with file size. One worker per further core, at most 3: measured on 2 cores, a second
// worker made the 20,000-file redeploy slower (5.88 s vs 4.75 s), the cores being shared with the listing.




const SLICE = 1024 * 1024;
const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;
/** Below this much to hash, a worker's start-up (~30 ms) costs more than it saves. */
const MIN_BYTES_FOR_WORKERS = 8 * 1024 * 1024;
/** What a worker runs: the same reading and hashing as hashSync below, as plain CommonJS. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const slice = Buffer.allocUnsafe(${SLICE});
function md5Of(job) {
  const h = createHash('md5');
  const fd = fs.openSync(job.abs, 'r');
  try {
    let n;
    while ((n = fs.readSync(fd, slice, 0, slice.length, null)) > 0) h.update(slice.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}
parentPort.on('message', (jobs) => {
  try {
    parentPort.postMessage({ md5s: jobs.map(md5Of) });
  } catch (err) {
    parentPort.postMessage({ error: { message: err.message, code: err.code } });
  }
});
`;
/** The worker only hashes through its one buffer: a small heap keeps its resident memory small. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };
let mainSlice = null;
function hashSync(job) {
    const slice = (mainSlice ??= Buffer.allocUnsafe(SLICE));
    const h = (0,external_node_crypto_.createHash)('md5');
    const fd = external_node_fs_default().openSync(job.abs, 'r');
    try {
        let n;
        while ((n = external_node_fs_default().readSync(fd, slice, 0, slice.length, null)) > 0)
            h.update(slice.subarray(0, n));
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
    return h.digest('hex');
}
/** Consecutive runs of files, at most BATCH_FILES or BATCH_BYTES each (a large file is a batch of its own). */
function batchesOf(jobs) {
    const out = [];
    let start = 0;
    let bytes = 0;
    for (let i = 0; i < jobs.length; i++) {
        if (i > start && (i - start >= BATCH_FILES || bytes + jobs[i].size > BATCH_BYTES)) {
            out.push([start, i]);
            start = i;
            bytes = 0;
        }
        bytes += jobs[i].size;
    }
    if (start < jobs.length)
        out.push([start, jobs.length]);
    return out;
}
/** One worker per core beyond the first, at most 3. */
function defaultWorkers() {
    const cores = typeof (external_node_os_default()).availableParallelism === 'function' ? external_node_os_default().availableParallelism() : external_node_os_default().cpus().length;
    return Math.max(0, Math.min(3, cores - 1));
}
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
function startHashPool(workers = defaultWorkers()) {
    const threads = [];
    const queue = [];
    const counts = { workers: 0, main: 0 };
    const ready = () => threads.some((t) => t.ready && !t.exited);
    const dispatch = () => {
        for (const t of threads) {
            if (!t.ready || t.exited || t.task || queue.length === 0)
                continue;
            t.task = queue.shift();
            t.worker.postMessage(t.task.jobs.map((j) => ({ abs: j.abs, size: j.size })));
        }
    };
    for (let i = 0; i < workers; i++) {
        let worker;
        try {
            worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, resourceLimits: WORKER_LIMITS });
        }
        catch {
            break; // no threads here: the main thread hashes
        }
        const t = { worker, ready: false, task: null };
        worker.once('online', () => {
            t.ready = true;
            dispatch();
        });
        worker.on('message', (msg) => {
            const task = t.task;
            t.task = null;
            if (task) {
                if (msg.md5s) {
                    counts.workers++;
                    task.resolve(msg.md5s);
                }
                else
                    task.reject(Object.assign(new Error(msg.error?.message ?? 'hash worker: no result'), { code: msg.error?.code }));
            }
            dispatch();
        });
        const lost = () => {
            // A thread that has ended is never given work again; its batch goes back to the queue.
            t.exited = true;
            if (t.task)
                queue.unshift(t.task);
            t.task = null;
            if (!ready())
                void drainOnMain();
        };
        worker.on('error', lost);
        worker.once('exit', lost);
        threads.push(t);
    }
    let draining = false;
    async function drainOnMain() {
        if (draining)
            return;
        draining = true;
        try {
            while (queue.length > 0 && !ready()) {
                const task = queue.shift();
                try {
                    task.resolve(task.jobs.map(hashSync));
                    counts.main++;
                }
                catch (err) {
                    task.reject(err);
                }
                await yieldToEventLoop();
            }
        }
        finally {
            draining = false;
        }
    }
    return {
        hashAll: async (jobs, opts = {}) => {
            const batches = batchesOf(jobs);
            const bytes = jobs.reduce((sum, j) => sum + j.size, 0);
            const progress = (n) => opts.onBatch?.(n);
            if (bytes < (opts.minBytesForWorkers ?? MIN_BYTES_FOR_WORKERS) || threads.every((t) => t.exited)) {
                // Small: the main thread alone, in batches with the event loop running between them.
                const md5s = [];
                for (const [start, end] of batches) {
                    for (let i = start; i < end; i++)
                        md5s.push(hashSync(jobs[i]));
                    counts.main++;
                    progress(end - start);
                    await yieldToEventLoop();
                }
                return md5s;
            }
            const parts = batches.map(([start, end]) => new Promise((resolve, reject) => {
                queue.push({
                    jobs: jobs.slice(start, end),
                    resolve: (m) => {
                        progress(m.length);
                        resolve(m);
                    },
                    reject,
                });
            }));
            dispatch();
            if (!ready())
                void drainOnMain();
            return (await Promise.all(parts)).flat();
        },
        close: async () => {
            queue.length = 0;
            await Promise.all(threads.map((t) => t.worker.terminate()));
        },
        batches: counts,
    };
}

// EXTERNAL MODULE: ./src/model/data.ts
var data = __webpack_require__(6681);
;// CONCATENATED MODULE: ./src/io/fs/walk.ts
// Walk and hash the build directory safely: no symlink leaves it, hidden files stay home, memory does not
// grow with file size (streamed hashing).








const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/**
 * Files up to this size are read whole: a stream allocates a full highWaterMark buffer per read, which for many
 * small files costs more than the hashing (20,000 files of 1-50 KiB: 14.4 s streamed vs 2.4 s read on Node 24).
 */
const SMALL_FILE = 1024 * 1024;
/** MD5 of the whole file and, when `partSize` is given, the S3 multipart ETag md5(md5(p1)..md5(pN))-N. */
async function hashFile(absPath, partSize) {
    const whole = (0,external_node_crypto_.createHash)('md5');
    const partDigests = [];
    let part = partSize ? (0,external_node_crypto_.createHash)('md5') : null;
    let inPart = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(absPath, { highWaterMark: 1024 * 1024 })) {
        whole.update(chunk);
        if (!part || !partSize)
            continue;
        let offset = 0;
        while (offset < chunk.length) {
            const take = Math.min(partSize - inPart, chunk.length - offset);
            part.update(chunk.subarray(offset, offset + take));
            inPart += take;
            offset += take;
            if (inPart === partSize) {
                partDigests.push(part.digest());
                part = (0,external_node_crypto_.createHash)('md5');
                inPart = 0;
            }
        }
    }
    if (part && inPart > 0)
        partDigests.push(part.digest());
    const md5 = whole.digest('hex');
    if (!partSize || partDigests.length === 0)
        return { md5 };
    const multipartEtag = `${(0,external_node_crypto_.createHash)('md5').update(Buffer.concat(partDigests)).digest('hex')}-${partDigests.length}`;
    return { md5, multipartEtag };
}
const walk_yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
function isInside(root, target) {
    const rel = external_node_path_default().relative(root, target);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
async function walkSource(sourceDir, opts) {
    // The hash threads boot while the tree is walked, and hash what it has found at every pause of the walk.
    const pool = startHashPool(opts.hashWorkers);
    const found = [];
    const parts = [];
    let submitted = 0;
    let hashed = 0;
    /** Queue the files found since the last call. A site found in one go may stay on the main thread (small). */
    const submit = () => {
        const part = pool.hashAll(found.slice(submitted), {
            ...(parts.length > 0 || !walked ? { minBytesForWorkers: 0 } : {}),
            onBatch: (n) => {
                const before = hashed;
                hashed += n;
                if (opts.onProgress && Math.floor(hashed / 1000) > Math.floor(before / 1000))
                    opts.onProgress(hashed);
            },
        });
        part.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
        parts.push(part);
        submitted = found.length;
    };
    let walked = false;
    try {
        const root = await promises_default().realpath(sourceDir);
        const pause = () => {
            if (found.length > submitted)
                submit();
        };
        const w = { root, opts, found, skipped: [], warnings: [], sliceStart: Date.now(), pause };
        await walkDir(w, root, '', new Set([root]));
        walked = true;
        if (found.length > submitted || parts.length === 0)
            submit();
        const md5s = (await Promise.all(parts)).flat();
        const files = found.map((f, i) => ({ path: f.rel, size: f.size, md5: md5s[i] }));
        const manifests = await readManifests(root, found, opts.manifestGlobs);
        return { files, skipped: w.skipped, warnings: w.warnings, manifests };
    }
    finally {
        await pool.close();
    }
}
// A symlink may give one directory a second name (both are deployed); only a link back to an ancestor
// of the current directory is a loop.
// Synchronous fs calls: one syscall each instead of a thread-pool round trip, which for many small entries
// is most of the cost. The walk runs in slices of about 40 ms, between which the concurrent listing's
// responses are handled: yielding at every directory let the listing's parsing starve the walk (and the hash
// threads waiting for it) on a redeploy.
const WALK_SLICE_MS = 40;
async function walkDir(w, absDir, relDir, ancestors) {
    if (Date.now() - w.sliceStart > WALK_SLICE_MS) {
        w.pause();
        await walk_yieldToEventLoop();
        w.sliceStart = Date.now();
    }
    const entries = external_node_fs_default().readdirSync(absDir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries)
        await visitEntry(w, entry, absDir, relDir, ancestors);
}
/** One directory entry: descend into a directory, keep a file, or record why it is skipped. */
async function visitEntry(w, entry, absDir, relDir, ancestors) {
    const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
    const abs = external_node_path_default().join(absDir, entry.name);
    const kind = entry.isSymbolicLink() ? followSymlink(w, abs, rel) : { real: abs, isDir: entry.isDirectory(), isFile: entry.isFile() };
    if (!kind)
        return;
    const { real, isDir, isFile } = kind;
    if (isDir) {
        if (!w.opts.filter.mayDescend(rel)) {
            w.skipped.push({ path: `${rel}/`, reason: w.opts.filter.skipReason(`${rel}/x`) ?? 'dotfile' });
            return;
        }
        if (ancestors.has(real)) {
            w.warnings.push({ path: rel, message: `Skipped symlink ${rel}: it loops back to one of its parent directories` });
            return;
        }
        await walkDir(w, real, rel, new Set(ancestors).add(real));
    }
    else if (isFile) {
        const reason = w.opts.filter.skipReason(rel);
        if (reason) {
            w.skipped.push({ path: rel, reason });
            return;
        }
        w.found.push({ rel, abs: real, size: (0,data/* wholeBytes */.fq)(external_node_fs_default().statSync(real).size) });
    }
}
/** Where a symlink leads and what is there, or null (recorded as skipped) when it is broken, leaves the tree or is hidden. */
function followSymlink(w, abs, rel) {
    let real;
    try {
        real = external_node_fs_default().realpathSync(abs);
    }
    catch {
        w.warnings.push({ path: rel, message: `Skipped broken symlink ${rel}` });
        w.skipped.push({ path: rel, reason: 'symlink-outside' });
        return null;
    }
    if (!isInside(w.root, real)) {
        w.warnings.push({ path: rel, message: `Skipped symlink ${rel}: it points outside source-dir, so it is never followed or uploaded` });
        w.skipped.push({ path: rel, reason: 'symlink-outside' });
        return null;
    }
    // A link with an ordinary name must not publish what the filter hides (`gitlink -> .git`, `env.txt -> .env`).
    const target = external_node_path_default().relative(w.root, real).split((external_node_path_default()).sep).join('/');
    if (target !== '' && (0,data/* hasHiddenSegment */.kp)(target)) {
        w.warnings.push({ path: rel, message: `Skipped symlink ${rel}: it points to the hidden path ${target}` });
        w.skipped.push({ path: rel, reason: 'dotfile' });
        return null;
    }
    const st = external_node_fs_default().statSync(real);
    return { real, isDir: st.isDirectory(), isFile: st.isFile() };
}
async function readManifests(root, found, manifestGlobs) {
    const isManifest = picomatch_default()(manifestGlobs, { dot: true });
    const manifests = {};
    for (const f of found) {
        if (isManifest(f.rel) && f.size <= MAX_MANIFEST_BYTES)
            manifests[f.rel] = await promises_default().readFile(f.abs, 'utf8');
    }
    // Manifests in hidden dirs (.vite/manifest.json) are evidence even though they are not deployed.
    for (const glob of manifestGlobs) {
        if (glob.includes('*') || manifests[glob] !== undefined)
            continue;
        const abs = external_node_path_default().join(root, glob);
        try {
            const st = await promises_default().lstat(abs);
            if (st.isFile() && st.size <= MAX_MANIFEST_BYTES)
                manifests[glob] = await promises_default().readFile(abs, 'utf8');
        }
        catch {
            /* not present */
        }
    }
    return manifests;
}
/** Absolute path of a deployable file (symlinks inside the tree resolved by the OS). */
function absPathOf(sourceDir, relPath) {
    return external_node_path_default().join(sourceDir, ...relPath.split('/'));
}


/***/ }),

/***/ 5672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ isPreconditionFailed),
/* harmony export */   k: () => (/* binding */ PreconditionFailedError)
/* harmony export */ });
/** A write's condition did not hold (S3 412 PreconditionFailed, or 409 ConditionalRequestConflict). */
class PreconditionFailedError extends Error {
    key;
    condition;
    status;
    name = 'PreconditionFailed';
    constructor(key, condition, status, options) {
        const what = 'ifNoneMatch' in condition ? 'If-None-Match: *' : `If-Match: ${condition.ifMatch}`;
        super(`conditional write of ${key} refused (${what}; HTTP ${status})`, options);
        this.key = key;
        this.condition = condition;
        this.status = status;
    }
}
/**
 * Whether `err` says a conditional write's precondition did not hold: a PreconditionFailedError from putText, or
 * an SDK error with S3's 412 PreconditionFailed / 409 ConditionalRequestConflict.
 */
function isPreconditionFailed(err) {
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    return (e.name === 'PreconditionFailed' ||
        e.name === 'ConditionalRequestConflict' ||
        e.Code === 'PreconditionFailed' ||
        e.Code === 'ConditionalRequestConflict' ||
        e.$metadata?.httpStatusCode === 412);
}


/***/ }),

/***/ 4670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// UNUSED EXPORTS: MULTIPART_THRESHOLD, PART_SIZE

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
;// CONCATENATED MODULE: ./src/plan/event-commit.ts
// Which commit a run builds (and so deploys), read from the event. Pure.
//
// GITHUB_SHA is that commit for a push, but not for every event: for workflow_run it is the tip of the default
// branch (the commit built is workflow_run.head_sha), for pull_request a merge commit GitHub made (merge
// commits of successive pushes never descend from one another; the pull request's own commits do, and
// pull_request.head.sha is the latest), and for pull_request_target the base branch's tip. The ledger
// records this commit and the older-commit guard orders by it.
const SHA = /^[0-9a-f]{40}$/i;
const ZERO = /^0+$/;
const str = (v) => (typeof v === 'string' ? v : '');
const field = (v, key) => (typeof v === 'object' && v !== null ? v[key] : undefined);
function eventCommit(eventName, payload, githubSha) {
    const plain = { sha: githubSha, source: 'GITHUB_SHA', forced: false };
    if (eventName === 'workflow_run') {
        const head = str(field(payload.workflow_run, 'head_sha'));
        return SHA.test(head) ? { ...plain, sha: head, source: 'workflow_run.head_sha' } : plain;
    }
    // pull_request, pull_request_target, pull_request_review, pull_request_review_comment.
    if (eventName.startsWith('pull_request')) {
        const head = str(field(field(payload.pull_request, 'head'), 'sha'));
        return SHA.test(head) ? { ...plain, sha: head, source: 'pull_request.head.sha' } : plain;
    }
    if (eventName === 'push') {
        const forced = payload.forced === true;
        // GITHUB_SHA is the pushed commit (for an annotated tag, `after` is the tag object, not a commit).
        if (githubSha)
            return { ...plain, forced };
        const after = str(payload.after);
        return SHA.test(after) && !ZERO.test(after) ? { sha: after, source: 'push after', forced } : { ...plain, forced };
    }
    return plain;
}
/** The push replaced this commit (`before`), or null (a new branch or tag, or not a push). */
function pushedOver(eventName, payload) {
    if (eventName !== 'push')
        return null;
    const before = str(payload.before);
    return SHA.test(before) && !ZERO.test(before) ? before : null;
}

;// CONCATENATED MODULE: ./src/config/context.ts
// The GitHub run context, read once from the environment the runner sets.


function readContext(env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH && external_node_fs_default().existsSync(env.GITHUB_EVENT_PATH)) {
        payload = JSON.parse(external_node_fs_default().readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const sha = env.GITHUB_SHA ?? '';
    const head = eventCommit(eventName, payload, sha);
    return {
        eventName,
        payload,
        sha,
        headSha: head.sha,
        headSource: head.source,
        forced: head.forced,
        repository: env.GITHUB_REPOSITORY ?? 'local/local',
        runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/model/limits.ts
// CloudFront's limits and prices: the one place they are written down.
/** Paths per invalidation batch (CreateInvalidation); also the most `max-paths` may be. */
const MAX_PATHS_PER_BATCH = 3000;
/** File (non-wildcard) paths in flight per distribution. */
const MAX_IN_FLIGHT_PATHS = 3000;
/** Wildcard paths in flight per distribution. */
const MAX_IN_FLIGHT_WILDCARDS = 15;
/** Invalidation paths free each month (account-wide), then USD_PER_PATH each; a wildcard is one path. */
const FREE_PATHS_PER_MONTH = 1000;
const USD_PER_PATH = 0.005;

// EXTERNAL MODULE: ./src/plan/headers.ts + 2 modules
var headers = __webpack_require__(3391);
;// CONCATENATED MODULE: ./src/plan/url-path.ts
// Keys <-> URL paths, index documents, and CloudFront's path encoding. Pure.
/** S3 key for a file of the build dir. */
function keyFor(prefix, relPath) {
    return prefix + relPath;
}
/**
 * URL path at which a distribution serves `key`, or null if the key is outside the distribution's origin
 * path (CloudFront prepends OriginPath to the request path: URL path = '/' + key without it). A key ending in
 * `/` (a `strip-index-html` copy such as `docs/`) is served at the directory URL `/docs/`.
 */
function urlPathForKey(key, originPath) {
    if (!key.startsWith(originPath))
        return null;
    return '/' + key.slice(originPath.length);
}
/** The index document name S3 (and most static hosts) use when none is configured. */
const DEFAULT_INDEX_DOCUMENT = 'index.html';
function indexDocumentOf(opts) {
    const name = opts.indexDocument ?? DEFAULT_INDEX_DOCUMENT;
    if (name === '' || name.includes('/') || name.includes('*')) {
        throw new RangeError(`index document must be a plain file name such as index.html (got ${JSON.stringify(name)})`);
    }
    return name;
}
/**
 * Every URL under which CloudFront may have cached the object at `urlPath`, the path itself first:
 * - an index document is also cached at its directory (`/docs/index.html` -> `/docs/`; `/index.html` -> `/`),
 *   and at the directory without its slash (`/docs`) with `withoutSlash` or the `clean` style (never for `/`);
 * - a directory URL (`/docs/`, the URL of a `strip-index-html` key `docs/`) adds `/docs` the same way;
 * - in the `clean` style, `/about.html` is also `/about` (only `.html`; `/docs/index` for an index document
 *   is not added: nothing links to it).
 * Paths holding a `*` (manual wildcards) are returned as they are. The index document name is case-sensitive,
 * as in S3.
 */
function urlForms(urlPath, withoutSlash = false, opts = {}) {
    if (urlPath.includes('*'))
        return [urlPath];
    const index = indexDocumentOf(opts);
    const slashless = withoutSlash || opts.urlStyle === 'clean';
    const dirForms = (dir) => (slashless && dir !== '/' ? [dir, dir.slice(0, -1)] : [dir]);
    if (urlPath.endsWith('/' + index))
        return [urlPath, ...dirForms(urlPath.slice(0, -index.length))];
    if (urlPath.endsWith('/'))
        return dirForms(urlPath);
    if (opts.urlStyle === 'clean' && urlPath.endsWith('.html') && !urlPath.endsWith('/.html')) {
        return [urlPath, urlPath.slice(0, -'.html'.length)];
    }
    return [urlPath];
}
/**
 * `strip-index-html`: the extra key (relative to `prefix`, like `relPath`) under which a directory's index
 * document is also stored, so a plain S3 REST origin serves `/docs/` without a rewrite function:
 * `docs/index.html` -> `docs/`. The root index document gets no extra key (S3 has no empty key; the root URL
 * is served through the distribution's DefaultRootObject), as Hugo's `stripIndexHTML` also leaves it alone.
 * Returns null when `relPath` is not an index document below the root.
 */
function strippedKeyFor(relPath, indexDocument = DEFAULT_INDEX_DOCUMENT) {
    const index = indexDocumentOf({ indexDocument });
    if (!relPath.endsWith('/' + index))
        return null;
    const dir = relPath.slice(0, -index.length);
    return dir === '/' ? null : dir;
}
// RFC 1738 "unsafe" characters, which CloudFront expects percent-encoded in invalidation paths, and `?`, which it
// reads as the start of a query string (a key holding `?` is requested as `%3F`); everything else ASCII-printable is
// sent as is (encoding it would make CloudFront miss the cached object).
const UNSAFE = new Set([' ', '"', '<', '>', '#', '%', '{', '}', '|', '\\', '^', '~', '[', ']', '`', '?']);
/**
 * Two marks the decoded form may hold beside the key's own characters (S3 keys are XML text, which cannot hold
 * U+0000 or U+0001, so neither is ever a key's character):
 * - QUERY_MARK: where the query string starts (sent as `?`): `/docs/` + QUERY_MARK + `*` is `/docs/?*`, every
 *   query-string variant of `/docs/` and nothing else;
 * - ESCAPED_BYTE followed by one character whose code (0-255) is a byte: an escape the user wrote (`%2F` in a
 *   `paths` entry) that must reach CloudFront as written, not decoded to `/`.
 */
const QUERY_MARK = '\u0000';
const ESCAPED_BYTE = '\u0001';
const hex = (byte) => '%' + byte.toString(16).toUpperCase().padStart(2, '0');
/**
 * Percent-encode a decoded URL path for an invalidation: UTF-8 bytes of non-ASCII characters, control
 * characters, RFC 1738 unsafe characters and `?`; case kept; a trailing `*` wildcard is kept as is; the marks
 * become `?` and the escape written. The input is always the decoded path (S3 key bytes), so nothing is ever
 * double-encoded.
 */
function encodeCloudFrontPath(decoded) {
    const wildcard = decoded.endsWith('*') && !decoded.endsWith(ESCAPED_BYTE + '*');
    const body = wildcard ? decoded.slice(0, -1) : decoded;
    let out = '';
    for (let i = 0; i < body.length;) {
        const ch = String.fromCodePoint(body.codePointAt(i));
        i += ch.length;
        if (ch === QUERY_MARK) {
            out += '?';
        }
        else if (ch === ESCAPED_BYTE && i < body.length) {
            out += hex(body.charCodeAt(i) & 0xff);
            i++;
        }
        else if (ch.codePointAt(0) < 0x21 || ch.codePointAt(0) >= 0x7f || UNSAFE.has(ch)) {
            for (const byte of Buffer.from(ch, 'utf8'))
                out += hex(byte);
        }
        else {
            out += ch;
        }
    }
    return wildcard ? out + '*' : out;
}
/** A decoded path as a person reads it (the report, the summary): the URL with the marks shown as sent. */
function readableUrlPath(decoded) {
    if (!decoded.includes(QUERY_MARK) && !decoded.includes(ESCAPED_BYTE) && !decoded.includes('?'))
        return decoded;
    let out = '';
    for (let i = 0; i < decoded.length; i++) {
        const ch = decoded[i];
        if (ch === QUERY_MARK)
            out += '?';
        else if (ch === ESCAPED_BYTE && i + 1 < decoded.length)
            out += hex(decoded.charCodeAt(++i) & 0xff);
        else if (ch === '?')
            out += '%3F';
        else
            out += ch;
    }
    return out;
}
/**
 * A URL path as a user writes it in `paths` to the decoded form: `%XX` escapes of UTF-8 text are decoded (the
 * encoder writes them back the same), a `?` starts the query string, and an escape the encoder would not write
 * back (`%2F`, `%3F`, `%41`, or bytes that are not UTF-8) is kept as that escape. A `%` that starts no escape
 * is a literal `%`. Never double-encodes, never turns `%2F` into `/`.
 */
function decodeUserPath(p) {
    let out = '';
    for (let i = 0; i < p.length;) {
        if (p[i] === '?') {
            out += QUERY_MARK;
            i++;
            continue;
        }
        if (p[i] !== '%' || !/^%[0-9A-Fa-f]{2}/.test(p.slice(i, i + 3))) {
            out += p[i];
            i++;
            continue;
        }
        // A run of escapes: decoded as UTF-8 where that is lossless, else each kept as written.
        const bytes = [];
        while (i < p.length && /^%[0-9A-Fa-f]{2}/.test(p.slice(i, i + 3))) {
            bytes.push(parseInt(p.slice(i + 1, i + 3), 16));
            i += 3;
        }
        out += decodeBytes(bytes);
    }
    return out;
}
function decodeBytes(bytes) {
    let out = '';
    for (let k = 0; k < bytes.length;) {
        const b = bytes[k];
        const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        let text = null;
        if (len > 0 && k + len <= bytes.length) {
            try {
                text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes.slice(k, k + len)));
            }
            catch {
                text = null;
            }
        }
        // Decoded only where the encoder writes the same escape back; otherwise kept as the escape it was.
        if (text !== null &&
            encodeCloudFrontPath(text) ===
                bytes
                    .slice(k, k + len)
                    .map(hex)
                    .join('')) {
            out += text;
            k += len;
        }
        else {
            out += ESCAPED_BYTE + String.fromCharCode(b);
            k++;
        }
    }
    return out;
}
/** Map a repo-relative file path to a URL path through the first matching `path-map` rule, or null. */
function mapRepoPath(repoPath, rules) {
    for (const { from, to } of rules) {
        // 'public/' (or 'public') matches files under that directory; 'docs/a.md' matches that file only.
        const dir = from === '' || from.endsWith('/') ? from : `${from}/`;
        if (from === '' || repoPath.startsWith(dir) || repoPath === from) {
            const rest = repoPath === from ? '' : repoPath.slice(dir.length);
            const base = to.endsWith('/') ? to : rest === '' ? to : to + '/';
            return base + rest;
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./src/model/history.ts
/** The default of `keep-deploys`. */
const DEFAULT_KEEP_DEPLOYS = 5;
/** What `rollback-to` accepts: previous, a deploy number, a commit SHA of 7 or more hex digits. */
const ROLLBACK_TO = /^(previous|\d+|[0-9a-f]{7,40})$/i;

;// CONCATENATED MODULE: ./src/model/site-url.ts
// The site's base URL (`verify-url`, `preview-url`) and URLs under it. Pure.
/**
 * Validate a `verify-url` value and return it without trailing slashes, query or fragment
 * (`https://example.com/site/` -> `https://example.com/site`). Throws an Error with a one-line message when
 * it is not an absolute http(s) URL or carries credentials (fetch refuses those).
 */
function normalizeBaseUrl(baseUrl) {
    let u;
    try {
        u = new URL(baseUrl.trim());
    }
    catch {
        throw new Error(`not an absolute URL: ${JSON.stringify(baseUrl)} (expected e.g. https://www.example.com)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        throw new Error(`not an http(s) URL: ${JSON.stringify(baseUrl)} (expected e.g. https://www.example.com)`);
    }
    if (u.username || u.password)
        throw new Error('must not contain credentials (user:password@)');
    if (u.search || u.hash)
        throw new Error(`must not contain a query or fragment: ${JSON.stringify(baseUrl)}`);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}
/**
 * The URL to request for an invalidation path under a normalized base URL. The path's percent-encoding is
 * kept byte for byte; only raw `?` and `#` (which CloudFront paths may contain but a URL would treat as
 * query / fragment) are escaped, so the whole path is sent as the path.
 */
function joinUrl(normalizedBase, path) {
    return normalizedBase + path.replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
}
/** True for a path verifyUrls can fetch as is: starts with '/', no wildcard. */
function isExactPath(path) {
    return path.startsWith('/') && !path.includes('*');
}

;// CONCATENATED MODULE: ./src/config/input-values.ts
// The small value parsers every input goes through: booleans, whole numbers, choices, lists, prefixes and
// durations. Each raises an InputError naming the input and the accepted form.
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input '${input}': ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
function lines(value) {
    return value
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !s.startsWith('#'));
}
function bool(name, raw, def) {
    const v = raw.trim().toLowerCase();
    if (v === '')
        return def;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new InputError(name, `expected true or false, got '${raw}'`);
}
function input_values_int(name, raw, def, min, max, extra) {
    const v = raw.trim();
    if (v === '')
        return def;
    if (!/^-?\d+$/.test(v))
        throw new InputError(name, `expected a whole number from ${min} to ${max}, got '${raw}'`);
    const n = Number(v);
    if (extra !== undefined && n === extra)
        return n;
    if (n < min || n > max) {
        const alt = extra !== undefined ? ` (or ${extra})` : '';
        throw new InputError(name, `expected a whole number from ${min} to ${max}${alt}, got '${raw}'`);
    }
    return n;
}
function oneOf(name, raw, allowed, def) {
    const v = raw.trim();
    if (v === '')
        return def;
    if (!allowed.includes(v))
        throw new InputError(name, `expected ${allowed.join(' or ')}, got '${raw}'`);
    return v;
}
/** 'site', '/site/', '' -> 'site/' or ''. */
function normalisePrefix(raw) {
    const p = raw.trim().replace(/^\/+/, '').replace(/\/+$/, '');
    return p === '' ? '' : `${p}/`;
}
const DURATION_UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** A duration such as `7d`, `36h`, `90m`, `2w` or `0` (none), in ms. */
function parseDuration(name, raw, def) {
    const v = (raw.trim() || def).toLowerCase();
    if (v === '0')
        return 0;
    const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(v);
    if (!m)
        throw new InputError(name, `expected a duration such as 7d, 36h, 90m or 0, got '${raw}'`);
    return Math.round(Number(m[1]) * DURATION_UNITS[m[2]]);
}

;// CONCATENATED MODULE: ./src/config/inputs.ts
// Every input parsed and validated once into a typed Config. All input errors are raised here,
// before any AWS call, as one line naming the input and the accepted form.








const DIST_ID = /^[A-Z0-9]{8,32}$/;
// S3 bucket naming rules (general purpose buckets): 3-63 chars, lowercase letters, digits, dots, hyphens,
// starting and ending with a letter or digit, not shaped like an IP address.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
function parseDistributions(idsRaw, originRaw) {
    const entries = splitList(idsRaw);
    const origins = splitList(originRaw);
    if (origins.length > 1 && origins.length !== entries.length) {
        throw new InputError('origin-path', `give one origin path for all distributions or one per distribution (${entries.length}), got ${origins.length}`);
    }
    const seen = new Set();
    return entries.map((entry, i) => {
        // Form `E123ABC:/origin/path` sets the origin path of one distribution.
        const colon = entry.indexOf(':');
        const id = (colon >= 0 ? entry.slice(0, colon) : entry).trim();
        if (!DIST_ID.test(id)) {
            throw new InputError('distribution-id', `'${id}' is not a CloudFront distribution ID (uppercase letters and digits, e.g. E2QWRUHAPOMQZL); separate several with commas or newlines, optionally as ID:/origin/path`);
        }
        if (seen.has(id))
            throw new InputError('distribution-id', `'${id}' is listed twice`);
        seen.add(id);
        const origin = colon >= 0 ? entry.slice(colon + 1) : ((origins.length > 1 ? origins[i] : origins[0]) ?? '');
        if (origin.trim() !== '' && !origin.trim().startsWith('/')) {
            throw new InputError('origin-path', `'${origin}' must start with '/', like the OriginPath in CloudFront (e.g. /production)`);
        }
        return { id, originPath: normalisePrefix(origin) };
    });
}
function parseCacheRules(raw) {
    return lines(raw).map((line) => {
        const i = line.indexOf(':');
        if (i <= 0 || line.slice(i + 1).trim() === '') {
            throw new InputError('cache-control', `'${line}' must be 'GLOB: VALUE', e.g. '**/*.html: public, max-age=0'`);
        }
        return { glob: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
    });
}
function parsePathMap(raw, defaultFrom) {
    const given = lines(raw);
    if (given.length === 0)
        return [{ from: defaultFrom, to: '/', viaKey: true }];
    return given.map((line) => {
        const i = line.indexOf('=>');
        if (i < 0)
            throw new InputError('path-map', `'${line}' must be 'REPO_PREFIX => URL_PREFIX', e.g. 'site/public/ => /'`);
        const from = line.slice(0, i).trim().replace(/^\.\//, '').replace(/^\/+/, '');
        const to = line.slice(i + 2).trim();
        if (!to.startsWith('/'))
            throw new InputError('path-map', `URL prefix '${to}' in '${line}' must start with '/'`);
        return { from, to };
    });
}
function parseManualPath(p) {
    if (!p.startsWith('/')) {
        throw new InputError('paths', `'${p}' must start with '/' (a URL path such as /index.html or /docs/*)`);
    }
    const star = p.indexOf('*');
    if (star >= 0 && star !== p.length - 1) {
        throw new InputError('paths', `'${p}': CloudFront allows '*' only as the last character`);
    }
    // Accept both encoded (/a%20b) and plain (/a b) forms, each escape on its own (see decodeUserPath).
    return decodeUserPath(p);
}
function parseVerify(get, wait) {
    const raw = get('verify-url').trim();
    const mode = get('verify').trim() || 'warn';
    if (mode !== 'warn' && mode !== 'fail')
        throw new InputError('verify', `expected warn or fail, got '${mode}'`);
    const verifySample = input_values_int('verify-sample', get('verify-sample'), 20, 1, 1000);
    if (raw === '')
        return { verifyUrl: null, verify: mode, verifySample };
    try {
        normalizeBaseUrl(raw);
    }
    catch (err) {
        throw new InputError('verify-url', `${err.message} (expected the site's base URL, e.g. https://www.example.com)`);
    }
    if (!wait)
        throw new InputError('verify-url', 'needs wait: true (paths are checked once the invalidation has completed)');
    return { verifyUrl: raw, verify: mode, verifySample };
}
function parseTarget(get, workspace) {
    const removePrefix = bool('remove-prefix', get('remove-prefix'), false);
    // rollback-to: no build, no source-dir; the bucket's history is the source.
    const rollback = get('rollback-to').trim() !== '';
    const upload = !removePrefix && !rollback && bool('upload', get('upload'), true);
    const sourceRaw = get('source-dir').trim();
    const bucketRaw = get('bucket').trim();
    if (upload && sourceRaw === '')
        throw new InputError('source-dir', 'required when upload is true (the build directory, e.g. dist)');
    if ((upload || removePrefix) && bucketRaw === '')
        throw new InputError('bucket', `required when ${upload ? 'upload' : 'remove-prefix'} is true (the S3 bucket name)`);
    if (rollback && bucketRaw === '')
        throw new InputError('bucket', 'required with rollback-to (the bucket holds the history)');
    if (bucketRaw !== '' && (!BUCKET.test(bucketRaw) || /^\d+\.\d+\.\d+\.\d+$/.test(bucketRaw) || bucketRaw.includes('..'))) {
        throw new InputError('bucket', `'${bucketRaw}' is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens; no s3:// prefix)`);
    }
    const bucket = bucketRaw === '' ? null : bucketRaw;
    if (upload)
        return { upload: true, removePrefix: false, sourceDir: external_node_path_default().resolve(workspace, sourceRaw), bucket: bucketRaw };
    if (removePrefix && normalisePrefix(get('prefix')) === '') {
        throw new InputError('remove-prefix', 'refused for an empty or root prefix: it would delete the whole bucket (set prefix, e.g. previews/pr-12/)');
    }
    return { upload: false, removePrefix, sourceDir: null, bucket };
}
/** A key prefix: no `.` or `..` segments (S3 keeps them literally; a URL normalises them away), no empty segments. */
function parsePrefixFor(name, raw) {
    const prefix = normalisePrefix(raw);
    const segments = prefix.split('/').slice(0, -1);
    if (segments.some((s) => s === '.' || s === '..' || s === '')) {
        throw new InputError(name, `'${raw}' must be a plain key prefix such as site/ or previews/pr-12/ (no '.', '..' or empty segments)`);
    }
    return prefix;
}
/** What to invalidate where. */
function parseInvalidation(get, upload, removePrefix, rollback = false) {
    const invalidate = oneOf('invalidate', get('invalidate'), ['changed', 'all', 'none', 'defer'], 'changed');
    const distributions = parseDistributions(get('distribution-id'), get('origin-path'));
    const paths = splitList(get('paths')).map(parseManualPath);
    if (!upload && !removePrefix && !rollback && distributions.length === 0) {
        throw new InputError('distribution-id', 'required when upload is false (invalidate-only mode has nothing else to do)');
    }
    if (paths.length > 0 && distributions.length === 0) {
        throw new InputError('paths', 'given but no distribution-id to invalidate them in');
    }
    return {
        invalidate,
        distributions,
        paths,
        invalidateDirectoryWithoutSlash: bool('invalidate-directory-without-slash', get('invalidate-directory-without-slash'), false),
        queryStrings: bool('query-strings', get('query-strings'), false),
        missingDiff: oneOf('missing-diff', get('missing-diff'), ['warn', 'all'], 'warn'),
        maxPaths: input_values_int('max-paths', get('max-paths'), 100, 1, MAX_PATHS_PER_BATCH),
        cacheTags: parseCacheTags(get('cache-tags')),
        distributionTenantId: parseTenantId(get('distribution-tenant-id'), distributions.length),
    };
}
/** `cache-tags`: `auto` (default), `off`, or the response header CloudFront reads tags from (`x-amz-meta-<name>`). */
function parseCacheTags(raw) {
    const v = raw.trim().toLowerCase();
    if (v === '' || v === 'auto')
        return { mode: 'auto' };
    if (v === 'off' || v === 'false' || v === 'none')
        return { mode: 'off' };
    if (!/^x-amz-meta-[a-z0-9][a-z0-9_-]*$/.test(v)) {
        throw new InputError('cache-tags', `'${raw.trim()}' must be auto, off, or the distribution's cache tag header for S3 object metadata (x-amz-meta-<name>, e.g. x-amz-meta-cache-tag)`);
    }
    return { mode: 'header', header: v };
}
/** `distribution-tenant-id`: one tenant of the one (multi-tenant) distribution. */
function parseTenantId(raw, distributions) {
    const v = raw.trim();
    if (v === '')
        return null;
    if (distributions !== 1)
        throw new InputError('distribution-tenant-id', 'needs exactly one distribution-id (the multi-tenant distribution)');
    if (!/^[A-Za-z0-9_-]+$/.test(v))
        throw new InputError('distribution-tenant-id', `'${v}' is not a distribution tenant id (e.g. dt_2abc...)`);
    return v;
}
const STORAGE_CLASSES = ['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR'];
/** Per-file headers and object settings (hugo `matchers`, s3deploy `routes`). */
function parseObjectSettings(get) {
    let headerRules;
    try {
        headerRules = (0,headers/* parseHeaderRules */.aA)(get('headers'));
    }
    catch (err) {
        throw new InputError('headers', err.message);
    }
    const sseRaw = get('sse').trim();
    const sse = sseRaw === '' ? null : oneOf('sse', sseRaw, ['AES256', 'aws:kms'], 'AES256');
    const sseKmsKeyId = get('sse-kms-key-id').trim() || null;
    if (sseKmsKeyId && sse !== 'aws:kms')
        throw new InputError('sse-kms-key-id', 'needs sse: aws:kms (the key encrypts objects only with SSE-KMS)');
    const storageRaw = get('storage-class').trim().toUpperCase();
    const storageClass = storageRaw === '' ? null : oneOf('storage-class', storageRaw, STORAGE_CLASSES, 'STANDARD');
    const indexDocument = get('index-document').trim() || 'index.html';
    if (indexDocument.includes('/') || indexDocument.includes('*')) {
        throw new InputError('index-document', `'${indexDocument}' must be a file name such as index.html (no '/' or '*')`);
    }
    return {
        headerRules,
        gzip: lines(get('gzip')),
        storageClass,
        sse,
        sseKmsKeyId,
        urlStyle: oneOf('url-style', get('url-style'), ['directory', 'clean'], 'directory'),
        indexDocument,
        stripIndexHtml: bool('strip-index-html', get('strip-index-html'), false),
    };
}
function parseSiteUrl(name, raw) {
    if (raw.trim() === '')
        return null;
    try {
        normalizeBaseUrl(raw);
        return raw.trim();
    }
    catch (err) {
        throw new InputError(name, `${err.message} (expected the site's URL for this deploy, e.g. https://pr-12.preview.example.com)`);
    }
}
/** Parse all inputs. `get` returns the raw input ('' when unset); `env` is process.env. */
function parseInputs(get, env) {
    const workspace = external_node_path_default().resolve(env.GITHUB_WORKSPACE || process.cwd());
    const target = parseTarget(get, workspace);
    const rollback = parseRollback(get);
    const invalidation = parseInvalidation(get, target.upload, target.removePrefix, rollback.rollbackTo !== null);
    const deleteRemoved = bool('delete-removed', get('delete-removed'), false);
    if (!target.upload && deleteRemoved)
        throw new InputError('delete-removed', 'cannot be true when upload is false (nothing is synced)');
    if (invalidation.invalidate === 'defer' && target.bucket === null) {
        throw new InputError('invalidate', 'defer needs a bucket (the owed records wait there for the consolidating job)');
    }
    // The default map is `<source-dir>/ => /` in every mode: an invalidate-only job names its source-dir for it too.
    const sourceForMap = target.sourceDir ?? (get('source-dir').trim() ? external_node_path_default().resolve(workspace, get('source-dir').trim()) : null);
    const relSource = sourceForMap ? external_node_path_default().relative(workspace, sourceForMap).split((external_node_path_default()).sep).join('/') : '';
    const defaultFrom = relSource === '' || relSource.startsWith('..') ? '' : `${relSource}/`;
    const runnerTemp = env.RUNNER_TEMP || external_node_path_default().join(workspace, '.tmp');
    const wait = bool('wait', get('wait'), false);
    return {
        ...target,
        ...invalidation,
        prefix: parsePrefixFor('prefix', get('prefix')),
        region: get('region').trim() || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
        deleteRemoved,
        maxDeletes: input_values_int('max-deletes', get('max-deletes'), 256, 0, 10_000_000, -1),
        include: lines(get('include')),
        exclude: lines(get('exclude')),
        protect: lines(get('protect')),
        cacheControl: parseCacheRules(get('cache-control')),
        ...parseObjectSettings(get),
        entryDocuments: lines(get('entry-documents')),
        forceUpload: bool('force-upload', get('force-upload'), false),
        fingerprintPatterns: lines(get('fingerprint-patterns')),
        diffBase: get('diff-base').trim() || null,
        pathMap: parsePathMap(get('path-map'), defaultFrom),
        wait,
        waitTimeoutSeconds: input_values_int('wait-timeout', get('wait-timeout'), 900, 1, 86_400),
        dryRun: bool('dry-run', get('dry-run'), false),
        concurrency: input_values_int('concurrency', get('concurrency'), 16, 1, 256),
        reportPath: get('report-path').trim() || external_node_path_default().join(runnerTemp, 's3-cloudfront-deploy', 'report.json'),
        ...parseVerify(get, wait),
        githubToken: get('github-token').trim(),
        keepRemovedMs: parseDuration('keep-removed', get('keep-removed'), '7d'),
        allowOlder: bool('allow-older', get('allow-older'), false),
        statePrefix: get('state-prefix').trim() === '' ? '' : parsePrefixFor('state-prefix', get('state-prefix')),
        previewUrl: parseSiteUrl('preview-url', get('preview-url')),
        prComment: bool('pr-comment', get('pr-comment'), false),
        workspace,
        ...rollback,
    };
}
/** `rollback-to` (previous, a deploy number, a commit SHA of 7+ hex digits) and `keep-deploys`. */
function parseRollback(get) {
    const keepDeploys = input_values_int('keep-deploys', get('keep-deploys'), DEFAULT_KEEP_DEPLOYS, 0, 100);
    const raw = get('rollback-to').trim();
    if (raw === '')
        return { rollbackTo: null, keepDeploys };
    if (!ROLLBACK_TO.test(raw)) {
        throw new InputError('rollback-to', `'${raw}' must be previous, a deploy number (the output deploy-id) or a commit SHA (7 or more hex digits)`);
    }
    for (const name of ['remove-prefix', 'delete-removed', 'force-upload']) {
        if (bool(name, get(name), false))
            throw new InputError('rollback-to', `cannot be combined with ${name}: true`);
    }
    if (get('upload').trim().toLowerCase() === 'false')
        throw new InputError('rollback-to', 'cannot be combined with upload: false');
    return { rollbackTo: raw, keepDeploys };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
;// CONCATENATED MODULE: ./src/model/records.ts
// Where the action keeps its own records (the ledger, owed invalidations, the lock) and how they are told
// apart from the site's objects. Pure.
//
// By default they live in a hidden folder inside `prefix` whose name cannot be guessed
// (`.s3cfd-<random>/`): CloudFront serves whatever the origin holds, but a visitor cannot list the bucket
// (OAC grants GetObject only), so nobody can fetch the ledger and read every key of the site. The action
// finds the folder again through its own listing. `state-prefix` keeps them outside the served path
// altogether. Earlier versions used `.s3-cloudfront-deploy/`, which is migrated.
/** The records folder of earlier versions (a guessable name). */
const LEGACY_DIR = '.s3-cloudfront-deploy/';
const HIDDEN_DIR = /^\.s3cfd-[0-9a-z]{20,}\//;
const HIDDEN_SEGMENT = /^\.s3cfd-[0-9a-z]{20,}$/;
/**
 * A path relative to the prefix that belongs to the action (never synced, compared or deleted): in a records
 * folder or the lock, at any depth, since a site may hold other deploys' prefixes (previews, shards) below it.
 */
function isOwnRelPath(rel) {
    const segments = rel.split('/');
    const last = segments.length - 1;
    return segments.some((s, i) => (i < last && (HIDDEN_SEGMENT.test(s) || `${s}/` === LEGACY_DIR)) || (i === last && s === LOCK_NAME));
}
/** Every records folder the action's keys show (at any depth under the listing): where owed records can be. */
function recordDirsOf(ownKeys) {
    const dirs = new Set();
    for (const key of ownKeys) {
        const m = /^(.*\/|)owed\/[^/]+\/[^/]+\.json$/.exec(key);
        if (m)
            dirs.add(m[1]);
    }
    return [...dirs].sort();
}
/** A key of the action's records, for the site at `prefix` with records under `statePrefix` ('' = inside prefix). */
function isOwnKey(key, prefix, statePrefix) {
    if (statePrefix !== '' && key.startsWith(statePrefix))
        return true;
    return key.startsWith(prefix) && isOwnRelPath(key.slice(prefix.length));
}
/**
 * The records folder: `state-prefix` + prefix when given; else the hidden folder the listing shows, or a new
 * one named with `fresh` (random, made once per bucket and prefix).
 */
function recordsLayout(prefix, statePrefix, ownKeys, fresh) {
    const dirs = new Set();
    for (const key of ownKeys) {
        if (!key.startsWith(prefix))
            continue;
        const rel = key.slice(prefix.length);
        if (rel.startsWith(LEGACY_DIR))
            dirs.add(prefix + LEGACY_DIR);
        const hidden = HIDDEN_DIR.exec(rel);
        if (hidden)
            dirs.add(prefix + hidden[0]);
    }
    const hidden = [...dirs].filter((d) => d !== prefix + LEGACY_DIR).sort();
    const dir = statePrefix !== '' ? statePrefix + prefix : (hidden[0] ?? `${prefix}.s3cfd-${fresh}/`);
    return { dir, oldDirs: [...dirs].filter((d) => d !== dir).sort() };
}
const stateKeyIn = (dir) => `${dir}state.json`;
const owedDirIn = (dir) => `${dir}owed/`;
const lockKeyIn = (dir) => `${dir}lock.json`;
/** The fixed name every run of a prefix meets at while it finds or makes its records folder (see deployLockKeys). */
const LOCK_NAME = '.s3cfd-lock.json';
/**
 * The deploy lock of a site lives in its records folder (`lockKeyIn(dir)`), beside the ledger. Without state-prefix
 * the folder's name is random and two first deploys would make two, so a run first takes the bootstrap lock, a fixed
 * name in the prefix, only while it finds (or makes) the folder and takes the lock in it; earlier versions held that
 * name for the whole run, so it also keeps them out. With state-prefix the folder is fixed: no bootstrap.
 */
function bootstrapLockKey(prefix, statePrefix) {
    return statePrefix !== '' ? null : prefix + LOCK_NAME;
}
/**
 * The hidden records folders directly in `prefix` that `keys` show (sorted: the first is the one runs use, as
 * recordsLayout chooses).
 */
function hiddenDirsIn(prefix, keys) {
    const dirs = new Set();
    for (const key of keys) {
        if (!key.startsWith(prefix))
            continue;
        const m = HIDDEN_DIR.exec(key.slice(prefix.length));
        if (m)
            dirs.add(prefix + m[0]);
    }
    return [...dirs].sort();
}
const HIDDEN_NAME = /\.s3cfd-[0-9a-z]{20,}(?=\/|$|[^0-9a-z])/g;
/**
 * Text with every records folder's unguessable name replaced by `.s3cfd-<hidden>`: the name is what keeps the
 * ledger (every key of the site) out of reach through CloudFront, so nothing the action prints, reports or
 * summarises may hold it.
 */
function hideRecordsDir(text) {
    return text.replace(HIDDEN_NAME, '.s3cfd-<hidden>');
}
/** A record's location as it may be shown: `s3://bucket/key` with the folder's name hidden. */
function shownRecord(bucket, key) {
    return hideRecordsDir(bucket ? `s3://${bucket}/${key}` : key);
}
/**
 * The deploy locks whose holder may still be writing what the records folder `dir` (one that `recordDirsOf` gives)
 * holds: the lock in the folder, and the bootstrap name of its prefix (held for a whole run by earlier versions).
 */
function lockKeysOfRecordsDir(dir, statePrefix) {
    if (statePrefix !== '' && dir.startsWith(statePrefix))
        return [lockKeyIn(dir)];
    const m = /^(.*?)(\.s3cfd-[0-9a-z]{20,}\/|\.s3-cloudfront-deploy\/)$/.exec(dir);
    return m ? [lockKeyIn(dir), m[1] + LOCK_NAME] : [lockKeyIn(dir)];
}

;// CONCATENATED MODULE: ./src/plan/advice.ts
// Plain advice for the summary: what made this invalidation cost more than it had to. Pure.

const ASSET = /\.(m?js|css|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|otf)$/i;
function adviseInvalidation(plan, budget) {
    const out = [];
    // Assets that were overwritten in place: a content hash in their name would make them never stale.
    const mutableAssets = plan.stale.filter((s) => s.reason === 'overwritten' && ASSET.test(s.path)).map((s) => s.path);
    if (mutableAssets.length > 0) {
        const shown = mutableAssets.slice(0, 5).join(', ');
        out.push(`${mutableAssets.length} asset(s) changed in place and had to be invalidated (${shown}${mutableAssets.length > 5 ? ', ...' : ''}): ` +
            `up to $${(mutableAssets.length * USD_PER_PATH).toFixed(3)} this run past the free tier. Fingerprint them in the build ` +
            `(a content hash in the file name) and they get immutable caching and never need invalidating.`);
    }
    const collateral = plan.cover?.collateral ?? 0;
    if (collateral > 0) {
        const wild = plan.cover.paths.filter((p) => p.wildcard).length;
        out.push(`max-paths ${budget} forced ${wild} wildcard(s) that also evict ${collateral} unchanged cached object(s). ` +
            (plan.zeroCollateralBudget !== null
                ? `max-paths: ${plan.zeroCollateralBudget} would have sent a cover with no collateral (${plan.zeroCollateralBudget - budget} more billed paths at most).`
                : `No budget within CloudFront's 3,000 paths per batch avoids it.`));
    }
    return out;
}
/** Per top-level directory: stale URLs, fingerprinted changes that needed no invalidation, collateral. */
function directoryRows(stale, fingerprintedChanges, wildcards) {
    const rows = new Map();
    const row = (urlPath) => {
        const seg = urlPath.split('/')[1] ?? '';
        const dir = urlPath.indexOf('/', 1) > 0 ? `/${seg}/` : '/';
        let r = rows.get(dir);
        if (!r)
            rows.set(dir, (r = { dir, stale: 0, fingerprinted: 0, collateral: 0 }));
        return r;
    };
    for (const s of stale)
        row(s.path).stale++;
    for (const f of fingerprintedChanges)
        row(`/${f}`).fingerprinted++;
    for (const w of wildcards)
        row(w.path).collateral += w.collateral ?? 0;
    return [...rows.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
// Escaping for the Markdown the action writes (job summary, pull request comment).
/** Plain text in Markdown (and table cells): no HTML, no cell breaks. */
const esc = (s) => s
    .replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'");
/** A code span that survives any path: entities are not decoded in code, but GFM tables honour `\|`. */
const code = (s) => {
    const body = s.replace(/\|/g, '\\|');
    return body.includes('`') ? `\`\` ${body} \`\`` : `\`${body}\``;
};

;// CONCATENATED MODULE: ./src/model/status.ts
// An invalidation's status as a server gave it. CloudFront answers `InProgress` and `Completed`; emulators
// (moto) answer `INPROGRESS` and `COMPLETED`. Statuses are compared without regard to case, and what the action
// reports is always the server's own word, never one it made up.
const isCompleted = (status) => status.toLowerCase() === 'completed';
const isInProgress = (status) => status.toLowerCase() === 'inprogress';
/**
 * One status for several invalidations, in a server's own words: the first one not completed, else the first one
 * (all completed); '' when there is none.
 */
function overallStatus(statuses) {
    return statuses.find((s) => !isCompleted(s)) ?? statuses[0] ?? '';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/plan/cache-tags.ts
// CloudFront cache tags: which distributions read them (discovery), and the tags each object carries. Pure.
//
// A distribution with `CacheTagConfig { HeaderName }` reads comma-separated tags from that response header of
// the origin; an S3 origin returns object metadata `<name>` as `x-amz-meta-<name>`. An invalidation item
// `#<tag>` then evicts every cached object carrying the tag, every variant of it (query strings, cookies,
// headers). Tags: ASCII 33-126 without commas, at most 256 characters, case-insensitive; at most 50 per object.

/** CloudFront keeps at most this many tags per object. */
const MAX_TAGS_PER_OBJECT = 50;
/** Longest tag CloudFront accepts. */
const MAX_TAG_LENGTH = 256;
/** What the tag metadata may take of S3's 2 KB of user metadata (the rest stays for the `headers` input's). */
const MAX_TAG_HEADER_CHARS = 1500;
/** Group tag every non-fingerprinted (mutable) object carries: the coarse cover that spares fingerprinted assets. */
const GROUP_MUTABLE = 'g:mutable';
/** Group tag every HTML object carries. */
const GROUP_HTML = 'g:html';
/** Whether CloudFront accepts `tag` (without the `#` of the invalidation item). */
function isValidTag(tag) {
    return tag.length >= 1 && tag.length <= MAX_TAG_LENGTH && /^[\x21-\x7e]+$/.test(tag) && !tag.includes(',') && !tag.includes('*');
}
/** Tag text for a key or folder: itself when it is plain (printable ASCII, lower case, no comma or `*`, short), else hashed. */
function tagText(kind, text) {
    const plain = /^[\x21-\x7e]*$/.test(text) && !/[,*A-Z]/.test(text) && text.length <= 200;
    if (plain)
        return `${kind}:${text}`;
    // Upper case is hashed too: tags are case-insensitive, keys are not (`A.html` and `a.html` must not share one).
    return `${kind}h:${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 32)}`;
}
/** The object's own tag: unique to its key, deterministic, valid for any key. */
function objectTag(key) {
    return tagText('o', key);
}
/** The tag of a folder (`docs/`, ending with `/`). */
function folderTag(dir) {
    return tagText('d', dir);
}
/**
 * Every tag of the object at `key`: its own, its groups, then its folders from the shallowest down as far as the
 * 50-tag limit and the metadata budget allow (so an object's folder tags are always a chain from the top).
 */
function tagsFor(key, cls) {
    const tags = [objectTag(key)];
    if (cls.mutable)
        tags.push(GROUP_MUTABLE);
    if (cls.html)
        tags.push(GROUP_HTML);
    let chars = tags.join(',').length;
    const parts = key.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length && tags.length < MAX_TAGS_PER_OBJECT; i++) {
        const tag = folderTag(parts.slice(0, i).join('/') + '/');
        if (chars + 1 + tag.length > MAX_TAG_HEADER_CHARS)
            break;
        tags.push(tag);
        chars += 1 + tag.length;
    }
    return tags;
}
/** The folder tags an object carries (a chain from the top), from its tag list. */
function folderTagsOf(tags) {
    return tags.filter((t) => t.startsWith('d:') || t.startsWith('dh:'));
}
/** Whether an HTML media type. */
function isHtmlType(contentType) {
    return /^text\/html\b/i.test(contentType.trim());
}
/** The marker a ledger entry carries when every variant the CDN may hold of the object carries its tags. */
function tagMarker(cls) {
    return `#${cls.mutable ? 'm' : ''}${cls.html ? 'h' : ''}`;
}
/** The groups a ledger marker records, or null when it is not a marker. */
function markerClass(marker) {
    if (!marker?.startsWith('#'))
        return null;
    return { mutable: marker.includes('m'), html: marker.includes('h') };
}
/**
 * Which distributions read tags, decided from the `cache-tags` input and what gather read of each distribution.
 * `auto`: a distribution whose CacheTagConfig header is `x-amz-meta-<name>` (the first such name wins); a header
 * name in the input is trusted for every distribution; `off`: none.
 */
function discoverTagging(config, facts) {
    const notes = [];
    if (!config.upload || config.distributions.length === 0)
        return { tagging: null, notes };
    const mode = config.cacheTags;
    if (mode.mode === 'off') {
        return { tagging: null, notes: [`cache-tags: off: invalidating by paths only`] };
    }
    if (mode.mode === 'header') {
        const metaName = mode.header.slice('x-amz-meta-'.length);
        const ids = config.distributions.map((d) => d.id);
        notes.push(`cache-tags: ${mode.header} (from the input): objects are tagged in metadata ${metaName}; ${ids.join(', ')} invalidated by tags`);
        return { tagging: { metaName, ids }, notes };
    }
    let metaName = null;
    const ids = [];
    for (const d of config.distributions) {
        const fact = facts.distributions[d.id];
        if (!fact) {
            notes.push(`${d.id}: configuration not read: invalidating by paths`);
        }
        else if (!fact.read) {
            notes.push(`${d.id}: configuration not readable (${fact.why}): invalidating by paths; grant cloudfront:GetDistributionConfig to use cache tags`);
        }
        else if (!fact.cacheTagHeader) {
            notes.push(`${d.id}: no CacheTagConfig: invalidating by paths`);
        }
        else {
            const m = /^x-amz-meta-([a-z0-9][a-z0-9_-]*)$/i.exec(fact.cacheTagHeader.trim());
            const name = m?.[1]?.toLowerCase();
            if (!name) {
                notes.push(`${d.id}: CacheTagConfig reads ${fact.cacheTagHeader}, which S3 metadata cannot set: invalidating by paths`);
            }
            else if (metaName !== null && name !== metaName) {
                notes.push(`${d.id}: CacheTagConfig reads x-amz-meta-${name}, but this run tags into ${metaName}: invalidating by paths`);
            }
            else {
                metaName = name;
                ids.push(d.id);
                notes.push(`${d.id}: CacheTagConfig reads ${fact.cacheTagHeader}: objects are tagged in metadata ${name}, invalidated by tags`);
            }
        }
    }
    if (metaName === null && facts.state?.tags && config.distributions.some((d) => !facts.distributions[d.id]?.read)) {
        // A run that could not read the configuration (invalidate: none, or no permission) keeps writing the tags the
        // ledger records, so the objects' headers do not flip and get rewritten, but invalidates nothing by tag.
        const kept = facts.state.tags.meta;
        notes.push(`cache-tags: objects keep their tags in metadata ${kept} (from the ledger); nothing is invalidated by tag`);
        return { tagging: { metaName: kept, ids: [] }, notes };
    }
    return { tagging: metaName === null ? null : { metaName, ids }, notes };
}

;// CONCATENATED MODULE: ./src/plan/site-view.ts
/** ReadonlyMap's derived methods over `get`, `has`, `size` and a key iterator. */
class MapView {
    *entries() {
        for (const k of this.keys())
            yield [k, this.get(k)];
    }
    *values() {
        for (const k of this.keys())
            yield this.get(k);
    }
    [Symbol.iterator]() {
        return this.entries();
    }
    forEach(fn) {
        for (const [k, v] of this.entries())
            fn(v, k, this);
    }
}
/** A site view: key -> ServedObject. */
class SiteView extends MapView {
}
const own = Object.prototype.hasOwnProperty;
/** A recorded site: the ledger's tuples, headers by index into its table. */
class TupleSite extends SiteView {
    tuples;
    table;
    count;
    constructor(tuples, table) {
        super();
        this.tuples = tuples;
        this.table = table;
        this.count = Object.keys(tuples).length;
    }
    /** Whether every tuple's headers are in the table (a site that refers to a missing set is not restorable). */
    complete() {
        for (const k in this.tuples)
            if (this.table[this.tuples[k][2]] === undefined)
                return false;
        return true;
    }
    get(key) {
        if (!own.call(this.tuples, key))
            return undefined;
        const [md5, size, h, fp] = this.tuples[key];
        return { md5, size, headers: this.table[h], fingerprinted: fp === 1 };
    }
    has(key) {
        return own.call(this.tuples, key);
    }
    /** The ledger's own tuple for `key` (a next ledger that serves the same object holds this one, not a copy). */
    tuple(key) {
        return own.call(this.tuples, key) ? this.tuples[key] : undefined;
    }
    get size() {
        return this.count;
    }
    *keys() {
        for (const k in this.tuples)
            yield k;
    }
}
/** An older site: the next newer one, without `gone`, with `set` over it. */
class DeltaSite extends SiteView {
    newer;
    set;
    gone;
    count;
    constructor(newer, set, gone) {
        super();
        this.newer = newer;
        this.set = set;
        this.gone = new Set(gone);
        let n = newer.size;
        for (const k of this.gone)
            if (newer.has(k) && !set.has(k))
                n--;
        for (const k of set.keys())
            if (!newer.has(k))
                n++;
        this.count = n;
    }
    get(key) {
        return this.set.get(key) ?? (this.gone.has(key) ? undefined : this.newer.get(key));
    }
    has(key) {
        return this.set.has(key) || (!this.gone.has(key) && this.newer.has(key));
    }
    get size() {
        return this.count;
    }
    *keys() {
        for (const k of this.newer.keys())
            if (this.set.has(k) || !this.gone.has(k))
                yield k;
        for (const k of this.set.keys())
            if (!this.newer.has(k))
                yield k;
    }
}
/**
 * Each of `rows` by key, as `value` makes it when asked. Found by binary search over the rows in key order (rows
 * that come in listing order are usually that already): no map of a million keys, no value held per key. As a Map
 * of the rows would: a key's last row is its value, its first its place among the keys.
 */
class RowMap extends MapView {
    rows;
    keyOf;
    value;
    /** Row indices in key order, one per key (null: the rows are in strictly increasing key order already). */
    order;
    /** Whether some key has more than one row. */
    repeated;
    constructor(rows, keyOf, value) {
        super();
        this.rows = rows;
        this.keyOf = keyOf;
        this.value = value;
        let sorted = true;
        for (let i = 1; i < rows.length && sorted; i++)
            sorted = keyOf(rows[i - 1]) < keyOf(rows[i]);
        if (sorted) {
            this.order = null;
            this.repeated = false;
            return;
        }
        const idx = Array.from({ length: rows.length }, (_, i) => i);
        idx.sort((a, b) => {
            const ka = keyOf(rows[a]);
            const kb = keyOf(rows[b]);
            return ka < kb ? -1 : ka > kb ? 1 : a - b;
        });
        // Of a key's rows (adjacent now, in row order), the last.
        const kept = idx.filter((r, i) => i === idx.length - 1 || keyOf(rows[r]) !== keyOf(rows[idx[i + 1]]));
        this.repeated = kept.length < idx.length;
        this.order = Uint32Array.from(kept);
    }
    /** Where in the rows `key`'s value is (its last row), by binary search; -1 when no row has it. */
    indexOf(key) {
        let lo = 0;
        let hi = this.order ? this.order.length : this.rows.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            const i = this.order ? this.order[mid] : mid;
            const k = this.keyOf(this.rows[i]);
            if (k === key)
                return i;
            if (k < key)
                lo = mid + 1;
            else
                hi = mid;
        }
        return -1;
    }
    rowOf(key) {
        const i = this.indexOf(key);
        return i < 0 ? undefined : this.rows[i];
    }
    get(key) {
        const row = this.rowOf(key);
        return row === undefined ? undefined : this.value(row);
    }
    has(key) {
        return this.rowOf(key) !== undefined;
    }
    get size() {
        return this.order ? this.order.length : this.rows.length;
    }
    *keys() {
        const seen = this.repeated ? new Set() : null;
        for (const row of this.rows) {
            const k = this.keyOf(row);
            if (seen) {
                if (seen.has(k))
                    continue;
                seen.add(k);
            }
            yield k;
        }
    }
    *entries() {
        if (this.repeated) {
            yield* super.entries();
            return;
        }
        // One row per key: each row is its key's value (no search).
        for (const row of this.rows)
            yield [this.keyOf(row), this.value(row)];
    }
    *values() {
        if (this.repeated) {
            yield* super.values();
            return;
        }
        for (const row of this.rows)
            yield this.value(row);
    }
}
/** The run's own site: each of `rows` by key, read through `served` when asked (see RowMap). */
class RowSite extends RowMap {
}

;// CONCATENATED MODULE: ./src/plan/policies.ts





/**
 * What the bucket holds, per key, with what the action knows beyond the listing: the content MD5 and headers
 * hash from its record (trusted only while the listed ETag still equals the recorded one), and MD5s read by HEAD.
 */
function remoteStates(remote, state, headMd5, headHeaders = {}) {
    // Made when a key is asked for, from the listing and the ledger the run holds anyway: no object per key is kept.
    return new RowMap(remote, (o) => o.key, (o) => remoteState(o, state, headMd5, headHeaders));
}
function remoteState(o, state, headMd5, headHeaders) {
    const known = { key: o.key, etag: o.etag, size: o.size };
    const rec = state && Object.hasOwn(state.objects, o.key) ? state.objects[o.key] : undefined;
    if (rec && ledgerEtag(rec) === o.etag) {
        known.storedMd5 = rec[1];
        if (rec[2])
            known.headersHash = rec[2];
        if (rec[3])
            known.readingHash = rec[3];
        const markers = state?.tags?.objects;
        const marker = markers && Object.hasOwn(markers, o.key) ? markers[o.key] : undefined;
        if (marker)
            known.tagged = marker;
    }
    const head = Object.hasOwn(headMd5, o.key) ? headMd5[o.key] : undefined;
    if (head !== undefined && known.storedMd5 === undefined)
        known.storedMd5 = head;
    const headers = Object.hasOwn(headHeaders, o.key) ? headHeaders[o.key] : undefined;
    if (headers !== undefined && known.headersHash === undefined)
        known.storedHeaders = headers;
    return known;
}
/** The ETag an entry records: written as '' when it is the content MD5 (a single PUT), which keeps the ledger small. */
const ledgerEtag = (rec) => rec[0] || rec[1];
/** A ledger entry, the ETag left out when it is the MD5. */
function entry(etag, md5, headersHash, readingHash) {
    const e = etag === md5 ? '' : etag;
    return readingHash ? [e, md5, headersHash, readingHash] : [e, md5, headersHash];
}
/** The cache-tag marker of an object uploaded with tags (its bytes, so every variant cached from now carries them). */
function uploadedMarker(f, tagMeta) {
    if (tagMeta === null || f.headers.metadata?.[tagMeta] === undefined)
        return undefined;
    return tagMarker({ mutable: !f.verdict.fingerprinted, html: isHtmlType(f.headers.contentType) });
}
/** Local files with the multipart ETags computed for foreign multipart objects. */
function withMultipartEtags(files, multipartEtags) {
    return files.map((f) => {
        const etag = multipartEtags[f.path];
        return etag === undefined ? f : { ...f, multipartEtag: etag };
    });
}
/**
 * Invalidate-only mode has nothing but the diff to go on: without a whole diff, `/*` only when allowed
 * (missing-diff: all); otherwise a warning. Upload mode relies on the sync for what the diff misses.
 */
function missingDiffFallback(config, diff) {
    if (config.upload || !diff.incomplete)
        return { manual: config.paths, warning: null };
    const why = diff.note ?? 'unavailable';
    // No previous commit at all (a manual run): a paths input is the whole list, as given.
    if (diff.source === 'none' && config.missingDiff === 'warn' && config.paths.length > 0)
        return { manual: config.paths, warning: null };
    if (config.missingDiff === 'all') {
        return {
            manual: [...config.paths, '/*'],
            warning: `The commit diff is incomplete (${why}): invalidating /* as missing-diff: all allows`,
        };
    }
    const noDiff = diff.source === 'none';
    return {
        manual: config.paths,
        warning: noDiff
            ? `No commit diff (${why}): nothing of this commit is invalidated; give the paths input or diff-base, or set missing-diff: all to fall back to /*`
            : `The commit diff is incomplete (${why}): only the paths input and the diff that was read are invalidated; set missing-diff: all to fall back to /*`,
    };
}
/**
 * The batch must fit in what is left in flight: total paths within the file-path room (which keeps the exact
 * ones under it too) and wildcards within the wildcard room; never below 1 (CloudFront then queues it).
 */
function inFlightBudget(maxPaths, usage) {
    return {
        budget: Math.max(1, Math.min(maxPaths, MAX_IN_FLIGHT_PATHS - (usage?.inFlightPaths ?? 0))),
        maxWildcards: Math.max(1, MAX_IN_FLIGHT_WILDCARDS - (usage?.inFlightWildcards ?? 0)),
    };
}
/** Keys that stay at the origin without being synced (protected, excluded): cached too, so collateral counts them. */
function collateralKeys(listed, sync) {
    const synced = new Set(sync.map((e) => e.key));
    return listed.filter((o) => !synced.has(o.key)).map((o) => o.key);
}
/** Assets first, entry documents (HTML and the entry-documents globs) last: a page never goes live before what it references. */
function uploadWaves(files, isEntry) {
    const uploads = files.filter((f) => f.entry.action === 'upload');
    // strip-index-html's `d/` goes live with its `d/index.html`: judged by the file it uploads.
    return [uploads.filter((f) => !isEntry(f.source)), uploads.filter((f) => isEntry(f.source))];
}
/**
 * verify-url: the invalidated URLs of files overwritten by this run, each with the MD5 the CDN must now serve
 * (directory forms carry their index document's MD5).
 */
function verifyTargets(plan, files) {
    if (!plan)
        return [];
    const byKey = new Map(files.filter((f) => f.entry.action === 'upload').map((f) => [f.key, f]));
    return plan.stale.flatMap((s) => {
        const file = s.reason === 'overwritten' && s.source ? byKey.get(s.source) : undefined;
        return file ? [{ path: encodeCloudFrontPath(s.path), md5: file.md5 }] : [];
    });
}
/**
 * The record after this run: uploaded objects with their new ETag and headers; unchanged ones keep what was
 * known (headers the action did not record stay unknown, '' , never assumed). Objects not uploaded for lack of
 * an ETag (a failed run) are left out, so the next run compares them afresh.
 */
function nextState(files, remote, etags, tags = { meta: null }, previous = {}) {
    const objects = {};
    /**
     * The entry, as the previous ledger's own array when that holds exactly the same (a large site's ledger is held
     * once; compared before a new one is made).
     */
    const reuse = (key, etag, md5, headersHash, readingHash) => {
        const p = Object.hasOwn(previous, key) ? previous[key] : undefined;
        const e = etag === md5 ? '' : etag;
        const same = p !== undefined &&
            p.length === (readingHash ? 4 : 3) &&
            p[0] === e &&
            p[1] === md5 &&
            p[2] === headersHash &&
            (!readingHash || p[3] === readingHash);
        return same ? p : entry(etag, md5, headersHash, readingHash);
    };
    const tagged = {};
    // An unchanged object keeps its marker only while the tags are written in the same metadata.
    const keep = tags.meta !== null && tags.previous === tags.meta;
    for (const f of files) {
        const o = remote.get(f.key);
        if (f.entry.action === 'upload') {
            const etag = etags[f.key];
            // Tags adopted by a metadata rewrite: variants cached before it carry none, so no marker yet.
            const marker = f.entry.metadataOnly ? undefined : uploadedMarker(f, tags.meta);
            if (etag)
                objects[f.key] = entry(etag, f.md5, (0,headers/* headersHash */.f3)(f.headers), (0,headers/* readingHash */.v6)(f.headers));
            if (etag && marker)
                tagged[f.key] = marker;
        }
        else if (f.entry.action === 'unchanged' && o?.storedHeaders) {
            // Read with HEAD and equal to the rules (else it would have been re-uploaded): now they are known.
            objects[f.key] = entry(o.etag, f.md5, (0,headers/* headersHash */.f3)(f.headers), (0,headers/* readingHash */.v6)(f.headers));
            if (keep && o.tagged)
                tagged[f.key] = o.tagged;
        }
        else if (f.entry.action === 'unchanged' && o) {
            objects[f.key] = reuse(f.key, o.etag, f.md5, o.headersHash ?? '', o.readingHash);
            if (keep && o.tagged)
                tagged[f.key] = o.tagged;
        }
    }
    return { version: 1, objects, ...(tags.meta !== null ? { tags: { meta: tags.meta, objects: tagged } } : {}) };
}
/** A warning when many objects are about to be deleted (close to the cap). */
function deleteWarning(deletes, maxDeletes) {
    if (maxDeletes <= 0 || deletes <= 0.8 * maxDeletes)
        return null;
    return `${deletes} objects will be deleted: close to max-deletes (${maxDeletes}). Check source-dir and prefix.`;
}

;// CONCATENATED MODULE: ./src/plan/history.ts



/** How many deploys the ledger lists at least (sha and time: the older-commit guard, the report). */
const DEPLOYS_LISTED = 10;
/** Where a kept copy of a key's earlier bytes lives: `<records folder>/history/<n>/<key relative to the prefix>`. */
const historyKeyIn = (dir, id, key, prefix = '') => `${dir}history/${id}/${key.startsWith(prefix) ? key.slice(prefix.length) : key}`;
const historyDirIn = (dir) => `${dir}history/`;
/** The headers a deploy serves a file with, as a copy sets them (the report's provenance left out). */
function servedHeaders(h) {
    return {
        contentType: h.contentType,
        cacheControl: h.cacheControl,
        ...(h.contentEncoding !== undefined && { contentEncoding: h.contentEncoding }),
        ...(h.contentLanguage !== undefined && { contentLanguage: h.contentLanguage }),
        ...(h.contentDisposition !== undefined && { contentDisposition: h.contentDisposition }),
        ...(h.websiteRedirectLocation !== undefined && { websiteRedirectLocation: h.websiteRedirectLocation }),
        ...(h.metadata !== undefined && Object.keys(h.metadata).length > 0 && { metadata: sortedRecord(h.metadata) }),
    };
}
function sortedRecord(m) {
    return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/**
 * The deploys of the ledger, newest first, each with its site decoded from the chain of deltas: views over the
 * ledger's tuples (no object per key), so a million-key site costs what the ledger already holds.
 */
function decodeDeploys(state) {
    const table = state?.headerSets ?? [];
    const decode = (rec) => {
        const site = new TupleSite(rec, table);
        return site.complete() ? site : null; // a reference the table lacks: not restorable, never guessed
    };
    let newer = null;
    let first = true;
    return (state?.deploys ?? []).map((entry) => {
        let site = null;
        const rec = entry.site;
        if (rec?.full && first)
            site = decode(rec.full);
        else if (rec && !rec.full && newer) {
            const set = decode(rec.set ?? {});
            if (set)
                site = new DeltaSite(newer, set, rec.gone ?? []);
        }
        first = false;
        newer = site;
        return { entry, site };
    });
}
/**
 * The deploys as stored: the first `keepSites` with a site (the newest in full, the rest as deltas), the rest up to
 * DEPLOYS_LISTED (or keepSites) without; the header table holds exactly the header sets the sites use.
 */
function encodeDeploys(deploys, keepSites) {
    const table = [];
    const index = new Map();
    // Each header set's normal form, by the object (a site's keys share a handful; past HEADER_SETS_CACHED distinct
    // objects, as with per-file cache tags, the rest are written out each time): no JSON per key of a large site.
    const normal = new Map();
    const normalOf = (h) => {
        let k = normal.get(h);
        if (k === undefined) {
            k = JSON.stringify(servedHeaders(h));
            if (normal.size < HEADER_SETS_CACHED)
                normal.set(h, k);
        }
        return k;
    };
    const ref = (h) => {
        const k = normalOf(h);
        let i = index.get(k);
        if (i === undefined) {
            i = table.push(servedHeaders(h)) - 1;
            index.set(k, i);
        }
        return i;
    };
    const tuple = (o) => [o.md5, o.size, ref(o.headers), o.fingerprinted ? 1 : 0];
    // A key served as the newest recorded site served it: that site's tuple, when equal, is held once by both ledgers.
    const before = deploys.slice(1).find((d) => d.site instanceof TupleSite)?.site;
    const reused = (k, t) => {
        const p = before?.tuple(k);
        return p && p[0] === t[0] && p[1] === t[1] && p[2] === t[2] && p[3] === t[3] ? p : t;
    };
    const out = [];
    let newer = null;
    let chained = true;
    for (const [i, d] of deploys.slice(0, Math.max(DEPLOYS_LISTED, keepSites)).entries()) {
        const { site: _drop, ...entry } = d.entry;
        const site = chained && i < keepSites ? d.site : null;
        if (!site) {
            chained = false;
            out.push(entry);
            continue;
        }
        let rec;
        if (newer === null) {
            // Key by key in order, not as [key, object] pairs: a large site's record is built without a second copy.
            const full = {};
            for (const k of [...site.keys()].sort())
                full[k] = reused(k, tuple(site.get(k)));
            rec = { full };
        }
        else {
            const set = {};
            for (const k of [...site.keys()].sort()) {
                const o = site.get(k);
                const n = newer.get(k);
                if (!n ||
                    n.md5 !== o.md5 ||
                    n.size !== o.size ||
                    n.fingerprinted !== o.fingerprinted ||
                    normalOf(n.headers) !== normalOf(o.headers))
                    set[k] = tuple(o);
            }
            const gone = [...newer.keys()].filter((k) => !site.has(k)).sort();
            rec = { ...(Object.keys(set).length > 0 ? { set } : {}), ...(gone.length > 0 ? { gone } : {}) };
        }
        newer = site;
        out.push({ ...entry, site: rec });
    }
    return { deploys: out, headerSets: table };
}
/** Header-set objects whose normal form encodeDeploys keeps while it encodes. */
const HEADER_SETS_CACHED = 10_000;
/** The number of the next deploy: one more than the highest recorded. */
function nextDeployId(state) {
    return Math.max(0, ...(state?.deploys ?? []).map((d) => d.id ?? 0)) + 1;
}
/** The content MD5 of a listed object, when known: the ledger's (ETag unchanged), the MD5 read, or a single-part ETag. */
function currentMd5(o) {
    if (!o)
        return undefined;
    if (o.storedMd5 !== undefined)
        return o.storedMd5;
    return /^[0-9a-f]{32}$/.test(o.etag) ? o.etag : undefined;
}
/** Whether a ledger entry still describes the listed object (its ETag has not changed). */
function recorded(state, o) {
    const rec = state?.objects[o.key];
    return rec !== undefined && ledgerEtag(rec) === o.etag;
}
/** (key, MD5) pairs some site serves. */
function referenced(sites) {
    return (key, md5) => sites.some((s) => s?.get(key)?.md5 === md5);
}
/**
 * The history of a run that changes the site: the copies to make first (bytes a restorable deploy served and the
 * history does not hold yet), the deploys after it, and what to prune (bytes no deploy still restorable serves).
 */
function planHistory(h) {
    const id = nextDeployId(h.state);
    const keep = h.keepDeploys;
    const before = decodeDeploys(h.state);
    const sited = [{ entry: { ...h.entry, id }, site: keep > 0 ? h.site : null }, ...before];
    // Restorable after this run: this one and the keep-deploys before it.
    const kept = sited.slice(0, keep + 1).map((d) => d.site);
    const saved = cloneSaved(h.state?.saved ?? {});
    const preserve = [];
    if (keep > 0) {
        const wanted = referenced(kept);
        for (const c of h.changed) {
            if (c.md5 === undefined || !wanted(c.key, c.md5) || saved[c.key]?.[c.md5] !== undefined)
                continue;
            const to = historyKeyIn(h.dir, id, c.key, h.prefix);
            preserve.push({ key: c.key, md5: c.md5, size: c.size, to });
            (saved[c.key] ??= {})[c.md5] = id;
        }
    }
    const savedBefore = cloneSaved(saved);
    const wanted = referenced(kept);
    const keepKeys = new Set();
    for (const [key, byMd5] of Object.entries(saved)) {
        for (const [md5, n] of Object.entries(byMd5)) {
            if (wanted(key, md5))
                keepKeys.add(historyKeyIn(h.dir, n, key, h.prefix));
            else
                delete byMd5[md5];
        }
        if (Object.keys(byMd5).length === 0)
            delete saved[key];
    }
    const history = historyDirIn(h.dir);
    const prune = h.ownKeys.filter((k) => k.startsWith(history) && !keepKeys.has(k) && !preserve.some((p) => p.to === k));
    return { id, keepDeploys: keep, site: keep > 0 ? h.site : null, preserve, savedBefore, saved, prune, deploys: sited };
}
function cloneSaved(s) {
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, { ...v }]));
}
/** The ledger with the history's part: format 3, the deploys re-encoded, the saved index. */
function withHistory(next, plan, saved = plan.saved) {
    const { deploys, headerSets } = encodeDeploys(plan.deploys, plan.keepDeploys + 1);
    return {
        ...next,
        version: 3,
        deploys,
        ...(headerSets && headerSets.length > 0 ? { headerSets } : {}),
        ...(Object.keys(saved).length > 0 ? { saved } : {}),
    };
}
/** The ledger as it stands with the copies made and recorded, before the run changes anything. */
function withSavedCopies(state, plan) {
    return { ...(state ?? { objects: {} }), version: 3, saved: plan.savedBefore };
}
/** The deploys a rollback can put back (a recorded site), newest first, with the history each holds. */
function restorableDeploys(deploys, saved) {
    const out = [];
    for (const d of deploys) {
        if (!d.site || d.entry.id === undefined)
            continue;
        let bytes = 0;
        for (const [key, byMd5] of Object.entries(saved)) {
            for (const [md5, n] of Object.entries(byMd5))
                if (n === d.entry.id)
                    bytes += sizeIn(deploys, key, md5);
        }
        out.push({
            id: d.entry.id,
            sha: d.entry.sha,
            time: d.entry.time,
            ...(d.entry.rollbackOf !== undefined ? { rollbackOf: d.entry.rollbackOf } : {}),
            objects: d.site.size,
            historyBytes: bytes,
        });
    }
    return out;
}
function sizeIn(deploys, key, md5) {
    for (const d of deploys) {
        const o = d.site?.get(key);
        if (o?.md5 === md5)
            return o.size;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/report/report.ts
// The JSON plan report, the outputs and the job summary: one Report value, three renderings.







const MAX_ROLLBACK_ROWS = 1000;
/** The history part of the report: this run's number, the restorable deploys, the rollback. Pure. */
function historyReport(facts, plan) {
    const deploys = plan.history?.deploys ?? decodeDeploys(facts.state);
    const saved = plan.history?.saved ?? facts.state?.saved ?? {};
    const restorable = restorableDeploys(deploys, saved);
    const id = plan.history?.id ?? facts.state?.deploys?.[0]?.id;
    const r = plan.rollback;
    const why = { bytes: 'restored: other bytes live', missing: 'restored: missing', headers: 'restored: headers differ' };
    return {
        ...(id !== undefined ? { deployId: id } : {}),
        ...(restorable.length > 0 ? { restorable } : {}),
        ...(r
            ? {
                rollback: {
                    asked: r.asked,
                    target: r.target,
                    restored: r.restores.length,
                    restoredBytes: r.restores.reduce((n, x) => n + (x.reason === 'headers' ? 0 : x.size), 0),
                    deleted: r.deletes.length,
                    unchanged: r.unchanged,
                    changes: [
                        ...r.restores.map((x) => ({ key: x.key, action: 'restore', reason: why[x.reason] })),
                        ...r.deletes.map((key) => ({ key, action: 'delete', reason: 'not in the target deploy' })),
                        ...r.kept.map((k) => ({ key: k.key, action: 'keep', reason: k.reason })),
                    ].slice(0, MAX_ROLLBACK_ROWS),
                },
            }
            : {}),
    };
}
/** The report of a run: from what it read, decided and did. Pure. */
function buildReport(config, facts, plan, outcome) {
    const sent = new Map((outcome?.sent ?? []).map((s) => [s.distributionId, s]));
    const wantsDiff = config.distributions.length > 0 && config.invalidate === 'changed';
    const d = facts.diff;
    return {
        version: 1,
        dryRun: config.dryRun,
        bucket: config.bucket,
        prefix: config.prefix,
        sourceDir: config.sourceDir,
        diff: wantsDiff ? { source: d.source, files: d.files?.length ?? 0, ...(d.note ? { note: d.note } : {}) } : null,
        commit: {
            sha: facts.run.headSha,
            source: facts.run.headSource,
            live: facts.state?.deploys?.[0]?.sha ?? null,
            order: facts.commitOrder.order,
            verdict: plan.commitGuard.verdict,
            reason: plan.commitGuard.reason,
            ...(facts.commitOrder.note ? { note: facts.commitOrder.note } : {}),
        },
        totals: totalsOf(facts, plan, outcome),
        files: fileReports(config, facts, plan, outcome),
        invalidations: plan.invalidations.map((p) => {
            const usage = facts.usage[p.distributionId] ?? null;
            const s = sent.get(p.distributionId);
            return {
                distributionId: p.distributionId,
                id: s?.id ?? '',
                status: s?.status ?? (config.invalidate === 'defer' && outcome && p.paths.length > 0 ? 'Deferred' : ''),
                paths: p.paths,
                wildcards: p.wildcards,
                billedPaths: p.paths.length,
                collateral: p.cover?.collateral ?? null,
                reason: p.reason,
                stale: p.stale.some((x) => readableUrlPath(x.path) !== x.path)
                    ? p.stale.map((x) => ({ ...x, path: readableUrlPath(x.path) }))
                    : p.stale,
                monthPathsBefore: usage ? usage.monthPaths : null,
                estimatedCostUsd: estimateCost(p.paths.length, usage?.monthPaths ?? null),
                // cover.paths and p.paths are in the same order (p.paths are the encoded cover paths).
                wildcardDetails: (p.cover?.paths ?? []).flatMap((c, j) => c.wildcard ? [{ path: p.paths[j], covers: c.covers, collateral: c.collateral }] : []),
                items: {
                    paths: p.paths.filter((x) => !x.startsWith('#') && !x.endsWith('*')),
                    wildcards: p.paths.filter((x) => !x.startsWith('#') && x.endsWith('*')),
                    tags: p.tags ?? [],
                },
                advice: adviseInvalidation(p, config.maxPaths),
            };
        }),
        warnings: [...facts.warnings, ...plan.warnings],
        timingsMs: { ...facts.timingsMs, ...outcome?.timingsMs },
        ...(facts.owed.length > 0
            ? {
                collected: facts.owed.map((r) => ({
                    key: hideRecordsDir(r.key),
                    distributionId: r.distributionId,
                    note: r.note ?? '',
                    paths: r.paths.length,
                    ...(r.orphan ? { orphan: true } : {}),
                })),
            }
            : {}),
        ...(facts.owedElsewhere && facts.owedElsewhere.length > 0
            ? {
                owedElsewhere: facts.owedElsewhere.map(({ record: r, distribution }) => ({
                    key: hideRecordsDir(r.key),
                    distributionId: r.distributionId,
                    note: r.note ?? '',
                    paths: r.paths.length,
                    distribution,
                    todo: owedElsewhereTodo(r.distributionId, distribution),
                })),
            }
            : {}),
        ...(config.previewUrl ? { url: config.previewUrl } : {}),
        ...(config.removePrefix ? { removedPrefix: true } : {}),
        ...(plan.waiting.length > 0
            ? { pendingDeletions: plan.waiting.map((w) => ({ key: w.key, dueAt: new Date(w.dueAt).toISOString() })) }
            : {}),
        ...(outcome?.error ? { error: outcome.error } : {}),
        ...(outcome?.verify ? { verify: outcome.verify } : {}),
        ...historyReport(facts, plan),
    };
}
/** What to do about owed records for a distribution this run does not invalidate. */
function owedElsewhereTodo(id, distribution) {
    if (distribution === 'exists')
        return `This run does not invalidate ${id}. A run with distribution-id: ${id} (upload: false is enough) sends these paths and clears the record.`;
    if (distribution === 'missing')
        return `CloudFront has no distribution ${id} (a wrong id?). A run with the right distribution-id sends these paths to it and clears the record.`;
    return (`The configuration of ${id} could not be read. Grant cloudfront:GetDistributionConfig: if ${id} does not exist, the ` +
        `next run sends these paths to its own distributions; if it does, run with distribution-id: ${id} to send them.`);
}
/**
 * Whether a planned write did not happen: the run failed part way and S3 never took it. (A run that did not fail
 * did every write it planned; a dry run, no outcome, reports the plan.)
 */
function notDoneIn(outcome) {
    if (!outcome?.error)
        return () => false;
    // A set, not deleted.includes() per row: a failed run with many deletes reports every row of a large site.
    const deleted = new Set(outcome.deleted);
    return (e) => (e.action === 'upload' ? outcome.etags[e.key] === undefined : e.action === 'delete' && !deleted.has(e.key));
}
/**
 * The run's counts (what the log's plan line and the summary's table show): the plan's, and once the run has
 * written, only the writes S3 took.
 */
function totalsOf(facts, plan, outcome) {
    const t = { uploaded: 0, unchanged: 0, deleted: 0, skipped: facts.scan?.skipped.length ?? 0, uploadedBytes: 0, fingerprinted: 0 };
    const notDone = notDoneIn(outcome);
    for (const e of plan.sync) {
        if (notDone(e))
            continue;
        if (e.action === 'upload') {
            t.uploaded++;
            // Tags adopted by a server-side copy: the object is rewritten, no byte is sent.
            if (!e.metadataOnly)
                t.uploadedBytes += e.size;
        }
        else if (e.action === 'unchanged')
            t.unchanged++;
        else if (e.action === 'delete')
            t.deleted++;
    }
    for (const f of plan.files)
        if (f.verdict.fingerprinted)
            t.fingerprinted++;
    return t;
}
/** Why a removed fingerprinted object is still in the bucket. */
const keptReason = (dueAt) => `kept for open pages until ${dueAt}`;
function fileReports(config, facts, plan, outcome) {
    const verdict = (p) => plan.verdicts.get(p) ?? { fingerprinted: false, reason: '' };
    const skipped = facts.scan?.skipped ?? [];
    const diffFiles = config.upload ? [] : (facts.diff.files ?? []);
    /** The file record of a sync entry: the records are in the sync's order (deletes have none), so read side by side. */
    const recordsOf = () => {
        let next = 0;
        let byKey = null;
        return (e) => {
            if (e.action === 'delete')
                return undefined;
            if (plan.files[next]?.entry === e)
                return plan.files[next++];
            byKey ??= new Map(plan.files.map((f) => [f.key, f]));
            return byKey.get(e.key);
        };
    };
    const notDone = notDoneIn(outcome);
    function* rows() {
        const recordOf = recordsOf();
        for (const e of plan.sync) {
            const fp = verdict(e.path);
            // An object left as it is reports the headers it has (read with HEAD), never the rules' spelling of them.
            const stored = e.action === 'unchanged' ? plan.remote.get(e.key)?.storedHeaders : undefined;
            const rec = recordOf(e);
            const h = e.action === 'delete'
                ? undefined
                : stored && stored.contentType !== undefined
                    ? { contentType: stored.contentType, cacheControl: stored.cacheControl ?? '' }
                    : rec?.headers;
            const missed = notDone(e);
            yield {
                key: e.key,
                path: e.path,
                action: missed ? (e.action === 'upload' ? 'not-uploaded' : 'not-deleted') : e.action,
                reason: missed ? `${e.reason}; not done: the run failed first (see error)` : e.reason,
                size: e.size,
                fingerprinted: fp.fingerprinted,
                fingerprintReason: fp.reason,
                ...(h ? { contentType: h.contentType, cacheControl: h.cacheControl } : {}),
            };
        }
        for (const w of plan.waiting) {
            const dueAt = new Date(w.dueAt).toISOString();
            const fp = verdict(w.path);
            yield {
                key: w.key,
                path: w.path,
                action: 'pending-delete',
                reason: keptReason(dueAt),
                size: w.size,
                dueAt,
                fingerprinted: fp.fingerprinted,
                fingerprintReason: fp.reason,
            };
        }
        for (const s of skipped)
            yield { key: config.prefix + s.path, path: s.path, action: 'skip', reason: s.reason };
        for (const f of diffFiles) {
            const fp = verdict(f.path);
            yield {
                key: '',
                path: f.path,
                action: 'invalidate-only',
                reason: `diff-${f.status}`,
                fingerprinted: fp.fingerprinted,
                fingerprintReason: fp.reason,
            };
        }
    }
    return { length: plan.sync.length + plan.waiting.length + skipped.length + diffFiles.length, [Symbol.iterator]: rows };
}
/**
 * The most an output that lists paths may hold, in UTF-8 bytes. Workflows pass outputs to scripts through
 * `env:`, and Linux caps one environment string (NAME=value) at 128 KiB (E2BIG: the step cannot even start);
 * half of it leaves room for the name and for other outputs passed alongside.
 */
const OUTPUT_LIST_MAX_BYTES = 64 * 1024;
/** A JSON array of the first items whose JSON fits `maxBytes`, and whether that is all of them. */
function jsonArrayWithin(items, maxBytes) {
    let bytes = 2; // []
    for (let i = 0; i < items.length; i++) {
        bytes += Buffer.byteLength(JSON.stringify(items[i])) + (i > 0 ? 1 : 0);
        if (bytes > maxBytes)
            return { json: JSON.stringify(items.slice(0, i)), complete: false };
    }
    return { json: JSON.stringify(items), complete: true };
}
function outputsOf(report, reportPath) {
    const ids = {};
    for (const inv of report.invalidations)
        if (inv.id)
            ids[inv.distributionId] = inv.id;
    const first = report.invalidations.find((i) => i.id);
    const statuses = report.invalidations.filter((i) => i.id).map((i) => i.status);
    const status = overallStatus(statuses);
    const paths = jsonArrayWithin(first?.paths ?? report.invalidations[0]?.paths ?? [], OUTPUT_LIST_MAX_BYTES);
    return {
        'invalidation-id': first?.id ?? '',
        'invalidation-ids': JSON.stringify(ids),
        // The first paths that fit OUTPUT_LIST_MAX_BYTES; the whole list is in the report file.
        'invalidation-paths': paths.json,
        'invalidation-paths-truncated': String(!paths.complete),
        'invalidation-status': status,
        uploaded: String(report.totals.uploaded),
        deleted: String(report.totals.deleted),
        unchanged: String(report.totals.unchanged),
        report: reportPath,
        url: report.url ?? '',
        'deploy-id': report.deployId !== undefined ? String(report.deployId) : '',
    };
}
/** Paths past the 1,000 free a month cost $0.005 each (the free tier is account-wide: this is a lower bound). */
function estimateCost(billed, monthPathsBefore) {
    if (monthPathsBefore === null)
        return null;
    const over = Math.max(0, monthPathsBefore + billed - FREE_PATHS_PER_MONTH) - Math.max(0, monthPathsBefore - FREE_PATHS_PER_MONTH);
    return Math.round(over * USD_PER_PATH * 1000) / 1000;
}
/** The pull request comment: the preview's URL and what the deploy did, under a hidden marker that finds it again. */
function prCommentBody(r) {
    const t = r.totals;
    const title = r.error ? 'Preview deploy failed' : r.removedPrefix ? 'Preview removed' : 'Preview deployed';
    const out = [`### ${title}${r.url && !r.removedPrefix ? `: ${r.url}` : ''}`, ''];
    out.push(`Uploaded ${t.uploaded}, unchanged ${t.unchanged}, deleted ${t.deleted} under ${code(`s3://${r.bucket ?? ''}/${r.prefix}`)}.`);
    for (const i of r.invalidations) {
        if (i.paths.length > 0)
            out.push(`Invalidation ${i.id || '(not sent)'} on ${i.distributionId}: ${i.paths.length} path(s), ${i.status || 'not sent'}.`);
    }
    if (r.error)
        out.push('', `Error: ${esc(r.error)}`);
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/model/format.ts
// Numbers as the log, report and summary print them.
/**
 * An integer with thousands separators, as `n.toLocaleString('en-US')` prints it, without the ICU number
 * formatter: its first use loads locale data, 40-90 ms of start-up on Node 24.
 */
function thousands(n) {
    if (!Number.isSafeInteger(n))
        return String(n);
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return n < 0 ? `-${digits}` : digits;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: the Report rendered as Markdown, one function per section.




const MAX_ROWS = 500;
/** GitHub's limit on one step's summary (a larger one is rejected and the step fails to show it). */
const SUMMARY_MAX_BYTES = 1024 * 1024;
/**
 * Markdown for the job summary; bounded (at most MAX_ROWS detail rows per section) and, whatever the length of keys,
 * paths and warnings, never over SUMMARY_MAX_BYTES: the aggregate comes first, and the lines past the limit are
 * left out with a count (an open `<details>` is closed again).
 */
function summaryMarkdown(r) {
    return withinBytes(sectionLines(r), SUMMARY_MAX_BYTES);
}
/** The first lines that fit `maxBytes` (with the closing note), or all of them. */
function withinBytes(lines, maxBytes) {
    const all = lines.join('\n') + '\n';
    if (Buffer.byteLength(all) <= maxBytes)
        return all;
    const note = (n) => `... ${n} more line${n === 1 ? '' : 's'} of this summary left out (GitHub's 1 MiB step-summary limit); everything is in the JSON report`;
    // Room for the note, and for closing an open <details>.
    const room = maxBytes - Buffer.byteLength(note(lines.length)) - 64;
    let bytes = 0;
    let kept = 0;
    let open = 0;
    for (; kept < lines.length; kept++) {
        const b = Buffer.byteLength(lines[kept]) + 1;
        if (bytes + b > room)
            break;
        bytes += b;
        if (lines[kept].startsWith('<details>'))
            open++;
        if (lines[kept].startsWith('</details>'))
            open--;
    }
    const out = lines.slice(0, kept);
    out.push('', note(lines.length - kept));
    if (open > 0)
        out.push('', '</details>');
    return out.join('\n') + '\n';
}
function sectionLines(r) {
    const out = [];
    headerSection(out, r);
    totalsSection(out, r);
    invalidationsSection(out, r);
    directoriesSection(out, r);
    collectedSection(out, r);
    owedElsewhereSection(out, r);
    pendingSection(out, r);
    verifySection(out, r);
    rollbackSection(out, r);
    restorableSection(out, r);
    warningsSection(out, r);
    filesSection(out, r);
    return out;
}
function headerSection(out, r) {
    out.push(`## S3 CloudFront Deploy${r.dryRun ? ' (dry run: nothing was written)' : ''}`);
    if (r.error)
        out.push('', `> [!CAUTION]`, `> The deploy failed: ${esc(r.error)}`);
    if (r.bucket)
        out.push(`Bucket ${code(r.bucket)}${r.prefix ? ` prefix ${code(r.prefix)}` : ''}`);
    out.push('');
}
function totalsSection(out, r) {
    out.push('| uploaded | unchanged | deleted | skipped | uploaded bytes | fingerprinted |');
    out.push('|---:|---:|---:|---:|---:|---:|');
    const t = r.totals;
    out.push(`| ${t.uploaded} | ${t.unchanged} | ${t.deleted} | ${t.skipped} | ${thousands(t.uploadedBytes)} | ${t.fingerprinted} |`);
    out.push('');
    if (r.diff)
        out.push(`Commit diff: ${esc(r.diff.source)}, ${r.diff.files} files${r.diff.note ? ` (${esc(r.diff.note)})` : ''}`, '');
}
function invalidationsSection(out, r) {
    if (r.invalidations.length === 0)
        return;
    out.push('### Invalidations', '');
    out.push('| distribution | id | status | billed paths | wildcards | stale URLs | collateral | paths earlier this month | est. charge |');
    out.push('|---|---|---|---:|---:|---:|---:|---:|---:|');
    for (const i of r.invalidations) {
        const cost = i.estimatedCostUsd === null ? 'unknown' : `$${i.estimatedCostUsd.toFixed(3)}`;
        out.push(`| ${i.distributionId} | ${i.id || '-'} | ${i.status || '-'} | ${i.billedPaths} | ${i.wildcards} | ${i.stale.length} | ${i.collateral ?? 'unknown'} | ${i.monthPathsBefore ?? 'unknown'} | ${cost} |`);
    }
    out.push('', `The first ${thousands(FREE_PATHS_PER_MONTH)} paths a month are free (account-wide), then $${USD_PER_PATH} per path; a wildcard is one path.`, '');
    for (const i of r.invalidations)
        invalidationDetails(out, i);
}
function invalidationDetails(out, i) {
    const tags = i.items?.tags ?? [];
    if (tags.length > 0) {
        out.push(`Billed items sent to ${i.distributionId}: ${i.items.paths.length} path(s), ${i.items.wildcards.length} wildcard(s), ${tags.length} cache tag(s).`, '', '| cache tag | stale objects covered | unchanged URL forms also evicted |', '|---|---:|---:|');
        for (const t of tags.slice(0, 50)) {
            const shown = t.covers.length === 1 ? `${t.covers.length} (${code(t.covers[0])})` : String(t.covers.length);
            out.push(`| ${code(t.item)} | ${shown} | ${t.collateral} |`);
        }
        if (tags.length > 50)
            out.push(`| ... ${tags.length - 50} more in the JSON report | | |`);
        out.push('');
    }
    if (i.wildcardDetails.length > 0) {
        out.push(`Wildcards sent to ${i.distributionId}:`, '', '| wildcard | stale URLs covered | unchanged objects also evicted |', '|---|---:|---:|');
        for (const w of i.wildcardDetails.slice(0, 50))
            out.push(`| ${code(w.path)} | ${w.covers} | ${w.collateral ?? 'unknown'} |`);
        out.push('');
    }
    for (const a of i.advice)
        out.push(`> [!TIP]`, `> ${esc(a)}`, '');
    out.push(`<details><summary>${i.distributionId}: ${esc(i.reason)}</summary>`, '');
    for (const p of i.paths.slice(0, MAX_ROWS))
        out.push(`- ${code(p)}`);
    if (i.paths.length > MAX_ROWS)
        out.push(`- ... ${i.paths.length - MAX_ROWS} more in the JSON report`);
    out.push('', '</details>', '');
}
function directoriesSection(out, r) {
    const first = r.invalidations[0];
    if (!first || first.stale.length === 0)
        return;
    const fpChanges = [];
    for (const f of r.files)
        if (f.fingerprinted && (f.action === 'upload' || f.action === 'delete'))
            fpChanges.push(f.path);
    const rows = directoryRows(first.stale, fpChanges, first.wildcardDetails);
    out.push(`### Where the changes are (${first.distributionId})`, '');
    out.push('| directory | stale URLs invalidated | fingerprinted changes (no invalidation needed) | collateral evictions |', '|---|---:|---:|---:|');
    for (const d of rows.slice(0, 40))
        out.push(`| ${code(d.dir)} | ${d.stale} | ${d.fingerprinted} | ${d.collateral} |`);
    if (rows.length > 40)
        out.push(`| ... ${rows.length - 40} more directories | | | |`);
    out.push('');
}
function collectedSection(out, r) {
    if (!r.collected || r.collected.length === 0)
        return;
    out.push(`### Owed invalidations collected: ${r.collected.length} record(s)`, '', '| record | distribution | left by | paths |', '|---|---|---|---:|');
    for (const c of r.collected.slice(0, MAX_ROWS))
        out.push(`| ${code(c.key)} | ${c.distributionId}${c.orphan ? " (does not exist: sent to this run's)" : ''} | ${esc(c.note)} | ${c.paths} |`);
    out.push('');
}
function owedElsewhereSection(out, r) {
    if (!r.owedElsewhere || r.owedElsewhere.length === 0)
        return;
    out.push(`### Owed invalidations left for other distributions: ${r.owedElsewhere.length} record(s)`, '', '| record | distribution | left by | paths | what to do |', '|---|---|---|---:|---|');
    for (const c of r.owedElsewhere.slice(0, MAX_ROWS))
        out.push(`| ${code(c.key)} | ${c.distributionId} (${c.distribution}) | ${esc(c.note)} | ${c.paths} | ${esc(c.todo)} |`);
    out.push('');
}
function pendingSection(out, r) {
    if (!r.pendingDeletions || r.pendingDeletions.length === 0)
        return;
    out.push(`### Kept for pages already open: ${r.pendingDeletions.length} removed fingerprinted object(s)`, '');
    out.push('A later deploy deletes each once its grace period (keep-removed) has passed.', '', '| key | deleted after |', '|---|---|');
    for (const p of r.pendingDeletions.slice(0, MAX_ROWS))
        out.push(`| ${code(p.key)} | ${p.dueAt} |`);
    if (r.pendingDeletions.length > MAX_ROWS)
        out.push(`| ... ${r.pendingDeletions.length - MAX_ROWS} more in the JSON report | |`);
    out.push('');
}
function verifySection(out, r) {
    if (!r.verify || r.verify.length === 0)
        return;
    const bad = r.verify.filter((v) => v.status !== 'fresh');
    out.push(`### What the CDN serves now: ${r.verify.length - bad.length} of ${r.verify.length} sampled URLs fresh`, '');
    if (bad.length > 0) {
        out.push('| status | URL | detail |', '|---|---|---|');
        for (const v of bad.slice(0, 50))
            out.push(`| ${v.status} | ${code(v.url)} | ${esc(v.detail)} |`);
        out.push('');
    }
}
function warningsSection(out, r) {
    if (r.warnings.length === 0)
        return;
    out.push('### Warnings', '');
    for (const w of r.warnings.slice(0, 50))
        out.push(`- ${esc(w)}`);
    out.push('');
}
function filesSection(out, r) {
    // Counted in one pass over the rows; only the first MAX_ROWS changed ones are kept for the table.
    let changed = 0;
    const shown = [];
    for (const f of r.files) {
        if (f.action === 'unchanged')
            continue;
        if (changed++ < MAX_ROWS)
            shown.push(f);
    }
    out.push(`<details><summary>Files: ${changed} changed or skipped (of ${r.files.length})</summary>`, '');
    out.push('| action | path | reason | cache-control |', '|---|---|---|---|');
    for (const f of shown)
        out.push(`| ${f.action} | ${code(f.path)} | ${esc(f.reason)} | ${esc(f.cacheControl ?? '')} |`);
    if (changed > MAX_ROWS)
        out.push(`| ... | ${changed - MAX_ROWS} more rows in the JSON report | | |`);
    out.push('', '</details>');
}
function rollbackSection(out, r) {
    const b = r.rollback;
    if (!b)
        return;
    out.push(`### Rollback to deploy ${b.target.id} (${code(b.target.sha.slice(0, 12))}, ${b.target.time})`, '', `Asked: ${code(b.asked)}. Restored ${b.restored} object(s) (${thousands(b.restoredBytes)} bytes copied inside S3, none through the runner), ` +
        `deleted ${b.deleted}, unchanged ${b.unchanged}.`, '');
    if (b.changes.length === 0)
        return;
    out.push('| action | key | why |', '|---|---|---|');
    for (const c of b.changes.slice(0, MAX_ROWS))
        out.push(`| ${c.action} | ${code(c.key)} | ${esc(c.reason)} |`);
    if (b.changes.length > MAX_ROWS)
        out.push(`| ... | ${b.changes.length - MAX_ROWS} more in the JSON report | |`);
    out.push('');
}
function restorableSection(out, r) {
    if (!r.restorable || r.restorable.length === 0)
        return;
    out.push('### Restorable deploys (rollback-to)', '', '| number | commit | time | objects | history size |', '|---:|---|---|---:|---:|');
    for (const d of r.restorable) {
        const what = d.rollbackOf !== undefined ? ` (rollback to ${d.rollbackOf})` : '';
        const live = d.id === r.deployId ? ' (live)' : '';
        out.push(`| ${d.id}${live} | ${code(d.sha.slice(0, 12))}${what} | ${d.time} | ${d.objects} | ${thousands(d.historyBytes)} bytes |`);
    }
    out.push('');
}

;// CONCATENATED MODULE: ./src/io/github/client.ts
let octokit = null;
// One after the other: the two share modules, and Jest's ESM loader fails on overlapping imports of them.
/** @actions/github and its GitHub class, imported once, on first use. */
const loadOctokit = () => (octokit ??= Promise.all(/* import() */[__webpack_require__.e(665), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 1351)).then(async (github) => [github, await __webpack_require__.e(/* import() */ 665).then(__webpack_require__.bind(__webpack_require__, 8665))]));
/** A failed GitHub API call, after retries: the method, URL and GitHub's own message. */
class GitHubApiError extends Error {
    status;
    method;
    url;
    constructor(message, status, method, url, options) {
        super(message, options);
        this.status = status;
        this.method = method;
        this.url = url;
        this.name = 'GitHubApiError';
    }
}
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Milliseconds to wait before retrying, or undefined (do not retry) with the reason to add to the message. */
function retryPlan(err, method, retry, cfg, now) {
    const status = err.status ?? 0;
    const headers = err.response?.headers ?? {};
    const header = (name) => (headers[name] === undefined ? undefined : String(headers[name]));
    const retryAfter = header('retry-after');
    const remaining = header('x-ratelimit-remaining');
    const rateLimited = status === 429 || (status === 403 && (retryAfter !== undefined || remaining === '0' || /rate limit/i.test(err.message ?? '')));
    if (rateLimited) {
        let waitMs;
        if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()))
            waitMs = Number(retryAfter) * 1000;
        else if (remaining === '0' && /^\d+$/.test(header('x-ratelimit-reset') ?? ''))
            waitMs = Number(header('x-ratelimit-reset')) * 1000 - now;
        else
            waitMs = 60_000; // secondary rate limit without a hint: GitHub asks for at least a minute
        waitMs = Math.max(0, waitMs);
        if (waitMs > cfg.maxRateLimitWaitMs)
            return { note: `rate limited; it resets in ${Math.ceil(waitMs / 1000)} s` };
        return { waitMs };
    }
    // Octokit reports network failures as status 500 too. A POST is not repeated: it may have been applied.
    if (status >= 500 && IDEMPOTENT.has(method)) {
        return { waitMs: Math.round(cfg.retryBaseMs * 2 ** retry * (0.5 + Math.random() / 2)) };
    }
    return {};
}
function describe(err, method, url, note) {
    const status = err.status ?? 0;
    const what = err.message ? err.message : 'no message';
    return new GitHubApiError(`GitHub API ${method} ${url} failed: ${status ? `HTTP ${status}: ` : ''}${what}${note ? ` (${note})` : ''}`, status, method, url, { cause: err });
}
/** A new client (not shared). Prefer githubClient(), which shares one per (apiUrl, token). */
async function createGitHubClient(opts) {
    const [{ getOctokit }, { GitHub }] = await loadOctokit();
    const baseUrl = opts.apiUrl.replace(/\/+$/, '');
    const options = { baseUrl, userAgent: 's3-cloudfront-deploy' };
    // getOctokit insists on a token; anonymous requests use the same class without auth.
    const client = opts.token ? getOctokit(opts.token, options) : new GitHub(options);
    const retries = opts.retries ?? 3;
    const cfg = { retryBaseMs: opts.retryBaseMs ?? 1000, maxRateLimitWaitMs: opts.maxRateLimitWaitMs ?? 60_000 };
    const sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    client.hook.wrap('request', async (request, options) => {
        const method = String(options.method ?? 'GET').toUpperCase();
        for (let retry = 0;; retry++) {
            try {
                return await request(options);
            }
            catch (e) {
                const err = e;
                const url = err.request?.url ?? String(options.url);
                const plan = retryPlan(err, method, retry, cfg, Date.now());
                if (plan.waitMs === undefined || retry >= retries) {
                    throw describe(err, method, url, plan.note ?? (retry > 0 ? `after ${retry} retries` : undefined));
                }
                opts.log?.(`GitHub API ${method} ${url}: HTTP ${err.status ?? '?'}; retry ${retry + 1} of ${retries} in ${plan.waitMs} ms`);
                await sleep(plan.waitMs);
            }
        }
    });
    return client;
}
const shared = new Map();
/** The one client for (apiUrl, token), with the default retry settings (made, and @actions/github loaded, on first use). */
function githubClient(apiUrl, token) {
    const key = `${apiUrl.replace(/\/+$/, '')}\n${token}`;
    let client = shared.get(key);
    if (!client) {
        client = createGitHubClient({ apiUrl, token });
        shared.set(key, client);
    }
    return client;
}
/** `owner/name` -> { owner, repo }; throws on anything else. */
function splitRepository(repository) {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
    if (!m)
        throw new Error(`Repository must be "owner/name", got ${JSON.stringify(repository)}`);
    return { owner: m[1], repo: m[2] };
}
/** The hidden HTML comment that identifies the action's comment. */
function markerTag(marker) {
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.:/@+=-]*$/.test(marker) || marker.includes('--')) {
        throw new Error(`Comment marker ${JSON.stringify(marker)} must be letters, digits and _.:/@+= - (no "--")`);
    }
    return `<!-- ${marker} -->`;
}
/**
 * Create or edit the action's comment on an issue or pull request: the first comment (across all pages)
 * whose body holds `<!-- marker -->` is edited (left alone when already equal), otherwise one is created.
 * The marker is put on the first line of the body when the body does not hold it already.
 */
async function upsertPrComment(opts) {
    const { owner, repo } = splitRepository(opts.repository);
    if (!Number.isInteger(opts.issueNumber) || opts.issueNumber < 1) {
        throw new Error(`Pull request number must be a positive integer, got ${opts.issueNumber}`);
    }
    const tag = markerTag(opts.marker);
    const body = opts.body.includes(tag) ? opts.body : `${tag}\n${opts.body}`;
    const client = opts.client ?? (await githubClient(opts.apiUrl, opts.token));
    const issue = { owner, repo, issue_number: opts.issueNumber };
    let found;
    for await (const page of client.paginate.iterator(client.rest.issues.listComments, { ...issue, per_page: 100 })) {
        found = page.data.find((c) => c.body?.includes(tag));
        if (found)
            break;
    }
    if (found) {
        if (found.body === body)
            return { id: found.id, url: found.html_url, created: false };
        const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
        return { id: data.id, url: data.html_url, created: false };
    }
    const { data } = await client.rest.issues.createComment({ ...issue, body });
    return { id: data.id, url: data.html_url, created: true };
}

;// CONCATENATED MODULE: ./src/io/runner/publish.ts
// publish: the report as a JSON file, the step outputs and the job summary. Thin.






const FILES_PLACEHOLDER = '\u0000files\u0000';
const FILES_MARK = `"files": ${JSON.stringify(FILES_PLACEHOLDER)}`;
/**
 * The report as indented JSON with one line per file, written in slices: a site of 100,000 files has a report
 * of tens of MB, which is never held as one string (nor pretty-printed over several lines per file).
 */
async function writeReport(reportPath, report) {
    await promises_default().mkdir(external_node_path_default().dirname(reportPath), { recursive: true });
    const outline = JSON.stringify({ ...report, files: FILES_PLACEHOLDER }, null, 2);
    const at = outline.indexOf(FILES_MARK);
    const out = await promises_default().open(reportPath, 'w');
    try {
        await out.write(outline.slice(0, at) + '"files": [');
        // The rows are made as they are written, a thousand at a time.
        let n = 0;
        let slice = '';
        for (const r of report.files) {
            slice += `${n++ === 0 ? '' : ','}\n    ${JSON.stringify(r)}`;
            if (n % 1000 === 0) {
                await out.write(slice);
                slice = '';
            }
        }
        await out.write(slice + (n > 0 ? '\n  ]' : ']') + outline.slice(at + FILES_MARK.length) + '\n');
    }
    finally {
        await out.close();
    }
}
async function publish(config, report, env, run, log) {
    await writeReport(config.reportPath, report);
    const outputs = outputsOf(report, config.reportPath);
    for (const [k, v] of Object.entries(outputs))
        core/* setOutput */.uH(k, v);
    if (outputs['invalidation-paths-truncated'] === 'true') {
        const all = (report.invalidations.find((i) => i.id) ?? report.invalidations[0])?.paths.length ?? 0;
        const shown = JSON.parse(outputs['invalidation-paths']).length;
        log.notice(`The invalidation-paths output holds the first ${shown} of ${all} paths (${OUTPUT_LIST_MAX_BYTES / 1024} KiB, so it can be passed ` +
            `through env:, which Linux caps at 128 KiB a variable); the whole list is in the report file (${config.reportPath}).`);
    }
    // The job summary through @actions/core (which appends it to the file GITHUB_STEP_SUMMARY names), when the
    // runner gives one: outside Actions there may be none, and no summary is then no failure.
    if (env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z.emptyBuffer().addRaw(summaryMarkdown(report)).write();
    if (config.prComment)
        await commentOnPullRequest(config, report, run, log);
}
/** pr-comment: one comment per pull request and prefix, found again by its marker and edited. A failure only warns. */
async function commentOnPullRequest(config, report, run, log) {
    const pr = run.payload.pull_request;
    const number = typeof pr?.number === 'number' ? pr.number : typeof run.payload.number === 'number' ? run.payload.number : null;
    if (number === null) {
        log.notice(`pr-comment: this run is not for a pull request (event ${run.eventName || 'unknown'}): no comment`);
        return;
    }
    try {
        const res = await upsertPrComment({
            apiUrl: run.apiUrl,
            repository: run.repository,
            token: config.githubToken,
            issueNumber: number,
            marker: `s3-cloudfront-deploy ${config.bucket ?? ''}/${config.prefix}`.replace(/[^\w./ -]/g, '_').replace(/-{2,}/g, '-'),
            body: prCommentBody(report),
        });
        log.info(`pr-comment: ${res.created ? 'created' : 'updated'} ${res.url}`);
    }
    catch (err) {
        log.warning(`pr-comment: could not comment on pull request #${number} (${err.message}); the job needs permissions: pull-requests: write`);
    }
}
/**
 * Checked with the inputs, before any AWS call: the report's directory can be created and the file written.
 * (A path under a file, /dev/null/x.json, or under /proc would otherwise fail only after the uploads.)
 */
async function checkReportPath(reportPath) {
    const dir = external_node_path_default().dirname(reportPath);
    if (dir === '/proc' || dir.startsWith('/proc/') || dir === '/sys' || dir.startsWith('/sys/')) {
        return `cannot write the report under ${dir.split('/').slice(0, 2).join('/')} (a kernel file system); choose a path under RUNNER_TEMP or the workspace`;
    }
    try {
        await promises_default().mkdir(dir, { recursive: true });
        // 'wx' creates it only if it is not there (then removes it again); 'r+' checks an existing file is writable.
        const existed = await promises_default().stat(reportPath).then(() => true, () => false);
        const handle = await promises_default().open(reportPath, existed ? 'r+' : 'wx');
        await handle.close();
        if (!existed)
            await promises_default().unlink(reportPath);
        return null;
    }
    catch (err) {
        const e = err;
        return `cannot write ${reportPath} (${e.code ?? e.message}); choose a writable path (default: RUNNER_TEMP/s3-cloudfront-deploy/report.json)`;
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/model/data.ts
var data = __webpack_require__(6681);
;// CONCATENATED MODULE: ./src/plan/filter.ts
// Which relative paths of the build dir are deployed. Pure; shared by the walker and the delete guard.



function makeFileFilter(include, exclude) {
    // dot: false means a hidden file is only included by a pattern that names the dot explicitly
    // (`.htaccess`, `**/.nojekyll`), never by `**` or `*.txt`.
    const included = include.length === 0 ? () => true : picomatch_default()(include, { dot: false });
    // `.well-known/` is not hidden, so `**` must reach it: match non-hidden paths with dot: true.
    const includedVisible = include.length === 0 ? () => true : picomatch_default()(include, { dot: true });
    const excluded = exclude.length === 0 ? () => false : picomatch_default()(exclude, { dot: true });
    const dotPatterns = include.some((p) => p.split('/').some(data/* isHiddenSegment */.sE));
    return {
        skipReason(relPath) {
            if (isOwnRelPath(relPath))
                return 'reserved-prefix';
            // .git is never deployed, even when a pattern names it.
            if ((0,data/* hasHiddenSegment */.kp)(relPath) && (include.length === 0 || !included(relPath) || /(^|\/)\.git\//.test(relPath)))
                return 'dotfile';
            const hidden = (0,data/* hasHiddenSegment */.kp)(relPath);
            if (!(hidden ? included(relPath) : includedVisible(relPath)) || excluded(relPath))
                return 'excluded';
            return null;
        },
        mayDescend(relDir) {
            if (relDir === '.git' || relDir.endsWith('/.git'))
                return false;
            if ((0,data/* hasHiddenSegment */.kp)(relDir))
                return dotPatterns;
            return true;
        },
    };
}
/** Keys (relative to prefix) that the delete step must leave alone: user globs plus anything the filter skips. */
function makeDeleteGuard(filter, protect) {
    const protectedGlob = protect.length === 0 ? () => false : picomatch_default()(protect, { dot: true });
    return (relKey) => protectedGlob(relKey) || filter.skipReason(relKey) !== null;
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/words.ts
// Word and number shapes: what a person or a framework types, as opposed to a random hash.
// Shared by the name rules (`./tokens.ts`, `./manifests.ts`) and the history rules (`../fingerprint-history.ts`).
/** Shaped like words as people write them: `settings`, `SemiBold`, `darkMode`, `chapter12`, `iPhone12`. */
const WORD_SHAPE = /^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*[0-9]*$/;
/** Numbers with units or dimensions: `2048px`, `1080p`, `4K`, `1200x630` (and `1920wide`, below). */
const NUMERIC = /^[0-9]+(?:[a-z]{0,3}|K|x[0-9]+)$/;
/**
 * For each letter, the letters that follow it in English, from the 104k-word list of Debian's
 * wamerican: upper case when the pair occurs in at least 30 words, lower case when in 3 to 29, absent
 * when rarer. Words use only these pairs; a random string soon hits a rare one (`WF`, `KP`, `PX` in
 * the esbuild hash `WFSAEKPX`; `hb` in `hbom`).
 */
const NEXT_LETTER = {
    a: 'aBCDEFGHIJKLMNoPQRSTUVWXYZ',
    b: 'ABcDEfghIJLMnOpRSTUvwY',
    c: 'ACdEHIKLmnOQRSTUYz',
    d: 'ABCDEFGHIJkLMNOPqRSTUVWYz',
    e: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    f: 'AbEFghILnOpRSTUY',
    g: 'AbdEfGHIkLMNOpRSTUwYz',
    h: 'ABcdEFghIjkLMNOpRSTUWY',
    i: 'ABCDEFGhIjKLMNOPQRSTUVwXZ',
    j: 'AEIOU',
    k: 'ABcdEfgHIjkLMNOPRStUWY',
    l: 'ABCDEFGhIKLMNOPqRSTUVwxY',
    m: 'ABcdEFhILMNOPqrStUvwY',
    n: 'ABCDEFGHIJKLMNOPQRSTUVWxYZ',
    o: 'ABCDEFGHIjKLMNOPQRSTUVWXYZ',
    p: 'ABcdEfgHIkLMnOPRSTUwY',
    q: 'U',
    r: 'ABCDEFGHIJKLMNOPqRSTUVWYz',
    s: 'ABCDEFGHIjKLMNOPQRSTUvWY',
    t: 'ABCdEFGHIjkLMNOPRSTUvWYZ',
    u: 'ABCDEFGhIjKLMNOPRSTuVXyZ',
    v: 'AEIOrUvy',
    w: 'ABcDEfgHIKLmNOpRStuwyz',
    x: 'ACEHIlOPTUvwxY',
    y: 'ABCDEFGHIjkLMNOPRSTuWxz',
    z: 'AEILmOpuvwYZ',
};
/** Every adjacent pair of letters occurs in English words (in many words, when `common`). */
function englishPairs(t, common) {
    const l = t.toLowerCase();
    for (let i = 0; i + 1 < l.length; i++) {
        const next = NEXT_LETTER[l.charAt(i)] ?? '';
        const c = l.charAt(i + 1);
        if (!next.includes(c.toUpperCase()) && (common || !next.includes(c)))
            return false;
    }
    return true;
}
/**
 * A random base64url run often has a word-like case shape (`BvAciOjw` is "Pascal case"), so the shape
 * alone is not enough: every hump of a real word has a vowel and only common letter pairs
 * (`Semi|Bold`, `dark|Mode`), random humps mostly do not (`Bv|Aci|Ojw`, `hbom`).
 */
function readsAsWords(t) {
    if (!WORD_SHAPE.test(t))
        return false;
    for (const hump of t.replace(/[0-9]+$/, '').match(/[A-Z]?[a-z]+/g) ?? []) {
        if (hump.length === 1)
            continue;
        const vowel = hump.length <= 2 ? /[aeiou]/i : /[aeiouy]/i; // `Bv` is not a word; `sky`, `Myth` are
        if (!vowel.test(hump) || !englishPairs(hump, false))
            return false;
    }
    return true;
}
/**
 * Capitals are either esbuild's base32 hash (`[A-Z2-7]{8}`, letters only about one time in five, e.g.
 * `EEEDSWML`) or a shouted word (`OVERVIEW`, `EXPLORER`). Measured on the 10,500 eight-letter words
 * of that word list and on random base32 hashes: "two or more vowels and only common (upper-case)
 * letter pairs" catches 97.5% of the words and costs 1.1% of esbuild hashes (a miss, never a wrong hit).
 */
function looksEnglish(letters) {
    return (letters.match(/[aeiouy]/gi) ?? []).length >= 2 && englishPairs(letters, true);
}
/** A number with a unit, a dimension, or followed by a word (`1920wide`, `3columns`). */
function isNumberish(t) {
    return NUMERIC.test(t) || (/^[0-9]+[a-z]+$/.test(t) && readsAsWords(t.replace(/^[0-9]+/, '')));
}
/** Parts of a separated token that a person would type: words, numbers, versions, short acronyms
 *  with a number (`final`, `2024`, `v2`, `IMG`, `Q3`, `FY24`). */
function isPlainPart(p) {
    return p === '' || readsAsWords(p) || isNumberish(p) || /^[vV]?[0-9]+$/.test(p) || /^[A-Z]{1,3}[0-9]*$/.test(p);
}
/** How many of lower case, upper case and digits a token uses. */
function letterClasses(t) {
    return Number(/[a-z]/.test(t)) + Number(/[A-Z]/.test(t)) + Number(/[0-9]/.test(t));
}
/**
 * Words and numbers run together, as people and frameworks write them: `Win10Start`, `iPhone15Pro`,
 * `K8sGuide`, `Q3Report`, `HTML5Shiv`. Split into humps (capitalised or lower-case words), acronyms
 * and digit runs; it reads as words when every hump of 2+ letters reads as a word.
 */
function readsAsWordsAndNumbers(t) {
    const humps = t.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
    if (humps.join('') !== t)
        return false;
    // Random runs break into many one- and two-letter humps (`Ab|3|d|E|5|f|G`); words into few (`K|8|s|Guide`).
    const letterHumps = humps.filter((h) => !/^[0-9]+$/.test(h));
    if (letterHumps.filter((h) => h.length <= 2).length > 2 || !letterHumps.some((h) => h.length >= 3))
        return false;
    for (const h of humps) {
        if (/^[0-9]+$/.test(h) || h.length <= 2)
            continue;
        if (/^[A-Z]+$/.test(h)) {
            if (h.length <= 4 || looksEnglish(h))
                continue; // `HTML`, `PDF`, `OVERVIEW`
            return false;
        }
        if (!readsAsWords(h))
            return false;
    }
    return true;
}
/** Dates are not content hashes (two builds on one day share them): YYYYMMDD, DDMMYYYY, MMDDYYYY. */
const DATE8 = /^(?:(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])|(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])(?:19|20)[0-9]{2}|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:19|20)[0-9]{2})$/;
/** Chopped into many humps, half of them of one or two characters, as random base64 is
 *  (`0|Ax|5|f|WYR|1`, `1|WDU|Oa|Mvi|W`), where typed names have few long ones (`Win|10|Start`,
 *  `HTML|5|And|CSS|3|Guide`). */
function choppy(t) {
    const humps = t.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
    return humps.length >= 5 && humps.filter((h) => h.length <= 2).length * 2 >= humps.length;
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/siblings.ts
// Fingerprint context: a name the token rules could not decide, read against its siblings of the same build.
// Pure.
//
// A bundler writes every output of one template the same way: same directory, same separator before the
// hash, same text after it, same hash length and alphabet. When several siblings are proven content-hashed
// by the name rules, a name in the same position of the same template whose token has the same length and
// alphabet is one of them, even when its token alone is ambiguous: a hex hash that happens to be all digits
// (`hero.12345678.png` beside `logo.79bc686a.png`), a base32 hash that spells letters only
// (`chunk-DDABSDOB.js` beside `chunk-FFHMD2TL.js`), a base64url hash without lower case (`9_049BZ7`).
// What stays mutable whatever the siblings: dates, timestamps, counters and runs of one digit, lower-case
// words, words and numbers run together, separated plain parts (`release-2024-01-15`, `IMG_2024`).

const ALPHABETS = [
    ['hex', /^[0-9a-f]+$/],
    ['base32', /^[A-Z2-7]+$/],
    ['base64url', /^[0-9A-Za-z_-]+$/],
];
const BOUNDARY = '.-_~';
function split(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? { dir: '', base: path } : { dir: path.slice(0, i), base: path.slice(i + 1) };
}
/** Text after the token with numbers generalised (`-120.avif` and `-64.avif` are one template). */
function tail(after) {
    return after.replace(/[0-9]+/g, '#');
}
function position(dir, base, start, length) {
    const before = base.slice(0, start);
    const after = base.slice(start + length);
    const sep = start === 0 ? '^' : base.charAt(start - 1);
    // The hash first (`[hash]-[name].[ext]`): the name after it varies, the separator and extension do not.
    const rest = start === 0 ? after.replace(/^([-._~])[^.]*/, '$1*') : tail(after);
    const loose = [dir, sep, rest, length].join('\u0000');
    return { exact: `${loose}\u0000${before}`, loose, token: base.slice(start, start + length) };
}
/** Every token-shaped run of a base name: bounded by a separator or the start, followed by a separator. */
function positions(path) {
    const { dir, base } = split(path);
    const out = [];
    for (let s = 0; s < base.length; s++) {
        if (s > 0 && !BOUNDARY.includes(base.charAt(s - 1)))
            continue;
        for (let e = s + 1; e < base.length && e - s <= 64; e++) {
            if (!/[0-9A-Za-z_-]/.test(base.charAt(e - 1)))
                break;
            if (e - s >= 6 && BOUNDARY.includes(base.charAt(e)))
                out.push(position(dir, base, s, e - s));
        }
    }
    return out;
}
/** The narrowest alphabet holding every proven token of a template. */
function alphabetOf(tokens) {
    return ALPHABETS.find(([, re]) => tokens.every((t) => re.test(t))) ?? null;
}
/** Digits that count or date, never a hash: dates, Unix times, leading zeros, one repeated digit, a run. */
function countingDigits(t) {
    if (t.length < 8 || (t.length === 8 && DATE8.test(t)))
        return true;
    if (/^(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])/.test(t))
        return true; // YYYYMMDD + time
    if (/^1[0-9]{9,}$/.test(t) || /^0{3}/.test(t) || /^(.)\1+$/.test(t))
        return true; // Unix time (s, ms, µs)
    const ascending = '01234567890123456789';
    const descending = '98765432109876543210';
    return ascending.includes(t) || descending.includes(t);
}
/** How sure the template is: `strong` when 8+ distinct tokens prove it and they outnumber the undecided
 *  ones there four to one (a bundler's own output folder), `text` when the constant text before the token is
 *  shared (`chunk-`), else `slot`. */
/** Camel-cased words as typed: every hump of three letters or more (`darkMode`, `heroImage2`), where
 *  random base64url leaves one- and two-letter humps (`q|Yie|Ngab`). */
function camelWords(t) {
    const humps = t.replace(/[0-9]+$/, '').match(/[A-Z]?[a-z]+/g) ?? [];
    // a lower-case prefix letter is part of the word as typed (`iPadMini`, `eBook`)
    // two-letter humps count when they have a vowel (`My|Widget`), not when random (`Bq|Dbmo`)
    return humps.filter((h, i) => !(i === 0 && h.length === 1)).every((h) => h.length >= 3 || (h.length === 2 && /[aeiouy]/i.test(h)));
}
/** A marker or constant between doubled separators (`__PAGE__`, `--primary`, `__init__`). */
function isMarker(t) {
    return /^[-_]*(?:[A-Z0-9]*|[a-z0-9]*)[-_]*$/.test(t) && /[-_]{2}/.test(t);
}
/** Parts that people type: numbers, versions, dates, words, acronyms of 2 to 4 capitals. */
function typedPart(p) {
    return (/^[A-Za-z]{1,2}$/.test(p) ||
        /^[vV]?[0-9]+$/.test(p) ||
        /^[A-Z]{2,4}[0-9]*$/.test(p) ||
        (p.length >= 3 && /^[A-Z]?[a-z]+[0-9]*$/.test(p) && readsAsWords(p)) ||
        isNumberish(p));
}
/**
 * Is `t` a hash of the template's alphabet, given that the template is proven? Looser than the name rules
 * only where the template decides (the alphabet and length are known), never for what people type:
 * counting digits, dates, (lower-case or shouted) words, markers, parts that all read as typed.
 */
function fitsTemplate(t, alphabet, tier) {
    if (/^[0-9]+$/.test(t))
        return alphabet === 'hex' && !countingDigits(t);
    if (/(?:19|20)[0-9]{2}[-_]?(?:0[1-9]|1[0-2])/.test(t) || /^[vV]?[0-9]+(?:[-_.][0-9]+)+$/.test(t))
        return false; // dates, versions
    // Lower-case letters only: a word as likely as a hash, unless the template is sure and it reads as none.
    if (/^[a-z]+$/.test(t))
        return alphabet !== 'hex' && tier !== 'slot' && !looksEnglish(t) && !readsAsWords(t);
    if (isMarker(t) || (/[-_]/.test(t) && (/^[a-z_-]+$/.test(t) || /^[A-Z_-]+$/.test(t))))
        return false; // `hero-img`, `MY_CONST`
    if (/^[A-Z]+$/.test(t)) {
        // esbuild base32 spells letters only one time in five; beside constant text (`chunk-`) that is all
        // it can be, unless it reads as a shouted word (`OVERVIEW`: English letter pairs and three vowels,
        // which a random base32 run has about one time in eight).
        const vowels = (t.match(/[AEIOU]/g) ?? []).length;
        return alphabet === 'base32' && !looksEnglish(t) ? true : alphabet === 'base32' && tier === 'text' && vowels < 3;
    }
    // Capitals then digits: an acronym or word with a number (`DSC01234`, `BUDGET99`, `SALE2024`).
    const capsDigits = /^([A-Z]+)([0-9]+)$/.exec(t);
    if (capsDigits && ((capsDigits[1] ?? '').length <= 4 || looksEnglish(capsDigits[1] ?? '') || /[0189]/.test(capsDigits[2] ?? '')))
        return false;
    const parts = t.split(/[-_]/).filter((p) => p !== '');
    if (parts.length > 1 && parts.every(typedPart))
        return false; // `v2-final`, `IMG_2024`, `14-30-22`, `hero-image`
    const core = t.replace(/[-_]/g, '');
    // Hex: digits and letters mixed, not a word run beside a number (`cafe2024`, `facade12`).
    if (alphabet === 'hex')
        return /[0-9]/.test(core) && /[a-f]/.test(core) && !/^(?:[a-f]{4,}[0-9]+|[0-9]+[a-f]{4,})$/.test(core);
    if (isNumberish(core))
        return false;
    if (/[0-9]{5,}/.test(core) || (core.match(/[A-Z]{6,}/g) ?? []).some((c) => looksEnglish(c)))
        return false; // `DSC01234ab`, `OVERVIEWab`
    // Words run together with numbers, every word typed whole (`Win10Pro`, `chapter12`, `K8sGuide`).
    if (readsAsWordsAndNumbers(core) && !/[A-Z]{3,}/.test(core) && camelWords(core.replace(/[0-9]+/g, '')))
        return false;
    // A name and a number (`jquery-3`): a file copied from `public/` can sit beside a bundler's output.
    if (parts.length === 2 && /^[a-z]{4,}$/.test(parts[0] ?? '') && /^[0-9]{1,3}$/.test(parts[1] ?? ''))
        return false;
    // Beside constant text or in a bundler's own folder only a word of one case (`settings`, `Settings2`) is
    // refused: random base64url reads as camel-cased words often (`qYie|Ngab`), typed names rarely sit there.
    if (tier !== 'slot')
        return !(readsAsWords(core) && (!/[a-z][A-Z]/.test(core) || camelWords(core)));
    if (readsAsWords(core))
        return false;
    if (t.includes('__') || t.includes('--') || (parts.length > 1 && parts.every((p) => isPlainPart(p))))
        return false;
    return !readsAsWordsAndNumbers(core) || choppy(core);
}
/**
 * Verdicts from context for `undecided` paths, given the paths the name rules proved and their tokens.
 * A template needs at least 3 proven siblings (2 when the constant text before the token is the same, as
 * in `chunk-<hash>.js`), and more proven siblings than undecided names in its position.
 */
function contextHits(undecided, proven) {
    const exact = new Map();
    const loose = new Map();
    for (const { path, token } of proven) {
        const { dir, base } = split(path);
        const starts = new Set([base.indexOf(token), base.lastIndexOf(token)]);
        for (const s of starts) {
            if (s < 0)
                continue;
            const p = position(dir, base, s, token.length);
            exact.set(p.exact, [...(exact.get(p.exact) ?? []), token]);
            loose.set(p.loose, [...(loose.get(p.loose) ?? []), token]);
        }
    }
    // Counted as distinct tokens: one image id in three widths is one undecided name, not three.
    const pendingTokens = new Map();
    const candidates = undecided.map((path) => ({ path, at: positions(path).filter((p) => loose.has(p.loose)) }));
    for (const c of candidates)
        for (const p of c.at)
            pendingTokens.set(p.loose, (pendingTokens.get(p.loose) ?? new Set()).add(p.token));
    const pending = new Map([...pendingTokens].map(([k, v]) => [k, v.size]));
    const out = new Map();
    for (const { path, at } of candidates) {
        for (const p of at) {
            const sameText = exact.get(p.exact) ?? [];
            const sameSlot = [...new Set(loose.get(p.loose) ?? [])];
            const byText = sameText.length >= 2 && !p.exact.endsWith('\u0000'); // constant text, not an empty one
            const waiting = pending.get(p.loose) ?? 0;
            const tier = byText ? 'text' : sameSlot.length >= 8 && sameSlot.length >= 4 * waiting ? 'strong' : 'slot';
            const support = byText ? sameText : sameSlot;
            if (!byText && (sameSlot.length < 3 || sameSlot.length <= waiting))
                continue;
            const alphabet = alphabetOf(support);
            if (!alphabet || !alphabet[1].test(p.token) || !fitsTemplate(p.token, alphabet[0], tier))
                continue;
            const where = byText
                ? `beside ${support.length} proven names of the same text`
                : `in the position of ${support.length} proven sibling names`;
            out.set(path, {
                token: p.token,
                support: support.length,
                reason: `template context: ${p.token.length}-char ${alphabet[0]} token ${where} (same directory, separator and length)`,
            });
            break;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plan/fingerprint-history.ts
// History as evidence for fingerprinting. Pure: plain data in, plain data out.
//
// Between the previous deploy and this build, a name that disappeared and a name that appeared in the
// same directory, identical except for one token, with different content, show that the token follows
// the content: the build's template puts a content hash there. The directory and the constant text
// around the token (`before`, `after`) plus the token's alphabet and length make a LearnedShape; later
// names of that shape are fingerprinted even when the name rules alone cannot tell (`chart-kqzvbwyx.js`,
// `app.0a0b0c0d0e1.js`, a site's own pipeline).
//
// The converse is the demotion: a name of a learned shape that is reused with new content proves the
// token is NOT (only) a content hash, and the shape is dropped for good.


const fingerprint_history_ALPHABETS = {
    hex: /^[0-9a-f]+$/,
    base32: /^[A-Z2-7]+$/,
    base36: /^[0-9a-z]+$/,
    alnum: /^[0-9A-Za-z]+$/,
    base64url: /^[0-9A-Za-z_-]+$/,
};
/** Token lengths considered: shorter runs are versions, counters and words; longer are not names. */
const MIN_TOKEN = 6;
const MAX_TOKEN = 128;
/** Characters that may bound a token in a name (Next/Vite `-`, webpack `.`, Hugo `_`, `~`). */
const fingerprint_history_BOUNDARY = '.-_~';
const TOKEN_CHAR = /[0-9A-Za-z_-]/;
/** Entry documents: never fingerprinted whatever their name, so never evidence either. */
const HTML = /\.(?:html?|xhtml)$/i;
function splitPath(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? { dir: '', base: path } : { dir: path.slice(0, i), base: path.slice(i + 1) };
}
/** The narrowest alphabet holding every token (base32 only for upper-case tokens, as esbuild emits). */
function fingerprint_history_alphabetOf(tokens) {
    for (const a of ['hex', 'base32', 'base36', 'alnum', 'base64url']) {
        const re = fingerprint_history_ALPHABETS[a];
        if (tokens.every((t) => re.test(t)))
            return a;
    }
    return null;
}
/**
 * Could this token be a hash in `alphabet`, rather than something a person or a framework types? Not a
 * number, date or version (`20240115`, `000124`), not words (`settings`, `darkMode`, `OVERVIEW`,
 * `release-notes`), not a constant marker (`__PAGE__`, `MY_CONST`).
 */
function plausibleToken(t, alphabet, spelt = false) {
    const re = fingerprint_history_ALPHABETS[alphabet];
    if (!re || t.length < MIN_TOKEN || t.length > MAX_TOKEN || !re.test(t))
        return false;
    if (/^[0-9]+$/.test(t))
        return alphabet === 'hex' && t.length >= 8 && !DATE8.test(t); // 2% of 8-hex hashes
    if (t.includes('__') || t.includes('--') || /^[-_]|[-_]$/.test(t))
        return false;
    if (/[-_]/.test(t) && (!/[a-z]/.test(t) || t.split(/[-_]/).some((p) => p.length >= 3 && isPlainPart(p))))
        return false;
    if (/^[a-z]+$/.test(t))
        return alphabet === 'hex' && t.length >= 12; // lower-case letters: a word
    if (alphabet === 'hex')
        return true; // digits and a-f mixed
    if (/^[A-Z]+$/.test(t))
        return spelt || !looksEnglish(t);
    // esbuild base32 (`MV2EFFYE`): 0, 1, 8, 9 never occur, so `SALE2024` is not base32; `SPRING24` is refused.
    if (alphabet === 'base32')
        return spelt || !(/^[A-Z]+[2-7]{1,2}$/.test(t) && looksEnglish(t.replace(/[0-9]+$/, '')));
    if (letterClasses(t) < 2)
        return false;
    return !readsAsWordsAndNumbers(t); // `chapter12`, `v2Final`, `Win10Start`
}
/**
 * Every way to read one token out of a basename: a run of token characters of MIN..MAX length bounded
 * on both sides by a boundary character or the end of the name, with at least one character after it
 * (the extension). The alphabet is left out of the key; it is decided from the paired tokens.
 */
function candidates(path) {
    const { dir, base } = splitPath(path);
    const out = [];
    const n = base.length;
    for (let s = 0; s < n; s++) {
        if (s > 0 && !fingerprint_history_BOUNDARY.includes(base.charAt(s - 1)))
            continue;
        for (let e = s; e < n && e - s < MAX_TOKEN; e++) {
            if (!TOKEN_CHAR.test(base.charAt(e)))
                break;
            const len = e - s + 1;
            if (len < MIN_TOKEN || e + 1 >= n || !fingerprint_history_BOUNDARY.includes(base.charAt(e + 1)))
                continue;
            const before = base.slice(0, s);
            const after = base.slice(e + 1);
            const shape = { dir, before, after, alphabet: '', length: len };
            out.push({ key: `${dir}\u0000${before}\u0000${after}\u0000${len}`, shape, token: base.slice(s, e + 1) });
        }
    }
    return out;
}
/** The two tokens differ at their first and last characters' sides only within one token: their
 *  common prefix and suffix hold no separator (else the real token is narrower, e.g. `index-` of
 *  `index-CfaFZ-lr` is constant text, not part of the hash). */
function tight(a, b) {
    let p = 0;
    while (p < a.length && a[p] === b[p])
        p++;
    let q = 0;
    while (q < a.length - p && a[a.length - 1 - q] === b[b.length - 1 - q])
        q++;
    return !/[-_]/.test(a.slice(0, p)) && !/[-_]/.test(a.slice(a.length - q));
}
function shapeKey(s) {
    return JSON.stringify([s.dir, s.before, s.after, s.alphabet, s.length]);
}
/**
 * Learn shapes from the names that disappeared (in `previous`, not in `current`) and appeared (the
 * reverse). Per candidate shape (dir, before, after, length), the disappeared and appeared names are
 * paired when unambiguous: exactly one of each; or several of each when every token in the group is
 * distinct, plausible, pairwise tight, and no appeared file has the content of a disappeared one (a
 * moved file with the same bytes under a new token means the token does not follow the content).
 * A 1:1 pair also needs different content. Returns `known` plus the new shapes, deduplicated.
 */
function learnShapes(previous, current, known = []) {
    return learnShapesOf(new Map(previous.map((f) => [f.path, f.md5])), new Map(current.map((f) => [f.path, f.md5])), known);
}
/**
 * learnShapes over path -> MD5 maps (or views that answer as Maps do: a large site's ledger and build are read
 * where they are, with no pair or map entry made per file).
 */
function learnShapesOf(prev, cur, known = []) {
    const groups = new Map();
    const add = (path, md5, side) => {
        if (HTML.test(path))
            return;
        for (const c of candidates(path)) {
            let g = groups.get(c.key);
            if (!g)
                groups.set(c.key, (g = { shape: c.shape, gone: [], came: [] }));
            g[side].push([c.token, md5]);
        }
    };
    for (const [p, md5] of prev)
        if (!cur.has(p))
            add(p, md5, 'gone');
    for (const [p, md5] of cur)
        if (!prev.has(p))
            add(p, md5, 'came');
    const out = new Map();
    for (const s of known)
        out.set(shapeKey(s), s);
    for (const d of buildIdDirs(prev, cur))
        out.set(shapeKey(d), d);
    for (const { shape, gone, came } of groups.values()) {
        if (gone.length === 0 || came.length === 0)
            continue;
        if (gone.length > 1 || came.length > 1) {
            if (gone.length * came.length > 10_000)
                continue; // too many to check pairwise: no evidence taken
            if (came.some(([, m]) => gone.some(([, g]) => g === m)))
                continue;
        }
        else if (gone[0]?.[1] === came[0]?.[1])
            continue; // same content under a new name: not a content hash
        const tokens = [...gone, ...came].map(([t]) => t);
        if (new Set(tokens).size !== tokens.length)
            continue;
        const alphabet = fingerprint_history_alphabetOf(tokens);
        if (!alphabet)
            continue;
        // esbuild's base32 spells letters only one time in five: after constant text (`chunk-`), in a group
        // of three or more whose other tokens carry digits, such a token is one of the hashes.
        const spelt = lettersOnlyAllowed(shape, alphabet) && tokens.length >= 3 && tokens.filter((t) => /[2-7]/.test(t)).length * 2 >= tokens.length;
        // Every token must at least fit a proven template (no counter, date, marker or one-case word), and most
        // must pass the strict test on their own: random base64url reads as camel-cased words now and then.
        if (!tokens.every((t) => plausibleToken(t, alphabet, spelt) || fitsShape(t, alphabet)))
            continue;
        if (tokens.filter((t) => plausibleToken(t, alphabet, spelt)).length * 2 < tokens.length)
            continue;
        if (!gone.every(([a]) => came.every(([b]) => tight(a, b))))
            continue;
        const learned = { ...shape, alphabet };
        out.set(shapeKey(learned), learned);
    }
    return [...out.values()];
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A directory name that is a random build id: a UUID, or 16+ chars of hex or base64url that read as a hash. */
function idKind(seg) {
    if (UUID.test(seg))
        return 'uuid';
    if (seg.length < 16 || seg.length > MAX_TOKEN)
        return null;
    const alphabet = fingerprint_history_alphabetOf([seg]);
    return alphabet && alphabet !== 'base32' && plausibleToken(seg, alphabet) ? alphabet : null;
}
/**
 * Build-id directories (`<parent>/<id>/…`): between the previous deploy and this build, every file under
 * one id disappeared and the same names appeared under one new id of the same kind and length (two names at
 * least, no page among them). A build writes such a directory once and never reuses it (Next.js `_next/static/<buildId>/`, a site's own
 * `builds/<uuid>/`), so everything under an id of that kind there is fingerprinted. Several ids on either
 * side (records, uploads) or an old id still in the build prove nothing. Learned as a shape whose `after`
 * is '/': the token is a whole directory name.
 */
function buildIdDirs(prev, cur) {
    const groups = new Map();
    const visit = (path, side) => {
        const segs = path.split('/');
        for (let i = 0; i < segs.length - 1; i++) {
            const seg = segs[i] ?? '';
            const kind = idKind(seg);
            if (!kind)
                continue;
            const dir = segs.slice(0, i).join('/');
            const key = `${dir}\u0000${kind}\u0000${seg.length}`;
            let g = groups.get(key);
            if (!g)
                groups.set(key, (g = {
                    shape: { dir, before: '', after: '/', alphabet: kind, length: seg.length },
                    gone: new Map(),
                    came: new Map(),
                    kept: false,
                }));
            if (side === 'kept') {
                g.kept = true;
                continue;
            }
            const m = g[side];
            m.set(seg, (m.get(seg) ?? new Set()).add(segs.slice(i + 1).join('/')));
        }
    };
    for (const p of prev.keys())
        visit(p, cur.has(p) ? 'kept' : 'gone');
    for (const p of cur.keys())
        if (!prev.has(p))
            visit(p, 'came');
    const out = [];
    for (const { shape, gone, came, kept } of groups.values()) {
        if (kept || gone.size !== 1 || came.size !== 1)
            continue;
        const [oldRests] = [...gone.values()];
        const [newRests] = [...came.values()];
        const all = [...(oldRests ?? []), ...(newRests ?? [])];
        // A folder of pages (`posts/<uuid>/index.html`) is content, not a build's asset directory.
        if (all.some((r) => HTML.test(r)))
            continue;
        if ([...(newRests ?? [])].filter((r) => oldRests?.has(r)).length >= 2)
            out.push(shape);
    }
    return out;
}
/** Does the path have the shape: same directory, same constant text, a plausible token of the
 *  shape's alphabet and length in between? For a build-id directory shape (`after` '/'), is the path
 *  under a directory of that kind and length there? */
function matchesShape(path, shape) {
    if (shape.after === '/')
        return buildIdOf(path, shape) !== null;
    const { dir, base } = splitPath(path);
    if (dir !== shape.dir || base.length !== shape.before.length + shape.length + shape.after.length)
        return false;
    if (!base.startsWith(shape.before) || !base.endsWith(shape.after))
        return false;
    const token = base.slice(shape.before.length, shape.before.length + shape.length);
    return plausibleToken(token, shape.alphabet, lettersOnlyAllowed(shape, shape.alphabet)) || fitsShape(token, shape.alphabet);
}
/** A token in a learned shape (directory, text around it, length, alphabet all proven by history) is
 *  judged as one beside constant text in a build (`fitsTemplate`, tier `text`), within the alphabet. */
function fitsShape(t, alphabet) {
    const re = fingerprint_history_ALPHABETS[alphabet];
    if (!re || !re.test(t) || t.length < MIN_TOKEN || alphabet === 'base32')
        return false;
    return fitsTemplate(t, alphabet === 'hex' ? 'hex' : 'base64url', 'text');
}
/** A learned base32 shape with constant text before the token (`chunk-<hash>.js`): its letters-only
 *  tokens are hashes too (the shape is proven; a shouted word there is not something a build writes). */
function lettersOnlyAllowed(shape, alphabet) {
    return alphabet === 'base32' && /-$/.test(shape.before);
}
/** The build-id directory name of `path` under a directory shape, or null. */
function buildIdOf(path, shape) {
    const prefix = shape.dir === '' ? '' : `${shape.dir}/`;
    if (!path.startsWith(prefix))
        return null;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash !== shape.length || slash === rest.length - 1)
        return null;
    const seg = rest.slice(0, slash);
    return idKind(seg) === shape.alphabet ? seg : null;
}
/** Drop, for good, every shape one of whose names was reused with new content (`demotedPaths`). The
 *  token test is skipped here: any name of the shape's layout is enough to distrust it. */
function dropShapes(shapes, demotedPaths) {
    const demoted = demotedPaths.map(splitPath);
    return shapes.filter((s) => !demotedPaths.some((p) => s.after === '/' && buildIdOf(p, s) !== null) &&
        !demoted.some(({ dir, base }) => dir === s.dir &&
            base.length === s.before.length + s.length + s.after.length &&
            base.startsWith(s.before) &&
            base.endsWith(s.after) &&
            (fingerprint_history_ALPHABETS[s.alphabet] ?? fingerprint_history_ALPHABETS['base64url'])?.test(base.slice(s.before.length, s.before.length + s.length))));
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/names.ts
// Fingerprint name anatomy: <stem>[.<modifier>].<ext>[<trailer>]
/** Suffixes after the real extension that inherit the hashed-ness of the file they belong to:
 *  source maps, webpack `.LICENSE.txt`, esbuild `.LEGAL.txt`, precompressed copies. */
const TRAILER = /\.(?:map|gz|br|zst|LICENSE\.txt|LEGAL\.txt)$/;
const EXTENSION = /\.([A-Za-z0-9]{1,12})$/;
/** Constant words some templates put between the hash and the extension:
 *  CRA `main.1a2b3c4d.chunk.js`, `[name].[contenthash].bundle.js`, `x.<hash>.min.js`, VitePress `.lean.js`. */
const MODIFIER = /\.(?:chunk|bundle|min|lean)$/;
/** Any constant lower-case word (or `es2015`-style target) after the hash: Storybook's webpack builder
 *  `main.<hash>.iframe.bundle.js`, CSS modules `x.<hash>.module.css`, `name.<hash>.chunk.min.js`,
 *  Propshaft `x-<hash>.digested.js`. Up to three are peeled off, one at a time, and the name is tested
 *  at each step (the token must still sit right before the peeled words). */
const CONSTANT_WORD = /^(?:[a-z]{2,12}|es[0-9]{1,4})$/;
const HTML_EXT = new Set(['html', 'htm', 'xhtml']);
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
function nameParts(path) {
    let b = baseName(path);
    for (let i = 0; i < 3; i++) {
        const t = TRAILER.exec(b);
        if (!t || t.index === 0)
            break;
        b = b.slice(0, t.index);
    }
    const e = EXTENSION.exec(b);
    if (!e || e.index === 0)
        return { stem: b, ext: '', stems: [b] };
    const full = b.slice(0, e.index);
    let stem = full;
    for (let i = 0; i < 2; i++) {
        const m = MODIFIER.exec(stem);
        if (!m || m.index === 0)
            break;
        stem = stem.slice(0, m.index);
    }
    const stems = [full];
    let s = full;
    for (let i = 0; i < 3; i++) {
        const dot = s.lastIndexOf('.');
        if (dot <= 0 || !CONSTANT_WORD.test(s.slice(dot + 1)))
            break;
        s = s.slice(0, dot);
        stems.push(s);
    }
    if (!stems.includes(stem))
        stems.push(stem);
    // wasm-bindgen names the module of `<name>-<hash>.js` `<name>-<hash>_bg.wasm` (Trunk, wasm-pack): the
    // hash sits before the constant `_bg`.
    for (const s0 of [...stems])
        if (s0.endsWith('_bg') && s0.length > 3 && !stems.includes(s0.slice(0, -3)))
            stems.push(s0.slice(0, -3));
    return { stem, ext: (e[1] ?? '').toLowerCase(), stems };
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/tokens.ts
// Fingerprint hash tokens: is the end of a name a content hash some bundler emits?


/**
 * Hex digests. Templates pick any length: webpack `[contenthash:N]` (CRA/Vue CLI/Parcel/Docusaurus/
 * Rsbuild/MkDocs Material 8, Nuxt 2 7, gulp-rev/rev-hash 10, Next.js/Turbopack/Angular <= 16 16,
 * webpack's default 20), md5 32 (Hugo, Sprockets 2, Gatsby `static/<md5>/`), sha1 40, sha256 64 (Hugo's
 * default `fingerprint`, Sprockets 3+), sha384/sha512 96/128. So any length from 8 is accepted when the
 * run mixes digits and letters; 6 and 7 only in the unambiguous `.<hash>.` position and with the
 * digits and letters interleaved (a colour `-a1b2c3` or `ad2025` is not taken).
 */
function hexStyle(n) {
    const named = {
        7: 'Nuxt 2 [contenthash:7] style',
        8: 'CRA/Parcel/Docusaurus/Rsbuild [contenthash:8] style',
        10: 'gulp-rev/rev-hash style',
        16: 'Next.js/Turbopack/Angular style',
        20: 'webpack default [contenthash] style',
        32: 'md5',
        40: 'sha1',
        64: 'sha256, e.g. Hugo fingerprint',
        96: 'sha384',
        128: 'sha512',
    };
    return named[n] ?? `[contenthash:${n}] style`;
}
const HEX = /^[0-9a-f]+$/;
const HAS_DIGIT = /[0-9]/;
const HAS_HEX_LETTER = /[a-f]/;
/** English words spelt with a-f only, which could pass for hex next to a number (`cafe2024`). */
const HEX_WORD_NUMBER = /^(?:[0-9]+(?:ace|aced|add|bad|bade|bead|bed|bee|beef|cab|cafe|dad|dead|deaf|deed|face|fade|faded|fed|feed)|(?:abbe|abed|ace|aced|add|added|babe|bad|bade|bead|beaded|bed|bee|beef|cab|cabbed|cad|cafe|cede|ceded|dab|dace|dad|dead|deaf|deb|decade|decaf|deed|deface|defaced|ebb|ebbed|efface|fab|face|faced|facade|fad|fade|faded|fed|fee|feed)[0-9]+)$/;
/** Letters then digits or digits then letters (`ad2025`, `2024ab`): one run each, as people write. */
const TWO_RUNS = /^(?:[a-z]+[0-9]+|[0-9]+[a-z]+)$/;
/** A hex digest must mix digits and letters: all-digit runs are dates, ids or versions
 *  (`20240115`), all-letter runs are words (`deadbeef`, `facade`), and `cafe2024` is a word too. */
function isHexDigest(t, minLength = 8) {
    if (t.length < minLength || t.length > 128 || !HEX.test(t) || !HAS_DIGIT.test(t) || !HAS_HEX_LETTER.test(t))
        return false;
    if (HEX_WORD_NUMBER.test(t))
        return false;
    // Short runs need the interleaving a random string almost always has (7% of 8-hex digests lack it,
    // so it is only asked of the lengths where a colour or a word plus a year is as likely).
    if (t.length < 8 && TWO_RUNS.test(t))
        return false;
    return true;
}
/** A UUID (`550e8400-e29b-41d4-a716-446655440000`) names a record, not content: never a content hash. */
const tokens_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function endsWithUuid(stem) {
    return stem.length >= 36 && stem.charAt(stem.length - 13) === '-' && tokens_UUID.test(stem.slice(-36));
}
const BASE64URL8 = /^[A-Za-z0-9_-]{8}$/;
/**
 * A content hash of a length other than 8 in an alphabet larger than hex (custom `[hash:N]` in
 * Rollup/Vite, webpack `hashDigest: 'base64'`, base36/base62 ids): only letters and digits (with `-`
 * or `_` the token's bounds are ambiguous), 10 to 32 chars, all three of digits, lower and upper case
 * (80% of random 10-char base64url runs; 95%+ from 14 chars), and not words and numbers run together.
 */
function isRandomAlnum(t) {
    return /^[A-Za-z0-9]{10,32}$/.test(t) && letterClasses(t) === 3 && !readsAsWordsAndNumbers(t);
}
/**
 * Vite/Rollup/Astro/SvelteKit/VitePress/Nuxt 3 hashes are 8 chars of base64url (`[A-Za-z0-9_-]`,
 * e.g. `CfaFZ-lr`), esbuild/Angular 17+ hashes are 8 chars of base32 (`[A-Z2-7]`, e.g. `FFHMD2TL`).
 * Random tokens of that shape are accepted unless they read like something a person typed: a number
 * or date, a (camel-cased) word with an optional number, a dimension, a capitalised word with or
 * without a number, or words joined by `-`/`_`. `my-component-abcdefgh.js` is therefore NOT
 * fingerprinted: all-lowercase letters are as likely a word as a hash (a random base64url hash is all
 * lowercase letters 0.08% of the time), and precision comes first.
 */
function isRandomToken8(t) {
    if (!BASE64URL8.test(t))
        return false;
    const parts = t.split(/[-_]/);
    if (parts.length > 1) {
        // Framework markers and constants are not hashes: `__PAGE__` (Next.js segment payloads),
        // `__init__`, `MY_CONST`, `V2_FINAL`: a doubled separator, or separators with no lower-case
        // letter at all (a random 8-char base64url run with a `-`/`_` has one 99% of the time), or a
        // single letter case without digits. Together these cost ~1% of Vite/Rollup hashes (misses only).
        if (t.includes('__') || t.includes('--') || !/[a-z]/.test(t))
            return false;
        if (letterClasses(t) < 2)
            return false; // `my_thing`, `abc-defg`
        if (parts.filter((p) => /^[0-9]+$/.test(p)).length >= 2)
            return false; // `01-15_bg`: a date or time
        // A name and a number: `jquery-3`, `bundle_12` (a random run with a separator has capitals or digits on both sides).
        if (parts.length === 2 && /^[a-z]{4,}$/.test(parts[0] ?? '') && /^[0-9]{1,3}$/.test(parts[1] ?? ''))
            return false;
        return !parts.every(isPlainPart); // `v2-final`, `IMG_2024`, `14-30-22`
    }
    if (!/[A-Za-z]/.test(t))
        return false; // `20240115`
    if (/^[a-z]+$/.test(t) || readsAsWords(t) || isNumberish(t))
        return false;
    const caps = /^([A-Z]+)([0-9]*)$/.exec(t);
    if (caps) {
        const [, letters = '', digits = ''] = caps;
        if (digits.length >= 3)
            return false; // `SALE2024`, `DSC01234`
        // `OVERVIEW`; and `BUDGET99`: a 0, 1, 8 or 9 rules out esbuild's base32, and as base64 the
        // capitals-then-digits shape is rare, so the word test costs almost nothing there. Capitals then
        // esbuild digits (`MGEROZH7`, `WEUPETY5`) read as English too often to be tested: `SPRING24`-style
        // names remain a known, rare risk.
        if ((digits === '' || /[0189]/.test(digits)) && looksEnglish(letters))
            return false;
    }
    return true;
}
/**
 * base64url of any length from 8 (eleventy-img ids are 10, e.g. `-0Ax5fWYR1`, `jrI9Ng4Z_R`): the alphabet
 * includes `-` and `_`, so the token may begin with or hold the name's own separator. Accepted when its
 * letters and digits are of at least two kinds (three below 10 chars) and it does not read as something
 * typed: words and numbers, a plain part on every side of a separator (`IMG_2024`, `hero-banner`),
 * a doubled separator (`__init__`).
 */
function isRandomBase64url(t) {
    if (!/^[A-Za-z0-9_-]{8,32}$/.test(t) || t.includes('__') || t.includes('--') || /[-_]$/.test(t))
        return false;
    if (t.length === 8)
        return isRandomToken8(t);
    const core = t.replace(/[-_]/g, '');
    if (letterClasses(core) < (t.length < 10 ? 3 : 2) || /^[0-9]+$/.test(core) || /^[a-z]+$/.test(core))
        return false;
    const parts = t.split(/[-_]/).filter((p) => p !== '');
    if (parts.every((p) => isPlainPart(p) || /^[A-Za-z]{1,3}$/.test(p)))
        return false;
    if (isNumberish(core) || readsAsWords(core))
        return false;
    if (readsAsWordsAndNumbers(core) && !choppy(core))
        return false; // `Win10Start`, `DSC01234`, not `0Ax5fWYR1`
    if (/[0-9]{5,}/.test(core) || /[-_]{2}/.test(t))
        return false; // a date, counter or number; a marker
    const caps = core.match(/[A-Z]{6,}/g) ?? [];
    if (caps.some((c) => looksEnglish(c)))
        return false; // `SPRING24ab`: a shouted word
    return true;
}
/** Hugo image processing: `<name>_hu<32 hex md5 of source>_<bytes>_<WxH>_<op>...`; also accepted with a
 *  shorter (16+) hex or decimal hash after `_hu`, in case later versions shorten it. The hash is of the
 *  source image; the processing options follow it in the name. */
const HUGO_IMAGE = /_hu_?([0-9a-f]{16,64})(?:_|$)/;
const CODE_EXT = new Set(['js', 'mjs', 'cjs', 'css']);
/** eleventy-img: `<id>-<width>.<format>`, `id` a hash (10 chars by default) of the source image and
 *  the options, e.g. `img/6dfd7ac6c4-300.jpeg`. Only for image formats, and the id must look random. */
const ELEVENTY_IMAGE = /^([A-Za-z0-9_-]{8,16})-([0-9]{2,5})$/;
const IMAGE_EXT = new Set(['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'svg', 'jxl']);
/** Name rule: a hash token right before the extension (or right before constant words such as
 *  `.chunk.min`), or the whole name being a digest. */
function hashTokenOf(parts) {
    for (const stem of parts.stems) {
        const hit = hashTokenAtEnd(stem, parts.ext);
        if (hit)
            return hit;
    }
    const { stem, ext } = parts;
    const hu = HUGO_IMAGE.exec(stem);
    if (hu)
        return { token: hu[1] ?? '', reason: `Hugo processed-image name (_hu + ${hu[1]?.length}-char hex source hash)` };
    const ele = IMAGE_EXT.has(ext) ? ELEVENTY_IMAGE.exec(stem) : null;
    const id = ele?.[1] ?? '';
    if (ele && (isHexDigest(id) || isRandomToken8(id) || isRandomAlnum(id) || isRandomBase64url(id))) {
        return { token: id, reason: `name is <hash>-<width> (eleventy-img style, ${id.length}-char hash)` };
    }
    return leadingTokenOf(stem);
}
/**
 * The hash before the name: `[hash]-[name].[ext]` / `[contenthash:8]-[name]` (webpack/Rspack/Rollup
 * templates, e.g. the Qwik site's `assets/[hash]-[name].[ext]`). The token starts the name and is followed
 * by `-`, `.` or `_` and more name. Stricter than at the end, where the extension bounds it: mixed hex of
 * 8+ (not a UUID, which names a record), or 8 chars of base64url with both cases that reads as nothing
 * typed (no camel-cased words, acronym with a number, marker: `fitsTemplate`).
 */
function leadingTokenOf(stem) {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(stem))
        return null;
    const hex = /^([0-9a-f]{8,64})[-._]./.exec(stem);
    if (hex && isHexDigest(hex[1] ?? '')) {
        return { token: hex[1] ?? '', reason: `name starts with a ${hex[1]?.length}-char hex content hash ([hash]-[name] template)` };
    }
    const b64 = stem.length > 9 && /[-.]/.test(stem.charAt(8)) ? stem.slice(0, 8) : '';
    const core = b64.replace(/[-_]/g, '');
    const typed = /[0-9]/.test(core) && readsAsWordsAndNumbers(core) && !choppy(core); // `MyPhoto1`, `k8sGuide`
    if (b64 && !typed && isRandomToken8(b64) && /[A-Z]/.test(b64) && /[a-z]/.test(b64) && fitsTemplate(b64, 'base64url', 'strong')) {
        return { token: b64, reason: 'name starts with an 8-char base64url content hash ([hash]-[name] template)' };
    }
    return null;
}
function hashTokenAtEnd(stem, ext) {
    if (endsWithUuid(stem))
        return null;
    // Hex: the segment after the last `.` or `-` (hex has neither).
    const sep = Math.max(stem.lastIndexOf('.'), stem.lastIndexOf('-'));
    const hex = stem.slice(sep + 1);
    // An 8-hex hash is all digits 2.3% of the time. Accepted only for code (`main.12345678.js`, as CRA,
    // Parcel and Docusaurus emit), after a dot, and when it is not a date; never for media or documents,
    // where 8 digits are camera counters, ids and dates.
    if (/^[0-9]{8}$/.test(hex) && stem[sep] === '.' && CODE_EXT.has(ext) && !DATE8.test(hex)) {
        return { token: hex, reason: `name has an 8-digit hex content hash before the extension (${hexStyle(8)})` };
    }
    if (sep >= 0 && isHexDigest(hex, stem[sep] === '.' ? 6 : 8)) {
        return { token: hex, reason: `name has a ${hex.length}-char hex content hash before the extension (${hexStyle(hex.length)})` };
    }
    // The whole name is a digest: webpack asset modules `[hash][ext]` (20), Turbopack chunks (16),
    // `[contenthash:10].js`. 8 hex alone (`deadbeef.txt`, `abcdef12.js`) is too easily a real name, and
    // 10 to 15 must interleave digits and letters.
    if (sep < 0 && isHexDigest(hex, 10) && (hex.length >= 16 || !TWO_RUNS.test(hex))) {
        return { token: hex, reason: `whole name is a ${hex.length}-char hex content hash (webpack [hash][ext] / Turbopack style)` };
    }
    // A long hex digest after `_` (`name_<md5>.png`): 16+ mixed hex is never a word, date or counter.
    const us = stem.includes('_') ? /_([0-9a-f]{16,128})$/.exec(stem) : null;
    if (us && isHexDigest(us[1] ?? '')) {
        return { token: us[1] ?? '', reason: `name has a ${us[1]?.length}-char hex content hash after '_'` };
    }
    // base64url / base32, 8 chars, after `.` or `-` (the token itself may contain `-` and `_`).
    if (stem.length > 8) {
        const before = stem[stem.length - 9];
        const tok = stem.slice(-8);
        if ((before === '.' || before === '-') && isRandomToken8(tok)) {
            const style = /^[A-Z2-7]{8}$/.test(tok)
                ? 'base32 content hash before the extension (esbuild/Angular style)'
                : 'base64url content hash segment before the extension (vite/rollup style)';
            return { token: tok, reason: `name has an 8-char ${style}` };
        }
    }
    // Other lengths of base64url/base62 (custom `[hash:12]`), letters and digits only.
    const alnum = stem.slice(sep + 1);
    if (sep >= 0 && isRandomAlnum(alnum)) {
        return { token: alnum, reason: `name has a ${alnum.length}-char base62/base64url content hash before the extension` };
    }
    // Hash-only code file (`[hash].js`, `[contenthash].css`): 8+ chars of letters and digits of all kinds.
    if (sep < 0 && CODE_EXT.has(ext) && /^[A-Za-z0-9]{8,32}$/.test(stem) && letterClasses(stem) === 3 && !readsAsWordsAndNumbers(stem)) {
        return { token: stem, reason: `whole name is a ${stem.length}-char content hash` };
    }
    return null;
}
/** Looser test for directories that only ever hold generated files (`_astro/`, `_nuxt/`): also a
 *  whole-name 8-char token (Nuxt 3 `[hash].js`), any 7+ hex (Nuxt 2 `[contenthash:7]`), and Astro's
 *  optimised images `<name>.<source hash>_<options hash>.<ext>`. */
function relaxedTokenOf(parts) {
    const strict = hashTokenOf(parts);
    const { stem } = parts;
    if (strict)
        return strict;
    // Only generated files live here: an 8-char base64url token in Vite's positions (`[hash].js`,
    // `[name].[hash].[ext]`) is the hash unless it reads as typed (a one-case word, a date, a marker).
    if (isRandomToken8(stem) || (BASE64URL8.test(stem) && fitsTemplate(stem, 'base64url', 'strong'))) {
        return { token: stem, reason: 'whole name is an 8-char content hash' };
    }
    const dotted = /\.([A-Za-z0-9_-]{8})$/.exec(stem)?.[1];
    if (dotted && fitsTemplate(dotted, 'base64url', 'strong')) {
        return { token: dotted, reason: 'name has an 8-char base64url content hash before the extension (generated-assets folder)' };
    }
    const hex = endsWithUuid(stem) ? null : /(?:^|[.-])([0-9a-f]{7,64})$/.exec(stem);
    if (hex)
        return { token: hex[1] ?? '', reason: `name has a ${hex[1]?.length}-char hex content hash` };
    const astro = /\.([A-Za-z0-9_-]{8})_[A-Za-z0-9_-]+$/.exec(stem);
    if (astro && (isRandomToken8(astro[1] ?? '') || fitsTemplate(astro[1] ?? '', 'base64url', 'strong'))) {
        return { token: astro[1] ?? '', reason: 'name has an 8-char source content hash (Astro optimised image)' };
    }
    return null;
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/layout.ts


const WELL_KNOWN = /(?:^|\/)\.well-known\//;
const NEXT_SEGMENT_PAYLOAD = /(?:^|\/)__next[._][^/]*$/;
/** Next.js serves all of `/_next/static/` with `immutable` itself: chunk/css/media names carry content
 *  hashes, and `_next/static/<buildId>/_buildManifest.js` / `_ssgManifest.js` sit in a directory that is
 *  new for every build, so no URL there is ever reused for other content. (A constant custom
 *  `generateBuildId` would break that, and Next's own caching along with it.) */
const NEXT_STATIC = /(?:^|\/)_next\/static\//;
/** SvelteKit: `<appDir>/immutable/` holds only content-hashed files ("can be cached forever"). */
const SVELTEKIT_IMMUTABLE = /(?:^|\/)_app\/immutable\//;
/** Gatsby: `static/<md5 content digest>/<original name>` (files imported or queried via publicURL). */
const GATSBY_STATIC = /(?:^|\/)static\/[0-9a-f]{32}\//;
/** Nuxt 3.8+ app manifest: `<buildAssetsDir>/builds/meta/<buildId>.json`, the build id a random UUID
 *  (`crypto.randomUUID()` unless `app.buildId` is set), written once per build and never reused
 *  (`builds/latest.json`, which names the current id, is the mutable pointer). */
const NUXT_BUILD_META = /(?:^|\/)_nuxt\/builds\/meta\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i;
/** Astro `build.assets` and Nuxt `buildAssetsDir`: generated files only, but not all hashed (Nuxt's
 *  `_nuxt/builds/latest.json` is mutable), so a hash token is still required. */
const GENERATED_DIRS = [
    [/(?:^|\/)_astro\//, 'under _astro/ (Astro build assets)'],
    [/(?:^|\/)_nuxt\//, 'under _nuxt/ (Nuxt build assets)'],
];
/**
 * Verdicts are shared, one per distinct reason (a site of a million files has a few dozen reasons, except those
 * naming a file's own token): frozen, so no holder can change another's. The cache is bounded.
 */
const layout_shared = [new Map(), new Map()];
const SHARED_MAX = 10_000;
function verdict(fingerprinted, reason) {
    const cache = layout_shared[fingerprinted ? 1 : 0];
    const seen = cache.get(reason);
    if (seen)
        return seen;
    const v = Object.freeze({ fingerprinted, reason });
    if (cache.size < SHARED_MAX)
        cache.set(reason, v);
    return v;
}
function yes(reason) {
    return verdict(true, reason);
}
/** The evidence a verdict rests on, in the report: which rule (the reason) and which token of the name. */
function withToken(reason, token) {
    return `${reason} [token '${token}']`;
}
function no(reason) {
    return verdict(false, reason);
}
/** Verdicts that override every automatic rule (but not the user's explicit patterns). */
function neverFingerprinted(path, parts) {
    if (HTML_EXT.has(parts.ext))
        return no('HTML document: entry pages must stay mutable, never fingerprinted');
    if (WELL_KNOWN.test(path))
        return no('.well-known/ URLs are fixed by their specs and stay mutable');
    // Next.js 16 App Router static export: per-route RSC segment payloads named from the route tree
    // (`__next.blog.$d$slug.__PAGE__.txt`, `__next._tree.txt`), rewritten in place on every build.
    if (path.includes('__next') && NEXT_SEGMENT_PAYLOAD.test(path))
        return no('Next.js route segment payload (__next.*): rewritten in place, mutable');
    return null;
}
/** Directory and name rules only; used when no manifest or user pattern applies. */
function isFingerprintedName(path) {
    const parts = nameParts(path);
    return neverFingerprinted(path, parts) ?? layoutVerdict(path, parts);
}
function layoutVerdict(path, parts) {
    return layoutEvidence(path, parts).verdict;
}
/** The layout verdict and, when a name rule decided it, the token it rests on. */
function layoutEvidence(path, parts) {
    if (NEXT_STATIC.test(path))
        return { verdict: yes('under _next/static/ (Next.js immutable build assets: hashed names or a per-build directory)') };
    if (SVELTEKIT_IMMUTABLE.test(path))
        return { verdict: yes('under _app/immutable/ (SvelteKit immutable, content-hashed assets)') };
    if (GATSBY_STATIC.test(path))
        return { verdict: yes('under static/<md5>/ (Gatsby content-digest directory)') };
    const meta = NUXT_BUILD_META.exec(path);
    if (meta)
        return {
            verdict: yes(withToken('Nuxt build-id manifest (_nuxt/builds/meta/<uuid>.json: one per build, never rewritten)', meta[1] ?? '')),
        };
    if (parts.ext === '')
        return { verdict: no('no extension: not a bundler output name') };
    for (const [re, where] of GENERATED_DIRS) {
        if (re.test(path)) {
            const hit = relaxedTokenOf(parts);
            return hit
                ? { verdict: yes(withToken(`${where}; ${hit.reason}`, hit.token)), token: hit.token }
                : { verdict: no(`${where} but no content-hash token in the name`) };
        }
    }
    const hit = hashTokenOf(parts);
    return hit ? { verdict: yes(withToken(hit.reason, hit.token)), token: hit.token } : { verdict: no('no content-hash token in the name') };
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/manifests.ts




function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function dirName(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '' : p.slice(0, i);
}
/**
 * Map a manifest reference to a build file: Vite's paths are relative to the outDir, CRA and
 * webpack-manifest-plugin give URL paths that carry the public path (`/static/js/x.js`,
 * `/app/static/js/x.js`, `https://cdn/x.js`). Leading segments are dropped until a build file matches.
 */
function resolveRef(ref, baseDir, files) {
    let p = ref.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
    try {
        p = decodeURI(p);
    }
    catch {
        /* keep as is */
    }
    const segs = p.split('/').filter((s) => s !== '' && s !== '.');
    for (let i = 0; i < segs.length; i++) {
        const rel = segs.slice(i).join('/');
        const candidate = baseDir ? `${baseDir}/${rel}` : rel;
        if (files.has(candidate))
            return candidate;
    }
    return null;
}
/** Read every manifest into claims: build file -> which manifest lists it, under what logical name. */
function manifestClaims(manifests, files) {
    const claims = new Map();
    for (const [mPath, text] of Object.entries(manifests)) {
        let json;
        try {
            json = JSON.parse(text);
        }
        catch {
            continue;
        }
        if (!isObject(json))
            continue;
        const vite = /(?:^|\/)\.vite\/manifest\.json$/.test(mPath);
        // Vite: relative to the outDir, the folder holding `.vite/` (or holding manifest.json for Vite <= 4).
        const baseDir = vite ? dirName(dirName(mPath)) : dirName(mPath);
        const claim = (ref, logical) => {
            if (typeof ref !== 'string')
                return;
            const file = resolveRef(ref, baseDir, files);
            // First claim wins, except that one naming the logical source beats one that does not.
            if (file && (!claims.has(file) || (logical && claims.get(file)?.logical === undefined))) {
                claims.set(file, logical ? { manifest: mPath, logical } : { manifest: mPath });
            }
        };
        const values = Object.values(json);
        if (values.length > 0 && values.every((v) => isObject(v) && typeof v['file'] === 'string')) {
            // Vite: { "<src>": { file, name?, names?, src?, css?: [], assets?: [] } }
            for (const v of values) {
                const names = v['names'];
                const name = typeof v['name'] === 'string'
                    ? v['name']
                    : Array.isArray(names) && typeof names[0] === 'string'
                        ? names[0]
                        : typeof v['src'] === 'string'
                            ? v['src']
                            : undefined;
                claim(v['file'], name);
                for (const c of Array.isArray(v['css']) ? v['css'] : [])
                    claim(c, typeof v['name'] === 'string' ? v['name'] : undefined);
                for (const a of Array.isArray(v['assets']) ? v['assets'] : [])
                    claim(a);
            }
        }
        else if (isObject(json['files'])) {
            // CRA asset-manifest.json: { files: { "<logical name>": "/<public path>/<output>" }, entrypoints: [] }
            for (const [k, v] of Object.entries(json['files']))
                claim(v, k);
            const entry = json['entrypoints'];
            for (const e of Array.isArray(entry) ? entry : [])
                claim(e);
        }
        else if (values.length > 0 && values.every((v) => typeof v === 'string')) {
            // webpack-manifest-plugin: { "<logical name>": "<public path>/<output>" }. A PWA manifest with only
            // string fields also lands here; its values are not build files, or are checked like any other.
            for (const [k, v] of Object.entries(json))
                claim(v, k);
        }
    }
    return claims;
}
/**
 * With a manifest we know the logical name (`main.js`, chunk `about`, `src/assets/hero.png`), so the
 * part the bundler inserted can be isolated: `main.js` -> `main.3a2b1c00.js` inserted `3a2b1c00`.
 * Inserted text that is a hex digest of any composition (all digits, all letters; not a date), or a
 * base64url run of any length that does not read like words (`kqzvbwyx`, which the name rule alone
 * refuses), is the template's hash. `[name].js` templates insert nothing, and constant words
 * (`.bundle`, `-v2`, `-settings`) are rejected.
 */
function insertedHash(outputStem, logical) {
    const lp = nameParts(logical);
    const ls = lp.ext ? lp.stem : baseName(logical);
    if (ls === '' || outputStem.length <= ls.length + 1 || !outputStem.startsWith(ls))
        return null;
    if (!'.-_~'.includes(outputStem[ls.length] ?? ''))
        return null;
    const r = outputStem.slice(ls.length + 1);
    if (!/^[A-Za-z0-9_-]{6,128}$/.test(r))
        return null;
    if (HEX.test(r))
        return DATE8.test(r) ? null : r;
    if (/^[A-Z]+$/.test(r) && looksEnglish(r))
        return null;
    // Any length (custom `[hash:10]`) and any letters (`kqzvbwyx`), unless it reads as words or numbers.
    return r.split(/[-_]/).every(isPlainPart) ? null : r;
}
function manifestVerdict(parts, claim) {
    if (claim.logical !== undefined && parts.ext !== '') {
        const h = insertedHash(parts.stem, claim.logical);
        if (h)
            return yes(`listed as hashed output in ${claim.manifest} ('${claim.logical}' -> content hash '${h}')`);
    }
    if (parts.ext === '')
        return null;
    const hit = hashTokenOf(parts);
    return hit ? yes(`listed as hashed output in ${claim.manifest}; ${hit.reason}`) : null;
}

;// CONCATENATED MODULE: ./src/plan/fingerprint.ts
// Fingerprint classifier: is a build file's NAME content-hashed by its bundler?
//
// A fingerprinted file gets a new name whenever its content changes, so it may be cached
// `immutable, max-age=31536000` and never needs a CloudFront invalidation. A false positive gives a
// mutable file a one-year immutable cache, so every rule here prefers a miss to a wrong hit.
//
// Pure: plain data in, plain data out (no fs, no process.env). Evidence, strongest first:
//   1. the user's `fingerprint-patterns` globs;
//   2. never: HTML documents and `.well-known/` (entry URLs must stay mutable);
//   3. bundler manifests (`.vite/manifest.json`, CRA `asset-manifest.json`, webpack-manifest-plugin);
//   4. directories whose framework guarantees hashed names (`_next/static/`, `_app/immutable/`, ...);
//   5. the name itself: a hash token right before the extension, in a format some bundler emits;
//   6. history: name shapes learned from earlier deploys (`fingerprint-history.ts`);
//   7. context: a name in the position of a template that several siblings of the build prove
//      (`fingerprint/siblings.ts`): same directory, separator, text after the token, length and alphabet.
// Every automatic verdict names its rule and the token it rests on (`[token '…']`), and reaches the report.
// Above all of them, a `demoted` path (its name was reused with new content) is never fingerprinted.







/**
 * Manifest files the caller should read and pass in `manifests` (relative paths or picomatch globs).
 * - `.vite/manifest.json`: Vite >= 5 with `build.manifest` (a hidden dir, so also listed literally).
 * - `**\/.vite/manifest.json`: the same when the Vite outDir is a subfolder of the deployed dir.
 * - `manifest.json`: Vite <= 4 and webpack-manifest-plugin's default name. Usually it is a PWA web app
 *   manifest instead; that shape is recognised and ignored.
 * - `asset-manifest.json`: create-react-app (and react-scripts forks).
 * Not listed: Next.js `build-manifest.json` lives in `.next/`, not in the `out/` of a static export, and
 * everything it could list is under `_next/static/`, which the directory rule covers anyway.
 */
const MANIFEST_GLOBS = ['.vite/manifest.json', '**/.vite/manifest.json', 'manifest.json', 'asset-manifest.json'];
function describeShape(s) {
    if (s.after === '/')
        return `${s.dir ? `${s.dir}/` : ''}<${s.length}-char ${s.alphabet} build id>/ (a build-id directory, replaced whole by the redeploy)`;
    return `${s.dir ? `${s.dir}/` : ''}${s.before}<${s.length}-char ${s.alphabet} hash>${s.after}`;
}
/** One verdict for every path in `input.files`. */
function classifyFingerprints(input) {
    const userMatchers = (input.userPatterns ?? [])
        .map((g) => g.trim())
        .filter((g) => g !== '')
        .map((g) => ({ glob: g, test: picomatch_default()(g.replace(/^\.?\//, ''), { dot: true }) }));
    // The set of every path only where a manifest's references are resolved against it (a large site has none).
    const claims = Object.keys(input.manifests).length > 0 ? manifestClaims(input.manifests, new Set(input.files)) : new Map();
    const out = new Map();
    const learnedByDir = new Map();
    const idDirs = [];
    for (const s of input.learned ?? []) {
        if (s.after === '/')
            idDirs.push(s);
        else
            learnedByDir.set(s.dir, [...(learnedByDir.get(s.dir) ?? []), s]);
    }
    const proven = [];
    const undecided = [];
    for (const path of input.files) {
        // Demotion wins over everything, the user's own patterns included: it is an observed fact (this
        // name was served with one content and now has another), while a pattern is a declaration that the
        // build has just broken. Trusting the pattern would give the new content the old content's year-long
        // immutable cache; distrusting it costs one invalidation.
        if (input.demoted?.has(path)) {
            out.set(path, no('demoted: name reused with new content'));
            continue;
        }
        // The user's explicit list wins over everything else, HTML included: it is their declared contract.
        const user = userMatchers.find((m) => m.test(path));
        if (user) {
            out.set(path, yes(`user fingerprint-patterns glob '${user.glob}'`));
            continue;
        }
        const parts = nameParts(path);
        const never = neverFingerprinted(path, parts);
        if (never) {
            out.set(path, never);
            continue;
        }
        const claim = claims.get(path);
        const fromManifest = claim ? manifestVerdict(parts, claim) : null;
        const layout = fromManifest ? null : layoutEvidence(path, parts);
        const verdict = fromManifest ?? layout?.verdict ?? no('no content-hash token in the name');
        if (layout?.token && verdict.fingerprinted)
            proven.push({ path, token: layout.token });
        const shape = verdict.fingerprinted
            ? undefined
            : (learnedByDir.get(dirName(path))?.find((s) => matchesShape(path, s)) ?? idDirs.find((s) => matchesShape(path, s)));
        out.set(path, shape ? yes(withToken(`learned from history: ${describeShape(shape)}`, tokenOf(path, shape))) : verdict);
        if (!shape && !verdict.fingerprinted && parts.ext !== '')
            undecided.push(path);
    }
    // Context last: a name no rule decided, in the position of a template its siblings prove.
    for (const [path, hit] of contextHits(undecided, proven))
        out.set(path, yes(withToken(hit.reason, hit.token)));
    return out;
}
function tokenOf(path, s) {
    if (s.after === '/')
        return buildIdOf(path, s) ?? '';
    const base = path.slice(path.lastIndexOf('/') + 1);
    return base.slice(s.before.length, s.before.length + s.length);
}

;// CONCATENATED MODULE: ./src/plan/ledger.ts



/** How many deploys the ledger remembers. */
const DEPLOYS_KEPT = 10;
/**
 * What the previous deploy and this build prove: name shapes whose token follows the content (learned), and
 * names reused with new content (demoted, which also drops any shape they match).
 */
function historyEvidence(ledger, prefix, local) {
    const demoted = new Set(ledger?.demoted ?? []);
    // Both sides as views over what the run holds (the ledger's entries, the build's files): no copy per file.
    const learned = learnShapesOf(new RecordedMd5s(ledger?.objects ?? {}, prefix), new RowMap(local, (f) => f.path, (f) => f.md5), ledger?.shapes ?? []);
    return { learned: dropShapes(learned, [...demoted]), demoted };
}
/** The ledger's content MD5s by path relative to `prefix` (its keys under it), read from its entries when asked. */
class RecordedMd5s extends MapView {
    objects;
    prefix;
    /** Counted when first asked (evidence never asks: no extra pass over a large ledger). */
    count = null;
    constructor(objects, prefix) {
        super();
        this.objects = objects;
        this.prefix = prefix;
    }
    get(path) {
        const key = this.prefix + path;
        return Object.hasOwn(this.objects, key) ? this.objects[key][1] : undefined;
    }
    has(path) {
        return Object.hasOwn(this.objects, this.prefix + path);
    }
    get size() {
        if (this.count === null) {
            let n = 0;
            for (const _ of this.keys())
                n++;
            this.count = n;
        }
        return this.count;
    }
    *keys() {
        for (const key in this.objects)
            if (Object.hasOwn(this.objects, key) && key.startsWith(this.prefix))
                yield key.slice(this.prefix.length);
    }
}
/**
 * Names called fingerprinted that the bucket already holds with other content: the name did not change when
 * the content did, which proves it is not content-hashed.
 */
function reusedNames(files) {
    return files.filter((f) => f.verdict.fingerprinted && f.entry.action === 'upload' && (f.entry.reason === 'content-changed' || f.entry.reason === 'size-changed'));
}
function demotionWarning(f, before) {
    return (`${f.path} was taken for fingerprinted (${before.reason}) but the bucket holds other content under the same name: ` +
        `demoted (name reused with new content). It is uploaded with the mutable Cache-Control, invalidated, and kept mutable from now on.`);
}
/** Verdict for a path not in the build (a removed object): demoted, else a learned shape, else the name rules. */
function removedVerdict(path, evidence, byName) {
    if (evidence.demoted.has(path))
        return { fingerprinted: false, reason: 'demoted: name reused with new content' };
    const shape = evidence.learned.find((s) => matchesShape(path, s));
    return shape ? { fingerprinted: true, reason: 'learned from history' } : byName(path);
}
/**
 * Removed objects: the ones that are not fingerprinted go now (their URLs must stop serving); fingerprinted
 * ones stay `keepMs` after they left the build, for pages already open, and a later deploy deletes them.
 */
function planRemovals(deletes, fingerprinted, previous, now, keepMs) {
    const out = { now: [], due: [], waiting: [], pending: {} };
    for (const e of deletes) {
        if (!fingerprinted(e.path) || keepMs <= 0) {
            out.now.push(e);
            continue;
        }
        const since = previous[e.key]?.since ?? now;
        if (now - since >= keepMs)
            out.due.push(e);
        else
            out.waiting.push({ ...e, dueAt: since + keepMs });
        // Due ones stay recorded until the listing shows them gone (a crash before the delete loses nothing).
        out.pending[e.key] = { since, size: e.size };
    }
    return out;
}
/** Pending deletions of objects no longer in the bucket are forgotten; ones back in the build are dropped. */
function livePending(pending, listed) {
    return Object.fromEntries(Object.entries(pending ?? {}).filter(([key]) => listed.has(key)));
}
/** The ledger after this run: the objects as nextState records them, plus what the run learned and owes. */
function nextLedger(previous, u) {
    const { objects, tags } = nextState(u.files, u.remote, u.etags, { meta: u.tagMeta ?? null, previous: previous?.tags?.meta }, previous?.objects);
    // Without a deploy of its own the run keeps the deploys as they are (their recorded sites chain newest first).
    const deploys = u.deploy ? [u.deploy, ...(previous?.deploys ?? [])].slice(0, DEPLOYS_KEPT) : (previous?.deploys ?? []);
    return {
        version: 3,
        objects,
        demoted: [...u.demoted].sort(),
        shapes: u.shapes,
        pending: u.pending,
        deploys,
        ...(tags ? { tags } : {}),
        // keep-deploys: the history's records stay as they are (a deploy re-encodes them: withHistory).
        ...(previous?.headerSets ? { headerSets: previous.headerSets } : {}),
        ...(previous?.saved ? { saved: previous.saved } : {}),
    };
}
/** Whether what the ledger knows beyond the objects changed (so it must be written even with no upload). */
function ledgerKnowledgeChanged(previous, next) {
    const norm = (s) => JSON.stringify([s?.demoted ?? [], s?.shapes ?? [], Object.keys(s?.pending ?? {}).sort()]);
    return norm(previous) !== norm(next);
}
/**
 * May this commit deploy over the one the ledger says is live? `older`: the live one descends from it (an
 * out-of-order or re-run workflow) - refused unless allow-older, or a force push that discarded the live commit
 * (resetting a branch to a good commit). `unknown`: no proof either way - refused too, unless allow-older: an
 * older build must never silently replace a newer one.
 */
function commitGuard(g) {
    const { order, ours, live } = g;
    if (order === 'none' || !live)
        return { verdict: 'deploy', reason: 'no-live-commit' };
    if (order === 'same')
        return { verdict: 'deploy', reason: 'same-commit' };
    if (order === 'newer' || order === 'diverged')
        return { verdict: 'deploy', reason: order };
    if (g.forcePushOverLive)
        return { verdict: 'deploy', reason: 'force-push' };
    if (g.allowOlder)
        return { verdict: 'deploy', reason: 'allow-older' };
    if (order === 'older') {
        return {
            verdict: 'refuse',
            reason: 'older',
            message: `The bucket holds a deploy of ${live.slice(0, 12)}, which is newer than this run's commit ${ours.slice(0, 12)} ` +
                `(it descends from it): a run that finished out of order, or a re-run of an old workflow. Nothing was written. ` +
                `Set allow-older: true to deploy an older commit on purpose (a rollback).`,
        };
    }
    return {
        verdict: 'refuse',
        reason: 'unknown',
        message: `Could not tell whether this run's commit ${ours.slice(0, 12)} is older than the live deploy's ${live.slice(0, 12)} ` +
            `(${g.note ?? 'no history'}). Nothing was written: an older build must not replace a newer one unnoticed. ` +
            `Check out with actions/checkout fetch-depth: 0, or give the action a github-token that can read the repository ` +
            `(contents: read) for the compare API; set allow-older: true to deploy whatever the order.`,
    };
}
/** The refusal message of commitGuard, or null when the commit may deploy. */
function olderCommitRefusal(order, ours, live, allowOlder, forcePushOverLive = false, note) {
    const g = commitGuard({ order, ours, live, allowOlder, forcePushOverLive, ...(note ? { note } : {}) });
    return g.verdict === 'refuse' ? g.message : null;
}

;// CONCATENATED MODULE: ./src/plan/sync.ts


/** ETag of a single-part, non-KMS object is the hex MD5 of its body. */
function contentMatch(local, remote) {
    const etag = remote.etag.toLowerCase();
    if (etag === local.md5)
        return 'md5-match';
    if (local.multipartEtag && etag === local.multipartEtag)
        return 'multipart-etag-match';
    if (remote.storedMd5 && remote.storedMd5 === local.md5)
        return 'stored-hash-match';
    return null;
}
/**
 * True when the listing alone cannot tell whether the object matches: same size but an ETag that is not
 * this file's MD5 (multipart, SSE-KMS, or another tool's upload). One HeadObject reads the stored hash.
 */
function needsHead(local, remote) {
    if (remote.size !== local.size)
        return false;
    const etag = remote.etag.toLowerCase();
    return etag !== local.md5 && etag !== local.multipartEtag;
}
function isReservedKey(key, prefix) {
    return isOwnKey(key, prefix, '');
}
/** The recorded headers hash differs, or (no record) the headers read with HEAD differ from the rules. */
function headersChanged(path, obj, opts) {
    if (obj.headersHash !== undefined)
        return opts.headersHash !== undefined && obj.headersHash !== opts.headersHash(path);
    return obj.storedHeaders !== undefined && opts.headersDiffer !== undefined && opts.headersDiffer(path, obj);
}
function planSync(local, remote, opts) {
    const entries = [];
    // The keys of the build, for what it no longer has: only when removed objects are deleted.
    const localKeys = opts.deleteRemoved ? new Set() : null;
    for (const file of local) {
        const key = keyFor(opts.prefix, file.path);
        localKeys?.add(key);
        const obj = remote.get(key);
        if (!obj) {
            entries.push({ key, path: file.path, action: 'upload', reason: 'new', size: file.size, overwrites: false });
            continue;
        }
        const match = contentMatch(file, obj);
        if (opts.force) {
            entries.push({
                key,
                path: file.path,
                action: 'upload',
                reason: 'forced',
                size: file.size,
                overwrites: true,
                sameBytes: match !== null,
            });
        }
        else if (match && headersChanged(file.path, obj, opts)) {
            entries.push({
                key,
                path: file.path,
                action: 'upload',
                reason: 'headers-changed',
                size: file.size,
                overwrites: true,
                sameBytes: true,
            });
        }
        else if (match) {
            entries.push({ key, path: file.path, action: 'unchanged', reason: match, size: file.size });
        }
        else {
            const reason = obj.size !== file.size ? 'size-changed' : 'content-changed';
            entries.push({ key, path: file.path, action: 'upload', reason, size: file.size, overwrites: true });
        }
    }
    if (localKeys) {
        for (const obj of remote.values()) {
            if (localKeys.has(obj.key) || !obj.key.startsWith(opts.prefix) || isReservedKey(obj.key, opts.prefix))
                continue;
            const rel = obj.key.slice(opts.prefix.length);
            if (opts.isProtected(rel))
                continue;
            entries.push({ key: obj.key, path: rel, action: 'delete', reason: 'removed-locally', size: obj.size });
        }
    }
    return entries;
}
/** Deletes over the cap abort the run before any write. */
function checkDeleteCap(entries, maxDeletes) {
    const n = entries.filter((e) => e.action === 'delete').length;
    if (maxDeletes < 0 || n <= maxDeletes)
        return null;
    return (`${n} objects would be deleted, over max-deletes (${maxDeletes}). Nothing was uploaded or deleted. ` +
        `If this is intended, raise max-deletes to at least ${n} (or -1 for no cap); if not, check source-dir and prefix.`);
}

;// CONCATENATED MODULE: ./src/plan/files.ts
// The per-file decisions: what each file is (fingerprinted or not, and why), how it is served (headers), and
// what the sync does with it. Pure.











/** CopyObject's limit: a larger object cannot have its metadata rewritten by one server-side copy. */
const MAX_COPY_BYTES = 5 * 1024 ** 3;
/** The headers without the tag metadata (what a bucket deployed before tagging holds). */
function withoutTags(h, metaName) {
    if (!h.metadata || !(metaName in h.metadata))
        return h;
    const metadata = Object.fromEntries(Object.entries(h.metadata).filter(([k]) => k !== metaName));
    const out = { ...h, metadata };
    if (Object.keys(metadata).length === 0)
        delete out.metadata;
    return out;
}
/** Which build files the `gzip` input stores compressed. */
function gzipMatcher(config) {
    return config.gzip.length === 0 ? () => false : picomatch_default()(config.gzip, { dot: true });
}
/**
 * What the bucket should hold: the build's files (gzip ones with the size and MD5 of their compressed bytes),
 * plus, with strip-index-html, each `d/index.html` again under the key `d/`.
 */
function deployedFiles(config, facts) {
    const files = withMultipartEtags(facts.scan?.files ?? [], facts.multipartEtags).map((f) => {
        const g = facts.gzipped[f.path];
        return g ? { path: f.path, size: g.size, md5: g.md5, gzip: true } : f;
    });
    if (!config.stripIndexHtml)
        return files;
    const stripped = files.flatMap((f) => {
        const key = strippedKeyFor(f.path, config.indexDocument);
        return key ? [{ ...f, path: key, source: f.path }] : [];
    });
    return [...files, ...stripped];
}
/** Keys the delete step leaves alone; strip-index-html's `d/` is judged as the `d/index.html` it copies. */
function deleteGuard(config) {
    const guard = makeDeleteGuard(makeFileFilter(config.include, config.exclude), config.protect);
    return (rel) => guard(config.stripIndexHtml && rel.endsWith('/') ? rel + config.indexDocument : rel);
}
/** Same bytes re-uploaded for its headers: does the change alter how a client reads them? Unknown: yes. */
function rereads(o, h) {
    if (o?.storedHeaders)
        return (0,headers/* invalidationNeededForHeaderChange */.Iy)(o.storedHeaders, h);
    if (o?.readingHash)
        return o.readingHash !== (0,headers/* readingHash */.v6)(h);
    return true;
}
function classifyAndSync(config, facts, local, evidence, tagging) {
    const built = local.filter((f) => f.source === undefined);
    const verdicts = classifyFingerprints({
        files: built.map((f) => f.path),
        manifests: facts.scan?.manifests ?? {},
        userPatterns: config.fingerprintPatterns,
        learned: evidence.learned,
        demoted: evidence.demoted,
    });
    const fingerprint = verdictLookup(verdicts, evidence);
    const verdictOf = (f) => fingerprint(f.source ?? f.path);
    const rules = (0,headers/* headerRules */.$O)(config.cacheControl, config.headerRules);
    // By path through a search over the files (no map of every path): the file, and its headers by the same index.
    const byPathLocal = new RowMap(local, (f) => f.path, (f) => f);
    /** The headers with the object's cache tags in metadata `metaName`. */
    const withTags = (g, p, fingerprinted, metaName) => {
        const tags = tagsFor(keyFor(config.prefix, p), { mutable: !fingerprinted, html: isHtmlType(g.contentType) });
        return { ...g, metadata: { ...(g.metadata ?? {}), [metaName]: tags.join(',') } };
    };
    // A site has a handful of distinct header decisions for thousands of files: each is held once.
    const distinct = new Map();
    const intern = (h) => {
        const key = JSON.stringify(h);
        const seen = distinct.get(key);
        if (seen)
            return seen;
        distinct.set(key, h);
        return h;
    };
    const headerList = local.map((f) => {
        const fingerprinted = verdictOf(f).fingerprinted;
        const h = rules(f.source ?? f.path, fingerprinted);
        const g = f.gzip ? { ...h, contentEncoding: 'gzip' } : h;
        if (!tagging)
            return intern(g);
        // Tags are part of the headers (and so of the headers hash that decides a re-upload).
        return withTags(g, f.path, fingerprinted, tagging.metaName);
    });
    const headersOf = (p) => headerList[byPathLocal.indexOf(p)];
    /**
     * Same bytes, and the headers differ only by the tag metadata: adopting tags (or dropping them when tagging stops:
     * `cache-tags: off`, or no CacheTagConfig any more), a metadata-only rewrite.
     */
    const dropped = tagging ? null : (facts.state?.tags?.meta ?? null);
    const onlyTagsDiffer = (p, o) => {
        if (o.size > MAX_COPY_BYTES)
            return false;
        const h = headersOf(p);
        if (tagging) {
            const bare = withoutTags(h, tagging.metaName);
            if (o.headersHash !== undefined)
                return o.headersHash === (0,headers/* headersHash */.f3)(bare);
            return o.storedHeaders !== undefined && !(0,headers/* headersDiffer */.RK)(withoutTags(o.storedHeaders, tagging.metaName), bare);
        }
        if (dropped === null)
            return false;
        const f = byPathLocal.get(p);
        if (o.headersHash !== undefined)
            return o.headersHash === (0,headers/* headersHash */.f3)(withTags(h, p, verdictOf(f).fingerprinted, dropped));
        return o.storedHeaders !== undefined && !(0,headers/* headersDiffer */.RK)(withoutTags(o.storedHeaders, dropped), h);
    };
    const remote = remoteStates(facts.remote, facts.state, facts.headMd5, facts.headHeaders);
    const sync = config.upload
        ? planSync(local, remote, {
            prefix: config.prefix,
            deleteRemoved: config.deleteRemoved,
            isProtected: deleteGuard(config),
            force: config.forceUpload,
            headersHash: (p) => (0,headers/* headersHash */.f3)(headersOf(p)),
            headersDiffer: (p, o) => (0,headers/* headersDiffer */.RK)(o.storedHeaders, headersOf(p)),
        }).map((e) => {
            if (e.action !== 'upload' || !e.sameBytes)
                return e;
            const o = remote.get(e.key);
            if (e.reason === 'headers-changed' && o && onlyTagsDiffer(e.path, o))
                return { ...e, rereads: false, metadataOnly: true };
            return { ...e, rereads: rereads(o, headersOf(e.path)) };
        })
        : [];
    const files = sync.flatMap((entry) => {
        const f = entry.action === 'delete' ? undefined : byPathLocal.get(entry.path);
        if (!f)
            return [];
        const h = headersOf(f.path);
        return [
            {
                key: entry.key,
                path: f.path,
                source: f.source ?? f.path,
                gzip: f.gzip === true,
                size: f.size,
                md5: f.md5,
                headers: h,
                verdict: verdictOf(f),
                entry,
            },
        ];
    });
    return { local, remote, sync, files, fingerprint, evidence };
}
/**
 * The verdict of a path, built apart from classifyAndSync: a closure keeps its whole scope alive, and this one
 * outlives the plan's per-file maps (headers, files by path), which would then be held to the end of the run.
 */
function verdictLookup(verdicts, evidence) {
    return (p) => verdicts.get(p) ?? removedVerdict(p, evidence, isFingerprintedName);
}
/**
 * Classify, then sync; a name called fingerprinted that the bucket holds with other content is demoted (the
 * proof that it is not content-hashed) and the files are classified again with it, so it is served mutable.
 */
function planFiles(config, facts) {
    const local = deployedFiles(config, facts);
    const { tagging } = discoverTagging(config, facts);
    const evidence = historyEvidence(facts.state, config.prefix, local.filter((f) => f.source === undefined));
    const first = classifyAndSync(config, facts, local, evidence, tagging);
    const reused = reusedNames(first.files).filter((f) => f.source === f.path);
    if (reused.length === 0)
        return { ...first, demotions: [], tagging };
    const demoted = new Set([...evidence.demoted, ...reused.map((f) => f.path)]);
    const again = classifyAndSync(config, facts, local, { learned: dropShapes(evidence.learned, [...demoted]), demoted }, tagging);
    return { ...again, tagging, demotions: reused.map((f) => ({ path: f.path, warning: demotionWarning(f, f.verdict) })) };
}

;// CONCATENATED MODULE: ./src/plan/cover/common.ts
/** Constants, flags and small helpers shared by the cover planner's parts (design: ../cover.ts). */
const INF = Number.POSITIVE_INFINITY;
/** Prefix lengths beyond this are not distinguished when ranking specificity (unknown origin). */
const LEN_CAP = 4096;
/** Entry flags. */
const F_EXACT = 1; // a stale path that can be sent exactly
const F_WILD = 2; // a prefix that must be covered by a wildcard (text before the `*` or `~` of a stale path)
const F_EXIST = 4; // an existing (non-stale) path
/** True when `path` is matched by the CloudFront invalidation path `pattern` (exact, or prefix ending in `*`). */
function matchesCloudFrontPath(pattern, path) {
    if (pattern.endsWith('*'))
        return path.startsWith(pattern.slice(0, -1));
    return pattern === path;
}
/** True when `p` is a well-formed decoded CloudFront invalidation path: starts with '/', `*` only as the last character. */
function isValidCloudFrontPath(p) {
    if (!p.startsWith('/'))
        return false;
    const star = p.indexOf('*');
    return star === -1 || star === p.length - 1;
}
/** Specificity of a wildcard prefix (unknown origin): '/' count first, then length. Larger = more specific. */
function wildcardSpecificity(prefix) {
    let slashes = 0;
    for (let i = 0; i < prefix.length; i++)
        if (prefix.charCodeAt(i) === 47)
            slashes++;
    return [slashes, prefix.length];
}
/**
 * Index of the first character that CloudFront cannot take literally in an invalidation path, or -1: `*` (read as
 * a wildcard) or `~` (rejected raw; `%7E` is accepted but clears nothing, aws/aws-sdk-js-v3#4042). A stale path
 * holding one must be covered by a wildcard cut before it, and no wildcard prefix may contain one.
 */
function firstUnsendable(s) {
    const star = s.indexOf('*');
    const tilde = s.indexOf('~');
    return star === -1 ? tilde : tilde === -1 || star < tilde ? star : tilde;
}
function isHighSurrogate(c) {
    return c >= 0xd800 && c <= 0xdbff;
}
function fmt(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function plural(n, word) {
    return `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/plan/cover/table.ts
/** Cover planner, part 2: the DP tables and their (min,+) algebra. */

const EMPTY = new Float64Array(0);
/** A table with columns 0..Wd holding rows lo[w]..hi[w]-1, all INF. */
function newTable(Wd, lo, hi) {
    const t = { Wd, lo: new Array(Wd + 1), hi: new Array(Wd + 1), off: new Array(Wd + 1), a: EMPTY };
    let n = 0;
    for (let w = 0; w <= Wd; w++) {
        const l = lo[w];
        const h = hi[w];
        t.off[w] = n;
        if (h > l) {
            t.lo[w] = l;
            t.hi[w] = h;
            n += h - l;
        }
        else {
            t.lo[w] = 0;
            t.hi[w] = 0;
        }
    }
    t.a = n > 0 ? new Float64Array(n).fill(INF) : EMPTY;
    return t;
}
function emptyTable() {
    return { Wd: 0, lo: [0], hi: [0], off: [0], a: EMPTY };
}
/** Value of row k, column w. */
function at(t, k, w) {
    if (w > t.Wd)
        return INF;
    const l = t.lo[w];
    const h = t.hi[w];
    if (h === l || k < l)
        return INF;
    return t.a[t.off[w] + Math.min(k, h - 1) - l];
}
/**
 * Restore "at most k paths" (a plan with fewer paths also fits a larger row), then drop leading infeasible rows
 * and trailing rows equal to the one before them (in place: only the column bounds move).
 */
function settle(t) {
    const a = t.a;
    for (let w = 0; w <= t.Wd; w++) {
        const o = t.off[w];
        const n = t.hi[w] - t.lo[w];
        if (n === 0)
            continue;
        for (let i = 1; i < n; i++)
            if (a[o + i - 1] < a[o + i])
                a[o + i] = a[o + i - 1];
        let f = 0;
        while (f < n && a[o + f] === INF)
            f++;
        if (f === n) {
            t.lo[w] = 0;
            t.hi[w] = 0;
            continue;
        }
        let e = n;
        while (e > f + 1 && a[o + e - 2] === a[o + e - 1])
            e--;
        t.off[w] = o + f;
        t.lo[w] = t.lo[w] + f;
        t.hi[w] = t.lo[w] + (e - f);
    }
    return t;
}
/** (min,+) merge; out column w = x column p + y column q with p + q = w; at most `rows(w)` rows. */
function merge(x, y, Wd, rows, S) {
    const out = mergeShape(x, y, Wd, rows, S);
    const xa = x.a;
    const ya = y.a;
    const oa = out.a;
    for (let p = 0; p <= x.Wd; p++) {
        const xl = x.lo[p];
        const xh = x.hi[p];
        if (xh === xl)
            continue;
        const xo = x.off[p] - xl; // xa[xo + i] is row i
        for (let q = 0; q <= y.Wd && p + q <= Wd; q++) {
            const w = p + q;
            const ol = out.lo[w];
            const oh = out.hi[w];
            const yl = y.lo[q];
            const yh = y.hi[q];
            if (yh === yl || oh === ol)
                continue;
            const oo = out.off[w] - ol;
            const yo = y.off[q] - yl;
            const imax = Math.min(xh - 1, oh - 1 - yl);
            for (let i = xl; i <= imax; i++) {
                const xv = xa[xo + i];
                const jmax = Math.min(yh - 1, oh - 1 - i);
                const ob = oo + i;
                for (let j = yl; j <= jmax; j++) {
                    const val = xv + ya[yo + j];
                    if (val < oa[ob + j])
                        oa[ob + j] = val;
                }
            }
        }
    }
    return settle(out);
}
/** The (all-INF) output table of merge(x, y): the row ranges the column sums can reach, capped by `rows`. */
function mergeShape(x, y, Wd, rows, S) {
    const lo = S.lo;
    const hi = S.hi;
    for (let w = 0; w <= Wd; w++) {
        lo[w] = 0x3fffffff;
        hi[w] = 0;
    }
    for (let p = 0; p <= x.Wd; p++) {
        if (x.hi[p] === x.lo[p])
            continue;
        for (let q = 0; q <= y.Wd && p + q <= Wd; q++) {
            if (y.hi[q] === y.lo[q])
                continue;
            const w = p + q;
            lo[w] = Math.min(lo[w], x.lo[p] + y.lo[q]);
            hi[w] = Math.max(hi[w], x.hi[p] - 1 + y.hi[q] - 1 + 1);
        }
    }
    for (let w = 0; w <= Wd; w++)
        hi[w] = Math.min(hi[w], rows(w));
    return newTable(Wd, lo, hi);
}
/** (min,+) convolution of two "at most w wildcards" arrays of length W + 1. */
function conv(x, y) {
    const out = new Float64Array(x.length).fill(INF);
    for (let a = 0; a < x.length; a++) {
        const xv = x[a];
        if (xv === INF)
            continue;
        for (let b = 0; a + b < x.length; b++) {
            const val = xv + y[b];
            if (val < out[a + b])
                out[a + b] = val;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plan/cover/trie.ts
/**
 * Cover planner, part 1: the entries (exact stale paths, wildcard-only requirements, existing paths) and the
 * compressed trie over them, built top-down by partitioning on the first differing character.
 */

const ROOT = 0;
/** A node whose only requirement is one exact path: sent exactly (its own wildcard is never better). */
function simple(T, v) {
    return v !== ROOT && T.sUnits[v] === 1 && T.wUnits[v] === 0;
}
/** The children of v holding stale units that are not simple, in list order. */
function complexKids(T, v) {
    const kids = [];
    for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
        if (!simple(T, c))
            kids.push(c);
    return kids;
}
/** Exact stale paths + simple children of v: the paths v's own option B always sends. */
function simpleBase(T, v) {
    let base = T.term[v] & F_EXACT ? 1 : 0;
    for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
        if (simple(T, c))
            base++;
    return base;
}
/** Entries for the stale paths: exact ones, and one wildcard-only requirement per prefix before a '*' or '~'. */
function staleEntries(stale) {
    const E = { keys: [], kflag: [], wildSeen: new Set(), wildCount: new Map(), nStar: 0, nTilde: 0 };
    for (const s of stale) {
        if (typeof s !== 'string' || !s.startsWith('/'))
            throw new TypeError(`cover planner: stale path must start with '/': ${JSON.stringify(s)}`);
        const bad = firstUnsendable(s);
        if (bad === -1) {
            E.keys.push(s);
            E.kflag.push(F_EXACT);
        }
        else if (!E.wildSeen.has(s)) {
            E.wildSeen.add(s);
            if (s.includes('*'))
                E.nStar++;
            if (s.includes('~'))
                E.nTilde++;
            const t = s.slice(0, bad);
            const n = E.wildCount.get(t) ?? 0;
            E.wildCount.set(t, n + 1);
            if (n === 0) {
                E.keys.push(t);
                E.kflag.push(F_WILD);
            }
        }
    }
    return E;
}
/** Add the existing paths (U \ S; exact stale duplicates are merged in the trie). */
function addExisting(E, existing) {
    const nWild = E.wildSeen.size;
    for (const u of existing) {
        if (typeof u !== 'string' || !u.startsWith('/'))
            continue; // never matched by a path starting with '/'
        if (nWild > 0 && E.wildSeen.has(u))
            continue;
        E.keys.push(u);
        E.kflag.push(F_EXIST);
    }
}
/** Build the trie over E's keys and aggregate the counts bottom-up. O(L) time, O(n + L) space. */
function buildTrie(E) {
    const m = E.keys.length;
    const cap = 2 * m + 2;
    const T = {
        keys: E.keys,
        nn: 0,
        depth: new Int32Array(cap),
        parent: new Int32Array(cap),
        rep: new Int32Array(cap),
        term: new Uint8Array(cap),
        sUnits: new Int32Array(cap),
        wUnits: new Int32Array(cap),
        uCnt: new Int32Array(cap),
        stStr: new Int32Array(cap),
        cut: new Int32Array(cap),
        firstChild: new Int32Array(cap).fill(-1),
        nextSib: new Int32Array(cap).fill(-1),
    };
    const S = { idx: new Int32Array(m), tmp: new Int32Array(m), codeCount: new Int32Array(65536), codes: [] };
    for (let i = 0; i < m; i++)
        S.idx[i] = i;
    const tasks = [0, m, 0, -1]; // lo, hi, shared prefix length, parent
    while (tasks.length > 0) {
        const par = tasks.pop();
        const d0 = tasks.pop();
        const hi = tasks.pop();
        let lo = tasks.pop();
        const d = sharedLength(T.keys, S.idx, lo, hi, d0);
        const v = T.nn++;
        T.depth[v] = d;
        T.parent[v] = par;
        lo = takeTerminal(T, E, S.idx, v, lo, hi);
        setCut(T, v, par);
        if (lo < hi)
            partition(T.keys, S, lo, hi, d, v, tasks);
    }
    aggregate(T);
    return T;
}
/** Length of the prefix shared by the keys idx[lo..hi) (all share the first d0 characters). */
function sharedLength(keys, idx, lo, hi, d0) {
    const first = keys[idx[lo]];
    if (hi - lo === 1)
        return first.length;
    let minLen = first.length;
    for (let i = lo + 1; i < hi; i++) {
        const len = keys[idx[i]].length;
        if (len < minLen)
            minLen = len;
    }
    let d = d0;
    ext: while (d < minLen) {
        const c = first.charCodeAt(d);
        for (let i = lo + 1; i < hi; i++)
            if (keys[idx[i]].charCodeAt(d) !== c)
                break ext;
        d++;
    }
    return d;
}
/** Terminal keys of v (length = depth[v], all equal): merge their flags into v, move them to the front. */
function takeTerminal(T, E, idx, v, lo, hi) {
    const { keys, rep } = T;
    const d = T.depth[v];
    rep[v] = idx[lo];
    let f = 0;
    for (let i = lo; i < hi; i++) {
        const k = idx[i];
        if (keys[k].length === d) {
            f |= E.kflag[k];
            rep[v] = k;
            idx[i] = idx[lo];
            idx[lo++] = k;
        }
    }
    if (f & F_EXACT)
        f &= ~F_EXIST; // U \ S
    if (f) {
        T.term[v] = f;
        if (f & (F_EXACT | F_WILD))
            T.sUnits[v] = 1;
        if (f & F_WILD)
            T.wUnits[v] = 1;
        if (f & F_EXIST)
            T.uCnt[v] = 1;
        T.stStr[v] = (f & F_EXACT ? 1 : 0) + (f & F_WILD ? E.wildCount.get(keys[rep[v]]) : 0);
    }
    return lo;
}
/**
 * Deepest valid cut on the edge into v: no '*' or '~' in the prefix, not between surrogate halves. The root's edge
 * starts at the empty string, so its cut can be '/' (every key starts with '/').
 */
function setCut(T, v, par) {
    const str = T.keys[T.rep[v]];
    const pd = par >= 0 ? T.depth[par] : 0;
    let c = T.depth[v];
    const bad = firstUnsendable(str);
    if (bad >= 0 && bad < c)
        c = bad;
    // Never between the halves of a surrogate pair, nor between an escape mark and its byte (src/plan/url-path.ts).
    while (c > pd && (isHighSurrogate(str.charCodeAt(c - 1)) || str.charCodeAt(c - 1) === 1))
        c--;
    T.cut[v] = c > pd ? c : 0;
}
/** Partition idx[lo..hi) by the character at d (counting sort) and queue the child groups of v. */
function partition(keys, S, lo, hi, d, v, tasks) {
    const { idx, tmp, codeCount, codes } = S;
    for (let i = lo; i < hi; i++) {
        const c = keys[idx[i]].charCodeAt(d);
        if (codeCount[c] === 0)
            codes.push(c);
        codeCount[c] = codeCount[c] + 1;
    }
    if (codes.length === 1) {
        codeCount[codes[0]] = 0;
        codes.length = 0;
        tasks.push(lo, hi, d + 1, v);
        return;
    }
    let off = lo;
    for (const c of codes) {
        const n = codeCount[c];
        codeCount[c] = off;
        tasks.push(off, off + n, d + 1, v);
        off += n;
    }
    for (let i = lo; i < hi; i++) {
        const k = idx[i];
        tmp[codeCount[keys[k].charCodeAt(d)]++] = k;
    }
    idx.set(tmp.subarray(lo, hi), lo);
    for (const c of codes)
        codeCount[c] = 0;
    codes.length = 0;
}
/** Aggregate bottom-up (descending ids = post-order) and link the children that hold stale units. */
function aggregate(T) {
    const { parent, sUnits, wUnits, uCnt, stStr, firstChild, nextSib } = T;
    for (let v = T.nn - 1; v > 0; v--) {
        const p = parent[v];
        sUnits[p] = sUnits[p] + sUnits[v];
        wUnits[p] = wUnits[p] + wUnits[v];
        uCnt[p] = uCnt[p] + uCnt[v];
        stStr[p] = stStr[p] + stStr[v];
        if (sUnits[v] > 0) {
            nextSib[v] = firstChild[p];
            firstChild[p] = v;
        }
    }
}

;// CONCATENATED MODULE: ./src/plan/cover/bounds.ts
/**
 * Cover planner, part 3: the exact pruning bounds (what any feasible plan must spend outside a node) and the
 * planner state they feed into the DP.
 */



/** Compute the bounds chosen by `tuning` and assemble the planner state. */
function makePlanner(T, info, tuning) {
    const units = T.sUnits[ROOT];
    const W = info.W;
    const kCapAll = info.budget >= units ? 0 : info.budget;
    const bEff = Math.min(info.budget, units);
    // Every pass only needs plans with <= W wildcards (a pass that ignores W is checked against it afterwards).
    const lb = tuning.prune && kCapAll !== 0 && W > tuning.outsideWildcardLimit
        ? outsideBound(T, W <= tuning.boundWildcardLimit ? W : null)
        : new Float64Array(T.nn);
    let mp = null;
    let out = null;
    if (tuning.prune && kCapAll !== 0 && W <= tuning.outsideWildcardLimit) {
        mp = insidePaths(T, W);
        out = outsidePaths(T, W, kCapAll, mp);
    }
    const dead = new Uint8Array(T.nn);
    if (kCapAll !== 0) {
        for (let v = 0; v < T.nn; v++) {
            const need = out !== null ? (out[v]?.[W] ?? INF) : lb[v];
            if (need >= kCapAll)
                dead[v] = 1;
        }
    }
    const scratch = { lo: new Int32Array(W + 2), hi: new Int32Array(W + 2) };
    return { ...info, T, kCapAll, bEff, lb, mp, out, dead, scratch };
}
const BIG = 1e9;
/** Excess of a child region: the paths beyond one it needs without a wildcard (BIG when it must have one). */
function excess(T, c) {
    return T.wUnits[c] > 0 ? BIG : T.sUnits[c] - 1;
}
/**
 * Lower bound on the paths any feasible plan (<= B paths, <= `wl` wildcards) spends outside v when no ancestor
 * wildcard covers v. The stale regions hanging off v's ancestors (their other children, their own exact paths)
 * each need a path of their own (one path covering two of them would be a wildcard above v), and a region
 * holding e stale units needs all e exact paths unless it gets a wildcard: so the bound is
 *   (number of regions) + Σ (e - 1) over all but the `wl` largest regions.
 * Regions holding a '*' or '~' stale path must get a wildcard. v never needs more than B - bound paths, so tables are
 * capped there, which prunes most of a large tree. `wl` = null: only count the regions (any wildcard limit).
 */
function outsideBound(T, wlIn) {
    const wl = wlIn ?? 0;
    const nn = T.nn;
    const lb = new Float64Array(nn);
    const cntA = new Float64Array(nn);
    const sumA = new Float64Array(nn);
    const tops = new Array(nn);
    tops[ROOT] = [];
    const topC = []; // [value, child] pairs, value descending, at most wl + 1
    for (let p = 0; p < nn; p++) {
        const tp = tops[p];
        if (tp === undefined)
            continue;
        tops[p] = undefined;
        const own = T.term[p] & (F_EXACT | F_WILD) ? 1 : 0;
        const ownWild = (T.term[p] & F_WILD) !== 0; // p itself must be wildcarded, which covers every child
        const [nC, sumC] = childExcesses(T, p, wlIn === null ? -1 : wl, topC);
        for (let c = T.firstChild[p]; c !== -1; c = T.nextSib[c]) {
            if (simple(T, c))
                continue;
            const cnt = cntA[p] + nC - 1 + own;
            const sum = sumA[p] + sumC - excess(T, c);
            const list = largestOutside(tp, topC, c, wl);
            let top = 0;
            for (const x of list)
                top += x;
            lb[c] = ownWild || lb[p] === INF ? INF : wlIn === null ? cnt : cnt + sum - top;
            cntA[c] = cnt;
            sumA[c] = sum;
            tops[c] = list;
        }
    }
    return lb;
}
/**
 * Number and total excess of p's children; fills topC with [excess, child] pairs of the wl + 1 largest positive
 * excesses, descending (left empty when wl < 0).
 */
function childExcesses(T, p, wl, topC) {
    let nC = 0;
    let sumC = 0;
    topC.length = 0;
    for (let c = T.firstChild[p]; c !== -1; c = T.nextSib[c]) {
        nC++;
        const ex = excess(T, c);
        sumC += ex;
        if (wl < 0 || ex <= 0)
            continue;
        if (topC.length >= 2 * (wl + 1) && topC[topC.length - 2] >= ex)
            continue;
        let i = topC.length;
        topC.push(ex, c);
        while (i > 0 && topC[i - 2] < ex) {
            topC[i] = topC[i - 2];
            topC[i + 1] = topC[i - 1];
            i -= 2;
        }
        topC[i] = ex;
        topC[i + 1] = c;
        if (topC.length > 2 * (wl + 1))
            topC.length = 2 * (wl + 1);
    }
    return [nC, sumC];
}
/** The wl largest excesses among the parent's outside list `tp` and the siblings in topC (c excluded). */
function largestOutside(tp, topC, c, wl) {
    const list = [];
    let i = 0;
    let j = 0;
    while (list.length < wl) {
        if (j < topC.length && topC[j + 1] === c)
            j += 2;
        const a = i < tp.length ? tp[i] : -1;
        const b2 = j < topC.length ? topC[j] : -1;
        if (a < 0 && b2 < 0)
            break;
        if (a >= b2) {
            list.push(a);
            i++;
        }
        else {
            list.push(b2);
            j += 2;
        }
    }
    return list;
}
/** mp[v][w] = fewest paths covering v's subtree with <= w wildcards (complex nodes only). O(n·W²). */
function insidePaths(T, W) {
    const mp = new Array(T.nn);
    for (let v = T.nn - 1; v >= 0; v--) {
        if (T.sUnits[v] === 0 || simple(T, v))
            continue;
        const base = simpleBase(T, v);
        let acc = new Float64Array(W + 1).fill(T.term[v] & F_WILD ? INF : base);
        for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
            if (!simple(T, c))
                acc = conv(acc, mp[c]);
        if (T.cut[v] > 0)
            for (let w = 1; w <= W; w++)
                if (acc[w] > 1)
                    acc[w] = 1;
        mp[v] = acc;
    }
    return mp;
}
/**
 * out[v][w] = fewest paths covering everything outside v (no ancestor wildcard) with <= w wildcards: (min,+)
 * over w with prefix/suffix products over the siblings. O(n·W²).
 */
function outsidePaths(T, W, kCapAll, mp) {
    const out = new Array(T.nn);
    out[ROOT] = new Float64Array(W + 1);
    const infArr = new Float64Array(W + 1).fill(INF);
    for (let p = 0; p < T.nn; p++) {
        const op = out[p];
        if (op === undefined || op[W] >= kCapAll)
            continue; // p cannot stay uncovered: neither can its children
        const kids = complexKids(T, p);
        if (kids.length === 0)
            continue;
        if (T.term[p] & F_WILD) {
            for (const c of kids)
                out[c] = infArr; // p itself needs a wildcard, which covers every child
            continue;
        }
        const add = simpleBase(T, p);
        const pre = [op.map((x) => x + add)];
        for (let i = 0; i < kids.length; i++)
            pre.push(conv(pre[i], mp[kids[i]]));
        let suf = new Float64Array(W + 1); // identity for "at most" arrays
        for (let i = kids.length - 1; i >= 0; i--) {
            out[kids[i]] = conv(pre[i], suf);
            suf = conv(suf, mp[kids[i]]);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plan/cover/dp.ts



/** Run the DP over every complex node holding stale units, children before parents. */
function runDP(C, P) {
    const { T } = C;
    const nn = T.nn;
    const tables = new Array(P.keep ? nn : 0);
    const work = new Array(nn);
    const cand = new Int32Array(nn);
    let rootT;
    for (let v = nn - 1; v >= 0; v--) {
        if (T.sUnits[v] === 0 || simple(T, v))
            continue;
        const t = nodeTable(C, v, P, work, cand);
        if (P.keep)
            tables[v] = t;
        work[v] = t;
        // children tables are no longer needed for the forward pass
        if (!P.keep)
            for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
                work[c] = undefined;
        if (v === ROOT)
            rootT = t;
    }
    return { tables, root: rootT, cand };
}
/** Best entry of the root table: last row (at most kCap paths) of the cheapest column. */
function bestAtRoot(R) {
    const t = R.root;
    let best = { k: 0, w: 0, val: INF };
    for (let w = 0; w <= t.Wd; w++) {
        const h = t.hi[w];
        if (h === t.lo[w])
            continue;
        const val = at(t, h - 1, w);
        if (val < best.val)
            best = { k: h - 1, w, val };
    }
    return best;
}
/** Rows kept for a partial table holding sAcc stale units when `need` paths must be spent elsewhere. */
function rowsFor(P, sAcc, need) {
    return P.kCap === 0 ? 1 : Math.min(sAcc, P.kCap - need) + 1;
}
/**
 * Paths that must be spent outside the part of v merged so far (t of its complex children), for a plan using
 * w wildcards inside it: with the "outside" arrays, the least paths the rest of the tree (and the children not
 * merged yet) needs with the W - w wildcards left; otherwise the scalar bound plus one path per child left.
 */
function needFor(C, v, kids, P) {
    const m = kids.length;
    const W = C.W;
    if (P.kCap === 0)
        return () => 0;
    if (C.out !== null && C.mp !== null) {
        const ov = C.out[v];
        if (ov === undefined || C.dead[v])
            return () => INF;
        const op = new Array(m + 1);
        op[m] = ov;
        for (let t = m - 1; t >= 0; t--)
            op[t] = conv(op[t + 1], C.mp[kids[t]]);
        return (t, w) => op[t][P.track ? W - w : W];
    }
    const l = C.lb[v];
    return (t) => l + (m - t);
}
/** Base table for option B before merging complex children: own exact path + simple children. */
function baseTable(C, v, P, need0) {
    const term = C.T.term[v];
    const blocked = (term & F_WILD) !== 0;
    const base = simpleBase(C.T, v);
    const sAcc = base + (blocked && !(term & F_EXACT) ? 1 : 0); // stale units of v itself + simple children
    const rows = rowsFor(P, sAcc, need0);
    let t;
    if (blocked)
        t = emptyTable();
    else if (P.kCap === 0) {
        t = newTable(0, [0], [rows]);
        if (rows > 0)
            t.a[0] = base * P.exactCost;
    }
    else {
        t = newTable(0, [base], [Math.min(rows, base + 1)]);
        if (t.hi[0] > t.lo[0])
            t.a[0] = base * P.exactCost;
    }
    return { t, sAcc };
}
/** Option-B chain for v: [base, after complex child 1, ...] (or just the last table), children in list order. */
function chainFor(C, v, P, tabs, cand, all) {
    const kids = complexKids(C.T, v);
    const need = needFor(C, v, kids, P);
    const b = baseTable(C, v, P, need(0, 0));
    let acc = b.t;
    let sAcc = b.sAcc;
    let wAcc = 0;
    const chain = all ? [acc] : [];
    for (let i = 0; i < kids.length; i++) {
        const c = kids[i];
        sAcc += C.T.sUnits[c];
        wAcc += cand[c];
        const s = sAcc;
        acc = merge(acc, tabs[c], P.track ? Math.min(C.W, wAcc) : 0, (w) => rowsFor(P, s, need(i + 1, w)), C.scratch);
        if (all)
            chain.push(acc);
    }
    if (!all)
        chain.push(acc);
    return { chain, kids, need };
}
/** F(v, ·): option B (the chain), then v's own wildcard (1 path, 1 wildcard) where it is cheaper. */
function nodeTable(C, v, P, work, cand) {
    const { T, W } = C;
    const wc = P.wildCost[v];
    let cc = wc !== INF ? 1 : 0;
    for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
        if (!simple(T, c))
            cc += cand[c];
    cand[v] = cc;
    if (P.kCap !== 0 && C.dead[v])
        return emptyTable();
    const { chain, kids, need } = chainFor(C, v, P, work, cand, false);
    const last = chain[chain.length - 1];
    if (wc === INF)
        return last;
    // add v's own wildcard (1 path, 1 wildcard): column 1 (column 0 when wildcards are not tracked), rows >= 1
    const Wd = P.track ? Math.min(W, cc) : 0;
    const wA = P.track ? 1 : 0;
    const kA = P.kCap === 0 ? 0 : 1;
    const capA = rowsFor(P, T.sUnits[v], need(kids.length, wA));
    if (capA <= kA)
        return last; // no room for even one path here in a feasible plan
    const lo = new Array(Wd + 1);
    const hi = new Array(Wd + 1);
    for (let w = 0; w <= Wd; w++) {
        const has = w <= last.Wd && last.hi[w] > last.lo[w];
        lo[w] = has ? last.lo[w] : 0;
        hi[w] = has ? last.hi[w] : 0;
    }
    lo[wA] = hi[wA] > lo[wA] ? Math.min(lo[wA], kA) : kA;
    hi[wA] = Math.min(capA, Math.max(hi[wA], kA + 1));
    const t = newTable(Wd, lo, hi);
    for (let w = 0; w <= Wd; w++)
        for (let k = t.lo[w]; k < t.hi[w]; k++)
            t.a[t.off[w] + k - t.lo[w]] = at(last, k, w);
    const o = t.off[wA] - t.lo[wA];
    for (let k = Math.max(kA, t.lo[wA]); k < t.hi[wA]; k++)
        if (wc < t.a[o + k])
            t.a[o + k] = wc;
    return settle(t);
}

;// CONCATENATED MODULE: ./src/plan/cover/rebuild.ts




function rebuild(C, P, R) {
    const { T } = C;
    const sol = { wild: [], exact: [] };
    const b = bestAtRoot(R);
    if (b.val === INF)
        throw new Error('cover planner: internal error (no feasible plan)');
    const todo = [ROOT, b.k, b.w, b.val];
    while (todo.length > 0) {
        const val = todo.pop();
        const w = todo.pop();
        let k = todo.pop();
        const v = todo.pop();
        const t = R.tables[v];
        while (k > 0 && at(t, k - 1, w) === val)
            k--;
        const wc = P.wildCost[v];
        if (wc !== INF && val === wc && (!P.track || w === 1) && (P.kCap === 0 || k >= 1)) {
            sol.wild.push(v);
            continue;
        }
        if (T.term[v] & F_EXACT && !(T.term[v] & F_WILD))
            sol.exact.push(v);
        for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c]) {
            if (!simple(T, c))
                continue;
            let e = c; // the one exact stale path under a simple child may lie deeper (below existing-only nodes)
            while (!(T.term[e] & F_EXACT))
                e = T.firstChild[e];
            sol.exact.push(e);
        }
        splitChain(C, P, R, v, k, w, val, todo);
    }
    return sol;
}
/**
 * Walk v's merge chain backwards from (k, w, val), finding for each complex child the entry (j, q) it
 * contributed; queue [child, j, q, value] on `todo`.
 */
function splitChain(C, P, R, v, k, w, val, todo) {
    const { chain, kids } = chainFor(C, v, P, R.tables, R.cand, true);
    let cur = chain[chain.length - 1];
    let ck = k;
    let cw = w;
    let cv = val;
    if (at(cur, ck, cw) !== cv)
        throw new Error('cover planner: internal error (rebuild mismatch)');
    for (let i = kids.length - 1; i >= 0; i--) {
        while (ck > 0 && at(cur, ck - 1, cw) === cv)
            ck--;
        const prev = chain[i];
        const c = kids[i];
        const s = findSplit(prev, R.tables[c], ck, cw, cv);
        if (s === null)
            throw new Error('cover planner: internal error (no split found)');
        todo.push(c, s.j, s.q, s.cv);
        cur = prev;
        ck -= s.j;
        cw -= s.q;
        cv = s.pv;
    }
}
/** First (q, j) with prev(ck - j, cw - q) + ct(j, q) = cv, scanning q then j upwards. */
function findSplit(prev, ct, ck, cw, cv) {
    for (let q = 0; q <= Math.min(ct.Wd, cw); q++) {
        const p = cw - q;
        if (p > prev.Wd)
            continue;
        if (ct.hi[q] === ct.lo[q])
            continue;
        for (let j = ct.lo[q]; j <= Math.min(ct.hi[q] - 1, ck); j++) {
            const cvj = at(ct, j, q);
            if (cvj === INF)
                continue;
            const pv = at(prev, ck - j, p);
            if (pv + cvj === cv)
                return { j, q, cv: cvj, pv };
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./src/plan/cover/result.ts

/** "2 containing '*', 1 containing '~'": the stale paths that cannot be sent exactly ('' when none). */
function unsendable(s) {
    const parts = [];
    if (s.nStar)
        parts.push(`${fmt(s.nStar)} containing '*'`);
    if (s.nTilde)
        parts.push(`${fmt(s.nTilde)} containing '~'`);
    return parts.join(', ');
}
function wTxt(s) {
    return s.W < s.budget ? `, max ${plural(s.W, 'wildcard')}` : '';
}
/** Every stale path sent exactly (they fit the budget and none needs a wildcard). */
function exactResult(list, budget, known) {
    const paths = list.sort().map((p) => ({ path: p, wildcard: false, covers: 1, collateral: 0 }));
    return {
        paths,
        collateral: known ? 0 : null,
        fellBackToAll: false,
        reason: `${plural(paths.length, 'stale path')} fit the budget of ${fmt(budget)}: sent exactly`,
    };
}
/** W = 0: only exact paths allowed, but they cannot cover S within the budget (or a stale path needs a wildcard). */
function nothingFits(s) {
    const coll = s.known ? s.nU : null;
    return {
        paths: [{ path: '/*', wildcard: true, covers: s.nS, collateral: coll }],
        collateral: coll,
        fellBackToAll: true,
        reason: `nothing fits: ${plural(s.nS, 'stale path')}${unsendable(s) ? ` (${unsendable(s)})` : ''}, budget ${fmt(s.budget)}, 0 wildcards allowed; fell back to /*`,
    };
}
/** The result for a solution of the DP. */
function finish(T, s, sol) {
    const { known, budget } = s;
    const paths = [];
    let coll = 0;
    for (const v of sol.wild) {
        coll += T.uCnt[v];
        const path = T.keys[T.rep[v]].slice(0, T.cut[v]) + '*';
        paths.push({ path, wildcard: true, covers: T.stStr[v], collateral: known ? T.uCnt[v] : null });
    }
    for (const v of sol.exact)
        paths.push({ path: T.keys[T.rep[v]], wildcard: false, covers: 1, collateral: 0 });
    paths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const collateral = known ? coll : null;
    const nw = sol.wild.length;
    const ne = sol.exact.length;
    const fellBackToAll = paths.length === 1 && paths[0].path === '/*';
    const collTxt = known ? `collateral ${plural(coll, 'object')}` : 'collateral unknown (existing objects not listed)';
    let reason;
    if (fellBackToAll) {
        reason =
            known && coll === 0
                ? `/* evicts nothing else: ${plural(s.nS, 'stale path')}, budget ${fmt(budget)}${wTxt(s)}; collateral 0 objects`
                : `only /* fits: no narrower cover of ${plural(s.nS, 'stale path')} within budget ${fmt(budget)}${wTxt(s)}; ${collTxt}`;
    }
    else {
        const head = s.nS > budget
            ? `${plural(s.nS, 'stale path')} over budget ${fmt(budget)}${wTxt(s)}`
            : `${plural(s.nS, 'stale path')} within budget ${fmt(budget)}${wTxt(s)}, ${unsendable(s)} (needs a wildcard)`;
        const broadest = !known && nw > 0 ? `; broadest wildcard ${broadestOf(paths)}` : '';
        reason = `${head}: ${fmt(ne)} exact + ${plural(nw, 'wildcard')}, ${collTxt}${broadest}`;
    }
    return { paths, collateral, fellBackToAll, reason };
}
function broadestOf(paths) {
    let best = null;
    let bs = [Infinity, Infinity];
    for (const p of paths) {
        if (!p.wildcard)
            continue;
        const s = wildcardSpecificity(p.path.slice(0, -1));
        if (s[0] < bs[0] || (s[0] === bs[0] && s[1] < bs[1])) {
            bs = s;
            best = p.path;
        }
    }
    return best ?? '';
}

;// CONCATENATED MODULE: ./src/plan/cover/objectives.ts





const SAFE = Number.MAX_SAFE_INTEGER;
/**
 * Known origin: minimise (collateral, paths, wildcards), cost = collateral·M1 + paths·M2 + wildcards (wildcards
 * dropped if the packing would not be exact). If the optimum uses more than W wildcards, rerun tracking them.
 */
function planKnown(C) {
    const { T, bEff, nU, W } = C;
    let M2 = bEff + 1;
    let M1 = M2 * (bEff + 1);
    let wUnit = 1;
    if ((nU + 1) * M1 > SAFE) {
        M2 = 1;
        M1 = bEff + 1;
        wUnit = 0;
    }
    if ((nU + 1) * M1 > SAFE)
        throw new RangeError('cover planner: inputs too large to plan exactly');
    const wildCost = new Float64Array(T.nn).fill(INF);
    for (let v = 0; v < T.nn; v++)
        if (T.cut[v] > 0 && T.sUnits[v] > 0)
            wildCost[v] = T.uCnt[v] * M1 + M2 + wUnit;
    let P = { wildCost, exactCost: M2, kCap: C.kCapAll, track: false, keep: true };
    let sol = rebuild(C, P, runDP(C, P));
    if (sol.wild.length > W) {
        P = { wildCost, exactCost: M2, kCap: C.kCapAll, track: true, keep: true };
        sol = rebuild(C, P, runDP(C, P));
    }
    return finish(T, C, sol);
}
/**
 * Unknown origin: 1) the highest feasible floor on wildcard specificity, 2) among covers respecting it: fewest
 * wildcards, then longest prefixes, then fewest paths.
 */
function planUnknown(C) {
    const { T, bEff } = C;
    const { spec, lcap } = specificities(C);
    const floorSpec = highestFloor(C, spec);
    const M2 = bEff + 1;
    let penW = M2;
    let M1 = (bEff * lcap + 1) * M2;
    if ((bEff + 1) * M1 > SAFE) {
        penW = 0;
        M1 = M2;
    }
    if ((bEff + 1) * M1 > SAFE)
        throw new RangeError('cover planner: inputs too large to plan exactly');
    const wildCost = new Float64Array(T.nn).fill(INF);
    for (let v = 0; v < T.nn; v++) {
        if (spec[v] < 0 || spec[v] < floorSpec)
            continue;
        wildCost[v] = M1 + (lcap + 1 - Math.min(T.cut[v], lcap)) * penW + 1;
    }
    const P = { wildCost, exactCost: 1, kCap: C.kCapAll, track: false, keep: true };
    const sol = rebuild(C, P, runDP(C, P));
    if (sol.wild.length > C.W)
        throw new Error('cover planner: internal error (wildcard limit after feasibility)');
    return finish(T, C, sol);
}
/** Specificity rank of each candidate wildcard node (-1 = none): '/' count, then length capped at lcap. */
function specificities(C) {
    const { T } = C;
    const isCand = (v) => T.cut[v] > 0 && T.sUnits[v] > 0 && !simple(T, v);
    let maxCut = 1;
    for (let v = 0; v < T.nn; v++)
        if (isCand(v))
            maxCut = Math.max(maxCut, T.cut[v]);
    const lcap = Math.min(LEN_CAP, maxCut);
    const spec = new Float64Array(T.nn).fill(-1);
    for (let v = 0; v < T.nn; v++) {
        if (!isCand(v))
            continue;
        const [sl, len] = wildcardSpecificity(T.keys[T.rep[v]].slice(0, T.cut[v]));
        spec[v] = sl * (lcap + 1) + Math.min(len, lcap);
    }
    return { spec, lcap };
}
/**
 * Binary search over the candidate specificities with a cheap feasibility DP (fewest paths using only wildcards
 * at least that specific, within W): the highest floor a cover within the budget can respect.
 */
function highestFloor(C, spec) {
    const specs = [];
    for (const s of spec)
        if (s >= 0)
            specs.push(s);
    const distinct = [...new Set(specs)].sort((a, b) => a - b);
    const feasibleAt = (floor) => {
        const wc = new Float64Array(C.T.nn).fill(INF);
        for (let v = 0; v < C.T.nn; v++)
            if (spec[v] >= floor)
                wc[v] = 1;
        // with W >= B every cover of <= B paths respects W, so wildcards need not be tracked
        const Q = { wildCost: wc, exactCost: 1, kCap: 0, track: C.W < C.budget, keep: false };
        return bestAtRoot(runDP(C, Q)).val <= C.budget;
    };
    let lo = 0;
    let hi = distinct.length - 1;
    // distinct[0] is always feasible: the shallowest candidate is the root's child (covers everything).
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (feasibleAt(distinct[mid]))
            lo = mid;
        else
            hi = mid - 1;
    }
    return distinct[lo] ?? -1;
}

;// CONCATENATED MODULE: ./src/plan/cover.ts






const DEFAULT_TUNING = { boundWildcardLimit: 32, outsideWildcardLimit: 24, prune: true };
/** Plan one CloudFront invalidation: at most `budget` paths covering every stale path, least collateral first. */
function planCover(input) {
    return planCoverTuned(input, DEFAULT_TUNING);
}
/** planCover with internal knobs (tests use it to exercise every code path on small inputs). */
function planCoverTuned(input, tuning) {
    const budget = Math.floor(input.budget);
    if (!(budget >= 1))
        throw new RangeError(`cover planner: budget must be >= 1 (got ${input.budget})`);
    const maxW = input.maxWildcards === undefined ? budget : Math.floor(input.maxWildcards);
    if (!(maxW >= 0))
        throw new RangeError(`cover planner: maxWildcards must be >= 0 (got ${String(input.maxWildcards)})`);
    const W = Math.min(maxW, budget);
    const known = input.existing !== null;
    const E = staleEntries(input.stale);
    const nWild = E.wildSeen.size; // stale paths that cannot be sent exactly
    if (E.keys.length === 0)
        return { paths: [], collateral: known ? 0 : null, fellBackToAll: false, reason: 'nothing is stale' };
    if (nWild === 0 && E.keys.length <= budget)
        return exactResult([...new Set(E.keys)], budget, known);
    if (input.existing !== null)
        addExisting(E, input.existing);
    const T = buildTrie(E);
    const nS = T.stStr[ROOT];
    if (nWild === 0 && nS <= budget) {
        const list = [];
        for (let v = 0; v < T.nn; v++)
            if (T.term[v] & F_EXACT)
                list.push(T.keys[T.rep[v]]);
        return exactResult(list, budget, known);
    }
    const info = { budget, W, known, nS, nU: T.uCnt[ROOT], nStar: E.nStar, nTilde: E.nTilde };
    if (W === 0)
        return nothingFits(info);
    const C = makePlanner(T, info, tuning);
    return known ? planKnown(C) : planUnknown(C);
}

;// CONCATENATED MODULE: ./src/plan/stale.ts

/** What a stale computation takes from the inputs: how keys map to URLs and what the user asked for. */
function urlSettingsOf(config) {
    return {
        prefix: config.prefix,
        invalidate: config.invalidate,
        withoutSlash: config.invalidateDirectoryWithoutSlash,
        urlStyle: config.urlStyle,
        indexDocument: config.indexDocument,
        queryStrings: config.queryStrings,
        pathMap: config.pathMap,
    };
}
/**
 * The paths earlier runs owe to distribution `id`: its own records, and the orphans (records of a distribution that
 * does not exist, whose pages every distribution of this run serves). The run clears both once it has sent them.
 */
function owedTo(owed, id) {
    return owed.filter((r) => isOwedTo(r, id)).flatMap((r) => r.paths);
}
/** Whether record `r` owes its paths to distribution `id` (its own, or an orphan). */
const isOwedTo = (r, id) => r.distributionId === id || r.orphan === true;
function staleFor(input) {
    const { distribution: d } = input;
    // Stale paths and the existing (collateral) paths must use the same URL forms.
    const formOpts = { urlStyle: input.urlStyle, indexDocument: input.indexDocument };
    const forms = (urlPath) => urlForms(urlPath, input.withoutSlash, formOpts);
    const byPath = new Map();
    const byKey = {};
    const explicit = new Set();
    const add = (urlPath, reason, source, key) => {
        // A cache tag item (`#tag`) owed by an earlier run: sent as it is.
        if (urlPath.startsWith('#')) {
            if (!byPath.has(urlPath))
                byPath.set(urlPath, { path: urlPath, reason });
            explicit.add(urlPath);
            return;
        }
        for (const plain of forms(urlPath)) {
            const variants = input.queryStrings && !plain.endsWith('*') && !plain.includes(QUERY_MARK) ? [plain, plain + QUERY_MARK + '*'] : [plain];
            for (const form of variants) {
                if (!byPath.has(form))
                    byPath.set(form, source === undefined ? { path: form, reason } : { path: form, reason, source });
                if (key !== undefined)
                    (byKey[key] ??= []).push(form);
                if (reason === 'manual' || reason === 'owed')
                    explicit.add(form);
            }
        }
    };
    const fingerprintViolations = [];
    const skippedFingerprinted = [];
    // `none`: nothing of this run; what earlier runs owe (a crash, a deferred shard) is still paid.
    const ofThisRun = input.invalidate !== 'none';
    if (input.invalidate === 'all') {
        return { stale: [{ path: '/*', reason: 'all' }], existing: null, fingerprintViolations, skippedFingerprinted };
    }
    for (const e of ofThisRun ? input.sync : []) {
        const url = urlPathForKey(e.key, d.originPath);
        if (url === null)
            continue;
        if (e.action === 'upload' && e.overwrites && e.sameBytes) {
            // Same bytes, new headers: stale only when the change alters how a client reads them, fingerprinted or not.
            if (e.rereads)
                add(url, 'overwritten', e.key, e.key);
        }
        else if (e.action === 'upload' && e.overwrites) {
            // A fingerprinted name whose content changed is still stale: correctness beats the naming promise.
            if (input.fingerprint(e.path).fingerprinted)
                fingerprintViolations.push(e.path);
            add(url, 'overwritten', e.key, e.key);
        }
        else if (e.action === 'delete') {
            if (input.fingerprint(e.path).fingerprinted) {
                skippedFingerprinted.push(e.path);
                continue;
            }
            add(url, 'deleted', e.key, e.key);
        }
    }
    // The default rule maps source-dir to the keys under `prefix`, served at prefix minus the origin path.
    const keyRoot = urlPathForKey(input.prefix, d.originPath);
    const rules = input.pathMap.flatMap((r) => (!r.viaKey ? [r] : keyRoot === null ? [] : [{ from: r.from, to: keyRoot }]));
    for (const f of ofThisRun ? (input.diff ?? []) : []) {
        const consider = (repoPath, reason) => {
            const url = mapRepoPath(repoPath, rules);
            if (url === null)
                return;
            if (input.fingerprint(url.slice(1)).fingerprinted) {
                skippedFingerprinted.push(repoPath);
                return;
            }
            add(url, reason, repoPath);
        };
        if (f.status === 'modified')
            consider(f.path, 'diff-modified');
        else if (f.status === 'deleted')
            consider(f.path, 'diff-deleted');
        else if (f.status === 'renamed' && f.previousPath)
            consider(f.previousPath, 'diff-renamed-from');
    }
    for (const p of ofThisRun ? input.manual : [])
        add(p, 'manual');
    for (const p of input.owed)
        add(p, 'owed');
    let existing = null;
    if (input.originKnown) {
        // A set: `docs/index.html` and its strip-index-html copy `docs/` share the URL `/docs/`.
        const seen = new Set();
        const keys = [...input.sync.filter((e) => e.action !== 'delete').map((e) => e.key), ...input.otherKeys];
        for (const key of keys) {
            const url = urlPathForKey(key, d.originPath);
            if (url === null)
                continue;
            // Not collateral: the stale URL itself.
            for (const form of forms(url))
                if (!byPath.has(form))
                    seen.add(form);
        }
        existing = [...seen];
    }
    return { stale: [...byPath.values()], existing, fingerprintViolations, skippedFingerprinted, byKey, explicit: [...explicit] };
}
/**
 * The bucket listing only covers `prefix`; URL paths outside it are unknown. When every stale path lies under
 * the prefix's URL directory, plan relative to that directory (so no wildcard can reach above it); otherwise
 * the origin is treated as unknown. Returns the URL directory to re-root under, or null.
 */
function coverRoot(stale, prefix, originPath) {
    // The listing covers `prefix`; when that contains the whole origin path, everything served is known.
    const rootKey = originPath.startsWith(prefix) ? '' : prefix.startsWith(originPath) ? prefix.slice(originPath.length) : null;
    if (rootKey === null)
        return null;
    const root = '/' + rootKey;
    return stale.every((p) => p.startsWith(root)) ? root : null;
}

;// CONCATENATED MODULE: ./src/plan/cover/tags.ts

const tags_INF = Number.POSITIVE_INFINITY;
/** A stale path CloudFront cannot take exactly (`*`, `~`, a query-string variant): it needs a wildcard. */
const needsWildcard = (p) => p.includes('*') || p.includes('~') || p.includes('\u0000');
/** Lexicographic score: known collateral before unknown, then collateral, items, wildcards. */
function score(r) {
    return [r.collateral === null ? 1 : 0, r.collateral ?? 0, r.items, r.wildcards];
}
function better(a, b) {
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return a[i] < b[i];
    return false;
}
function withPaths(tags, rest, budget, input, kind) {
    const tagCollateral = tags.reduce((n, t) => n + t.collateral, 0);
    if (tags.length > budget)
        return null;
    if (rest.length === 0)
        return { tags, cover: null, collateral: tagCollateral, items: tags.length, wildcards: 0, kind };
    if (budget - tags.length < 1)
        return null;
    const cover = input.pathCover(rest, budget - tags.length);
    const wildcards = cover.paths.filter((p) => p.wildcard).length;
    return {
        tags,
        cover,
        collateral: cover.collateral === null ? null : cover.collateral + tagCollateral,
        items: tags.length + cover.paths.length,
        wildcards,
        kind,
    };
}
/**
 * The cover with tags: the best (least collateral, then fewest items, then fewest wildcards) of the path-only cover,
 * the exact one (an object tag for each coverable object with more than one stale path or one that needs a
 * wildcard) and the coarse one (folder and group tags, chosen by the tree knapsack). The path-only cover wins ties.
 */
function planTagCover(input) {
    const explicit = new Set(input.explicit);
    const owed = input.stale.filter((p) => p.startsWith('#'));
    const owedItems = owed.map((p) => ({ item: p, covers: [p], collateral: 0 }));
    const paths = input.stale.filter((p) => !p.startsWith('#'));
    const removable = (key) => (input.coverable[key] ?? []).filter((p) => !explicit.has(p));
    const byKey = new Map(input.objects.map((o) => [o.key, o]));
    const keys = Object.keys(input.coverable).filter((k) => byKey.has(k) && removable(k).length > 0);
    const candidates = [];
    const pathOnly = withPaths(owedItems, paths, input.budget, input, 'paths');
    if (pathOnly)
        candidates.push(pathOnly);
    const by = new Map();
    for (const [key, forms] of Object.entries(input.producers ?? input.coverable))
        for (const p of forms)
            by.set(p, [...(by.get(p) ?? []), key]);
    const left = (covered) => {
        const set = new Set(covered);
        const gone = new Set(covered.flatMap(removable).filter((p) => (by.get(p) ?? []).every((k) => set.has(k))));
        return paths.filter((p) => !gone.has(p));
    };
    const exactKeys = keys.filter((k) => {
        const r = removable(k);
        return r.length >= 2 || r.some(needsWildcard);
    });
    if (exactKeys.length > 0) {
        const tags = exactKeys.map((k) => ({ item: `#${byKey.get(k).tags[0]}`, covers: [k], collateral: 0 }));
        const c = withPaths([...owedItems, ...tags], left(exactKeys), input.budget, input, 'exact');
        if (c)
            candidates.push(c);
    }
    if (keys.length > 0) {
        const rest = left(keys);
        const room = input.budget - owedItems.length - (rest.length > 0 ? 1 : 0);
        if (room >= 1) {
            const tree = coarseTable(keys, input.objects, room);
            // Each point plans the paths left again: fewer points when that is a large planning problem.
            for (const k of paretoPoints(tree.table, rest.length > 1000 ? 8 : 40)) {
                const c = withPaths([...owedItems, ...tree.rebuild(k)], rest, input.budget, input, 'coarse');
                if (c)
                    candidates.push(c);
            }
        }
    }
    let best = candidates[0];
    for (const c of candidates.slice(1))
        if (!best || better(score(c), score(best)))
            best = c;
    if (!best)
        throw new RangeError('cover planner: no cover fits the budget');
    const nTags = best.tags.length;
    const nPaths = best.cover?.paths.length ?? 0;
    const why = best.kind === 'paths'
        ? 'paths only'
        : `${nTags} tag item(s) and ${nPaths} path(s)${best.kind === 'coarse' ? ' (folder or group tags: the budget is short)' : ''}`;
    return {
        tags: best.tags,
        cover: best.cover,
        collateral: best.collateral,
        items: best.items,
        reason: `${why}: ${best.items} billed item(s), collateral ${best.collateral ?? 'unknown'}${best.cover ? `; paths: ${best.cover.reason}` : ''}`,
    };
}
/** The item counts where the least collateral drops (at most `max` of them: the fewest items and the least collateral). */
function paretoPoints(table, max) {
    const out = [];
    let last = tags_INF;
    for (let k = 0; k < table.length; k++) {
        if (table[k] < last) {
            out.push(k);
            last = table[k];
        }
    }
    const half = Math.floor(max / 2);
    return out.length <= max ? out : [...out.slice(0, half), ...out.slice(-half)];
}
/**
 * f(v, k): least collateral covering every coverable object under folder v with at most k tag items: v's folder tag
 * (one item), or each object directly in v by its own tag plus the children's best split of the rest. At the root,
 * the group tags (mutable, HTML) are the one-item options when every coverable object carries them.
 */
function coarseTable(keys, objects, budget) {
    const byKey = new Map(objects.map((o) => [o.key, o]));
    const collateral = new Map();
    for (const o of objects) {
        if (o.stale)
            continue;
        for (const t of o.tags)
            collateral.set(t, (collateral.get(t) ?? 0) + o.weight);
    }
    const mk = (tag) => ({ tag, children: new Map(), direct: [], n: 0, table: [], useTag: [], splits: [], order: [] });
    const root = mk(null);
    for (const k of keys) {
        let v = root;
        v.n++;
        for (const t of folderTagsOf(byKey.get(k).tags)) {
            let c = v.children.get(t);
            if (!c)
                v.children.set(t, (c = mk(t)));
            v = c;
            v.n++;
        }
        v.direct.push(k);
    }
    const solve = (v) => {
        const cap = Math.min(budget, v.n);
        let g = Array.from({ length: cap + 1 }, (_, k) => (k >= v.direct.length ? 0 : tags_INF));
        v.order = [...v.children.values()];
        for (const c of v.order) {
            solve(c);
            const next = new Array(cap + 1).fill(tags_INF);
            const split = new Int32Array(cap + 1);
            for (let k = 0; k <= cap; k++) {
                for (let j = 0; j <= Math.min(k, c.table.length - 1); j++) {
                    const x = g[k - j] + c.table[j];
                    if (x < next[k]) {
                        next[k] = x;
                        split[k] = j;
                    }
                }
            }
            g = next;
            v.splits.push(split);
        }
        const own = v.tag === null ? tags_INF : (collateral.get(v.tag) ?? 0);
        v.table = g.map((x, k) => (k >= 1 && own < x ? own : x));
        v.useTag = g.map((x, k) => k >= 1 && own < x);
    };
    solve(root);
    // Group tags at the root: one item each, when every coverable object carries it.
    const groups = [GROUP_HTML, GROUP_MUTABLE]
        .filter((g) => keys.every((k) => byKey.get(k).tags.includes(g)))
        .map((g) => ({ g, c: collateral.get(g) ?? 0 }))
        .sort((a, b) => a.c - b.c);
    const group = groups[0];
    const table = root.table.map((x, k) => (k >= 1 && group && group.c < x ? group.c : x));
    const rebuildNode = (v, k, out) => {
        if (v.useTag[k]) {
            const covered = [];
            const collect = (u) => {
                covered.push(...u.direct);
                for (const c of u.children.values())
                    collect(c);
            };
            collect(v);
            out.push({ item: `#${v.tag}`, covers: covered, collateral: collateral.get(v.tag) ?? 0 });
            return;
        }
        for (const key of v.direct)
            out.push({ item: `#${byKey.get(key).tags[0]}`, covers: [key], collateral: 0 });
        let rest = Math.min(k, v.splits.length > 0 ? v.splits[0].length - 1 : k);
        for (let i = v.order.length - 1; i >= 0; i--) {
            const j = v.splits[i][rest];
            rebuildNode(v.order[i], j, out);
            rest -= j;
        }
    };
    return {
        table,
        rebuild: (k) => {
            if (k >= 1 && group && group.c < root.table[k])
                return [{ item: `#${group.g}`, covers: [...keys], collateral: group.c }];
            const out = [];
            rebuildNode(root, k, out);
            return out;
        },
    };
}

;// CONCATENATED MODULE: ./src/plan/invalidation.ts
// From stale URL paths to the one batch sent to a distribution. Pure.






function planInvalidation(opts) {
    const { staleResult: s, distributionId } = opts;
    const base = { distributionId, stale: s.stale };
    const none = { zeroCollateralBudget: null };
    if (s.stale.length === 0)
        return { ...base, ...none, decoded: [], paths: [], wildcards: 0, cover: null, reason: 'nothing is stale' };
    if (s.stale.some((p) => p.path === '/*')) {
        return {
            ...base,
            ...none,
            decoded: ['/*'],
            paths: ['/*'],
            wildcards: 1,
            cover: null,
            reason: '/* requested (invalidate: all or a manual /*)',
        };
    }
    const stale = s.stale.map((p) => p.path);
    const rooted = (paths, budget) => {
        // Plan relative to the part of the origin the listing covers; elsewhere anything may exist.
        const root = s.existing === null ? null : coverRoot(paths, opts.prefix, opts.originPath);
        const cut = root === null ? 0 : root.length - 1;
        const rel = (p) => p.slice(cut);
        const existing = root === null || s.existing === null ? null : s.existing.filter((p) => p.startsWith(root)).map(rel);
        const input = {
            stale: paths.map(rel),
            existing,
            budget,
            ...(opts.maxWildcards !== undefined ? { maxWildcards: opts.maxWildcards } : {}),
        };
        const cover = planCover(input);
        return { cover, input, decoded: cover.paths.map((p) => (root === null ? p.path : root.slice(0, cut) + p.path)) };
    };
    // Tag items owed by earlier runs are sent as they are, whether or not this run tags (a consolidating job).
    const tags = opts.tags ?? { objects: [], coverable: {} };
    if (Object.keys(tags.coverable).length > 0 || stale.some((p) => p.startsWith('#'))) {
        const decodedOf = new Map();
        const t = planTagCover({
            stale,
            coverable: tags.coverable,
            producers: s.byKey ?? {},
            objects: tags.objects,
            explicit: s.explicit ?? [],
            budget: opts.budget,
            ...(opts.maxWildcards !== undefined ? { maxWildcards: opts.maxWildcards } : {}),
            pathCover: (paths, budget) => {
                const r = rooted(paths, budget);
                decodedOf.set(r.cover, r.decoded);
                return r.cover;
            },
        });
        const pathsPart = t.cover ? decodedOf.get(t.cover) : [];
        const items = t.tags.map((x) => x.item);
        const cover = t.cover ?? { paths: [], collateral: 0, fellBackToAll: false, reason: 'every stale path is covered by tags' };
        return {
            ...base,
            decoded: [...pathsPart, ...items],
            paths: [...pathsPart.map(encodeCloudFrontPath), ...items],
            wildcards: cover.paths.filter((p) => p.wildcard).length,
            cover: { ...cover, collateral: t.collateral },
            tags: t.tags,
            reason: t.reason,
            zeroCollateralBudget: null,
        };
    }
    const { cover, input, decoded } = rooted(stale, opts.budget);
    return {
        ...base,
        decoded,
        paths: decoded.map(encodeCloudFrontPath),
        wildcards: cover.paths.filter((p) => p.wildcard).length,
        cover,
        reason: cover.reason,
        zeroCollateralBudget: cover.collateral ? smallestCleanBudget(input, opts.budget) : null,
    };
}
/** Binary search for the least budget (up to CloudFront's 3,000 per batch) whose optimal cover has no collateral. */
function smallestCleanBudget(input, from) {
    let lo = from + 1;
    let hi = Math.min(MAX_PATHS_PER_BATCH, new Set(input.stale).size);
    if (hi < lo || planCover({ ...input, budget: hi }).collateral !== 0)
        return null;
    while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (planCover({ ...input, budget: mid }).collateral === 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
/**
 * CallerReference: the same run attempt retrying the same batch gets the same invalidation back from
 * CloudFront; any other deploy (other run, attempt, distribution or paths) gets a distinct reference.
 */
function callerReference(repository, runId, runAttempt, distributionId, paths) {
    // JSON keeps the parts unambiguous whatever characters they hold.
    const digest = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([repository, runId, runAttempt, distributionId, [...paths].sort()]))
        .digest('hex');
    return `s3cfd-${runId}-${runAttempt}-${digest.slice(0, 32)}`;
}

;// CONCATENATED MODULE: ./src/plan/deploy-history.ts


/** What the bucket serves after this deploy: the build's files with their headers (a view over the file records). */
function siteOf(files) {
    // A site has a handful of distinct header decisions: each is turned into served headers once.
    const served = new Map();
    const headersOf = (h) => {
        let s = served.get(h);
        if (s === undefined)
            served.set(h, (s = servedHeaders(h)));
        return s;
    };
    return new RowSite(files.files, (f) => f.key, (f) => ({ md5: f.md5, size: f.size, headers: headersOf(f.headers), fingerprinted: f.verdict.fingerprinted }));
}
/**
 * Removed fingerprinted objects past keep-removed that a deploy still restorable after this one served (same
 * bytes) stay where they are: a rollback to it needs no copy of them. They wait like any removed bundle.
 */
function retainReferenced(config, facts, files, removals) {
    if (config.keepDeploys === 0)
        return removals;
    const sites = decodeDeploys(facts.state)
        .slice(0, config.keepDeploys)
        .map((d) => d.site);
    const referenced = (e) => {
        const md5 = currentMd5(files.remote.get(e.key));
        return md5 !== undefined && sites.some((s) => s?.get(e.key)?.md5 === md5);
    };
    // Due ones, and with keep-removed 0 the fingerprinted ones deleted at once.
    const kept = [...removals.due, ...removals.now.filter((e) => files.fingerprint(e.path).fingerprinted)].filter(referenced);
    if (kept.length === 0)
        return removals;
    const keys = new Set(kept.map((e) => e.key));
    const pending = { ...removals.pending };
    for (const e of kept)
        pending[e.key] ??= { since: facts.now, size: e.size };
    return {
        now: removals.now.filter((e) => !keys.has(e.key)),
        due: removals.due.filter((e) => !keys.has(e.key)),
        waiting: [...removals.waiting, ...kept.map((e) => ({ ...e, dueAt: facts.now + config.keepRemovedMs }))],
        pending,
    };
}
/** The history of a deploy that writes (null: it writes nothing, so it is no deploy of its own). */
function deployHistory(config, facts, files, removals, deploy) {
    if (!deploy || !config.upload)
        return null;
    const changed = [...files.sync.flatMap((e) => (e.action === 'upload' && e.overwrites && !e.sameBytes ? [e] : [])), ...removals.now].map((e) => {
        const o = files.remote.get(e.key);
        return { key: e.key, md5: currentMd5(o), size: o?.size ?? e.size };
    });
    return planHistory({
        state: facts.state,
        dir: facts.records.dir,
        prefix: config.prefix,
        ownKeys: facts.ownKeys,
        keepDeploys: config.keepDeploys,
        entry: deploy,
        site: siteOf(files),
        changed,
    });
}

;// CONCATENATED MODULE: ./src/plan/deploy.ts













const LARGE_FILE = 100 * 1024 * 1024;
/** Stale URL paths per distribution (before the cover). Also tells the facts stage whose in-flight usage to read. */
function staleByDistribution(config, facts, files = planFiles(config, facts)) {
    const { manual: given } = missingDiffFallback(config, facts.diff);
    const manual = (d) => [...given, ...removedPrefixPaths(config, d)];
    const otherKeys = collateralKeys(facts.remote, files.sync);
    const out = new Map();
    for (const d of config.distributions) {
        out.set(d.id, staleFor({
            distribution: d,
            ...urlSettingsOf(config),
            sync: files.sync,
            otherKeys,
            // The listing is the origin in upload mode, and for a job without uploads whose bucket holds the site
            // (the consolidating job of a sharded deploy); a bucket holding only records says nothing of the origin.
            originKnown: config.upload || facts.remote.length > 0,
            fingerprint: files.fingerprint,
            diff: facts.diff.files,
            manual: manual(d),
            owed: owedTo(facts.owed, d.id),
        }));
    }
    return out;
}
function invalidationFor(config, facts, d, stale, files) {
    const { budget, maxWildcards } = inFlightBudget(config.maxPaths, facts.usage[d.id] ?? null);
    return planInvalidation({
        distributionId: d.id,
        staleResult: stale,
        prefix: config.prefix,
        originPath: d.originPath,
        budget,
        maxWildcards,
        tags: tagContext(config, facts, d, stale, files),
    });
}
/**
 * What the cover may do with cache tags on `d`: every object carrying tags (with its URL forms, for collateral), and
 * the stale objects a tag may cover: those the ledger knows to carry tags in every variant the CDN may hold, written
 * in the metadata this run writes them in. Null when `d` reads no tags.
 */
function tagContext(config, facts, d, stale, files) {
    const tagging = files.tagging;
    if (!tagging || !tagging.ids.includes(d.id))
        return null;
    const opts = { urlStyle: config.urlStyle, indexDocument: config.indexDocument };
    const weight = (key) => {
        const url = urlPathForKey(key, d.originPath);
        return url === null ? 0 : urlForms(url, config.invalidateDirectoryWithoutSlash, opts).length * (config.queryStrings ? 2 : 1);
    };
    const byKey = stale.byKey ?? {};
    const known = facts.state?.tags?.meta === tagging.metaName;
    const coverable = {};
    const objects = [];
    const seen = new Set();
    for (const [key, forms] of Object.entries(byKey)) {
        const cls = known ? markerClass(files.remote.get(key)?.tagged) : null;
        if (!cls)
            continue;
        coverable[key] = forms;
        objects.push({ key, tags: tagsFor(key, cls), weight: weight(key), stale: true });
        seen.add(key);
    }
    for (const f of files.files) {
        const value = f.headers.metadata?.[tagging.metaName];
        if (value === undefined || seen.has(f.key))
            continue;
        objects.push({ key: f.key, tags: value.split(','), weight: weight(f.key), stale: byKey[f.key] !== undefined });
    }
    return { coverable, objects };
}
function invalidationWarnings(config, stale, plans) {
    const out = [];
    for (const s of stale.values()) {
        for (const p of s.fingerprintViolations) {
            out.push(`${p} has a fingerprinted name but its content changed: invalidating it anyway (check your bundler's hashing)`);
        }
    }
    for (const p of plans) {
        if (p.cover?.fellBackToAll && p.stale.length > 1) {
            const fix = p.zeroCollateralBudget !== null ? ` max-paths: ${p.zeroCollateralBudget} would evict nothing needlessly.` : '';
            out.push(`${p.distributionId}: the cheapest cover within max-paths (${config.maxPaths}) is /*, which evicts every cached object.${fix}`);
        }
    }
    return out;
}
/** Notices for what a reviewer should not miss (logged as annotations, not part of the report's warnings). */
function annotations(config, facts, sync) {
    const out = [];
    const warning = deleteWarning(sync.filter((e) => e.action === 'delete').length, config.maxDeletes);
    if (warning)
        out.push({ level: 'warning', message: warning, at: { title: 'Many deletes' } });
    const hidden = (facts.scan?.skipped ?? []).filter((s) => s.reason === 'dotfile').map((s) => s.path);
    if (hidden.length > 0) {
        const shown = `${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ', ...' : ''}`;
        out.push({
            level: 'notice',
            message: `Not uploaded: ${hidden.length} hidden file(s) or folder(s) (${shown}). Name them in include to publish them.`,
            at: { title: 'Hidden files not uploaded', ...inSource(config, hidden[0]) },
        });
    }
    for (const e of sync.filter((e) => e.action === 'upload' && e.size > LARGE_FILE).slice(0, 5)) {
        out.push({
            level: 'notice',
            message: `Large file: ${e.path} (${(e.size / 1048576).toFixed(1)} MiB), uploaded in parts`,
            at: { title: 'Large file', ...inSource(config, e.path) },
        });
    }
    return out;
}
/** The annotation's file: a path of the build directory, when there is one. */
function inSource(config, rel) {
    return config.sourceDir ? { file: `${config.sourceDir}/${rel}` } : {};
}
/** Computed on demand from the classifier's verdicts: no second map of every path. */
function verdictsOf(files, facts) {
    let mentioned = null;
    const has = (p) => (mentioned ??= new Set([...files.sync.map((e) => e.path), ...(facts.diff.files ?? []).map((f) => f.path)])).has(p);
    return {
        has,
        // Asked (by the report) only for paths the plan mentions; the set of those is built only if `has` is asked.
        get: (p) => files.fingerprint(p),
    };
}
function removalsOf(config, facts, files) {
    const listed = new Set(facts.remote.map((o) => o.key));
    const previous = livePending(facts.state?.pending, listed);
    const deletes = files.sync.filter((e) => e.action === 'delete');
    return planRemovals(deletes, (p) => files.fingerprint(p).fingerprinted, previous, facts.now, config.keepRemovedMs);
}
function guardOf(config, facts) {
    const { order, note, forcePushOverLive } = facts.commitOrder;
    return commitGuard({
        order,
        ...(note ? { note } : {}),
        ours: facts.run.headSha,
        live: facts.state?.deploys?.[0]?.sha ?? null,
        allowOlder: config.allowOlder,
        forcePushOverLive: forcePushOverLive === true,
    });
}
function refusalOf(config, sync, guard) {
    return checkDeleteCap(sync, config.maxDeletes) ?? (guard.verdict === 'refuse' ? guard.message : null);
}
/** remove-prefix: the whole prefix's URLs, as one wildcard per distribution that serves it. */
function removedPrefixPaths(config, d) {
    if (!config.removePrefix)
        return [];
    const url = urlPathForKey(config.prefix, d.originPath);
    if (url === null)
        return [];
    // Every URL form a deploy of the prefix invalidates: everything below it, and the directory without its slash
    // where deploys invalidate that form (`/previews/pr-12/*` does not match `/previews/pr-12`).
    const slashless = url !== '/' && (config.invalidateDirectoryWithoutSlash || config.urlStyle === 'clean');
    return [`${url}*`, ...(slashless ? [url.slice(0, -1)] : [])];
}
/** remove-prefix: every site object under the prefix (protect globs still hold), deleted before the invalidation. */
function prefixRemoval(config, facts) {
    const guard = makeDeleteGuard(makeFileFilter([], []), config.protect);
    return facts.remote
        .filter((o) => !guard(o.key.slice(config.prefix.length)))
        .map((o) => ({ key: o.key, path: o.key.slice(config.prefix.length), action: 'delete', reason: 'prefix-removed', size: o.size }));
}
/** A ledger still in an old folder (the guessable legacy name) is moved on this run, even when nothing else changes. */
function migrating(facts) {
    return facts.records.oldDirs.some((dir) => facts.ownKeys.includes(stateKeyIn(dir)));
}
function planDeploy(config, facts) {
    const files = planFiles(config, facts);
    const stale = staleByDistribution(config, facts, files);
    const invalidations = config.distributions.map((d) => invalidationFor(config, facts, d, stale.get(d.id), files));
    const fallback = missingDiffFallback(config, facts.diff);
    // keep-deploys: removed bundles a restorable deploy served stay in place.
    const removals = retainReferenced(config, facts, files, removalsOf(config, facts, files));
    const waitingKeys = new Set(removals.waiting.map((e) => e.key));
    const sync = config.removePrefix ? prefixRemoval(config, facts) : files.sync.filter((e) => !waitingKeys.has(e.key));
    // remove-prefix: the action's records for the prefix go too, after the invalidation (never a lock: it is released).
    const locks = new Set([lockKeyIn(facts.records.dir), bootstrapLockKey(config.prefix, config.statePrefix)]);
    const records = config.removePrefix ? facts.ownKeys.filter((k) => !locks.has(k)) : [];
    const writes = sync.some((e) => e.action === 'upload' || e.action === 'delete');
    const guard = guardOf(config, facts);
    const ledger = {
        demoted: [...files.evidence.demoted],
        shapes: files.evidence.learned,
        pending: removals.pending,
        // The commit built (workflow_run.head_sha, the pull request's head), not GITHUB_SHA.
        deploy: writes ? { sha: facts.run.headSha, runId: facts.run.runId, time: new Date(facts.now).toISOString() } : null,
        tagMeta: files.tagging?.metaName ?? null,
    };
    const history = deployHistory(config, facts, files, removals, ledger.deploy);
    if (history)
        ledger.deploy = { ...ledger.deploy, id: history.id };
    return {
        files: files.files,
        sync,
        uploadWaves: uploadWaves(files.files, (0,headers/* entryDocumentMatcher */.m4)(config.entryDocuments)),
        deletes: config.removePrefix ? sync.map((e) => e.key) : removals.now.map((e) => e.key),
        lateDeletes: [...removals.due.map((e) => e.key), ...records, ...(history?.prune ?? [])],
        waiting: removals.waiting,
        invalidations,
        refusal: refusalOf(config, sync, guard),
        commitGuard: guard,
        writeState: config.upload && (writes || facts.state === null || ledgerKnowledgeChanged(facts.state, ledger) || migrating(facts)),
        ledger,
        remote: files.remote,
        verdicts: verdictsOf(files, facts),
        verifyTargets: verifyTargets(invalidations[0], files.files),
        warnings: [
            ...files.demotions.map((d) => d.warning),
            ...(fallback.warning ? [fallback.warning] : []),
            ...invalidationWarnings(config, stale, invalidations),
        ],
        annotations: annotations(config, facts, sync),
        tagNotes: discoverTagging(config, facts).notes,
        ...(history ? { history } : {}),
    };
}

;// CONCATENATED MODULE: ./src/plan/rollback.ts









/** The deploy `rollback-to` names, or why there is none (the message lists the restorable deploys). */
function resolveTarget(asked, deploys, saved = {}) {
    const spec = asked.trim().toLowerCase();
    const live = deploys[0];
    let found;
    let what;
    if (spec === 'previous') {
        // The build deploy before the one whose site is live: after a rollback to N, the one before N.
        const liveContent = live ? (live.entry.rollbackOf ?? live.entry.id ?? 0) : 0;
        found = deploys.find((d) => d.entry.rollbackOf === undefined && d.entry.id !== undefined && d.entry.id < liveContent);
        what = 'previous (the deploy before the live one)';
    }
    else {
        const byNumber = /^\d+$/.test(spec) ? deploys.find((d) => d.entry.id === Number(spec)) : undefined;
        if (byNumber)
            found = byNumber;
        else if (/^[0-9a-f]{7,40}$/.test(spec)) {
            // A commit: its newest build deploy (a rollback's commit is the one it put back).
            const matching = deploys.filter((d) => d.entry.id !== undefined && d.entry.sha.toLowerCase().startsWith(spec));
            const shas = new Set(matching.map((d) => d.entry.sha.toLowerCase()));
            if (shas.size > 1) {
                return `rollback-to '${asked}' matches deploys of ${shas.size} commits (${[...shas].map((s) => s.slice(0, 12)).join(', ')}): give more of the SHA. ${listRestorable(deploys, saved)}`;
            }
            found = matching.find((d) => d.entry.rollbackOf === undefined) ?? matching[0];
        }
        what = /^\d+$/.test(spec) && !found ? `deploy number ${spec}` : `commit ${spec}`;
    }
    if (!found)
        return `rollback-to: no deploy of this prefix is ${what} in the ledger. Nothing was written. ${listRestorable(deploys, saved)}`;
    if (!found.site) {
        return (`rollback-to: deploy ${found.entry.id ?? '(unnumbered)'} (${found.entry.sha.slice(0, 12)}, ${found.entry.time}) is older than ` +
            `keep-deploys: its files are no longer kept. Nothing was written. ${listRestorable(deploys, saved)}`);
    }
    return found;
}
function listRestorable(deploys, saved = {}) {
    const list = restorableDeploys(deploys, saved ?? {});
    if (list.length === 0)
        return 'No deploy can be restored: none was recorded with keep-deploys above 0.';
    const rows = list.map((d) => `${d.id} (${d.sha.slice(0, 12)}, ${d.time}${d.rollbackOf !== undefined ? `, rollback to ${d.rollbackOf}` : ''})`);
    return `Restorable deploys (number, commit, time), newest first: ${rows.join('; ')}.`;
}
/** The rollback's plan, as a DeployPlan (so the lock, the log, execute and the report treat it like any run). */
function planRollback(config, facts) {
    const asked = config.rollbackTo ?? '';
    const state = facts.state;
    const deploys = decodeDeploys(state);
    const resolved = resolveTarget(asked, deploys, state?.saved);
    const remote = remoteStates(facts.remote, state, facts.headMd5, facts.headHeaders);
    if (typeof resolved === 'string')
        return refused(resolved, remote);
    const target = resolved;
    const site = target.site;
    const saved = state?.saved ?? {};
    const guard = makeDeleteGuard(makeFileFilter([], []), config.protect);
    const rel = (key) => key.slice(config.prefix.length);
    const listed = new Set(facts.ownKeys);
    const restores = [];
    const missing = [];
    const sync = [];
    const deletes = [];
    const kept = [];
    const changed = [];
    let unchanged = 0;
    const keys = [...new Set([...site.keys(), ...remote.keys()])].sort();
    for (const key of keys) {
        const t = site.get(key);
        const o = remote.get(key);
        const md5 = currentMd5(o);
        if (t) {
            const known = o && md5 !== undefined ? knownHeaders(state, deploys, o, md5) : undefined;
            if (o && md5 === t.md5 && known?.hash === (0,headers/* headersHash */.f3)(t.headers)) {
                unchanged++;
                sync.push({ key, path: rel(key), action: 'unchanged', reason: 'md5-match', size: t.size });
                continue;
            }
            const sameBytes = o !== undefined && md5 === t.md5;
            const from = sameBytes ? key : savedKey(config, facts, saved, listed, key, t.md5);
            if (from === null) {
                missing.push(key);
                continue;
            }
            const reason = sameBytes ? 'headers' : o ? 'bytes' : 'missing';
            restores.push({ key, from, md5: t.md5, size: t.size, headers: t.headers, reason, fingerprinted: t.fingerprinted });
            if (o && !sameBytes)
                changed.push({ key, md5, size: o.size });
            const rereads = known?.reading === undefined || known.reading !== (0,headers/* readingHash */.v6)(t.headers);
            sync.push({
                key,
                path: rel(key),
                action: 'upload',
                reason: sameBytes ? 'headers-changed' : o ? 'content-changed' : 'new',
                size: t.size,
                overwrites: o !== undefined,
                ...(sameBytes ? { sameBytes: true, rereads } : {}),
            });
            continue;
        }
        // A key the target did not have. Only what a recorded deploy put there is the rollback's to delete: objects another
        // tool (or another prefix's deploy below this one) wrote are left alone.
        if (!deploys.some((d) => d.site?.has(key)) && state?.objects[key] === undefined && state?.pending?.[key] === undefined) {
            kept.push({ key, reason: 'not written by a recorded deploy of this prefix' });
            continue;
        }
        if (guard(rel(key))) {
            kept.push({ key, reason: 'protected (protect, or a hidden file)' });
            continue;
        }
        if (deploys.some((d) => d.site?.get(key)?.fingerprinted) || state?.pending?.[key] !== undefined) {
            kept.push({ key, reason: 'fingerprinted: kept for pages already open (keep-removed)' });
            continue;
        }
        deletes.push(key);
        changed.push({ key, md5, size: o.size });
        sync.push({ key, path: rel(key), action: 'delete', reason: 'removed-locally', size: o.size });
    }
    const entry = { sha: target.entry.sha, runId: facts.run.runId, time: new Date(facts.now).toISOString(), rollbackOf: target.entry.id };
    const history = planHistory({
        state,
        dir: facts.records.dir,
        prefix: config.prefix,
        ownKeys: facts.ownKeys,
        keepDeploys: config.keepDeploys,
        entry,
        site,
        changed,
    });
    const fingerprint = verdictOf(config, ...deploys.map((d) => d.site));
    const invalidations = config.distributions.map((d) => rollback_invalidationFor(config, facts, d, sync, fingerprint));
    const pending = pendingAfter(state, remote, kept, facts.now);
    const refusal = missing.length > 0
        ? `rollback-to: ${missing.length} object(s) of deploy ${target.entry.id} are neither in the bucket nor in the kept history ` +
            `(${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}): they cannot be restored without a build. Nothing was written. ` +
            listRestorable(deploys, saved)
        : checkDeleteCap(sync, config.maxDeletes);
    const rollback = {
        target: { id: target.entry.id, sha: target.entry.sha, time: target.entry.time },
        asked,
        restores,
        deletes,
        kept,
        unchanged,
    };
    const noChange = restores.length === 0 && deletes.length === 0;
    // Already serving the target: nothing to write (a rollback entry only when the live deploy is another one).
    const liveIsTarget = deploys[0] !== undefined && (deploys[0].entry.id === target.entry.id || deploys[0].entry.rollbackOf === target.entry.id);
    const writes = !(noChange && liveIsTarget);
    return {
        files: [],
        sync,
        uploadWaves: [],
        deletes,
        lateDeletes: writes ? history.prune : [],
        waiting: [],
        invalidations,
        refusal,
        commitGuard: { verdict: 'deploy', reason: 'rollback' },
        writeState: writes,
        ledger: { demoted: state?.demoted ?? [], shapes: state?.shapes ?? [], pending, deploy: writes ? entry : null },
        remote,
        verdicts: new Map(sync.map((e) => [e.path, fingerprint(e.path)])),
        verifyTargets: [],
        warnings: [],
        annotations: [],
        ...(writes ? { history } : {}),
        rollback,
    };
}
/**
 * What is known of the headers an object has now: the ledger's hashes while it still describes the object (its ETag
 * unchanged); else those of the newest deploy that served these bytes under this key (the one that wrote it last:
 * any header change is a rewrite), when the listed ETag is the content MD5 itself.
 */
function knownHeaders(state, deploys, o, md5) {
    const rec = state?.objects[o.key];
    if (rec && recorded(state, o) && rec[1] === md5 && rec[2] !== '')
        return { hash: rec[2], ...(rec[3] ? { reading: rec[3] } : {}) };
    if (o.etag !== md5)
        return undefined;
    const served = deploys.find((d) => d.site?.get(o.key)?.md5 === md5)?.site?.get(o.key);
    return served ? { hash: (0,headers/* headersHash */.f3)(served.headers), reading: (0,headers/* readingHash */.v6)(served.headers) } : undefined;
}
/** The history copy of `key` with these bytes, or null when none is kept. */
/**
 * Where the bytes `md5` of `key` are kept, when the ledger says so and the listing still shows them there (a
 * lifecycle rule or a person may have deleted a history object: a copy from it would fail half way through).
 */
function savedKey(config, facts, saved, listed, key, md5) {
    const n = saved[key]?.[md5];
    if (n === undefined)
        return null;
    const at = historyKeyIn(facts.records.dir, n, key, config.prefix);
    return listed.has(at) ? at : null;
}
function verdictOf(config, ...sites) {
    return (rel) => {
        const key = config.prefix + rel;
        const fp = sites.some((s) => s?.get(key)?.fingerprinted === true);
        return fp
            ? { fingerprinted: true, reason: 'recorded by the deploy that served it' }
            : { fingerprinted: false, reason: 'recorded mutable' };
    };
}
function rollback_invalidationFor(config, facts, d, sync, fingerprint) {
    const staleResult = staleFor({
        distribution: d,
        ...urlSettingsOf(config),
        sync,
        otherKeys: collateralKeys(facts.remote, sync),
        originKnown: true,
        fingerprint,
        diff: null,
        manual: config.paths,
        owed: owedTo(facts.owed, d.id),
    });
    const { budget, maxWildcards } = inFlightBudget(config.maxPaths, facts.usage[d.id] ?? null);
    return planInvalidation({ distributionId: d.id, staleResult, prefix: config.prefix, originPath: d.originPath, budget, maxWildcards });
}
/** Pending deletions after the rollback: the ones still listed, and the fingerprinted extras it keeps. */
function pendingAfter(state, remote, kept, now) {
    const pending = livePending(state?.pending, new Set(remote.keys()));
    for (const k of kept) {
        if (!k.reason.startsWith('fingerprinted'))
            continue;
        pending[k.key] ??= { since: now, size: remote.get(k.key)?.size ?? 0 };
    }
    return pending;
}
function refused(message, remote) {
    return {
        files: [],
        sync: [],
        uploadWaves: [],
        deletes: [],
        lateDeletes: [],
        waiting: [],
        invalidations: [],
        refusal: message,
        commitGuard: { verdict: 'deploy', reason: 'rollback' },
        writeState: false,
        ledger: { demoted: [], shapes: [], pending: {}, deploy: null },
        remote,
        verdicts: new Map(),
        verifyTargets: [],
        warnings: [],
        annotations: [],
    };
}
/**
 * The ledger after the rollback's copies and deletes: restored keys with the ETag the copy gave and the target's
 * headers; kept keys as recorded; deleted keys gone; the deploys with the rollback first.
 */
function rollbackLedger(state, plan, etags, deleted) {
    const history = plan.history;
    const objects = {};
    const gone = new Set(deleted);
    for (const [key, o] of plan.remote) {
        const rec = state?.objects[key];
        if (!gone.has(key) && rec && recorded(state, o))
            objects[key] = rec;
    }
    for (const r of plan.rollback?.restores ?? []) {
        const etag = etags[r.key];
        if (etag === undefined) {
            delete objects[r.key];
            continue;
        }
        objects[r.key] = [etag === r.md5 ? '' : etag, r.md5, (0,headers/* headersHash */.f3)(r.headers), (0,headers/* readingHash */.v6)(r.headers)];
    }
    const next = {
        version: 3,
        objects,
        demoted: plan.ledger.demoted,
        shapes: plan.ledger.shapes,
        pending: plan.ledger.pending,
    };
    return withHistory(next, history);
}

;// CONCATENATED MODULE: ./src/io/cloudfront/api.ts

function cloudFrontClientConfig(env) {
    const endpoint = env.AWS_ENDPOINT_URL_CLOUDFRONT || env.AWS_ENDPOINT_URL;
    // CloudFront is a global service signed in us-east-1; Throttling is retried by the SDK.
    return { region: 'us-east-1', maxAttempts: 6, ...(endpoint ? { endpoint } : {}) };
}
let sdk = null;
/** @aws-sdk/client-cloudfront, imported once, on first use. */
const loadCloudFrontSdk = () => (sdk ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(169)]).then(__webpack_require__.t.bind(__webpack_require__, 3169, 19)));
/** The adapter over `client`, or over a client made from `env` on first use. */
function createCdn(client, env = process.env) {
    let made = null;
    const ready = async () => {
        const sdk = await loadCloudFrontSdk();
        made ??= Promise.resolve(client ?? new sdk.CloudFrontClient(cloudFrontClientConfig(env)));
        return { ...sdk, client: await made };
    };
    return {
        async distributionConfig(distributionId) {
            const { client, GetDistributionConfigCommand } = await ready();
            const res = await client.send(new GetDistributionConfigCommand({ Id: distributionId }));
            const header = res.DistributionConfig?.CacheTagConfig?.HeaderName;
            return header ? { cacheTagHeader: header } : {};
        },
        async create(distributionId, paths, callerReference, tenantId) {
            const { client, CreateInvalidationCommand, CreateInvalidationForDistributionTenantCommand } = await ready();
            const batch = { CallerReference: callerReference, Paths: { Quantity: paths.length, Items: paths } };
            const res = tenantId
                ? await client.send(new CreateInvalidationForDistributionTenantCommand({ Id: tenantId, InvalidationBatch: batch }))
                : await client.send(new CreateInvalidationCommand({ DistributionId: distributionId, InvalidationBatch: batch }));
            return { id: res.Invalidation?.Id ?? '', status: res.Invalidation?.Status ?? '' };
        },
        async get(distributionId, id, tenantId) {
            const { client, GetInvalidationCommand, GetInvalidationForDistributionTenantCommand } = await ready();
            const res = tenantId
                ? await client.send(new GetInvalidationForDistributionTenantCommand({ DistributionTenantId: tenantId, Id: id }))
                : await client.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: id }));
            return { status: res.Invalidation?.Status ?? '', paths: res.Invalidation?.InvalidationBatch?.Paths?.Items ?? [] };
        },
        async listSince(distributionId, since) {
            const { client, ListInvalidationsCommand } = await ready();
            const out = [];
            let marker;
            for (let page = 0; page < 20; page++) {
                const res = await client.send(new ListInvalidationsCommand({ DistributionId: distributionId, Marker: marker, MaxItems: 100 }));
                let older = false;
                for (const s of res.InvalidationList?.Items ?? []) {
                    const createTime = s.CreateTime ?? new Date(0);
                    if (createTime < since)
                        older = true;
                    else if (s.Id)
                        out.push({ id: s.Id, status: s.Status ?? '', createTime });
                }
                if (older || !res.InvalidationList?.IsTruncated)
                    break;
                marker = res.InvalidationList.NextMarker;
            }
            return out;
        },
    };
}
const realClock = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
};
const errName = (err) => err.name ?? '';
/** createInvalidation waited out TooManyInvalidationsInProgress as long as it may; its message says it all. */
class InFlightWaitExceeded extends Error {
}
/**
 * CreateInvalidation; on TooManyInvalidationsInProgress wait (backoff) for in-flight invalidations to finish
 * and try again with the SAME CallerReference, up to `maxWaitMs`. A retried identical request returns the
 * existing invalidation instead of creating a second one.
 */
async function createInvalidation(cdn, distributionId, paths, callerReference, opts) {
    const start = opts.clock.now();
    let delay = 5_000;
    for (;;) {
        try {
            return opts.tenantId
                ? await cdn.create(distributionId, paths, callerReference, opts.tenantId)
                : await cdn.create(distributionId, paths, callerReference);
        }
        catch (err) {
            if (errName(err) !== 'TooManyInvalidationsInProgress')
                throw err;
            const waited = opts.clock.now() - start;
            if (waited + delay > opts.maxWaitMs) {
                throw new InFlightWaitExceeded(`CloudFront distribution ${distributionId} still has too many invalidations in progress after waiting ` +
                    `${Math.round(waited / 1000)} s (limits: 3,000 file paths and 15 wildcard paths in flight). The paths ` +
                    `are kept as owed in the bucket and the next run sends them; re-run this job when the running ones finish.`, { cause: err });
            }
            opts.log(`CloudFront ${distributionId}: TooManyInvalidationsInProgress (in-flight limits reached); waiting ` +
                `${Math.round(delay / 1000)} s for running invalidations to finish, then retrying`);
            await opts.clock.sleep(delay);
            delay = Math.min(delay * 2, 60_000);
        }
    }
}
/**
 * Poll GetInvalidation until every invalidation is Completed or `timeoutMs` passes. Unlike the SDK waiter,
 * an AccessDenied fails at once with the missing permission named, instead of polling until the timeout.
 */
async function waitForInvalidations(cdn, pending, opts) {
    const start = opts.clock.now();
    let delay = opts.initialDelayMs ?? 5_000;
    const maxDelay = opts.maxDelayMs ?? 30_000;
    for (;;) {
        for (const inv of pending) {
            if (isCompleted(inv.status))
                continue;
            try {
                inv.status = (await (inv.tenantId ? cdn.get(inv.distributionId, inv.id, inv.tenantId) : cdn.get(inv.distributionId, inv.id))).status;
            }
            catch (err) {
                const name = errName(err);
                if (name === 'AccessDenied' || name === 'AccessDeniedException') {
                    throw new Error(`Cannot wait for invalidation ${inv.id}: GetInvalidation was denied. Grant cloudfront:GetInvalidation on ` +
                        `arn:aws:cloudfront::<account>:distribution/${inv.distributionId}, or set wait: false.`, { cause: err });
                }
                opts.log(`GetInvalidation ${inv.id} failed (${name || String(err)}); retrying`);
            }
        }
        const open = pending.filter((p) => !isCompleted(p.status));
        const elapsed = opts.clock.now() - start;
        if (open.length === 0)
            return { timedOut: [] };
        if (elapsed >= opts.timeoutMs)
            return { timedOut: open };
        opts.log(`Waiting for ${open.map((p) => `${p.id} (${p.distributionId})`).join(', ')}: ${Math.round(elapsed / 1000)} s elapsed`);
        await opts.clock.sleep(Math.min(delay, Math.max(0, opts.timeoutMs - elapsed)));
        delay = Math.min(Math.round(delay * 1.5), maxDelay);
    }
}
/**
 * ListInvalidations for this month, then GetInvalidation for each (bounded), to count paths in flight
 * (CloudFront: 3,000 file paths and 15 wildcard paths per distribution) and paths used this month.
 */
async function readUsage(cdn, distributionId, now, maxReads = 200) {
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    // In-flight ones can be from the end of last month: look back a day further for those.
    const since = new Date(Math.min(monthStart.getTime(), now.getTime() - 24 * 3600 * 1000));
    const list = await cdn.listSince(distributionId, since);
    const usage = { inFlightPaths: 0, inFlightWildcards: 0, monthPaths: 0, unreadable: 0 };
    const toRead = list.filter((i) => isInProgress(i.status) || i.createTime >= monthStart);
    let reads = 0;
    for (const inv of toRead) {
        if (reads >= maxReads) {
            usage.unreadable++;
            continue;
        }
        reads++;
        const { paths } = await cdn.get(distributionId, inv.id);
        const wild = paths.filter((p) => p.endsWith('*')).length;
        if (isInProgress(inv.status)) {
            usage.inFlightWildcards += wild;
            usage.inFlightPaths += paths.length - wild;
        }
        if (inv.createTime >= monthStart)
            usage.monthPaths += paths.length;
    }
    return usage;
}

;// CONCATENATED MODULE: ./src/io/runner/log.ts
// The Log port on @actions/core: the one place (with main.ts's setFailed/setSecret, deps.ts's getInput and
// publish.ts's outputs and summary) where the action speaks to the runner, and only through the toolkit.


/** The title every annotation without its own gets, so it reads as this action's on the run's page. */
const ANNOTATION_TITLE = 'S3 CloudFront deploy';
/**
 * @actions/core's annotation properties: a title always, and the file relative to the workspace, where GitHub can
 * link it (a file outside the workspace, e.g. a build directory under /tmp, is left out).
 */
function annotationProperties(at, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    const file = at?.file ? external_node_path_default().relative(workspace, external_node_path_default().resolve(workspace, at.file)) : '';
    const inside = file !== '' && !file.startsWith('..') && !external_node_path_default().isAbsolute(file);
    return { title: at?.title ?? ANNOTATION_TITLE, ...(inside ? { file: file.split((external_node_path_default()).sep).join('/') } : {}) };
}
const actionsLog = {
    info: (m) => core/* info */.pq(m),
    debug: (m) => core/* debug */.Yz(m),
    notice: (m, at) => core/* notice */.lm(m, annotationProperties(at)),
    warning: (m, at) => core/* warning */.$e(m, annotationProperties(at)),
    group: (name, fn) => core/* group */.Os(name, fn),
    get debugging() {
        return core/* isDebug */._o();
    },
};

;// CONCATENATED MODULE: ./src/io/s3/lazy.ts
function lazyS3Store(bucket, opts) {
    let store = null;
    const s3 = () => (store ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(358), __webpack_require__.e(154)]).then(__webpack_require__.bind(__webpack_require__, 2154)).then((m) => m.createS3Store(bucket, opts)));
    return {
        list: async (prefix) => (await s3()).list(prefix),
        head: async (key) => (await s3()).head(key),
        storedMd5: async (key) => (await s3()).storedMd5(key),
        upload: async (key, absPath, size, md5, headers, uploadOpts) => (await s3()).upload(key, absPath, size, md5, headers, uploadOpts),
        deleteKeys: async (keys) => (await s3()).deleteKeys(keys),
        copy: async (sourceKey, destKey, opts) => (await s3()).copy(sourceKey, destKey, opts),
        getText: async (key) => (await s3()).getText(key),
        getJson: async (key) => (await s3()).getJson(key),
        putText: async (key, body, condition) => (await s3()).putText(key, body, condition),
        etagOf: async (key) => (await s3()).etagOf(key),
        deleteKey: async (key, condition) => (await s3()).deleteKey(key, condition),
    };
}

;// CONCATENATED MODULE: ./src/deps.ts
// What run() is built from: the real adapters by default; tests replace any of them.




/** Files above this size go multipart, in parts of this size (S3's single PUT limit is 5 GB). */
const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
const PART_SIZE = 8 * 1024 * 1024;
function defaultDeps(env) {
    return {
        env,
        getInput: (name) => core/* getInput */.V4(name),
        store: (c, sizes) => lazyS3Store(c.bucket, {
            region: c.region,
            concurrency: c.concurrency,
            ...sizes,
            env,
            ...(c.storageClass ? { storageClass: c.storageClass } : {}),
            ...(c.sse ? { sse: c.sse } : {}),
            ...(c.sseKmsKeyId ? { sseKmsKeyId: c.sseKmsKeyId } : {}),
        }),
        // The CloudFront client is made, and @aws-sdk/client-cloudfront loaded, on the first CloudFront call.
        cdn: () => createCdn(undefined, env),
        clock: realClock,
        log: actionsLog,
        multipartThreshold: MULTIPART_THRESHOLD,
        partSize: PART_SIZE,
        maxInFlightWaitMs: 10 * 60_000,
        pollDelayMs: 5_000,
    };
}
/** The ports of one run: the bucket when there is one, one CDN client made on first use. */
function portsFor(config, deps) {
    const sizes = { multipartThreshold: deps.multipartThreshold, partSize: deps.partSize };
    let cdn = null;
    return {
        store: config.bucket !== null ? deps.store({ ...config, bucket: config.bucket }, sizes) : null,
        cdn: () => (cdn ??= deps.cdn()),
        clock: deps.clock,
        log: deps.log,
        ...sizes,
        maxInFlightWaitMs: deps.maxInFlightWaitMs,
        pollDelayMs: deps.pollDelayMs,
    };
}

;// CONCATENATED MODULE: ./src/stages/errors.ts
// The run's own errors, and one line for any error a run can meet.

/** A failure the action explains itself (the message is the whole story). */
class DeployError extends Error {
}
function describeError(err) {
    // The records folder's name never reaches the log, even inside an SDK's or a server's message.
    return hideRecordsDir(errors_describe(err));
}
function errors_describe(err) {
    const e = err;
    const name = e.name ?? '';
    // Checked first: its message may quote another error's (an upload failure names the credentials error).
    if (err instanceof DeployError || err?.name === 'RecordError')
        return err.message;
    const keyId = typeof e.AWSAccessKeyId === 'string' && e.AWSAccessKeyId ? ` ${e.AWSAccessKeyId}` : '';
    // Credentials the service refused: they are there, so "add a credentials step" would mislead.
    const refused = /\b(SignatureDoesNotMatch|InvalidAccessKeyId)\b/.exec(name + ' ' + (e.message ?? ''))?.[1];
    if (refused) {
        const why = refused === 'SignatureDoesNotMatch'
            ? `the secret access key does not match the access key id${keyId}`
            : `the access key id${keyId} is unknown to this account or endpoint`;
        return (`AWS refused the credentials (${refused}): ${why}. Check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or the role ` +
            `aws-actions/configure-aws-credentials assumed); a rotated key needs its new secret.`);
    }
    if (/CredentialsProviderError|ExpiredToken|UnrecognizedClient/i.test(name + ' ' + (e.message ?? ''))) {
        return (`AWS credentials are missing or expired (${name}). Add an aws-actions/configure-aws-credentials step before this ` +
            `action (OIDC role-to-assume with permissions: id-token: write), or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.`);
    }
    return `${name && name !== 'Error' ? name + ': ' : ''}${e.message ?? String(err)}`;
}
const S3_PERMISSION = {
    ListObjectsV2: 's3:ListBucket',
    HeadObject: 's3:GetObject',
    GetObject: 's3:GetObject',
    PutObject: 's3:PutObject',
    CopyObject: 's3:GetObject and s3:PutObject',
    DeleteObject: 's3:DeleteObject',
    DeleteObjects: 's3:DeleteObject',
};
/**
 * One line for a failed request that names what it was about (the distribution, or the bucket and key) and what to
 * check (the id, the account, the permission), around the service's own words.
 */
function describeErrorAbout(err, about) {
    const said = describeError(err);
    if (err instanceof DeployError)
        return said;
    const what = about.service === 'cloudfront'
        ? `CloudFront ${about.action} on distribution ${about.distributionId}`
        : `S3 ${about.action} on s3://${about.bucket}${about.key !== undefined ? `/${about.key}` : ''}`;
    const check = whatToCheck(err, about);
    return hideRecordsDir(`${what} failed: ${check ? endSentence(said) : said}${check}`);
}
/** `text` ending in a full stop, so that another sentence can follow. */
const endSentence = (text) => (/[.!?]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`);
/** What to check for a failed request: the id, the account, the permission, the region (or nothing to add). */
function whatToCheck(err, about) {
    const name = err?.name ?? '';
    const denied = name === 'AccessDenied' || name === 'AccessDeniedException';
    if (about.service === 'cloudfront') {
        if (name === 'NoSuchDistribution')
            return ` Check the distribution-id input (${about.distributionId}) and that the credentials belong to the account that owns it.`;
        if (denied)
            return ` Grant cloudfront:${about.action} on arn:aws:cloudfront::<account>:distribution/${about.distributionId} to the role or user of these credentials, and check that they belong to the account that owns ${about.distributionId}.`;
        return '';
    }
    if (name === 'NoSuchBucket')
        return ` Check the bucket input (${about.bucket}), its spelling and the account of these credentials.`;
    if (denied) {
        const permission = S3_PERMISSION[about.action] ?? `s3:${about.action}`;
        const arn = `arn:aws:s3:::${about.bucket}${about.key !== undefined ? '/*' : ''}`;
        return ` Grant ${permission} on ${arn} to the role or user of these credentials (and check the bucket policy and any KMS key policy).`;
    }
    if (/PermanentRedirect|AuthorizationHeaderMalformed|IllegalLocationConstraint/.test(name))
        return ` The bucket is in another region: set AWS_REGION (aws-region of configure-aws-credentials) to the bucket's region.`;
    return '';
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./node_modules/p-map/index.js
var p_map = __webpack_require__(606);
// EXTERNAL MODULE: ./src/io/fs/walk.ts + 1 modules
var walk = __webpack_require__(9388);
;// CONCATENATED MODULE: ./src/model/record-format.ts
/** The newest ledger format this version reads and writes. */
const LEDGER_VERSION = 3;
/** The newest owed-record format this version reads and writes. */
const OWED_VERSION = 2;
/** A record that cannot be used as it is. `message` is the whole story (key, what is wrong, how to recover). */
class RecordError extends Error {
    name = 'RecordError';
}
const record_format_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const record_format_str = (v) => (typeof v === 'string' ? null : 'not a string');
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'not a number');
function listOf(check) {
    return (v) => {
        if (!Array.isArray(v))
            return 'not a list';
        for (let i = 0; i < v.length; i++) {
            const bad = check(v[i]);
            if (bad)
                return `item ${i} is ${bad}`;
        }
        return null;
    };
}
function mapOf(check) {
    return (v) => {
        if (!record_format_isObject(v))
            return 'not an object';
        for (const [k, x] of Object.entries(v)) {
            const bad = check(x);
            if (bad)
                return `${JSON.stringify(k)} is ${bad}`;
        }
        return null;
    };
}
function shape(fields) {
    return (v) => {
        if (!record_format_isObject(v))
            return 'not an object';
        for (const [name, check] of Object.entries(fields)) {
            const bad = check(v[name]);
            if (bad)
                return `an object whose '${name}' is ${bad}`;
        }
        return null;
    };
}
const stateEntry = (v) => {
    if (!Array.isArray(v) || v.length < 3 || v.length > 4)
        return 'not a [etag, md5, headersHash(, readingHash)] list';
    return v.every((x) => typeof x === 'string') ? null : 'a list holding something other than text';
};
const servedTuple = (v) => {
    if (!Array.isArray(v) || v.length !== 4)
        return 'not a [md5, size, headers, fingerprinted] list';
    const [md5, size, headers, fp] = v;
    const whole = (x) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
    return typeof md5 === 'string' && whole(size) && whole(headers) && (fp === 0 || fp === 1) ? null : 'a list of the wrong kinds';
};
/** Optional fields: checked only when present. */
function optional(fields) {
    return (v) => {
        if (!record_format_isObject(v))
            return 'not an object';
        for (const [name, check] of Object.entries(fields)) {
            if (v[name] === undefined)
                continue;
            const bad = check(v[name]);
            if (bad)
                return `an object whose '${name}' is ${bad}`;
        }
        return null;
    };
}
const deployEntry = (v) => shape({ sha: record_format_str, runId: record_format_str, time: record_format_str })(v) ??
    optional({ id: num, rollbackOf: num, site: optional({ full: mapOf(servedTuple), set: mapOf(servedTuple), gone: listOf(record_format_str) }) })(v);
const LEDGER_FIELDS = {
    objects: mapOf(stateEntry),
    demoted: listOf(record_format_str),
    shapes: listOf(shape({ dir: record_format_str, before: record_format_str, after: record_format_str, alphabet: record_format_str, length: num })),
    pending: mapOf(shape({ since: num, size: num })),
    deploys: listOf(deployEntry),
    tags: shape({ meta: record_format_str, objects: mapOf(record_format_str) }),
    headerSets: listOf(shape({ contentType: record_format_str, cacheControl: record_format_str })),
    saved: mapOf(mapOf(num)),
};
function damaged(ctx, what, recovery) {
    return new RecordError(`The action's record ${ctx.shown} is damaged: ${what}. Nothing was written. ${recovery}`);
}
const LEDGER_RECOVERY = 'To recover, delete that object (list the prefix with your own credentials to find its folder): the next run rebuilds ' +
    'the ledger from the bucket (one HEAD per object it cannot match), forgetting its demotions and deploy history.';
/** Newer than this version can read: never overwritten, never half-read. */
function newer(ctx, kind, version, supported) {
    return new RecordError(`The action's ${kind} ${ctx.shown} was written by a newer version of s3-cloudfront-deploy (format ${version}; this ` +
        `version reads up to ${supported}). Nothing was written. Use the newer version of the action (or later) for this bucket.`);
}
/** A record's text as a JSON object, or the RecordError that says it is not one. */
function jsonObject(body, ctx, recovery) {
    let v;
    try {
        v = JSON.parse(body);
    }
    catch (err) {
        throw damaged(ctx, `not JSON (${err.message})`, recovery);
    }
    if (!record_format_isObject(v))
        throw damaged(ctx, 'not a JSON object', recovery);
    return v;
}
/** The ledger from its stored text: every field checked. Throws RecordError. */
function parseLedger(body, ctx) {
    return ledgerFromJson(jsonObject(body, ctx, LEDGER_RECOVERY), ctx);
}
/** The RecordError of a ledger whose text is not JSON (`message`: the parser's). */
function ledgerNotJson(ctx, message) {
    return damaged(ctx, `not JSON (${message})`, LEDGER_RECOVERY);
}
/** The ledger from its parsed JSON value (read as it arrived): every field checked. Throws RecordError. */
function ledgerFromJson(v, ctx) {
    if (!record_format_isObject(v))
        throw damaged(ctx, 'not a JSON object', LEDGER_RECOVERY);
    const version = v.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw damaged(ctx, `'version' is ${JSON.stringify(version) ?? 'missing'}`, LEDGER_RECOVERY);
    }
    if (version > LEDGER_VERSION)
        throw newer(ctx, 'ledger', version, LEDGER_VERSION);
    for (const [name, check] of Object.entries(LEDGER_FIELDS)) {
        if (v[name] === undefined && name !== 'objects')
            continue;
        const bad = check(v[name]);
        if (bad)
            throw damaged(ctx, `'${name}' is ${v[name] === undefined ? 'missing' : bad}`, LEDGER_RECOVERY);
    }
    return {
        version: version,
        objects: v.objects,
        ...(v.demoted !== undefined ? { demoted: v.demoted } : {}),
        ...(v.shapes !== undefined ? { shapes: v.shapes } : {}),
        ...(v.pending !== undefined ? { pending: v.pending } : {}),
        ...(v.deploys !== undefined ? { deploys: v.deploys } : {}),
        ...(v.tags !== undefined ? { tags: v.tags } : {}),
        ...(v.headerSets !== undefined ? { headerSets: v.headerSets } : {}),
        ...(v.saved !== undefined ? { saved: v.saved } : {}),
    };
}
const OWED_RECOVERY = 'To recover, invalidate the paths it owed (or /*) once by hand, then delete that object (list the prefix with your own ' +
    'credentials to find its folder).';
/** An owed record from its stored text: every field checked. Throws RecordError. */
function parseOwed(body, ctx) {
    const v = jsonObject(body, ctx, OWED_RECOVERY);
    if (v.version !== undefined) {
        if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
            throw damaged(ctx, `'version' is ${JSON.stringify(v.version)}`, OWED_RECOVERY);
        }
        if (v.version > OWED_VERSION)
            throw newer(ctx, 'owed-invalidation record', v.version, OWED_VERSION);
    }
    const checks = [
        ['distributionId', record_format_str, true],
        ['paths', listOf(record_format_str), true],
        ['note', record_format_str, false],
        ['deferred', (x) => (typeof x === 'boolean' ? null : 'not true or false'), false],
        ['stage', (x) => (x === 'before-writes' || x === 'complete' ? null : 'not before-writes or complete'), false],
    ];
    for (const [name, check, required] of checks) {
        if (v[name] === undefined && !required)
            continue;
        const bad = v[name] === undefined ? 'missing' : check(v[name]);
        if (bad)
            throw damaged(ctx, `'${name}' is ${bad}`, OWED_RECOVERY);
    }
    const paths = v.paths;
    // A path starts with '/'; a cache tag item (`#<tag>`) is owed as it was planned.
    const bad = paths.find((p) => !p.startsWith('/') && !p.startsWith('#'));
    if (bad !== undefined)
        throw damaged(ctx, `path ${JSON.stringify(bad)} does not start with '/' (or '#' for a cache tag)`, OWED_RECOVERY);
    return {
        distributionId: v.distributionId,
        paths,
        ...(typeof v.note === 'string' ? { note: v.note } : {}),
        ...(typeof v.deferred === 'boolean' ? { deferred: v.deferred } : {}),
        ...(v.stage !== undefined ? { stage: v.stage } : {}),
    };
}

;// CONCATENATED MODULE: ./src/io/s3/owed.ts


/** The owed record of one run attempt for one distribution, in the records folder `dir`. */
function recordKey(dir, distributionId, runId, runAttempt) {
    return `${owedDirIn(dir)}${distributionId}/${runId}-${runAttempt}.json`;
}
/** The records folder an owed record's key is in. */
function recordsDirOfOwed(key) {
    return key.replace(/owed\/[^/]+\/[^/]+\.json$/, '');
}
/**
 * Owed records among listed keys, in any of the records folders `dirs`. A damaged record (or one of a newer format)
 * throws a RecordError naming it: a record that cannot be read whole cannot be known to be paid.
 */
async function readOwed(store, dirs, listedKeys, bucket = null) {
    const out = [];
    for (const key of listedKeys) {
        const dir = dirs.map(owedDirIn).find((d) => key.startsWith(d));
        if (!dir || !key.endsWith('.json'))
            continue;
        const obj = await store.getText(key);
        if (!obj)
            continue;
        const r = parseOwed(obj.body, { shown: shownRecord(bucket, key) });
        out.push({
            key,
            etag: obj.etag,
            distributionId: r.distributionId,
            paths: r.paths,
            ...(r.note !== undefined ? { note: r.note } : {}),
            ...(r.deferred !== undefined ? { deferred: r.deferred } : {}),
            ...(r.stage !== undefined ? { stage: r.stage } : {}),
        });
    }
    return out;
}
async function writeOwed(store, key, distributionId, paths, w) {
    const meta = typeof w === 'string' ? { note: w } : w;
    return store.putText(key, JSON.stringify({ version: OWED_VERSION, distributionId, paths, ...meta, writtenAt: new Date().toISOString() }));
}
/**
 * Clear records whose paths were just invalidated. A record of another run is only deleted if it is unchanged
 * since it was read (that run may have rewritten it meanwhile with paths it owes now).
 */
async function clearOwed(store, ownKey, consumed) {
    if (ownKey !== null)
        await store.deleteKey(ownKey);
    for (const r of consumed) {
        if (r.key === ownKey)
            continue;
        if ((await store.etagOf(r.key)) === r.etag)
            await store.deleteKey(r.key);
    }
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/model/json-slices.ts
// JSON of a large record (the ledger of a site of a million keys) as UTF-8 bytes built from slices: the same text
// as JSON.stringify, without ever holding it as one string (which V8 keeps on its heap beside the bytes sent).

/** Slices of this many UTF-16 units are encoded and let go. */
const SLICE = 64 * 1024;
function isLeaf(v) {
    return v === null || typeof v !== 'object';
}
/** What JSON.stringify leaves out of an object and writes as null in an array. */
function hasNoJson(v) {
    return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}
/** An array of leaves only (a ledger entry): stringified whole, by V8's own fast path. */
function flatArray(v) {
    for (let i = 0; i < v.length; i++)
        if (!isLeaf(v[i]))
            return false;
    return true;
}
/** An object JSON.stringify writes otherwise than by its own keys (a Date): stringified whole. */
function ownJson(v) {
    return typeof v.toJSON === 'function';
}
/**
 * `JSON.stringify(value)` (plain data: no indentation) as slices of about SLICE UTF-16 units, in order: joined,
 * exactly that text. Nothing larger than a slice (or one flat entry) is held. One loop over an explicit stack: each
 * object's keys are listed once (a dict of a million keys, enumerated again to test whether it is flat, cost more
 * than writing it), and an entry costs no generator.
 */
function* jsonSlices(value) {
    let cur = '';
    const stack = [];
    /** Writes `v` whole, or its opening with a frame to write the rest. */
    const open = (v) => {
        if (isLeaf(v) || ownJson(v))
            cur += JSON.stringify(v);
        else if (Array.isArray(v)) {
            if (flatArray(v))
                cur += JSON.stringify(v);
            else {
                cur += '[';
                stack.push({ array: v, i: 0 });
            }
        }
        else {
            cur += '{';
            stack.push({ object: v, keys: Object.keys(v), i: 0, first: true });
        }
    };
    open(value);
    while (stack.length > 0) {
        const f = stack[stack.length - 1];
        if ('array' in f) {
            if (f.i === f.array.length) {
                stack.pop();
                cur += ']';
            }
            else {
                const x = f.array[f.i];
                if (f.i++ > 0)
                    cur += ',';
                // As JSON.stringify: what has no JSON form is null in an array.
                if (hasNoJson(x))
                    cur += 'null';
                else
                    open(x);
            }
        }
        else if (f.i === f.keys.length) {
            stack.pop();
            cur += '}';
        }
        else {
            const k = f.keys[f.i++];
            const x = f.object[k];
            // As JSON.stringify: a property with no JSON form is left out.
            if (!hasNoJson(x)) {
                cur += `${f.first ? '' : ','}${JSON.stringify(k)}:`;
                f.first = false;
                open(x);
            }
        }
        if (cur.length >= SLICE) {
            yield cur;
            cur = '';
        }
    }
    if (cur !== '')
        yield cur;
}
/** `JSON.stringify(value)` as UTF-8 bytes. */
function jsonBytes(value) {
    return Buffer.concat([...jsonSlices(value)].map((s) => Buffer.from(s, 'utf8')));
}
/**
 * `JSON.stringify(value)` as a body sent in UTF-8 chunks: its length counted by one pass, its bytes made by another
 * for each send, so the text of a large record (a ledger of a million keys) is never held whole. `value` must not
 * change until it is sent (the store checks the length: a body that differs fails, it is never cut short).
 */
function jsonBody(value) {
    let byteLength = 0;
    for (const s of jsonSlices(value))
        byteLength += external_node_buffer_.Buffer.byteLength(s, 'utf8');
    return {
        byteLength,
        *chunks() {
            for (const s of jsonSlices(value))
                yield external_node_buffer_.Buffer.from(s, 'utf8');
        },
    };
}

;// CONCATENATED MODULE: ./src/io/s3/ledger.ts



/**
 * The ledger in the records folder `dir`, when the listing showed one. A damaged ledger, or one of a newer format,
 * throws a RecordError naming it (nothing is written from a ledger that cannot be trusted whole).
 */
async function readState(store, dir, listed, bucket = null) {
    if (!listed)
        return null;
    const key = stateKeyIn(dir);
    const ctx = { shown: shownRecord(bucket, key) };
    if (store.getJson) {
        // Parsed as it arrives: the ledger of a million keys is hundreds of MB of text, never held whole.
        let read;
        try {
            read = await store.getJson(key);
        }
        catch (err) {
            if (err instanceof SyntaxError)
                throw ledgerNotJson(ctx, err.message);
            throw err;
        }
        return read && { state: ledgerFromJson(read.value, ctx), etag: read.etag };
    }
    const obj = await store.getText(key);
    if (!obj)
        return null;
    return { state: parseLedger(obj.body, ctx), etag: obj.etag };
}
/**
 * Writes the ledger, only over the version this run read (`ifMatch`) or only where there was none
 * (`ifNoneMatch`): a PreconditionFailed error means another run wrote it meanwhile. Returns the new ETag.
 */
async function writeState(store, dir, state, condition) {
    // In slices: the ledger of a large site is tens of MB, never held whole (as one string or one buffer).
    return store.putText(stateKeyIn(dir), jsonBody(state), condition);
}

;// CONCATENATED MODULE: ./src/io/cloudfront/verify.ts
// Post-invalidation check (`verify-url`): GET a bounded sample of the invalidated exact paths from the
// site's public URL and compare each body's MD5 with the MD5 of the bytes uploaded. Thin I/O (global fetch),
// no workflow commands: the caller reports the results.
//
// The MD5 is computed over the body as fetch returns it, i.e. after fetch (undici) has transparently decoded
// a gzip / deflate / br Content-Encoding, so a CloudFront distribution with automatic compression still
// yields the uploaded bytes. This assumes the action uploads files uncompressed (it sets no Content-Encoding);
// a file uploaded pre-compressed with `Content-Encoding: gzip` would hash differently and show as stale.


const DEFAULT_VERIFY_CONCURRENCY = 4;
const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;
const DEFAULT_VERIFY_MAX_BYTES = 100 * 1024 * 1024;
const DEFAULT_USER_AGENT = 's3-cloudfront-deploy-verify';
function isErrorLike(err) {
    return typeof err === 'object' && err !== null && typeof err.message === 'string';
}
function errorMessage(err, timeoutMs) {
    if (!isErrorLike(err))
        return String(err);
    if (err.name === 'TimeoutError')
        return `timed out after ${timeoutMs} ms`;
    if (err.name === 'AbortError')
        return 'aborted';
    const message = String(err.message);
    const cause = err.cause;
    if (isErrorLike(cause)) {
        // undici: TypeError('fetch failed') with the socket error (ECONNREFUSED, ENOTFOUND, ...) as the cause.
        if (cause.name === 'TimeoutError')
            return `timed out after ${timeoutMs} ms`;
        const causeMessage = String(cause.message);
        const code = typeof cause.code === 'string' && !causeMessage.includes(cause.code) ? cause.code : '';
        return `${message}: ${[code, causeMessage].filter(Boolean).join(' ') || 'unknown cause'}`;
    }
    return message;
}
async function verifyOne(base, target, fetchImpl, timeoutMs, maxBytes, userAgent) {
    const url = joinUrl(base, target.path);
    const result = (status, detail, extra = {}) => ({
        path: target.path,
        url,
        status,
        ...extra,
        detail,
    });
    if (!isExactPath(target.path))
        return result('error', 'not an exact path (must start with "/" and have no "*")');
    const expectedMd5 = target.md5.toLowerCase();
    // fetch parses the URL (WHATWG): dot segments such as `/a/../b` would be collapsed, fetching another object.
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch (err) {
        return result('error', `invalid URL: ${errorMessage(err, timeoutMs)}`);
    }
    const basePath = new URL(base).pathname.replace(/\/+$/, '');
    if (parsed.pathname !== basePath + url.slice(base.length)) {
        return result('error', `the URL path is normalized to ${parsed.pathname} by URL parsing; not verifiable`);
    }
    let response;
    try {
        // A plain GET, as a visitor's browser would send it (no cache-busting headers): the point is to see what
        // users get. Redirects are followed and recorded.
        response = await fetchImpl(url, {
            method: 'GET',
            redirect: 'follow',
            headers: { 'user-agent': userAgent, accept: '*/*' },
            signal: AbortSignal.timeout(timeoutMs),
        });
    }
    catch (err) {
        return result('error', `request failed: ${errorMessage(err, timeoutMs)}`);
    }
    const extra = { httpStatus: response.status };
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
    let read;
    try {
        read = await bodyMd5(response, maxBytes);
    }
    catch (err) {
        return result('error', `reading the body failed: ${errorMessage(err, timeoutMs)}${via}`, extra);
    }
    if (read === null)
        return result('error', `body larger than ${maxBytes} bytes; not compared${via}`, extra);
    const { md5: got, bytes } = read;
    if (got === expectedMd5)
        return result('fresh', `md5 ${got} (${bytes} bytes) matches${via}`, extra);
    return result('stale', `got md5 ${got} (${bytes} bytes), expected ${expectedMd5}${via}`, extra);
}
/** MD5 and length of the response body, read as a stream; null (the rest cancelled) once it passes `maxBytes`. */
async function bodyMd5(response, maxBytes) {
    const hash = (0,external_node_crypto_.createHash)('md5');
    let bytes = 0;
    if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
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
async function verifyUrls(baseUrl, targets, opts = {}) {
    const base = normalizeBaseUrl(baseUrl);
    const fetchImpl = opts.fetchImpl ?? fetch;
    const timeoutMs = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : DEFAULT_VERIFY_TIMEOUT_MS;
    const maxBytes = opts.maxBytes !== undefined && opts.maxBytes >= 0 ? opts.maxBytes : DEFAULT_VERIFY_MAX_BYTES;
    const concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_VERIFY_CONCURRENCY) || 1);
    const userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    const results = new Array(targets.length);
    let next = 0;
    const worker = async () => {
        while (next < targets.length) {
            const i = next++;
            const target = targets[i];
            try {
                results[i] = await verifyOne(base, target, fetchImpl, timeoutMs, maxBytes, userAgent);
            }
            catch (err) {
                results[i] = { path: target.path, url: joinUrl(base, target.path), status: 'error', detail: errorMessage(err, timeoutMs) };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/io/s3/errors.ts
var errors = __webpack_require__(5672);
;// CONCATENATED MODULE: ./src/stages/history.ts
// The writes of keep-deploys and rollback-to: the history copies made before a run changes anything, and a
// rollback's restores. Every one is a server-side copy: no object body passes through the runner.




/** Copies the current bytes (headers and metadata as they are: COPY) of what the run changes into the history. */
async function preserveHistory(store, history, concurrency, held) {
    const failed = [];
    await (0,p_map/* default */.Ay)(history.preserve, async (p) => {
        if (failed.length > 0)
            return;
        try {
            held();
            await store.copy(p.key, p.to, { size: p.size });
        }
        catch (err) {
            failed.push(`${p.key}: ${describeError(err)}`);
        }
    }, { concurrency });
    if (failed.length > 0) {
        throw new DeployError(`Keeping the history before the changes failed for ${failed.length} object(s): ${failed.slice(0, 5).join('; ')}. ` +
            `Nothing on the site was changed; re-run the job.`);
    }
    return history.preserve.length;
}
/**
 * The ledger written once the history copies are made and before the first change (with the run's new demotions):
 * a crash after it loses no copy. Null when there is nothing new to record.
 */
function earlyLedger(facts, plan, newDemotions) {
    const h = plan.history;
    const copies = h !== undefined && h.preserve.length > 0;
    if (!copies && !newDemotions)
        return null;
    const base = copies ? withSavedCopies(facts.state, h) : { ...(facts.state ?? { objects: {} }), version: 3 };
    return newDemotions ? { ...base, demoted: plan.ledger.demoted } : base;
}
/**
 * A rollback's restores, each a copy with the target's headers (REPLACE): assets first, entry documents (HTML) last,
 * so no restored page refers to what is not back yet. `etags` is filled as S3 takes each copy.
 */
async function restoreAll(store, restores, prefix, concurrency, held, etags) {
    const last = (r) => (0,headers/* isEntryDocument */.Sj)(r.key.slice(prefix.length));
    const failed = [];
    for (const wave of [restores.filter((r) => !last(r)), restores.filter(last)]) {
        await (0,p_map/* default */.Ay)(wave, async (r) => {
            if (failed.length > 0)
                return;
            try {
                held();
                etags[r.key] = await store.copy(r.from, r.key, { size: r.size, replace: { headers: r.headers, md5: r.md5 } });
            }
            catch (err) {
                failed.push(`${r.key}: ${describeError(err)}`);
            }
        }, { concurrency });
        if (failed.length > 0) {
            const done = Object.keys(etags).length;
            throw new DeployError(`Restoring failed for ${failed.length} object(s): ${failed.slice(0, 5).join('; ')}. ${done} of ${restores.length} restored; ` +
                `no invalidation was sent and nothing was deleted. The owed paths are recorded: run the same rollback again to finish it.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/plan/verify-sample.ts

/**
 * A bounded, deterministic sample: targets deduplicated by path (the first occurrence wins), wildcard or
 * relative paths dropped, sorted by path (code-unit order), then `max` evenly spaced entries (the first is
 * always included). Same input set -> same output, whatever the input order (except which duplicate wins).
 */
function chooseSample(targets, max) {
    const limit = Number.isFinite(max) ? Math.floor(max) : 0;
    if (limit <= 0)
        return [];
    const byPath = new Map();
    for (const t of targets) {
        if (!isExactPath(t.path) || byPath.has(t.path))
            continue;
        byPath.set(t.path, t);
    }
    const sorted = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const n = sorted.length;
    if (n <= limit)
        return sorted;
    const out = [];
    for (let i = 0; i < limit; i++)
        out.push(sorted[Math.floor((i * n) / limit)]);
    return out;
}

;// CONCATENATED MODULE: ./src/stages/timing.ts
async function timed(name, timings, fn) {
    const start = Date.now();
    try {
        return await fn();
    }
    finally {
        timings[name] = Date.now() - start;
    }
}
/** A log group with its duration, recorded in `timings` for the report. */
async function phase(log, name, timings, fn) {
    const start = Date.now();
    return timed(name, timings, () => log.group(name, async () => {
        const result = await fn();
        log.info(`(${name}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
        return result;
    }));
}

;// CONCATENATED MODULE: ./src/stages/execute.ts
// execute: every write a run makes, in the safe order, returning what happened. A failure part way is
// returned in the Outcome (not thrown), so the report still says what was uploaded and invalidated.




















async function execute(config, facts, plan, ports) {
    const out = { etags: {}, deleted: [], sent: [], verify: null, timedOut: [], error: null, timingsMs: {} };
    const t = out.timingsMs;
    const { store, log } = ports;
    const held = ports.assertHeld ?? (() => { });
    try {
        const toSend = plan.invalidations.filter((p) => p.paths.length > 0);
        const ownRecords = store && toSend.length > 0 ? await phase(log, 'Record owed invalidations', t, () => recordOwed(config, facts, toSend, store)) : {};
        const history = plan.history;
        if (store && plan.rollback && history) {
            await rollbackWrites(config, facts, plan, store, ports, out.etags, t);
        }
        else if (store && config.upload && plan.writeState) {
            const ledgerWrite = ledgerWriter(config, store, facts, held);
            // keep-deploys: the bytes this run replaces are copied into the history first, and recorded.
            if (history && history.preserve.length > 0) {
                await phase(log, 'Keep history (server-side copies)', t, () => preserveHistory(store, history, config.concurrency, held));
            }
            // A demotion is proof that exists only now: recorded before the uploads, so a crash cannot lose it.
            const early = earlyLedger(facts, plan, newDemotions(facts, plan));
            if (early)
                await ledgerWrite(early);
            if (plan.uploadWaves.some((w) => w.length > 0)) {
                await phase(log, 'Upload', t, () => uploadAll(config, store, plan.uploadWaves, ports, out.etags));
            }
            const next = nextLedger(facts.state, { ...plan.ledger, files: plan.files, remote: plan.remote, etags: out.etags });
            await ledgerWrite(history ? withHistory(next, history) : next);
            await migrateRecords(store, facts);
        }
        // The origin reaches its final state before the invalidation that covers it: an edge that refetches
        // after processing the invalidation must not find a deleted page still there.
        if (store && plan.deletes.length > 0) {
            held();
            out.deleted = await phase(log, 'Delete removed objects', t, () => deleteRemoved(store, plan.deletes, log));
        }
        if (toSend.length > 0 && config.invalidate === 'defer') {
            // Written again once this run's writes are done: a consolidating job that read (and sent) the record
            // while the uploads were still going finds it changed, keeps it, and sends it again next time.
            if (store) {
                const written = await recordOwed(config, facts, toSend, store, 'complete');
                // Earlier records of this prefix are in this run's record now (its stale paths include what they owed).
                const mine = new Set(Object.values(written));
                const merged = facts.owed.filter((r) => toSend.some((p) => isOwedTo(r, p.distributionId)) && !mine.has(r.key));
                await clearOwed(store, null, merged);
            }
            log.info(`invalidate: defer: ${toSend.map((p) => `${p.stale.length} stale paths for ${p.distributionId}`).join(', ')} left as owed records for the consolidating job`);
        }
        else if (toSend.length > 0) {
            // Each distribution on its own: one that fails leaves the ones created for the others in the outcome.
            const settled = await phase(log, 'Invalidate', t, () => invalidate(config, facts, toSend, ownRecords, ports));
            out.sent = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
            const failed = settled.find((r) => r.status === 'rejected');
            if (failed) {
                out.error = describeError(failed.reason);
                // What was created is still waited for and reported; nothing after the invalidation runs.
                if (config.wait && out.sent.length > 0) {
                    await ports.writesDone?.();
                    const waited = await phase(log, 'Wait for invalidations', t, () => waitAll(config, out.sent, ports));
                    out.sent = waited.sent;
                    out.timedOut = waited.timedOut;
                }
                return out;
            }
        }
        // Removed fingerprinted objects whose grace period has passed: never invalidated, so last.
        if (store && plan.lateDeletes.length > 0) {
            held();
            const late = await phase(log, 'Delete removed fingerprinted objects (grace period over)', t, () => deleteRemoved(store, plan.lateDeletes, log));
            out.deleted = [...out.deleted, ...late];
        }
        await ports.writesDone?.();
        if (config.wait && out.sent.length > 0) {
            const waited = await phase(log, 'Wait for invalidations', t, () => waitAll(config, out.sent, ports));
            out.sent = waited.sent;
            out.timedOut = waited.timedOut;
        }
        const first = out.sent.find((s) => s.distributionId === plan.invalidations[0]?.distributionId);
        if (config.verifyUrl && out.timedOut.length === 0 && first && isCompleted(first.status)) {
            out.verify = await phase(log, 'Verify what the CDN serves', t, () => verify(config, plan, log));
            const failure = verifyFailure(config, out.verify);
            if (failure)
                throw new DeployError(failure);
        }
    }
    catch (err) {
        out.error = describeError(err);
    }
    return out;
}
/**
 * The ledger's writes, each a compare-and-swap: over the version this run read (or only where there was none), then
 * over its own last write. A refusal means another run wrote the ledger while this one held the lock (a lock taken
 * over, or a store that ignores conditions): the run stops there; its owed record stays for the next run.
 */
function ledgerWriter(config, store, facts, assertHeld) {
    let etag = facts.ledgerEtag ?? null;
    return async (state) => {
        assertHeld();
        try {
            etag = await writeState(store, facts.records.dir, state, etag === null ? { ifNoneMatch: '*' } : { ifMatch: etag });
        }
        catch (err) {
            if (!(0,errors/* isPreconditionFailed */.W)(err))
                throw err;
            throw new DeployError(`The ledger of s3://${config.bucket}/${config.prefix} was changed by another run after this one read it, although this ` +
                `run held the deploy lock: its write was refused and nothing more was written. The owed invalidation stays recorded ` +
                `for the next run. Re-run this job; serialise deploys of this prefix with a workflow concurrency group.`);
        }
    };
}
/**
 * rollback-to's writes, before the deletes and the invalidation that every run shares: the history copies of what
 * it replaces and their record, the restores, then the ledger (the rollback as a deploy of its own).
 */
async function rollbackWrites(config, facts, plan, store, ports, etags, t) {
    const history = plan.history;
    const held = ports.assertHeld ?? (() => { });
    const ledgerWrite = ledgerWriter(config, store, facts, held);
    if (history.preserve.length > 0) {
        await phase(ports.log, 'Keep history (server-side copies)', t, () => preserveHistory(store, history, config.concurrency, held));
        await ledgerWrite(earlyLedger(facts, plan, false));
    }
    const restores = plan.rollback?.restores ?? [];
    if (restores.length > 0) {
        await phase(ports.log, 'Restore (server-side copies)', t, () => restoreAll(store, restores, config.prefix, config.concurrency, held, etags));
    }
    await ledgerWrite(rollbackLedger(facts.state, plan, etags, plan.deletes));
    await migrateRecords(store, facts);
}
function newDemotions(facts, plan) {
    const before = new Set(facts.state?.demoted ?? []);
    return plan.ledger.demoted.some((p) => !before.has(p));
}
/** The ledger now lives in its new folder: the old copies go (owed records there are cleared once sent). */
async function migrateRecords(store, facts) {
    for (const dir of facts.records.oldDirs) {
        if (facts.ownKeys.includes(stateKeyIn(dir)))
            await store.deleteKey(stateKeyIn(dir));
    }
}
/** Owed records are written before the first write and cleared only after CreateInvalidation succeeded. */
async function recordOwed(config, facts, plans, store, stage = 'before the first write') {
    const { runId, runAttempt } = facts.run;
    const keys = {};
    for (const p of plans) {
        const key = recordKey(facts.records.dir, p.distributionId, runId, runAttempt);
        // Deferred: the exact stale URLs, so the consolidating job plans one cover over every shard's.
        const paths = config.invalidate === 'defer' ? p.stale.map((s) => s.path) : p.decoded;
        await writeOwed(store, key, p.distributionId, paths, {
            note: `run ${runId} attempt ${runAttempt}, prefix '${config.prefix}', ${stage}`,
            ...(config.invalidate === 'defer' ? { deferred: true } : {}),
            stage: stage === 'complete' ? 'complete' : 'before-writes',
        });
        keys[p.distributionId] = key;
    }
    return keys;
}
async function uploadAll(config, store, waves, ports, 
/** Filled as S3 takes each file, so a failure part way still leaves what was uploaded in the outcome. */
etags) {
    const { sourceDir } = config;
    const uploads = waves.flat();
    const big = (0,p_limit/* default */.A)(2);
    const failed = [];
    const progress = uploadProgress(uploads.filter((f) => !(f.entry.action === 'upload' && f.entry.metadataOnly)), ports.log);
    let rewritten = 0;
    for (const wave of waves) {
        await (0,p_map/* default */.Ay)(wave, async (f) => {
            if (failed.length > 0)
                return; // stop starting uploads after the first failure
            // Cache tags adopted on an object deployed before: its metadata rewritten server-side, the bytes not sent again.
            const put = () => f.entry.action === 'upload' && f.entry.metadataOnly
                ? store.copy(f.key, f.key, { size: f.size, replace: { headers: f.headers, md5: f.md5 } })
                : store.upload(f.key, (0,walk/* absPathOf */.tE)(sourceDir, f.source), f.size, f.md5, f.headers, { gzip: f.gzip });
            try {
                ports.assertHeld?.();
                const rewrite = f.entry.action === 'upload' && f.entry.metadataOnly === true;
                etags[f.key] = await (f.size > ports.multipartThreshold && !rewrite ? big(put) : put());
                if (rewrite)
                    rewritten++;
                else
                    progress.done(f.size);
            }
            catch (err) {
                const action = f.entry.action === 'upload' && f.entry.metadataOnly ? 'CopyObject' : 'PutObject';
                const check = whatToCheck(err, { service: 's3', bucket: config.bucket, key: f.key, action });
                failed.push({ key: f.key, message: check ? endSentence(describeError(err)) + check : describeError(err) });
            }
        }, { concurrency: config.concurrency });
        if (failed.length > 0)
            throw new DeployError(uploadFailure(failed, uploads, etags));
    }
    progress.finish();
    if (rewritten > 0)
        ports.log.info(`metadata rewritten server-side (cache tags adopted, no bytes sent): ${rewritten} objects`);
}
function uploadProgress(uploads, log) {
    const totalBytes = uploads.reduce((n, f) => n + f.size, 0);
    const started = Date.now();
    let files = 0;
    let bytes = 0;
    let lastLog = started;
    const fmt = thousands;
    return {
        done(size) {
            files++;
            bytes += size;
            if (Date.now() - lastLog <= 5000)
                return;
            lastLog = Date.now();
            const rate = bytes / ((lastLog - started) / 1000);
            const eta = rate > 0 ? Math.round((totalBytes - bytes) / rate) : 0;
            log.info(`uploaded ${files}/${uploads.length} files, ${fmt(bytes)} of ${fmt(totalBytes)} bytes, about ${eta} s left`);
        },
        finish() {
            log.info(`uploaded ${files} files, ${fmt(bytes)} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        },
    };
}
function uploadFailure(failed, uploads, etags) {
    const notDone = uploads.filter((u) => etags[u.key] === undefined);
    const done = uploads.length - notDone.length;
    return (`Upload failed for ${failed.length} file(s): ${failed
        .slice(0, 5)
        .map((f) => `${f.key}: ${f.message}`)
        .join('; ')}. ` +
        `${done} of ${uploads.length} uploaded; not uploaded: ${notDone
            .slice(0, 20)
            .map((u) => u.key)
            .join(', ')}` +
        `${notDone.length > 20 ? ` and ${notDone.length - 20} more` : ''}. No invalidation was sent and nothing was deleted; ` +
        `the owed paths are recorded in the bucket and the next run sends them.`);
}
async function invalidate(config, facts, plans, ownRecords, ports) {
    const { repository, runId, runAttempt } = facts.run;
    const cdn = ports.cdn();
    return Promise.allSettled(plans.map(async (p) => {
        const ref = callerReference(repository, runId, runAttempt, p.distributionId, p.paths);
        const res = await createInvalidation(cdn, p.distributionId, p.paths, ref, {
            clock: ports.clock,
            maxWaitMs: ports.maxInFlightWaitMs,
            log: (m) => ports.log.info(m),
            tenantId: config.distributionTenantId,
        }).catch((err) => {
            // The in-flight wait ran out: its message already says all of it.
            if (err instanceof InFlightWaitExceeded)
                throw err;
            const owed = ports.store && ownRecords[p.distributionId] ? ' The paths are kept as owed in the bucket and the next run sends them.' : '';
            const said = describeErrorAbout(err, { service: 'cloudfront', distributionId: p.distributionId, action: 'CreateInvalidation' });
            throw new DeployError((owed ? endSentence(said) : said) + owed, { cause: err });
        });
        ports.log.info(`${p.distributionId}: invalidation ${res.id} (${res.status}), ${p.paths.length} paths`);
        const ownKey = ownRecords[p.distributionId];
        if (ports.store && ownKey) {
            await clearOwed(ports.store, ownKey, facts.owed.filter((r) => isOwedTo(r, p.distributionId)));
        }
        const tenant = config.distributionTenantId ? { tenantId: config.distributionTenantId } : {};
        return { distributionId: p.distributionId, id: res.id, status: res.status, ...tenant };
    }));
}
async function deleteRemoved(store, keys, log) {
    const res = await store.deleteKeys(keys);
    log.info(`Deleted ${res.deleted.length} objects`);
    if (res.failed.length > 0) {
        const shown = res.failed
            .slice(0, 10)
            .map((f) => `${f.key} (${f.message})`)
            .join(', ');
        throw new DeployError(`${res.failed.length} deletes failed: ${shown}`);
    }
    return res.deleted;
}
async function waitAll(config, sent, ports) {
    const pending = sent.map((s) => ({ ...s }));
    const res = await waitForInvalidations(ports.cdn(), pending, {
        clock: ports.clock,
        timeoutMs: config.waitTimeoutSeconds * 1000,
        log: (m) => ports.log.info(m),
        initialDelayMs: ports.pollDelayMs,
    });
    return { sent: pending, timedOut: res.timedOut.map((t) => `${t.id} (${t.distributionId})`) };
}
/** After the invalidation completed: fetch a bounded sample of invalidated URLs and compare their bodies. */
async function verify(config, plan, log) {
    const results = await verifyUrls(config.verifyUrl, chooseSample(plan.verifyTargets, config.verifySample));
    const bad = results.filter((v) => v.status !== 'fresh');
    for (const v of bad)
        log.warning(`${v.status}: ${v.url}: ${v.detail}`);
    log.info(`Verified ${results.length} URL(s): ${results.length - bad.length} fresh, ${bad.length} stale or failing`);
    return results;
}
function verifyFailure(config, results) {
    const bad = results.filter((v) => v.status !== 'fresh');
    if (bad.length === 0 || config.verify !== 'fail')
        return null;
    const shown = bad
        .slice(0, 5)
        .map((v) => v.url)
        .join(', ');
    return `${bad.length} of ${results.length} verified URL(s) are stale or failing after the invalidation (verify: fail): ${shown}`;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/io/git/ancestry.ts
// How this run's commit relates to the commit of the live deploy: local git (fetching what a shallow checkout
// lacks), else the GitHub compare API. Thin.
//
// What a checkout can prove: with full history (fetch-depth: 0) ancestry both ways, so newer, older and
// diverged. In a shallow clone the graph is cut at its boundary, so `merge-base --is-ancestor` is a proof when
// it answers yes (the path it found is real) and proves nothing when it answers no. The live commit is fetched
// at depth 1 (cheap), both histories are deepened by 50 commits (the usual push is settled there), then the
// compare API is asked, and only when it cannot answer are they deepened further (bounded); "diverged" needs
// the whole history or the compare API.



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/**
 * How many commits each deepening adds in a shallow clone, in turn: the first before the compare API is asked
 * (cheap: it settles the usual push), the others only when the API cannot answer (about 1,250 in all).
 */
const DEEPEN_FIRST = [50];
const DEEPEN_MORE = [200, 1000];
/** Never wait for a credential prompt (a checkout without persisted credentials fails fast instead). */
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
/** Exit status of a git command: 0, 1, or a throw for anything else. */
async function gitStatus(cwd, args) {
    try {
        await run('git', args, { cwd, env: GIT_ENV });
        return 0;
    }
    catch (err) {
        const code = err.code;
        if (code === 1)
            return 1;
        throw err;
    }
}
const git = async (cwd, args) => (await run('git', args, { cwd, env: GIT_ENV, maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
const hasCommit = async (cwd, sha) => (await gitStatus(cwd, ['cat-file', '-e', `${sha}^{commit}`]).catch(() => 1)) === 0;
const isShallow = async (cwd) => (await git(cwd, ['rev-parse', '--is-shallow-repository'])) !== 'false';
/** Which way one descends from the other, as far as the commits present show (a yes is a proof, even shallow). */
async function provenOrder(cwd, ours, live) {
    if ((await gitStatus(cwd, ['merge-base', '--is-ancestor', live, ours])) === 0)
        return 'newer';
    if ((await gitStatus(cwd, ['merge-base', '--is-ancestor', ours, live])) === 0)
        return 'older';
    return null;
}
async function localOrder(cwd, ours, live, log, steps) {
    try {
        await git(cwd, ['rev-parse', '--git-dir']);
    }
    catch {
        return { order: null, why: 'the workspace is not a git checkout' };
    }
    try {
        for (const sha of [ours, live]) {
            if (await hasCommit(cwd, sha))
                continue;
            log(`Commit ${sha.slice(0, 12)} is not in the checkout; fetching it (depth 1) to order the deploy`);
            await git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]).catch(() => '');
            if (!(await hasCommit(cwd, sha)))
                return { order: null, why: `commit ${sha.slice(0, 12)} could not be fetched` };
        }
        if (!(await isShallow(cwd)))
            return { order: (await provenOrder(cwd, ours, live)) ?? 'diverged', why: '' };
        for (const step of steps) {
            const proven = await provenOrder(cwd, ours, live);
            if (proven)
                return { order: proven, why: '' };
            log(`Shallow checkout: deepening the history of both commits by ${step} to order them`);
            try {
                await git(cwd, ['fetch', '--no-tags', `--deepen=${step}`, 'origin', ours, live]);
            }
            catch (err) {
                return { order: null, why: `shallow checkout: deepening failed (${String(err.message).split('\n')[0]})` };
            }
            if (!(await isShallow(cwd)))
                return { order: (await provenOrder(cwd, ours, live)) ?? 'diverged', why: '' };
        }
        const proven = await provenOrder(cwd, ours, live);
        if (proven)
            return { order: proven, why: '' };
        return {
            order: null,
            why: `shallow checkout: neither commit descends from the other within the ${steps.join(' + ')} commits it was deepened by`,
        };
    }
    catch (err) {
        return { order: null, why: String(err.message).split('\n')[0] };
    }
}
/** Compare API: `live...ours` is `ahead` when ours descends from live. */
async function apiOrder(opts, ours, live) {
    const { owner, repo } = splitRepository(opts.repository);
    const res = await (await githubClient(opts.apiUrl, opts.token)).rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${live}...${ours}`,
        per_page: 1,
    });
    const status = res.data.status;
    return status === 'ahead' ? 'newer' : status === 'behind' ? 'older' : status === 'identical' ? 'same' : 'diverged';
}
async function commitOrder(cwd, ours, live, api, log = () => { }) {
    if (!live || !ours)
        return { order: 'none' };
    if (live === ours)
        return { order: 'same' };
    const local = await localOrder(cwd, ours, live, log, DEEPEN_FIRST);
    if (local.order)
        return { order: local.order };
    let apiWhy = 'no github-token for the compare API';
    if (api.token) {
        try {
            return { order: await apiOrder(api, ours, live) };
        }
        catch (err) {
            apiWhy = `the compare API failed: ${err.message}`;
        }
    }
    // The compare API could not answer: deepen the checkout further.
    const deeper = local.why.startsWith('shallow checkout: neither') ? await localOrder(cwd, ours, live, log, DEEPEN_MORE) : local;
    if (deeper.order)
        return { order: deeper.order };
    return { order: 'unknown', note: `${deeper.why}; ${apiWhy}` };
}

;// CONCATENATED MODULE: ./src/io/git/diff.ts
// Changed files between two commits: local git first (fetching a missing base), then the GitHub API (compare,
// and past its 300-file cap the two commits' trees).




const diff_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function diff_git(cwd, args) {
    const { stdout } = await diff_run('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
}
/** Parse `git diff --name-status -z -M` output. */
function parseNameStatus(out) {
    const tokens = out.split('\0');
    const files = [];
    let i = 0;
    while (i < tokens.length) {
        const status = tokens[i++];
        if (!status)
            continue;
        const code = status[0];
        if (code === 'R') {
            const from = tokens[i++] ?? '';
            const to = tokens[i++] ?? '';
            files.push({ path: to, status: 'renamed', previousPath: from });
        }
        else if (code === 'C') {
            i++; // source of the copy is unchanged
            files.push({ path: tokens[i++] ?? '', status: 'added' });
        }
        else {
            const path = tokens[i++] ?? '';
            files.push({ path, status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified' });
        }
    }
    return files;
}
async function diff_hasCommit(cwd, sha) {
    try {
        await diff_git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
/** Diff with local git; fetches a commit missing from a shallow checkout. Throws when git cannot do it. */
async function localDiff(cwd, base, head, log, fromMergeBase = false) {
    for (const sha of [base, head]) {
        if (await diff_hasCommit(cwd, sha))
            continue;
        log(`Commit ${sha.slice(0, 12)} is not in the checkout (shallow clone?); fetching it`);
        await diff_git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
    }
    // Push: the two trees (correct even after a force push). Pull request: what the branch changed since it
    // left the base branch (base...head), so newer commits on the base do not count.
    const range = fromMergeBase ? [`${base}...${head}`] : [base, head];
    return parseNameStatus(await diff_git(cwd, ['diff', '--name-status', '-z', '-M', ...range, '--']));
}
/** The compare API lists at most this many files. */
const COMPARE_FILE_CAP = 300;
/** Map compare-API files to ChangedFile; the API returns at most 300 files (exactly 300: maybe truncated). */
function fromCompareFiles(files) {
    const out = files.map((f) => {
        if (f.status === 'renamed' && f.previous_filename)
            return { path: f.filename, status: 'renamed', previousPath: f.previous_filename };
        if (f.status === 'added' || f.status === 'copied')
            return { path: f.filename, status: 'added' };
        if (f.status === 'removed')
            return { path: f.filename, status: 'deleted' };
        return { path: f.filename, status: 'modified' };
    });
    return { files: out, maybeTruncated: files.length >= COMPARE_FILE_CAP };
}
/**
 * Diff two tree listings (tree entries are ignored): a path only in `to` is added, only in `from` deleted, in
 * both with another object id or mode modified. A deleted and an added path with the same blob are paired
 * as a rename (exact renames only; an edited rename stays deleted + added). Sorted by path.
 */
function diffTrees(from, to) {
    const files = (entries) => new Map(entries.filter((e) => e.type !== 'tree').map((e) => [e.path, e]));
    const a = files(from);
    const b = files(to);
    const out = [];
    const deletedBySha = new Map();
    for (const [path, e] of a) {
        const other = b.get(path);
        if (!other) {
            if (e.type === 'blob')
                deletedBySha.set(e.sha, [...(deletedBySha.get(e.sha) ?? []), path]);
            else
                out.push({ path, status: 'deleted' });
        }
        else if (other.sha !== e.sha || other.mode !== e.mode)
            out.push({ path, status: 'modified' });
    }
    const added = [...b.values()].filter((e) => !a.has(e.path)).sort((x, y) => (x.path < y.path ? -1 : 1));
    for (const e of added) {
        const sources = e.type === 'blob' ? deletedBySha.get(e.sha) : undefined;
        const previousPath = sources?.shift();
        out.push(previousPath === undefined ? { path: e.path, status: 'added' } : { path: e.path, status: 'renamed', previousPath });
    }
    for (const paths of deletedBySha.values())
        for (const path of paths)
            out.push({ path, status: 'deleted' });
    return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
class TruncatedTree extends Error {
}
/**
 * Changed files between two commits through the GitHub API. The compare API (`base...head`) answers when
 * it lists fewer than 300 files; at its cap the two commits' recursive trees are compared, and when GitHub
 * truncates a recursive tree (100,000 entries / 7 MB) the trees are walked level by level, only into
 * subtrees whose ids differ. `maybeTruncated` is true only when none of these could read the whole diff.
 *
 * The diff is from the merge base to head, as the compare API lists it, when base is an ancestor of head or
 * `fromMergeBase` is set (pull requests). Otherwise (a force push: base and head diverged, or head is behind)
 * it is the two trees base -> head, like `git diff base head`.
 */
async function compareDiff(opts) {
    const { owner, repo } = splitRepository(opts.repository);
    const client = opts.client ?? (await githubClient(opts.apiUrl, opts.token));
    const { data: cmp } = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${opts.base}...${opts.head}` });
    const twoTrees = !opts.fromMergeBase && (cmp.status === 'diverged' || cmp.status === 'behind');
    const listed = cmp.files ?? [];
    if (!twoTrees && listed.length < COMPARE_FILE_CAP)
        return { ...fromCompareFiles(listed), via: 'compare' };
    if (twoTrees)
        opts.log?.(`Base is not an ancestor of head (${cmp.status}, force push?): comparing the two trees`);
    else
        opts.log?.(`The compare API listed ${listed.length} files, its cap: comparing the two commits' trees`);
    const limit = (0,p_limit/* default */.A)(8);
    const getTree = (treeSha, recursive) => limit(async () => {
        const { data } = await client.rest.git.getTree({ owner, repo, tree_sha: treeSha, ...(recursive ? { recursive: '1' } : {}) });
        const entries = data.tree.map((e) => ({ path: e.path ?? '', mode: e.mode ?? '', type: e.type ?? '', sha: e.sha ?? '' }));
        return { sha: data.sha, truncated: data.truncated, entries };
    });
    const fromTree = (twoTrees ? cmp.base_commit : cmp.merge_base_commit).commit.tree.sha;
    // tree_sha also takes a commit (or ref): GitHub peels it to its tree.
    const [a, b] = await Promise.all([getTree(fromTree, true), getTree(opts.head, true)]);
    if (!a.truncated && !b.truncated)
        return { files: diffTrees(a.entries, b.entries), maybeTruncated: false, via: 'trees' };
    opts.log?.('GitHub truncated a recursive tree: walking both trees level by level, into the subtrees that differ');
    const from = [];
    const to = [];
    const level = async (sha) => {
        if (sha === undefined)
            return [];
        const t = await getTree(sha, false);
        if (t.truncated)
            throw new TruncatedTree(`GitHub truncated tree ${sha} even without recursion`);
        return t.entries;
    };
    const walk = async (prefix, aSha, bSha) => {
        const [aEntries, bEntries] = await Promise.all([level(aSha), level(bSha)]);
        const byName = new Map();
        for (const e of aEntries)
            byName.set(e.path, { a: e });
        for (const e of bEntries)
            byName.set(e.path, { ...byName.get(e.path), b: e });
        const below = [];
        for (const [name, { a: ea, b: eb }] of byName) {
            if (ea && eb && ea.sha === eb.sha && ea.mode === eb.mode)
                continue;
            const path = prefix + name;
            const subA = ea?.type === 'tree' ? ea.sha : undefined;
            const subB = eb?.type === 'tree' ? eb.sha : undefined;
            if (subA !== undefined || subB !== undefined)
                below.push(walk(`${path}/`, subA, subB));
            if (ea && ea.type !== 'tree')
                from.push({ ...ea, path });
            if (eb && eb.type !== 'tree')
                to.push({ ...eb, path });
        }
        await Promise.all(below);
    };
    try {
        await walk('', a.sha, b.sha);
    }
    catch (err) {
        if (!(err instanceof TruncatedTree))
            throw err;
        if (twoTrees)
            throw new Error(`base is not an ancestor of head (${cmp.status}) and ${err.message}`, { cause: err });
        opts.log?.(`${err.message}: the diff is the compare API's first ${COMPARE_FILE_CAP} files`);
        return { ...fromCompareFiles(listed), maybeTruncated: true, via: 'compare-capped' };
    }
    return { files: diffTrees(from, to), maybeTruncated: false, via: 'tree-walk' };
}

;// CONCATENATED MODULE: ./src/io/s3/lock.ts

/** The lock was found taken over while this run held it. */
class LockLostError extends Error {
    name = 'LockLost';
}
/** Another owner held the lock for longer than `waitMs`. */
class LockTimeoutError extends Error {
    key;
    owner;
    expiresAt;
    name = 'LockTimeout';
    constructor(key, owner, expiresAt, waitedMs) {
        super(`deploy lock ${key} is held by ${owner} until ${expiresAt}; gave up after waiting ${Math.round(waitedMs / 1000)} s`);
        this.key = key;
        this.owner = owner;
        this.expiresAt = expiresAt;
    }
}
/** First and largest pause between polls of a held lock. */
const LOCK_POLL_FIRST_MS = 2_000;
const LOCK_POLL_MAX_MS = 15_000;
function parseLock(body) {
    try {
        const v = JSON.parse(body);
        const owner = typeof v.owner === 'string' ? v.owner : '(unknown owner)';
        const expiresAt = typeof v.expiresAt === 'string' ? v.expiresAt : String(v.expiresAt);
        const ms = typeof v.expiresAt === 'number' ? v.expiresAt : typeof v.expiresAt === 'string' ? Date.parse(v.expiresAt) : NaN;
        return { owner, expiresAt, expiresAtMs: ms };
    }
    catch {
        return { owner: '(unreadable lock record)', expiresAt: '(unknown)', expiresAtMs: NaN };
    }
}
/** Whether a deploy lock is held at `now` (present and not expired): its deploy is still running. */
async function lockHeld(records, key, now) {
    const cur = await records.getText(key);
    return cur !== null && parseLock(cur.body).expiresAtMs > now;
}
/** The lock just taken (with ETag `etag`): renewed while held, and its release. */
function heldLock(records, key, opts, etag, state, body) {
    const { owner, log, ttlMs, clock } = opts;
    let released = false;
    let lost = null;
    let current = etag;
    let renewedAt = clock.now();
    let renewing = Promise.resolve();
    const renew = async () => {
        try {
            current = await records.putText(key, body(), { ifMatch: current });
            renewedAt = clock.now();
        }
        catch (err) {
            if ((0,errors/* isPreconditionFailed */.W)(err))
                lost = `deploy lock ${key} was taken over by another run while this one held it`;
            else if (clock.now() - renewedAt >= ttlMs)
                lost = `deploy lock ${key} could not be renewed before it expired (${err.message})`;
            if (lost) {
                log(`${lost}: this run makes no further writes.`);
                stop();
            }
        }
    };
    const timer = setInterval(() => {
        if (!released && !lost)
            renewing = renewing.then(renew);
    }, Math.max(10, opts.renewMs ?? Math.floor(ttlMs / 3)));
    timer.unref();
    const stop = () => clearInterval(timer);
    return {
        ...state,
        assertHeld() {
            if (lost)
                throw new LockLostError(`${lost}; nothing more was written (the owed invalidation stays recorded for the next run)`);
        },
        async release() {
            if (released)
                return;
            released = true;
            stop();
            await renewing;
            if (lost)
                return;
            const cur = await records.getText(key);
            if (cur === null)
                return;
            const rec = parseLock(cur.body);
            if (rec.owner !== owner) {
                log(`Deploy lock ${key} is now held by ${rec.owner}; not releasing it.`);
                return;
            }
            if (cur.etag !== current)
                log(`Deploy lock ${key} was rewritten since it was taken, but is still ours; releasing it.`);
            // Only the version just read and found ours: where the server honours If-Match on a delete, a lock another run
            // took in between is never deleted (elsewhere the read above is the check).
            try {
                await records.deleteKey(key, { ifMatch: cur.etag });
            }
            catch (err) {
                if (!(0,errors/* isPreconditionFailed */.W)(err))
                    throw err;
                log(`Deploy lock ${key} was taken by another run as it was released; left to it.`);
            }
        },
    };
}
/**
 * Take the deploy lock `key`, waiting (polling with backoff) up to `waitMs` while another owner holds it, taking
 * over a lock whose time is up. Throws LockTimeoutError when the wait runs out; other errors (access, network) as
 * they come.
 */
async function acquireLock(records, key, opts) {
    const { owner, ttlMs, waitMs, clock, log } = opts;
    const started = clock.now();
    const body = () => JSON.stringify({ owner, expiresAt: new Date(clock.now() + ttlMs).toISOString() });
    let supported = null;
    let waited = false;
    let pause = LOCK_POLL_FIRST_MS;
    let announced = '';
    const held = (etag) => heldLock(records, key, opts, etag, { waited, supported }, body);
    // A lock listed earlier that is still there: the create below must be refused, or the store ignores conditions.
    let existedJustBefore = false;
    if (opts.listedEtag)
        existedJustBefore = (await records.getText(key)) !== null;
    for (;;) {
        try {
            const etag = await records.putText(key, body(), { ifNoneMatch: '*' });
            if (existedJustBefore) {
                supported = false;
                log(`The bucket ignored If-None-Match when creating deploy lock ${key} over an existing one: ` +
                    'conditional writes are not supported, so the lock is advisory only.');
            }
            return held(etag);
        }
        catch (err) {
            if (!(0,errors/* isPreconditionFailed */.W)(err))
                throw err;
            supported = true;
        }
        existedJustBefore = false;
        const cur = await records.getText(key);
        if (cur === null)
            continue; // released between the create and the read: create again
        const rec = parseLock(cur.body);
        const now = clock.now();
        const expired = !(rec.expiresAtMs > now);
        if (expired || rec.owner === owner) {
            // Take it over, only from the version just read: of two runs doing this at once, one wins.
            const why = rec.owner === owner ? 'left by this same owner' : `held by ${rec.owner}, expired at ${rec.expiresAt}`;
            try {
                const etag = await records.putText(key, body(), { ifMatch: cur.etag });
                log(`Took over deploy lock ${key} (${why}).`);
                return held(etag);
            }
            catch (err) {
                if (!(0,errors/* isPreconditionFailed */.W)(err))
                    throw err;
                supported = true;
                continue; // someone else changed it first: look again
            }
        }
        const elapsed = now - started;
        if (elapsed >= waitMs)
            throw new LockTimeoutError(key, rec.owner, rec.expiresAt, elapsed);
        const note = `${rec.owner} until ${rec.expiresAt}`;
        if (note !== announced) {
            log(`Waiting for deploy lock ${key}, held by ${note} (waiting up to ${Math.round(waitMs / 1000)} s).`);
            announced = note;
        }
        waited = true;
        // Poll again after the pause, but no later than the wait's end or the lock's expiry.
        const wait = Math.max(1, Math.min(pause, waitMs - elapsed, rec.expiresAtMs - now + 1));
        await clock.sleep(wait);
        pause = Math.min(pause * 2, LOCK_POLL_MAX_MS);
    }
}

;// CONCATENATED MODULE: ./src/plan/diff-range.ts
// Which commits to diff, from the event. Pure.
const diff_range_ZERO = /^0+$/;
/**
 * `sha` is the commit this run builds (RunContext.headSha, not GITHUB_SHA: see event-commit.ts). `live` is the
 * commit of the live deploy (the ledger's, upload mode only): for an event that names no previous commit
 * (a tag push, release, schedule, workflow_run, repository_dispatch, ...) what changed since it is what is
 * stale.
 */
function diffRange(eventName, payload, sha, diffBase, live = null) {
    if (diffBase)
        return { base: diffBase, head: sha, source: 'diff-base input' };
    const none = noPreviousCommit(eventName, payload);
    if (eventName === 'push') {
        const before = typeof payload.before === 'string' ? payload.before : '';
        const after = typeof payload.after === 'string' && payload.after && !diff_range_ZERO.test(payload.after) ? payload.after : sha;
        if (before && !diff_range_ZERO.test(before))
            return { base: before, head: after, source: 'push before..after' };
    }
    else if (eventName === 'pull_request' || eventName === 'pull_request_target') {
        const pr = payload.pull_request;
        if (pr?.base?.sha)
            return { base: pr.base.sha, head: pr.head?.sha || sha, source: 'pull request base...head', fromMergeBase: true };
    }
    if (live && sha)
        return { base: live, head: sha, source: `the live deploy..this commit (${none})` };
    return { none: `${none}: no commit diff; set diff-base to diff against a commit` };
}
/** Why the event names no previous commit. */
function noPreviousCommit(eventName, payload) {
    if (eventName === 'push') {
        const ref = typeof payload.ref === 'string' ? payload.ref : '';
        if (ref.startsWith('refs/tags/'))
            return `push of tag ${ref.slice('refs/tags/'.length)} (a tag has no previous commit)`;
        const before = typeof payload.before === 'string' ? payload.before : '';
        if (!before || diff_range_ZERO.test(before)) {
            return `push creates ${ref.startsWith('refs/heads/') ? `branch ${ref.slice('refs/heads/'.length)}` : 'a new branch'} (no previous commit)`;
        }
        return 'push payload has no previous commit';
    }
    if (eventName === 'pull_request' || eventName === 'pull_request_target')
        return 'pull request payload has no base commit';
    return `the ${eventName || 'unknown'} event names no previous commit`;
}

// EXTERNAL MODULE: ./src/plan/gzip.ts
var gzip = __webpack_require__(6047);
;// CONCATENATED MODULE: ./src/stages/gather.ts
// gatherFacts: all the reading a run does (scan, listing, records, HEADs, commit diff, in-flight usage), and
// nothing else. Scan, listing and diff are independent, so they run at the same time.























/**
 * `known`: what an earlier gather of this run read of the distributions (a re-read under the lock): the
 * configurations are read once per run.
 */
async function gatherFacts(config, run, ports, known) {
    const timings = {};
    const warnings = [];
    const warn = (m, at) => {
        warnings.push(m);
        ports.log.warning(m, at);
    };
    const facts = await phase(ports.log, 'Scan source-dir, list bucket, commit diff', timings, async () => {
        // allSettled: a failing listing must not leave the scan logging after the error.
        const listed = ports.store ? timed('list', timings, () => listBucket(config, ports.store, ports.log)) : null;
        const [distributions, scan, listing, diff] = await settleAll([
            known ?? readDistributions(config, ports, warn),
            config.upload ? timed('scan', timings, () => scanSource(config, ports.log, warn)) : null,
            listed,
            wantsDiff(config) ? timed('diff', timings, () => commitDiff(config, run, ports.log, warn, liveShaOf(listed))) : null,
        ]);
        if (listing?.state)
            shareHashes(listing.state, listing.remote, scan?.files ?? [], config.prefix);
        return {
            run,
            now: ports.clock.now(),
            scan,
            remote: listing?.remote ?? [],
            ownKeys: listing?.ownKeys ?? [],
            state: listing?.state ?? null,
            ledgerEtag: listing?.ledgerEtag ?? null,
            records: listing?.records ?? recordsLayout(config.prefix, config.statePrefix, [], (0,external_node_crypto_.randomBytes)(16).toString('hex').slice(0, 24)),
            owed: [],
            headMd5: {},
            headHeaders: {},
            gzipped: {},
            multipartEtags: {},
            diff: diff ?? { files: null, source: 'none' },
            commitOrder: { order: 'none' },
            usage: {},
            distributions,
            warnings,
            timingsMs: timings,
        };
    });
    const scanned = { ...facts, gzipped: await gzipFacts(config, facts.scan) };
    const store = ports.store;
    const compared = scanned.scan && store ? await phase(ports.log, 'Compare', timings, () => readHeads(config, store, scanned, ports)) : {};
    const finished = ports.store
        ? await finishedOwed(config, facts, ports.store, ports, await readOwed(ports.store, owedDirs(config, facts), facts.ownKeys, config.bucket))
        : [];
    const { owed, owedElsewhere } = await owedByDistribution(config, finished, ports, warn);
    const commit = await liveCommitOrder(config, facts, warn, ports.log);
    const withRecords = {
        ...scanned,
        ...compared,
        owed,
        ...(owedElsewhere.length > 0 ? { owedElsewhere } : {}),
        commitOrder: commit,
    };
    return { ...withRecords, usage: await readUsages(config, withRecords, ports, warn) };
}
/** Whether this run's commit is older than the live deploy's (the ledger names it). */
async function liveCommitOrder(config, facts, warn, log) {
    const live = facts.state?.deploys?.[0]?.sha ?? null;
    const ours = facts.run.headSha;
    if (!config.upload || !live || !ours)
        return { order: 'none' };
    const api = { apiUrl: facts.run.apiUrl, repository: facts.run.repository, token: config.githubToken };
    const info = (m) => log?.info(m);
    const res = await commitOrder(config.workspace, ours, live, api, info);
    if (res.order === 'older' || res.order === 'unknown') {
        // A force push that discarded the live commit (its previous tip is, or descends from, it) deploys.
        const before = facts.run.forced ? pushedOver(facts.run.eventName, facts.run.payload) : null;
        const over = before ? (before === live ? 'same' : (await commitOrder(config.workspace, before, live, api, info)).order) : null;
        if (over === 'same' || over === 'newer') {
            log?.info(`Force push from ${before.slice(0, 12)}: it discarded the live deploy ${live.slice(0, 12)}; deploying ${ours.slice(0, 12)}`);
            return { ...res, forcePushOverLive: true };
        }
    }
    if (res.order === 'unknown' && config.allowOlder) {
        warn(`Could not tell whether ${ours.slice(0, 12)} is newer than the live deploy ${live.slice(0, 12)} (${res.note ?? 'no history'}): deploying anyway (allow-older)`);
    }
    return res;
}
/** The live deploy's commit, once the listing has read the ledger (null without a bucket or a ledger). */
function liveShaOf(listed) {
    return async () => (listed ? ((await listed)?.state?.deploys?.[0]?.sha ?? null) : null);
}
const wantsDiff = (config) => config.distributions.length > 0 &&
    (config.invalidate === 'changed' || config.invalidate === 'defer') &&
    !config.removePrefix &&
    !rollingBack(config);
/** rollback-to: the ledger is the source; no build, no commit diff; only this prefix's owed records. */
const rollingBack = (config) => config.rollbackTo !== null;
/**
 * A deploy reads the owed records of its own prefix; a job without uploads (the consolidating job after a
 * sharded deploy, a manual invalidation) collects every one its listing shows, whatever prefix left it.
 */
function owedDirs(config, facts) {
    const own = [facts.records.dir, ...facts.records.oldDirs];
    return config.upload || rollingBack(config) ? own : [...new Set([...own, ...recordDirsOf(facts.ownKeys)])];
}
/**
 * Of the owed records read, the ones this run may consume. Its own prefix's records are its own (its lock serialises
 * them). A record another prefix's deploy left is taken only once that deploy is finished: never while its deploy
 * lock is held (read after the listing, so a deploy that wrote the record is either still holding it or done), and a
 * deferred one only once its shard marked it complete. The others are left for a later run.
 */
async function finishedOwed(config, facts, store, ports, owed) {
    const own = new Set([facts.records.dir, ...facts.records.oldDirs]);
    const held = new Map();
    const out = [];
    const left = [];
    for (const r of owed) {
        const dir = recordsDirOfOwed(r.key);
        if (own.has(dir)) {
            out.push(r);
            continue;
        }
        let running = false;
        for (const lockKey of lockKeysOfRecordsDir(dir, config.statePrefix)) {
            if (!held.has(lockKey))
                held.set(lockKey, lockHeld(store, lockKey, ports.clock.now()));
            running ||= await held.get(lockKey);
        }
        const unfinished = r.deferred === true && r.stage !== 'complete';
        if (running || unfinished)
            left.push(`${r.distributionId} (${r.note ?? 'an earlier run'}: ${running ? 'its deploy is still running' : 'its shard has not finished'})`);
        else
            out.push(r);
    }
    if (left.length > 0)
        ports.log.info(`Left ${left.length} owed record(s) for a later run: ${left.slice(0, 10).join('; ')}`);
    return out;
}
const SHARED_VALUES = 10_000;
/**
 * One string per content MD5 (a large site holds several per file otherwise): where the listing's ETag, the scanned
 * file's MD5 or the live deploy's recorded site equal the ledger's MD5 of the same key, they take the ledger's string;
 * the ledger's headers hashes and tag markers are one string per value.
 * In place, on what this run has just read and nothing else holds yet; no value changes.
 */
function shareHashes(state, remote, files, prefix) {
    const objects = state.objects;
    // A parsed ledger holds a string per entry for values a site has a handful of (headers hashes, tag markers).
    // (Per object with cache tags in the headers: past SHARED_VALUES distinct values, the rest are left as they are.)
    const distinct = new Map();
    const one = (v) => {
        const seen = distinct.get(v);
        if (seen !== undefined)
            return seen;
        if (distinct.size < SHARED_VALUES)
            distinct.set(v, v);
        return v;
    };
    // One string per key first (then the lookups below go by the ledger's own, internalized keys): the ledger's (its
    // dicts' keys, which stay) for the listed key and, without a prefix, the scanned path (which every record of the
    // file takes as its key and path). Three copies per file otherwise.
    const keys = Object.keys(objects);
    shareInOrder(keys, remote, (o) => o.key, (o, k) => (o.key = k));
    if (prefix === '')
        shareInOrder(keys, files, (f) => f.path, (f, k) => (f.path = k));
    for (const key of keys) {
        const e = objects[key];
        if (!Array.isArray(e))
            continue;
        for (let i = 2; i < e.length; i++)
            if (typeof e[i] === 'string')
                e[i] = one(e[i]);
    }
    const markers = state.tags?.objects;
    if (markers)
        for (const key of Object.keys(markers))
            if (typeof markers[key] === 'string')
                markers[key] = one(markers[key]);
    const md5Of = (key) => (Object.hasOwn(objects, key) ? objects[key][1] : undefined);
    for (const o of remote) {
        const md5 = md5Of(o.key);
        if (md5 !== undefined && o.etag === md5)
            o.etag = md5;
    }
    for (const f of files) {
        const md5 = md5Of(prefix + f.path);
        if (md5 !== undefined && f.md5 === md5)
            f.md5 = md5;
    }
    const full = state.deploys?.[0]?.site?.full;
    if (!full)
        return;
    for (const key of Object.keys(full)) {
        const t = full[key];
        const md5 = md5Of(key);
        if (md5 !== undefined && Array.isArray(t) && t[0] === md5)
            t[0] = md5;
    }
}
/**
 * Where `items` (in about the order of `canonical`: listing and walk order against the ledger's) hold a string equal
 * to one of `canonical`, they take that one. A merge: no map of a million keys; out of order, a key is only not shared.
 */
function shareInOrder(canonical, items, get, set) {
    let i = 0;
    for (let j = 0; i < canonical.length && j < items.length;) {
        const a = canonical[i];
        const b = get(items[j]);
        if (a === b) {
            set(items[j], a);
            i++;
            j++;
        }
        else if (a < b)
            i++;
        else
            j++;
    }
}
async function settleAll(work) {
    const settled = await Promise.allSettled(work);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((r) => r.value);
}
async function scanSource(config, log, warn) {
    const started = Date.now();
    let last = started;
    const w = await (0,walk/* walkSource */.jH)(config.sourceDir, {
        filter: makeFileFilter(config.include, config.exclude),
        manifestGlobs: MANIFEST_GLOBS,
        onProgress: (n) => {
            if (Date.now() - last < 5000)
                return;
            last = Date.now();
            log.info(`hashed ${n} files (${Math.round((n * 1000) / (last - started))} files/s)`);
        },
    }).catch((err) => {
        if (err.code === 'ENOENT')
            throw new DeployError(`source-dir '${config.sourceDir}' does not exist. Did the build step run and write there?`);
        throw err;
    });
    for (const m of w.warnings)
        warn(m.message, { title: 'Symlink not followed', file: external_node_path_default().join(config.sourceDir, m.path) });
    log.info(`source-dir: ${w.files.length} files to deploy, ${w.skipped.length} skipped`);
    if (w.files.length === 0) {
        throw new DeployError(`source-dir '${config.sourceDir}' has no files to deploy${config.deleteRemoved ? ': refusing to run with delete-removed, which would empty the bucket' : ''}. Nothing was uploaded or deleted.`);
    }
    return w;
}
/**
 * One listing of the prefix (and of the records folder when state-prefix puts it elsewhere); the action's own
 * keys (ledger, owed records) are set apart from the site's.
 */
async function listBucket(config, store, log) {
    const remote = [];
    const ownKeys = [];
    const list = (prefix) => store.list(prefix).catch((err) => {
        throw new DeployError(describeErrorAbout(err, { service: 's3', bucket: config.bucket ?? '', action: 'ListObjectsV2' }), {
            cause: err,
        });
    });
    const outside = config.statePrefix !== '' && config.prefix !== '' ? await list(config.statePrefix + config.prefix) : [];
    for (const o of [...(await list(config.prefix)), ...outside]) {
        if (isOwnKey(o.key, config.prefix, config.statePrefix))
            ownKeys.push(o.key);
        else
            remote.push(o);
    }
    log.info(`bucket: ${remote.length} objects under s3://${config.bucket}/${config.prefix}`);
    const records = recordsLayout(config.prefix, config.statePrefix, ownKeys, (0,external_node_crypto_.randomBytes)(16).toString('hex').slice(0, 24));
    // The ledger: content MD5 and headers hash of objects whose ETag has not changed since, and what was learned.
    // Its ETag in the folder this run writes is the witness checked again under the lock (null: none there).
    let state = null;
    let ledgerEtag = null;
    if (config.upload || rollingBack(config)) {
        for (const dir of [records.dir, ...records.oldDirs]) {
            const read = await readState(store, dir, ownKeys.includes(stateKeyIn(dir)), config.bucket);
            if (!read)
                continue;
            state = read.state;
            if (dir === records.dir)
                ledgerEtag = read.etag;
            break;
        }
    }
    return { remote, ownKeys, state, ledgerEtag, records };
}
/**
 * One HEAD (bounded concurrency) for each object the listing and the ledger cannot settle: same size but an
 * ETag that is not the file's MD5 (multipart, SSE-KMS, another tool): the MD5 in its metadata, else for a
 * multipart ETag the file hashed in the action's part size; and an object whose content matches but whose
 * headers the ledger does not know (a bucket another tool wrote): its headers, so they are set right once.
 */
async function readHeads(config, store, facts, ports) {
    if (!config.upload)
        return {};
    const { sourceDir } = config;
    // What to compare only (no fingerprinting or headers needed to know which objects to HEAD).
    const local = deployedFiles(config, facts);
    const remote = remoteStates(facts.remote, facts.state, facts.headMd5, facts.headHeaders);
    const unknown = local.flatMap((f) => {
        const o = remote.get(config.prefix + f.path);
        if (o === undefined || o.headersHash !== undefined)
            return [];
        const sameBytes = o.etag.toLowerCase() === f.md5 || o.storedMd5 === f.md5;
        return (o.storedMd5 === undefined && needsHead(f, o)) || sameBytes ? [{ f, o }] : [];
    });
    const headMd5 = {};
    const headHeaders = {};
    const multipartEtags = {};
    await (0,p_map/* default */.Ay)(unknown, async ({ f, o }) => {
        const head = await store.head(o.key);
        if (!head)
            return;
        headHeaders[o.key] = head.headers;
        if (head.md5)
            headMd5[o.key] = head.md5;
        else if (/-\d+$/.test(o.etag) && !f.gzip) {
            const h = await (0,walk/* hashFile */.DC)((0,walk/* absPathOf */.tE)(sourceDir, f.source ?? f.path), ports.partSize);
            if (h.multipartEtag)
                multipartEtags[f.path] = h.multipartEtag;
        }
    }, { concurrency: config.concurrency });
    if (unknown.length > 0)
        ports.log.info(`${unknown.length} object(s) the ledger does not describe: read with HEAD (once; then recorded)`);
    return { headMd5, headHeaders, multipartEtags };
}
/** Size and MD5 of the deterministic gzip of each file the `gzip` input names (the bytes that are uploaded). */
async function gzipFacts(config, scan) {
    const sourceDir = config.sourceDir;
    if (!scan || sourceDir === null)
        return {};
    const matches = gzipMatcher(config);
    const out = {};
    await (0,p_map/* default */.Ay)(scan.files.filter((f) => matches(f.path)), async (f) => {
        const gz = (0,gzip/* gzipDeterministic */.R)(await (0,promises_.readFile)((0,walk/* absPathOf */.tE)(sourceDir, f.path)));
        out[f.path] = { size: gz.length, md5: (0,external_node_crypto_.createHash)('md5').update(gz).digest('hex') };
    }, { concurrency: config.concurrency });
    return out;
}
async function commitDiff(config, ctx, log, warn, liveSha = async () => null) {
    // An event that names no previous commit (a tag, workflow_run, ...): the live deploy's commit, when known.
    const needsLive = !config.diffBase && 'none' in diffRange(ctx.eventName, ctx.payload, ctx.headSha, null);
    const range = diffRange(ctx.eventName, ctx.payload, ctx.headSha, config.diffBase, needsLive ? await liveSha() : null);
    if ('none' in range) {
        log.info(range.none);
        // Invalidate-only mode has nothing else to go on: missing-diff decides (warn, or /*).
        return { files: null, source: 'none', note: range.none, ...(config.upload ? {} : { incomplete: true }) };
    }
    const label = `${range.source} (${range.base.slice(0, 12)}..${range.head.slice(0, 12)})`;
    try {
        const files = await localDiff(config.workspace, range.base, range.head, (m) => log.info(m), range.fromMergeBase);
        log.info(`${files.length} files changed in ${label}`);
        return { files, source: `git ${label}` };
    }
    catch (gitErr) {
        log.info(`Local git diff failed (${String(gitErr.message).split('\n')[0]}); trying the GitHub compare API`);
    }
    try {
        const res = await compareDiff({
            apiUrl: ctx.apiUrl,
            repository: ctx.repository,
            token: config.githubToken,
            base: range.base,
            head: range.head,
            ...(range.fromMergeBase ? { fromMergeBase: true } : {}),
            log: (m) => log.info(m),
        });
        log.info(`${res.files.length} files changed in ${label} (GitHub API: ${res.via})`);
        if (res.maybeTruncated) {
            warn(`The GitHub compare API returned 300 files (its cap) and the trees could not be read whole: the commit diff may be incomplete; relying on the sync result for the rest`);
        }
        return {
            files: res.files,
            source: `GitHub API (${res.via}) ${label}`,
            ...(res.maybeTruncated ? { note: 'maybe truncated at 300 files', incomplete: true } : {}),
        };
    }
    catch (apiErr) {
        const why = apiErr.message;
        warn(`No commit diff (${why}); stale paths come from the sync result${config.upload ? '' : ' and the paths input only'}`);
        return { files: null, source: 'unavailable', note: why, incomplete: true };
    }
}
/** What is in flight limits the wildcards a batch may use; this month's paths tell the cost. Read only where something is stale. */
async function readUsages(config, facts, ports, warn) {
    const usage = {};
    if (config.distributions.length === 0)
        return usage; // no CDN: no need to plan the files once more
    // A rollback's stale paths are planned from the ledger afterwards: every distribution's usage is read.
    const stale = rollingBack(config) ? null : staleByDistribution(config, facts);
    const ids = config.distributions.filter((d) => !stale || (stale.get(d.id)?.stale.length ?? 0) > 0).map((d) => d.id);
    if (ids.length === 0)
        return usage;
    const cdn = ports.cdn();
    await Promise.all(ids.map(async (id) => {
        try {
            usage[id] = await readUsage(cdn, id, new Date(ports.clock.now()));
            const u = usage[id];
            if (u.inFlightWildcards > 0)
                ports.log.info(`${id}: ${u.inFlightWildcards} wildcard and ${u.inFlightPaths} file paths already in flight`);
        }
        catch (err) {
            usage[id] = null;
            warn(`Could not read the invalidations of ${id} (${err.name}): planning with CloudFront's full in-flight ` +
                `limits and no monthly usage. Grant cloudfront:ListInvalidations and cloudfront:GetInvalidation to see them.`);
        }
    }));
    return usage;
}
/**
 * Owed records of a distribution this run does not invalidate: when CloudFront has no such distribution (a wrong id
 * an earlier run deployed with), the pages it owes are this site's and are still cached by the right one, so the
 * record becomes this run's to send (an orphan); when it exists, or cannot be read, the record is left and shown.
 */
async function owedByDistribution(config, records, ports, warn) {
    const mine = new Set(config.distributions.map((d) => d.id));
    const others = [...new Set(records.map((r) => r.distributionId).filter((id) => !mine.has(id)))];
    if (others.length === 0)
        return { owed: records, owedElsewhere: [] };
    const cdn = ports.cdn();
    const state = new Map();
    await Promise.all(others.map(async (id) => {
        try {
            await cdn.distributionConfig(id);
            state.set(id, 'exists');
        }
        catch (err) {
            state.set(id, err.name === 'NoSuchDistribution' ? 'missing' : 'unreadable');
        }
    }));
    const owed = [];
    const owedElsewhere = [];
    for (const r of records) {
        const s = mine.has(r.distributionId) ? 'mine' : state.get(r.distributionId);
        if (s === 'mine')
            owed.push(r);
        else if (s === 'missing' && mine.size > 0) {
            owed.push({ ...r, orphan: true });
            ports.log.info(`An owed record names distribution ${r.distributionId}, which does not exist (a wrong id?): its ${r.paths.length} path(s) go to ${[...mine].join(', ')}`);
        }
        else
            owedElsewhere.push({ record: r, distribution: s });
    }
    if (owedElsewhere.length > 0) {
        const ids = [...new Set(owedElsewhere.map((o) => `${o.record.distributionId} (${o.distribution})`))];
        warn(`${owedElsewhere.length} owed invalidation record(s) are for distributions this run does not invalidate: ${ids.join(', ')}. ` +
            `They are left in the bucket; the job summary says what to do about them.`);
    }
    return { owed, owedElsewhere };
}
/**
 * Every distribution is proved to exist before the first write (GetDistributionConfig, once per run): a wrong id
 * would otherwise upload, record an owed invalidation under that id and fail at CreateInvalidation, leaving the real
 * distribution stale. A read that is not permitted, or fails otherwise, warns and goes on.
 */
async function readDistributions(config, ports, warn) {
    const out = {};
    if (config.distributions.length === 0)
        return out;
    const cdn = ports.cdn();
    const missing = [];
    await Promise.all(config.distributions.map(async ({ id }) => {
        try {
            const settings = await cdn.distributionConfig(id);
            out[id] = { read: true, ...(settings.cacheTagHeader ? { cacheTagHeader: settings.cacheTagHeader } : {}) };
        }
        catch (err) {
            const name = err.name ?? '';
            if (name === 'NoSuchDistribution') {
                missing.push(id);
                return;
            }
            // Credentials refused or expired: the listing meets them too, and its error says what to do.
            if (/Credentials|ExpiredToken|UnrecognizedClient|InvalidClientTokenId|SignatureDoesNotMatch|InvalidAccessKeyId/.test(name))
                throw err;
            const denied = name === 'AccessDenied' || name === 'AccessDeniedException';
            const why = denied ? 'AccessDenied' : `${name || 'Error'}: ${err.message}`;
            out[id] = { read: false, why };
            warn(denied
                ? `Could not read the configuration of CloudFront distribution ${id} (AccessDenied), so its existence is not ` +
                    `checked before the upload. Grant cloudfront:GetDistributionConfig on ` +
                    `arn:aws:cloudfront::<account>:distribution/${id} to have a wrong id stop the run before any write.`
                : `Could not read the configuration of CloudFront distribution ${id} (${why}): going on without it.`);
        }
    }));
    if (missing.length > 0) {
        throw new DeployError(`CloudFront has no distribution ${missing.join(', ')} in the account of these credentials (NoSuchDistribution), ` +
            `so nothing was written. Check the distribution-id input (the id, like E2ABCDEF123456, is on the distribution's ` +
            `page in the CloudFront console) and that the credentials belong to the account that owns it.`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/stages/lock.ts
// One deploy at a time per bucket and prefix: a lock in the action's records, taken with a conditional
// write only when the plan writes to the bucket (a no-op run writes nothing, not even a lock).



/**
 * The lock's lifetime. A live run renews it every third of this (so it never expires under a run that is still
 * writing, however long its uploads take); a crashed run's lock is free again within this. A run releases it as soon
 * as its last write is done, before it waits for the invalidation to complete.
 */
const LOCK_TTL_MS = 10 * 60_000;
/**
 * How long a run waits for another one on the same bucket and prefix: three lifetimes, so a crashed holder's lock
 * always expires within a waiter's wait, with room for a live holder's writes.
 */
const LOCK_WAIT_MS = 3 * LOCK_TTL_MS;
/**
 * Whether the run writes to the bucket: uploads, deletes, the ledger, or owed records (an invalidation is
 * guarded by one). Two consolidating jobs must not both send the same owed records: they take the lock too.
 */
function writesToBucket(config, plan) {
    if (config.dryRun || config.bucket === null)
        return false;
    const uploads = plan.uploadWaves.some((w) => w.length > 0);
    const invalidates = plan.invalidations.some((p) => p.paths.length > 0);
    return uploads || plan.deletes.length > 0 || plan.lateDeletes.length > 0 || plan.writeState || invalidates;
}
async function lockBucket(config, facts, ports) {
    const store = ports.store;
    if (!store)
        return null;
    const { repository, runId, runAttempt, sha } = facts.run;
    const job = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    const opts = {
        // Unique per job: the jobs of one matrix share the run id and attempt, and each must hold (and release) its own.
        owner: `${repository} run ${runId} attempt ${runAttempt}${sha ? ` (${sha.slice(0, 12)})` : ''} job ${job}`,
        ttlMs: LOCK_TTL_MS,
        waitMs: LOCK_WAIT_MS,
        clock: ports.clock,
        log: (m) => ports.log.info(m),
    };
    const bootstrapKey = bootstrapLockKey(config.prefix, config.statePrefix);
    if (bootstrapKey === null)
        return warnUnsupported(config, ports.log, await takeIn(store, lockKeyIn(facts.records.dir), facts, opts));
    // The bootstrap name is public (it sits in the served prefix): it names no repository, run or commit.
    const boot = await acquireLock(store, bootstrapKey, {
        ...opts,
        owner: `a deploy (job ${job})`,
        listedEtag: listedEtagOf(facts, bootstrapKey),
    });
    let lock;
    try {
        // The folder runs use: the first hidden one this prefix holds now, else the one this run makes.
        const dir = hiddenDirsIn(config.prefix, (await store.list(config.prefix + '.s3cfd-')).map((o) => o.key))[0] ?? facts.records.dir;
        lock = await takeIn(store, lockKeyIn(dir), facts, opts);
    }
    catch (err) {
        await boot.release().catch(() => { });
        throw err;
    }
    try {
        await boot.release();
    }
    catch (err) {
        await lock.release().catch(() => { });
        throw err;
    }
    return warnUnsupported(config, ports.log, { ...lock, waited: lock.waited || boot.waited, supported: lock.supported ?? boot.supported });
}
function takeIn(store, key, facts, opts) {
    return acquireLock(store, key, { ...opts, listedEtag: listedEtagOf(facts, key) });
}
const listedEtagOf = (facts, key) => (facts.ownKeys.includes(key) ? 'listed' : null);
function warnUnsupported(config, log, lock) {
    if (lock.supported === false) {
        log.warning(`The S3 server ignored a conditional write (If-None-Match), so two deploys of s3://${config.bucket}/${config.prefix} at once cannot be kept apart here; ` +
            `serialise them with a workflow concurrency group.`);
    }
    return lock;
}
/**
 * Whether the ledger moved since the facts were read: another deploy of this bucket and prefix wrote it (or made the
 * records folder) between this run's reading and its taking the lock. Then everything decided from what was read
 * is re-gathered and re-planned under the lock. One small listing (or HEAD under state-prefix).
 */
async function ledgerMoved(config, facts, store) {
    if (!store || (!config.upload && config.rollbackTo === null))
        return false;
    const before = facts.ledgerEtag ?? null;
    if (config.statePrefix !== '')
        return (await store.etagOf(stateKeyIn(facts.records.dir))) !== before;
    // Only the records folders directly in this prefix: `.s3cfd-<random>/` (the legacy folder is never written anew).
    const listed = await store.list(config.prefix + '.s3cfd-');
    const now = recordsLayout(config.prefix, config.statePrefix, listed.map((o) => o.key).filter((k) => isOwnKey(k, config.prefix, config.statePrefix)), 'not-made-yet-0000000000');
    const hidden = (dir) => dir !== config.prefix + LEGACY_DIR;
    // A folder made meanwhile by another first deploy: this run must write there, not into a second one.
    if (hidden(now.dir) && now.dir !== facts.records.dir && !now.dir.includes('not-made-yet'))
        return true;
    const ledger = listed.find((o) => o.key === stateKeyIn(facts.records.dir));
    return (ledger?.etag ?? null) !== before;
}

;// CONCATENATED MODULE: ./src/main.ts
// run(): the action as its stages.
//   parseInputs -> gatherFacts -> planDeploy -> (dry run: report) -> execute -> buildReport -> publish















/** The action. Never throws: failures become setFailed with one clear message. */
async function main_run(overrides = {}) {
    const given = { ...defaultDeps(overrides.env ?? process.env), ...overrides };
    // Nothing the run logs may hold the records folder's unguessable name (see hideRecordsDir).
    const deps = { ...given, log: hidingRecordsDir(given.log) };
    const config = await loadConfig(deps);
    if (!config)
        return;
    try {
        const ports = portsFor(config, deps);
        let facts = await gatherFacts(config, readContext(deps.env), ports);
        // rollback-to: the same run, planned from the ledger instead of a build.
        const planFor = config.rollbackTo !== null ? planRollback : planDeploy;
        let plan = refuseOrGo(planFor(config, facts));
        const lock = writesToBucket(config, plan) ? await lockBucket(config, facts, ports) : null;
        let failed = false;
        try {
            // Another deploy ran meanwhile (this run waited for it, or it came and went while this run was reading): what
            // it wrote is part of the facts now, and the plan is made again from them before anything is written.
            if (lock && (lock.waited || (await ledgerMoved(config, facts, ports.store)))) {
                deps.log.info('Another deploy of this bucket and prefix ran while this run was reading: reading again under the lock.');
                plan = refuseOrGo(planFor(config, (facts = await gatherFacts(config, facts.run, ports, facts.distributions))));
            }
            logPlan(config, facts, plan, deps);
            const outcome = config.dryRun
                ? null
                : await execute(config, facts, plan, {
                    ...ports,
                    // Only the holder writes; the lock is let go once the last write is done (waiting needs no lock).
                    ...(lock ? { assertHeld: () => lock.assertHeld(), writesDone: () => lock.release() } : {}),
                });
            await publish(config, buildReport(config, facts, plan, outcome), deps.env, facts.run, deps.log);
            const failure = outcome?.error ?? timeoutFailure(config, outcome?.timedOut ?? []);
            if (failure) {
                failed = true;
                (0,core/* setFailed */.C1)(failure);
            }
        }
        finally {
            await releaseLock(lock, failed, deps);
        }
    }
    catch (err) {
        (0,core/* setFailed */.C1)(describeError(err));
    }
}
function hidingRecordsDir(log) {
    const hide = (write) => (m) => write(hideRecordsDir(m));
    return {
        info: hide((m) => log.info(m)),
        debug: hide((m) => log.debug(m)),
        notice: (m, at) => log.notice(hideRecordsDir(m), at),
        warning: (m, at) => log.warning(hideRecordsDir(m), at),
        group: (name, fn) => log.group(hideRecordsDir(name), fn),
        get debugging() {
            return log.debugging;
        },
    };
}
/**
 * The lock's release. After a failure already reported (the step shows one error), a release that fails too,
 * for the same cause, is a warning: the lock then expires on its own (its TTL) and a later run takes it over.
 */
async function releaseLock(lock, failed, deps) {
    try {
        await lock?.release();
    }
    catch (err) {
        if (!failed)
            throw err;
        deps.log.warning(`The deploy lock could not be released (${describeError(err)}); it expires on its own.`, { title: 'Deploy lock' });
    }
}
/** Every input, checked before the first AWS call; a bad one fails the step with one line naming it. */
async function loadConfig(deps) {
    try {
        const config = parseInputs(deps.getInput, deps.env);
        if (config.githubToken)
            (0,core/* setSecret */.Pq)(config.githubToken);
        const reportProblem = await checkReportPath(config.reportPath);
        if (reportProblem)
            throw new InputError('report-path', reportProblem);
        return config;
    }
    catch (err) {
        (0,core/* setFailed */.C1)(err instanceof InputError ? err.message : String(err));
        return null;
    }
}
/** A plan that must not run (over max-deletes, an older commit) stops here, before any write. */
function refuseOrGo(plan) {
    if (plan.refusal)
        throw new Error(plan.refusal);
    return plan;
}
function timeoutFailure(config, timedOut) {
    if (timedOut.length === 0)
        return null;
    return `wait-timeout (${config.waitTimeoutSeconds} s) reached; still in progress: ${timedOut.join(', ')}`;
}
/** The plan in the log, before any write (the report itself is built once, after the run). */
function logPlan(config, facts, plan, deps) {
    const log = deps.log;
    for (const a of plan.annotations)
        log[a.level](a.message, a.at);
    for (const w of plan.warnings)
        log.warning(w);
    for (const n of plan.tagNotes ?? [])
        log.info(n);
    for (const p of plan.invalidations)
        log.info(`Invalidation plan for ${p.distributionId}: ${p.reason}`);
    const t = totalsOf(facts, plan);
    log.info(`Plan: upload ${t.uploaded} (${thousands(t.uploadedBytes)} bytes), unchanged ${t.unchanged}, delete ${t.deleted}, skipped ${t.skipped}`);
    if (log.debugging) {
        for (const e of plan.sync)
            if (e.action !== 'unchanged')
                log.debug(`${e.action} ${e.path}: ${e.reason}`);
        for (const w of plan.waiting)
            log.debug(`pending-delete ${w.path}: ${keptReason(new Date(w.dueAt).toISOString())}`);
        for (const s of facts.scan?.skipped ?? [])
            log.debug(`skip ${s.path}: ${s.reason}`);
    }
    if (plan.rollback)
        logRollback(plan, log);
    for (const i of plan.invalidations) {
        const shown = i.paths.length ? ': ' + i.paths.slice(0, 20).join(' ') : '';
        log.info(`Invalidate ${i.distributionId}: ${i.paths.length} paths${shown}${i.paths.length > 20 ? ' ...' : ''}`);
    }
    if (config.dryRun)
        log.notice('Dry run: nothing was written to S3 or CloudFront. The plan above is what a real run would do.');
}
/** A rollback's plan: the target, then each key it restores or deletes (all of them in a dry run, else the first 50). */
function logRollback(plan, log) {
    const r = plan.rollback;
    log.info(`Rollback (${r.asked}) to deploy ${r.target.id} (${r.target.sha.slice(0, 12)}, ${r.target.time}): restore ${r.restores.length} ` +
        `by server-side copy, delete ${r.deletes.length}, unchanged ${r.unchanged}` +
        (plan.history
            ? `; recorded as deploy ${plan.history.id}, ${plan.history.preserve.length} current object(s) kept in the history first`
            : ''));
    const lines = [
        ...r.restores.map((x) => `restore ${x.key} (${x.reason}) from ${x.from === x.key ? 'itself, with the target headers' : x.from}`),
        ...r.deletes.map((k) => `delete ${k} (not in deploy ${r.target.id})`),
        ...r.kept.map((k) => `keep ${k.key}: ${k.reason}`),
    ];
    for (const l of lines.slice(0, 50))
        log.info(`  ${l}`);
    if (lines.length > 50)
        log.info(`  ... ${lines.length - 50} more in the report`);
}


/***/ }),

/***/ 6681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fq: () => (/* binding */ wholeBytes),
/* harmony export */   kp: () => (/* binding */ hasHiddenSegment),
/* harmony export */   sE: () => (/* binding */ isHiddenSegment)
/* harmony export */ });
// Plain data shared by the pure planner (src/plan), the stages and the I/O adapters (src/io): the bottom
// layer, importing nothing outside src/model. Nothing here touches AWS, the filesystem or process.env.
/**
 * A hidden segment: starts with '.', except `.well-known` (RFC 8615: ACME, apple-app-site-association...).
 * The one rule for "hidden": the walker, the file filter and the delete guard all use it.
 */
function isHiddenSegment(segment) {
    return segment.startsWith('.') && segment !== '.well-known';
}
function hasHiddenSegment(relPath) {
    return relPath.split('/').some(isHiddenSegment);
}
/**
 * A byte count as V8 keeps a small integer: in the object that holds it. A size read from fs.Stats (a Float64Array)
 * or parsed from a listing is a double, which costs a separate heap number in every record holding it (three records
 * per file on a large site). Counts above 2^30 stay as they are.
 */
function wholeBytes(n) {
    return n > 0 && n <= 0x3fffffff && Number.isInteger(n) ? n | 0 : n;
}


/***/ }),

/***/ 6047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ gzipDeterministic)
/* harmony export */ });
/* unused harmony export GZIP_OS_UNIX */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
// Deterministic gzip for the `gzip` input: same bytes in, same bytes out. Pure (a data transformation).

/** The OS byte written into every member: 3 (Unix), whatever platform zlib was built for (Windows zlib says 10). */
const GZIP_OS_UNIX = 3;
/**
 * Gzip `buf` at level 9 with no modification time (0), no file name or comment, and a fixed OS byte, so one
 * input always gives byte-identical output on a given zlib build. The deflate stream itself is only as stable
 * as the bundled zlib: another Node release may ship a zlib that compresses differently, so never decide
 * "unchanged" by comparing gzip output from different runs; compare the source bytes' MD5 and the headers.
 */
function gzipDeterministic(buf) {
    const out = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gzipSync)(buf, {
        level: 9,
        memLevel: 8,
        windowBits: 15,
        strategy: node_zlib__WEBPACK_IMPORTED_MODULE_0__.constants.Z_DEFAULT_STRATEGY,
    });
    // RFC 1952 header: ID1 ID2 CM FLG MTIME(4) XFL OS. zlib writes FLG = 0 and MTIME = 0 for gzipSync; pin them
    // anyway, and the OS byte, which zlib takes from the platform it was compiled for. None is covered by the
    // trailer's CRC-32 (that is of the uncompressed data).
    if (out[3] !== 0)
        throw new Error(`gzip: unexpected header flags ${out[3]}`);
    out.writeUInt32LE(0, 4);
    out[9] = GZIP_OS_UNIX;
    return out;
}


/***/ }),

/***/ 3391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m4: () => (/* binding */ entryDocumentMatcher),
  $O: () => (/* binding */ headerRules),
  RK: () => (/* reexport */ headersDiffer),
  z_: () => (/* reexport */ headersFromHead),
  f3: () => (/* binding */ headersHash),
  Iy: () => (/* reexport */ invalidationNeededForHeaderChange),
  Sj: () => (/* binding */ isEntryDocument),
  aA: () => (/* reexport */ parseHeaderRules),
  v6: () => (/* reexport */ readingHash)
});

// UNUSED EXPORTS: ACTION_META_PREFIX, IMMUTABLE, MUTABLE, contentTypeFor

// EXTERNAL MODULE: ./node_modules/mime/dist/src/index.js + 3 modules
var src = __webpack_require__(5086);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/plan/header-rules.ts
/**
 * The action's own user-metadata namespace (the content MD5 is stored as `s3cfd-md5`): `headers` rules cannot
 * set it and headersFromHead leaves it out.
 */
const ACTION_META_PREFIX = 's3cfd-';
const FIXED_HEADERS = [
    'Content-Type',
    'Content-Encoding',
    'Content-Language',
    'Content-Disposition',
    'Cache-Control',
    'x-amz-website-redirect-location',
];
const META = 'x-amz-meta-';
// RFC 9110 token characters (a metadata name becomes part of an HTTP header name).
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
// A media type: type/subtype, optionally followed by parameters.
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+\s*(;.*)?$/i;
const FORM = "'GLOB: Header: value', e.g. '**/*.pdf: Content-Disposition: attachment'";
const ALLOWED = `${FIXED_HEADERS.join(', ')} or x-amz-meta-NAME`;
/**
 * Parse the `headers` input: one `GLOB: Header: value` rule per line; blank lines and lines starting with `#`
 * are ignored. The glob ends at the first `:` (so it cannot hold one), the header name at the second; the
 * value is the rest (it may hold `:`). Header names are case-insensitive and returned canonically. Throws an
 * Error naming the line and the accepted form for: a malformed line, a header not in the allowed list, an
 * empty value, a value with CR, LF, another control character or non-ASCII text (S3 stores headers as
 * ASCII), a Content-Type that is not `type/subtype`, a redirect location not starting with `/`, `http://` or
 * `https://`, and metadata in the action's own `s3cfd-` namespace.
 */
function parseHeaderRules(text) {
    const rules = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = i + 1;
        const trimmed = lines[i].trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        const bad = (why) => new Error(`headers line ${line} '${trimmed}': ${why}`);
        const c1 = trimmed.indexOf(':');
        const c2 = c1 < 0 ? -1 : trimmed.indexOf(':', c1 + 1);
        if (c2 < 0)
            throw bad(`must be ${FORM}`);
        const glob = trimmed.slice(0, c1).trim();
        const name = trimmed.slice(c1 + 1, c2).trim();
        const value = trimmed.slice(c2 + 1).trim();
        if (glob === '' || name === '')
            throw bad(`must be ${FORM}`);
        const header = canonicalHeader(name);
        if (header === null)
            throw bad(`header '${name}' cannot be set; allowed: ${ALLOWED} (case-insensitive)`);
        if (value === '')
            throw bad(`the value of ${name} is empty; the line must be ${FORM}`);
        if (/[\r\n]/.test(value))
            throw bad(`the value of ${name} holds a CR or LF (header values are one line)`);
        if (/[^\t\x20-\x7e]/.test(value))
            throw bad(`the value of ${name} must be printable ASCII (no control characters or non-ASCII text)`);
        if (header === 'Content-Type' && !MEDIA_TYPE.test(value)) {
            throw bad(`Content-Type '${value}' must be a media type such as text/plain; charset=utf-8`);
        }
        if (header === 'x-amz-website-redirect-location' && !/^(\/|https?:\/\/)/.test(value)) {
            throw bad(`x-amz-website-redirect-location '${value}' must start with /, http:// or https://`);
        }
        if (header.startsWith(META + ACTION_META_PREFIX))
            throw bad(`x-amz-meta-${ACTION_META_PREFIX}* is the action's own metadata`);
        rules.push({ glob, header, value, line });
    }
    return rules;
}
function canonicalHeader(name) {
    const lower = name.toLowerCase();
    const fixed = FIXED_HEADERS.find((h) => h.toLowerCase() === lower);
    if (fixed)
        return fixed;
    if (lower.startsWith(META) && TOKEN.test(lower.slice(META.length)))
        return `${META}${lower.slice(META.length)}`;
    return null;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/plan/stored-headers.ts
// Headers as stored on an object (read with HEAD), compared with the headers the action would upload. Pure.


/**
 * Normalise a HeadObject answer: empty strings become absent, metadata keys lower-case (S3 returns them so,
 * other stores may not), and the action's own `s3cfd-` metadata (the content MD5) left out.
 */
function headersFromHead(head) {
    const given = (v) => (v === undefined || v === '' ? undefined : v);
    const out = { metadata: {} };
    const fields = [
        'contentType',
        'cacheControl',
        'contentEncoding',
        'contentLanguage',
        'contentDisposition',
        'websiteRedirectLocation',
    ];
    for (const f of fields) {
        const v = given(head[f]);
        if (v !== undefined)
            out[f] = v;
    }
    for (const [k, v] of Object.entries(head.metadata ?? {})) {
        const key = k.toLowerCase();
        if (!key.startsWith(ACTION_META_PREFIX))
            out.metadata[key] = v;
    }
    return out;
}
/** A media type parsed for comparison: lower-case type/subtype and parameter names, charset value lower-case. */
function parseMediaType(value) {
    if (value === undefined)
        return { essence: '', params: [] };
    const [head = '', ...rest] = value.split(';');
    const params = rest
        .map((p) => {
        const eq = p.indexOf('=');
        if (eq < 0)
            return p.trim().toLowerCase();
        const name = p.slice(0, eq).trim().toLowerCase();
        let v = p.slice(eq + 1).trim();
        if (v.length >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.slice(1, -1);
        return `${name}=${name === 'charset' ? v.toLowerCase() : v}`;
    })
        .filter((p) => p !== '');
    return { essence: head.trim().toLowerCase(), params };
}
function sameMediaType(a, b) {
    const x = parseMediaType(a);
    const y = parseMediaType(b);
    return x.essence === y.essence && x.params.join(';') === y.params.join(';');
}
/** Content-Encoding tokens compared case-insensitively; `identity` is no encoding. */
function encodingOf(v) {
    return (v ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== '' && t !== 'identity')
        .join(',');
}
const norm = (v) => (v ?? '').trim();
/**
 * Whether an object another tool wrote (or an earlier configuration) has other headers than the action would
 * upload it with, i.e. whether adopting it needs a re-upload. Content-Type is compared as a media type
 * (`text/html;charset=UTF-8` equals `text/html; charset=utf-8`), Content-Encoding by its tokens, everything else
 * exactly; user metadata the decision does not set counts as a difference (an upload would drop it).
 */
function headersDiffer(stored, decision) {
    if (!sameMediaType(stored.contentType, decision.contentType))
        return true;
    if (norm(stored.cacheControl) !== norm(decision.cacheControl))
        return true;
    if (encodingOf(stored.contentEncoding) !== encodingOf(decision.contentEncoding))
        return true;
    if (norm(stored.contentLanguage) !== norm(decision.contentLanguage))
        return true;
    if (norm(stored.contentDisposition) !== norm(decision.contentDisposition))
        return true;
    if (norm(stored.websiteRedirectLocation) !== norm(decision.websiteRedirectLocation))
        return true;
    const a = stored.metadata;
    const b = Object.fromEntries(Object.entries(decision.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
        if (a[k] !== b[k])
            return true;
    return false;
}
/**
 * Same bytes re-uploaded only because its headers changed: must the cached copies be invalidated? Only when
 * the change alters how a client reads the bytes: another media type (type/subtype, case-insensitive; a
 * charset parameter alone does not count), Content-Encoding, Content-Disposition or the redirect location.
 * Cache-Control, Content-Language, metadata or charset-only changes reach clients as the cached copies expire.
 */
function invalidationNeededForHeaderChange(before, after) {
    if (parseMediaType(before.contentType).essence !== parseMediaType(after.contentType).essence)
        return true;
    if (encodingOf(before.contentEncoding) !== encodingOf(after.contentEncoding))
        return true;
    if (norm(before.contentDisposition) !== norm(after.contentDisposition))
        return true;
    if (norm(before.websiteRedirectLocation) !== norm(after.websiteRedirectLocation))
        return true;
    return false;
}
/**
 * Short hash of what decides how a client reads the bytes (media type without parameters, Content-Encoding,
 * Content-Disposition, redirect location), recorded in the ledger so a later headers-only re-upload knows
 * whether the cached copies must be invalidated without reading the old headers back.
 */
function readingHash(h) {
    const reading = [
        parseMediaType(h.contentType).essence,
        encodingOf(h.contentEncoding),
        norm(h.contentDisposition),
        norm(h.websiteRedirectLocation),
    ];
    return shortHash(JSON.stringify(reading));
}
/**
 * First 16 hex digits of the SHA-256 of `text`. A site has a handful of distinct header sets for thousands of
 * files, so the digests are remembered (a bounded cache: cleared when it holds 4,096).
 */
function shortHash(text) {
    let h = digests.get(text);
    if (h === undefined) {
        if (digests.size >= 4096)
            digests.clear();
        h = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 16);
        digests.set(text, h);
    }
    return h;
}
const digests = new Map();

;// CONCATENATED MODULE: ./src/plan/headers.ts
// The headers of a file (Content-Type, Cache-Control and those of the `headers` input): user rules first,
// then defaults. Pure. The `headers` input's parser (header-rules.ts) and the stored-header comparisons
// (stored-headers.ts) are re-exported from here.






const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Browsers revalidate every time; the edge keeps the object until we invalidate it. */
const MUTABLE = 'public, max-age=0, s-maxage=86400, must-revalidate';
const TEXTUAL = new Set([
    'application/javascript',
    'application/json',
    'application/ld+json',
    'application/manifest+json',
    'application/xml',
    'application/rss+xml',
    'application/atom+xml',
    'application/xhtml+xml',
    'image/svg+xml',
]);
function contentTypeFor(relPath) {
    const type = src/* default */.A.getType(relPath) ?? 'application/octet-stream';
    return type.startsWith('text/') || TEXTUAL.has(type) ? `${type}; charset=utf-8` : type;
}
/**
 * Compile the `cache-control` rules and the `headers` rules once; returns a function deciding every header of
 * a file. Per header the first matching rule wins (globs are anchored at the build dir root and match dot
 * paths). Cache-Control: the `cache-control` input first, then `headers` Cache-Control rules, then the
 * defaults (IMMUTABLE for fingerprinted names, else MUTABLE). Content-Type: a `headers` rule (used as given,
 * no charset added), else contentTypeFor. Other headers are set only by a rule.
 */
function headerRules(cacheRules, headerRules = []) {
    const cache = cacheRules.map((r) => ({ ...r, match: picomatch_default()(r.glob, { dot: true }) }));
    const byHeader = new Map();
    const matchers = new Map();
    for (const rule of headerRules) {
        let match = matchers.get(rule.glob);
        if (!match)
            matchers.set(rule.glob, (match = picomatch_default()(rule.glob, { dot: true })));
        const list = byHeader.get(rule.header) ?? [];
        list.push({ rule, match });
        byHeader.set(rule.header, list);
    }
    return (relPath, fingerprinted) => {
        const sources = {};
        const ruleFor = (h) => {
            const hit = byHeader.get(h)?.find((r) => r.match(relPath))?.rule;
            if (hit)
                sources[h] = { kind: 'rule', input: 'headers', glob: hit.glob, line: hit.line };
            return hit;
        };
        const ctRule = ruleFor('Content-Type');
        const contentType = ctRule?.value ?? contentTypeFor(relPath);
        if (!ctRule)
            sources['Content-Type'] = { kind: 'default' };
        let cacheControl;
        let cacheControlSource;
        const cc = cache.find((r) => r.match(relPath));
        const ccRule = cc ? undefined : ruleFor('Cache-Control');
        if (cc) {
            cacheControl = cc.value;
            cacheControlSource = { kind: 'rule', glob: cc.glob };
            sources['Cache-Control'] = { kind: 'rule', input: 'cache-control', glob: cc.glob };
        }
        else if (ccRule) {
            cacheControl = ccRule.value;
            cacheControlSource = { kind: 'rule', glob: ccRule.glob, input: 'headers', line: ccRule.line };
        }
        else {
            cacheControl = fingerprinted ? IMMUTABLE : MUTABLE;
            cacheControlSource = { kind: fingerprinted ? 'default-immutable' : 'default-mutable' };
            sources['Cache-Control'] = { kind: 'default' };
        }
        const d = { contentType, cacheControl, cacheControlSource };
        const encoding = ruleFor('Content-Encoding');
        if (encoding)
            d.contentEncoding = encoding.value;
        const language = ruleFor('Content-Language');
        if (language)
            d.contentLanguage = language.value;
        const disposition = ruleFor('Content-Disposition');
        if (disposition)
            d.contentDisposition = disposition.value;
        const redirect = ruleFor('x-amz-website-redirect-location');
        if (redirect)
            d.websiteRedirectLocation = redirect.value;
        for (const h of byHeader.keys()) {
            if (!h.startsWith(META))
                continue;
            const m = ruleFor(h);
            if (m)
                (d.metadata ??= {})[h.slice(META.length)] = m.value;
        }
        d.sources = sources;
        return d;
    };
}
/** Entry documents are uploaded last, so nothing they reference is missing when they go live. */
function isEntryDocument(relPath) {
    return /\.(html?|xhtml)$/i.test(relPath);
}
/** HTML plus the user's `entry-documents` globs (e.g. a service worker, a JSON manifest the pages load). */
function entryDocumentMatcher(globs) {
    const extra = globs.length === 0 ? () => false : picomatch_default()(globs, { dot: true });
    return (relPath) => isEntryDocument(relPath) || extra(relPath);
}
/** The headers beyond Content-Type and Cache-Control, as sorted [name, value] pairs (empty values left out). */
function extraHeaders(h) {
    const out = [];
    const put = (name, v) => {
        if (v !== undefined && v !== '')
            out.push([name, v]);
    };
    put('content-disposition', h.contentDisposition);
    put('content-encoding', h.contentEncoding);
    put('content-language', h.contentLanguage);
    put('x-amz-website-redirect-location', h.websiteRedirectLocation);
    const meta = Object.entries(h.metadata ?? {})
        .map(([k, v]) => [META + k.toLowerCase(), v])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of meta)
        put(k, v);
    return out;
}
/**
 * Short hash of the effective headers, recorded at upload so a later rule change is detected without HEADs.
 * Covers every header; for an object with only Content-Type and Cache-Control it is the same value as before
 * the `headers` input existed (records written by earlier versions stay valid).
 */
function headersHash(h) {
    const extra = extraHeaders(h);
    const parts = extra.length === 0 ? [h.contentType, h.cacheControl] : [h.contentType, h.cacheControl, extra];
    return shortHash(JSON.stringify(parts));
}


/***/ })

};

//# sourceMappingURL=670.index.js.map