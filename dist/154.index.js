export const id = 154;
export const ids = [154];
export const modules = {

/***/ 2154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GZIP_MAX_BYTES: () => (/* reexport */ GZIP_MAX_BYTES),
  MD5_META: () => (/* reexport */ MD5_META),
  PreconditionFailedError: () => (/* reexport */ errors/* PreconditionFailedError */.k),
  createS3Store: () => (/* binding */ createS3Store),
  isPreconditionFailed: () => (/* reexport */ errors/* isPreconditionFailed */.W),
  s3ClientConfig: () => (/* binding */ s3ClientConfig)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-storage/dist-cjs/index.js
var lib_storage_dist_cjs = __webpack_require__(2358);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/model/data.ts
var data = __webpack_require__(6681);
;// CONCATENATED MODULE: ./src/model/json-stream.ts
// JSON read as it arrives: the value JSON.parse would give of the whole text, built from pieces of it, so the text
// of a large record (the ledger of a million keys: hundreds of MB) is never held whole, as bytes or as one string
// (V8's longest string is 2^29 - 24 units: past that a ledger could not be read at all).
//
// Each value that holds no array or object (a ledger entry, a header set, a hash) is handed whole to JSON.parse,
// which builds it as it would in the whole text; only the containers around them are built here. (stream-json and
// @streamparser/json build every value token by token: 2.8-3.8x slower than JSON.parse on a ledger of a million
// keys, and their arrays grown by push hold several times the memory of JSON.parse's.)
/** A flat value still unfinished after this many units of text is built piece by piece (no rescanning it). */
const FLAT_MAX = 64 * 1024;
var Want;
(function (Want) {
    Want[Want["Value"] = 0] = "Value";
    /** After `[`: a value or `]`. */
    Want[Want["ValueOrEnd"] = 1] = "ValueOrEnd";
    /** After `{`: a key or `}`. */
    Want[Want["KeyOrEnd"] = 2] = "KeyOrEnd";
    Want[Want["Key"] = 3] = "Key";
    Want[Want["Colon"] = 4] = "Colon";
    Want[Want["CommaOrEnd"] = 5] = "CommaOrEnd";
    Want[Want["Done"] = 6] = "Done";
})(Want || (Want = {}));
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
function isSpace(c) {
    return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
/** Ends a number or literal token. */
function isDelimiter(c) {
    return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c);
}
/** An own property, as JSON.parse makes it (also for `__proto__`, which an assignment would take as the prototype). */
function json_stream_define(o, key, value) {
    if (key === '__proto__')
        Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
    else
        o[key] = value;
}
/**
 * Reads JSON text given in pieces (`write`, in order; any split, even inside a token) and gives the value at `end`.
 * Throws a SyntaxError, as JSON.parse would, for text that is not one JSON value.
 */
class JsonAssembler {
    text = '';
    pos = 0;
    /** Units of text consumed before `text` (for error positions). */
    consumed = 0;
    want = Want.Value;
    stack = [];
    root = undefined;
    write(piece) {
        this.text = this.pos < this.text.length ? this.text.slice(this.pos) + piece : piece;
        this.consumed += this.pos;
        this.pos = 0;
        this.run(false);
    }
    end() {
        this.run(true);
        this.skipSpace();
        // What is left after the last whole token is the start of one the text ends in.
        if (this.want !== Want.Done)
            this.fail('Unexpected end of JSON input');
        if (this.pos < this.text.length)
            this.fail('Unexpected non-whitespace character after JSON');
        const v = this.root;
        this.root = undefined;
        this.text = '';
        return v;
    }
    /** A SyntaxError at pos in the whole text; `where`: how the position relates to the error. */
    fail(what, where = 'at position') {
        throw new SyntaxError(`${what} ${where} ${this.consumed + this.pos}`);
    }
    /** JSON.parse's message without its position (which counts in the part it was given). */
    static reason(err) {
        return err.message.replace(/ in JSON at position \d+.*$/s, '').slice(0, 200);
    }
    skipSpace() {
        const t = this.text;
        while (this.pos < t.length && isSpace(t.charCodeAt(this.pos)))
            this.pos++;
    }
    /** Reads tokens while the text holds whole ones; `final`: no more text comes. */
    run(final) {
        const t = this.text;
        for (;;) {
            this.skipSpace();
            if (this.pos >= t.length || this.want === Want.Done)
                return;
            const c = t.charCodeAt(this.pos);
            switch (this.want) {
                case Want.Value:
                case Want.ValueOrEnd:
                    if (this.want === Want.ValueOrEnd && c === CLOSE_BRACKET) {
                        this.close();
                        break;
                    }
                    if (this.stack.length > 0 && this.stack[this.stack.length - 1].array && this.batch())
                        break;
                    if (!this.value(c, final))
                        return;
                    break;
                case Want.KeyOrEnd:
                case Want.Key: {
                    if (this.want === Want.KeyOrEnd && c === CLOSE_BRACE) {
                        this.close();
                        break;
                    }
                    if (c === QUOTE && this.batch())
                        break;
                    if (c !== QUOTE)
                        this.fail(`Unexpected token '${t[this.pos]}' where a key was expected`);
                    const end = this.stringEnd(this.pos);
                    if (end < 0)
                        return;
                    this.stack[this.stack.length - 1].key = this.parse(t.slice(this.pos, end), this.pos, 'in the key at position');
                    this.pos = end;
                    this.want = Want.Colon;
                    break;
                }
                case Want.Colon:
                    if (c !== COLON)
                        this.fail(`Unexpected token '${t[this.pos]}' where ':' was expected`);
                    this.pos++;
                    this.want = Want.Value;
                    break;
                case Want.CommaOrEnd: {
                    const top = this.stack[this.stack.length - 1];
                    if (c === COMMA) {
                        this.pos++;
                        this.want = top.array ? Want.Value : Want.Key;
                    }
                    else if (c === (top.array ? CLOSE_BRACKET : CLOSE_BRACE))
                        this.close();
                    else
                        this.fail(`Unexpected token '${t[this.pos]}' where ',' or '${top.array ? ']' : '}'}' was expected`);
                    break;
                }
            }
        }
    }
    /**
     * Reads the members from pos on (of the container being built) that hold no array or object deeper than their
     * own value, up to about FLAT_MAX units of text, with one JSON.parse: a dict of a million entries costs a few
     * thousand calls, and its keys come internalized as JSON.parse makes them. False when not one member is whole.
     */
    batch() {
        const t = this.text;
        const top = this.stack[this.stack.length - 1];
        const from = this.pos;
        const limit = Math.min(t.length, from + FLAT_MAX);
        // First a guess, without scanning: the members up to the last comma after a value's end (`],` `},` `",`).
        // JSON.parse takes it only if that comma is between this container's members (one inside a value leaves a
        // bracket open; one past this container's close leaves text after it; a string holds no bare quote).
        const guess = Math.max(t.lastIndexOf('],', limit - 2), t.lastIndexOf('},', limit - 2), t.lastIndexOf('",', limit - 2)) + 1;
        if (guess > from && guess - from >= FLAT_MAX / 4) {
            const members = this.tryParse(top.array ? '[' : '{', t.slice(from, guess), top.array ? ']' : '}');
            if (members !== undefined) {
                this.take(top, members);
                this.pos = guess;
                this.want = Want.CommaOrEnd;
                return true;
            }
        }
        let depth = 0;
        /** Where the last whole member ends (at its comma, or at the container's close). */
        let last = -1;
        for (let i = from; i < limit;) {
            const c = t.charCodeAt(i);
            if (c === QUOTE) {
                const e = this.stringEnd(i);
                if (e < 0)
                    break;
                i = e;
                continue;
            }
            if (c === OPEN_BRACE || c === OPEN_BRACKET) {
                if (depth > 0)
                    break;
                depth++;
            }
            else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
                if (depth === 0) {
                    last = i;
                    break;
                }
                depth--;
            }
            else if (c === COMMA && depth === 0)
                last = i;
            i++;
        }
        if (last <= from)
            return false;
        const [open, close] = top.array ? ['[', ']'] : ['{', '}'];
        this.take(top, this.parse(open + t.slice(from, last) + close, from, 'in the members from position'));
        this.pos = last;
        this.want = Want.CommaOrEnd;
        return true;
    }
    /** Adds parsed members to the container being built. */
    take(top, members) {
        if (top.array) {
            const items = members;
            const target = top.value;
            for (let k = 0; k < items.length; k++)
                target.push(items[k]);
            return;
        }
        const m = members;
        const target = top.value;
        // A loop, not Object.assign (1.5x slower into a dictionary of a million keys); the keys, as JSON.parse made
        // them, are internalized already.
        const keys = Object.keys(m);
        for (let k = 0; k < keys.length; k++)
            json_stream_define(target, keys[k], m[keys[k]]);
    }
    /** JSON.parse of `open + text + close`, or undefined when that is not JSON. */
    tryParse(open, text, close) {
        try {
            return JSON.parse(open + text + close);
        }
        catch {
            return undefined;
        }
    }
    /** Reads the value at pos; false when the text ends inside it (more is needed). */
    value(c, final) {
        const t = this.text;
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            const end = this.flatEnd(this.pos);
            if (end > 0) {
                this.attach(this.parse(t.slice(this.pos, end), this.pos, 'in the value at position'));
                this.pos = end;
                return true;
            }
            if (end === -2 && t.length - this.pos <= FLAT_MAX)
                return false;
            // Nested (or a long flat one): this container is built here, its members read one by one.
            const array = c === OPEN_BRACKET;
            const container = array ? [] : {};
            this.attach(container);
            this.stack.push({ value: container, array, key: '' });
            this.pos++;
            this.want = array ? Want.ValueOrEnd : Want.KeyOrEnd;
            return true;
        }
        let end;
        if (c === QUOTE) {
            end = this.stringEnd(this.pos);
        }
        else {
            end = this.pos;
            while (end < t.length && !isDelimiter(t.charCodeAt(end)))
                end++;
            if (end === t.length && !final)
                end = -1;
            if (end === this.pos)
                this.fail(`Unexpected token '${t[this.pos]}'`);
        }
        if (end < 0)
            return false;
        this.attach(this.parse(t.slice(this.pos, end), this.pos, 'in the value at position'));
        this.pos = end;
        return true;
    }
    /** JSON.parse of `text`, which starts at `from` in the whole text: its error placed there (`where`: how). */
    parse(text, from, where) {
        try {
            return JSON.parse(text);
        }
        catch (err) {
            this.pos = from;
            return this.fail(JsonAssembler.reason(err), where);
        }
    }
    attach(v) {
        const top = this.stack[this.stack.length - 1];
        if (!top) {
            this.root = v;
            this.want = Want.Done;
        }
        else {
            if (top.array)
                top.value.push(v);
            else
                json_stream_define(top.value, top.key, v);
            this.want = Want.CommaOrEnd;
        }
    }
    close() {
        this.pos++;
        this.stack.pop();
        this.want = this.stack.length === 0 ? Want.Done : Want.CommaOrEnd;
    }
    /** The end (exclusive) of the string token at `at`, or -1 when the text ends first. */
    stringEnd(at) {
        const t = this.text;
        let i = at + 1;
        for (;;) {
            const q = t.indexOf('"', i);
            if (q < 0)
                return -1;
            // An escape before the quote (looked for up to it only: most strings have none) is skipped, then on.
            while (i < q && t.charCodeAt(i) !== BACKSLASH)
                i++;
            if (i === q)
                return q + 1;
            i += 2;
            if (i > t.length)
                return -1;
        }
    }
    /**
     * The end (exclusive) of the array or object at `at` when it holds no array or object; -1 when it does; -2 when
     * the text ends first.
     */
    flatEnd(at) {
        const t = this.text;
        for (let i = at + 1; i < t.length;) {
            const c = t.charCodeAt(i);
            if (c === QUOTE) {
                const e = this.stringEnd(i);
                if (e < 0)
                    return -2;
                i = e;
            }
            else if (c === CLOSE_BRACE || c === CLOSE_BRACKET)
                return i + 1;
            else if (c === OPEN_BRACE || c === OPEN_BRACKET)
                return -1;
            else
                i++;
        }
        return -2;
    }
}
/** JSON.parse of the text given in pieces (see JsonAssembler). */
function parseJsonPieces(pieces) {
    const a = new JsonAssembler();
    for (const p of pieces)
        a.write(p);
    return a.end();
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/plan/gzip.ts
var gzip = __webpack_require__(6047);
// EXTERNAL MODULE: ./src/plan/headers.ts + 2 modules
var plan_headers = __webpack_require__(3391);
;// CONCATENATED MODULE: ./src/io/s3/params.ts
// S3 request fields and response readings: object headers and settings as PutObject fields, the gzipped body,
// a HeadObject answer as the port's HeadResult.




/** User metadata key holding the hex MD5 of the content, so multipart/SSE-KMS objects compare exactly. */
const MD5_META = 's3cfd-md5';
/**
 * Largest file `upload(..., { gzip: true })` accepts (256 MiB): it reads the whole file and compresses it in
 * memory, so both copies are held at once. Files worth gzipping (HTML, CSS, JS, JSON, SVG) are far smaller.
 */
const GZIP_MAX_BYTES = 256 * 1024 * 1024;
const unquote = (etag) => (etag ?? '').replace(/^"|"$/g, '');
function isNotFound(err) {
    const e = err;
    return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}
/** The user metadata to send: the caller's, with the action's content MD5 (which always wins, whatever its case). */
function metadataWith(md5, given) {
    const out = {};
    for (const [k, v] of Object.entries(given ?? {})) {
        if (k.toLowerCase() !== MD5_META)
            out[k] = v;
    }
    out[MD5_META] = md5;
    return out;
}
/** The object's headers as PutObject / CreateMultipartUpload fields, leaving out the ones not set. */
function headerParams(h, md5) {
    return {
        ContentType: h.contentType,
        CacheControl: h.cacheControl,
        ...(h.contentEncoding !== undefined && { ContentEncoding: h.contentEncoding }),
        ...(h.contentLanguage !== undefined && { ContentLanguage: h.contentLanguage }),
        ...(h.contentDisposition !== undefined && { ContentDisposition: h.contentDisposition }),
        ...(h.websiteRedirectLocation !== undefined && { WebsiteRedirectLocation: h.websiteRedirectLocation }),
        Metadata: metadataWith(md5, h.metadata),
    };
}
/** PutObject's fields (headerParams, objectSettings, ContentMD5) as the HTTP headers S3 reads them from. */
function putHeaders(p) {
    const out = {};
    const set = (name, value) => {
        if (value !== undefined)
            out[name] = value;
    };
    set('content-type', p.ContentType);
    set('cache-control', p.CacheControl);
    set('content-encoding', p.ContentEncoding);
    set('content-language', p.ContentLanguage);
    set('content-disposition', p.ContentDisposition);
    set('content-md5', p.ContentMD5);
    set('x-amz-website-redirect-location', p.WebsiteRedirectLocation);
    set('x-amz-storage-class', p.StorageClass);
    set('x-amz-server-side-encryption', p.ServerSideEncryption);
    set('x-amz-server-side-encryption-aws-kms-key-id', p.SSEKMSKeyId);
    for (const [k, v] of Object.entries(p.Metadata))
        out[`x-amz-meta-${k.toLowerCase()}`] = v;
    return out;
}
/** The store-wide object settings (never an ACL: buckets with ACLs disabled reject any). */
function objectSettings(opts) {
    return {
        ...(opts.storageClass !== undefined && { StorageClass: opts.storageClass }),
        ...(opts.sse !== undefined && { ServerSideEncryption: opts.sse }),
        ...(opts.sseKmsKeyId !== undefined && { SSEKMSKeyId: opts.sseKmsKeyId }),
    };
}
/** Read and gzip a file, checking the result is what the caller planned (same size and MD5). */
async function gzippedFile(key, absPath, size, md5) {
    const { size: sourceSize } = await (0,promises_.stat)(absPath);
    if (sourceSize > GZIP_MAX_BYTES) {
        throw new Error(`${key}: ${sourceSize} bytes is too large to gzip in memory (limit ${GZIP_MAX_BYTES} bytes)`);
    }
    const body = (0,gzip/* gzipDeterministic */.R)(await (0,promises_.readFile)(absPath));
    const actual = (0,external_node_crypto_.createHash)('md5').update(body).digest('hex');
    if (body.length !== size || actual !== md5) {
        throw new Error(`${key}: gzipped content is ${body.length} bytes with MD5 ${actual}, but ${size} bytes with MD5 ${md5} was planned ` +
            '(the file changed since it was read?)');
    }
    return body;
}
/** Headers a HeadObject answer carries, in the shape headersFromHead takes. */
function headResult(head) {
    const md5Key = Object.keys(head.Metadata ?? {}).find((k) => k.toLowerCase() === MD5_META);
    const md5 = md5Key === undefined ? undefined : head.Metadata?.[md5Key];
    const headers = (0,plan_headers/* headersFromHead */.z_)({
        contentType: head.ContentType,
        cacheControl: head.CacheControl,
        contentEncoding: head.ContentEncoding,
        contentLanguage: head.ContentLanguage,
        contentDisposition: head.ContentDisposition,
        websiteRedirectLocation: head.WebsiteRedirectLocation,
        metadata: head.Metadata,
    });
    return md5 === undefined || md5 === '' ? { headers } : { md5, headers };
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(3609);
;// CONCATENATED MODULE: ./src/io/s3/retry.ts
// Retry with backoff for requests the SDK will not retry itself: a PutObject with a stream body is
// "non-retryable" to the SDK (it cannot rewind the stream), so the caller reopens the file per attempt.

const NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH']);
/** Throttling, 5xx, timeouts and connection errors; never 4xx client errors such as AccessDenied. */
function isRetryable(err) {
    const e = err;
    if (e && typeof e === 'object' && typeof e.code === 'string' && NETWORK.has(e.code))
        return true;
    // The SDK sometimes wraps a socket error in a plain Error ("AWS SDK error wrapper for ...") without its code.
    if (/\b(ECONNRESET|EPIPE|ETIMEDOUT|socket hang up)\b/.test(String(e?.message ?? '')))
        return true;
    try {
        return (0,retry.isRetryableByTrait)(e) || (0,retry.isThrottlingError)(e) || (0,retry.isTransientError)(e) || (0,retry.isServerError)(e);
    }
    catch {
        return false;
    }
}
/** Full-jitter exponential backoff, as the AWS SDKs do. */
async function withRetries(fn, opts) {
    const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (attempt >= opts.attempts || !isRetryable(err))
                throw err;
            const cap = Math.min(opts.maxDelayMs ?? 20_000, opts.baseDelayMs * 2 ** (attempt - 1));
            const delay = Math.round(Math.random() * cap);
            opts.onRetry?.(err, attempt, delay);
            await sleep(delay);
        }
    }
}

// EXTERNAL MODULE: ./src/io/fs/walk.ts + 1 modules
var walk = __webpack_require__(9388);
// EXTERNAL MODULE: ./src/io/s3/errors.ts
var errors = __webpack_require__(5672);
;// CONCATENATED MODULE: ./src/io/s3/copy.ts
// Server-side copies within the bucket (rollback history and restores): CopyObject up to 5 GiB, above that a
// multipart upload whose parts are UploadPartCopy ranges of the source. No byte passes through the runner.


/** CopyObject's limit: larger objects are copied in parts. */
const COPY_OBJECT_MAX_BYTES = 5 * 1024 ** 3;
/** S3's limit on parts. */
const MAX_PARTS = 10_000;
/**
 * `x-amz-copy-source`: the bucket and the key, each path segment percent-encoded as a URL path segment is (RFC 3986:
 * the sub-delimiters `$&+,;=:@` stay as they are, as Go's url.PathEscape leaves them), so servers that decode the
 * header with decodeURI (s3rver) find `c++/a+b.js` too; `#`, `?`, `%` and spaces are encoded.
 */
function copySource(bucket, key) {
    const segment = (s) => encodeURIComponent(s).replace(/%(24|26|2B|2C|3B|3D|3A|40)/g, (m) => decodeURIComponent(m));
    return `${bucket}/${key.split('/').map(segment).join('/')}`;
}
async function copyObject(ctx, sourceKey, destKey, opts) {
    const { client, bucket, settings } = ctx;
    const source = copySource(bucket, sourceKey);
    if (opts.size <= (ctx.partThreshold ?? COPY_OBJECT_MAX_BYTES)) {
        const res = await client.send(new dist_cjs.CopyObjectCommand({
            Bucket: bucket,
            Key: destKey,
            CopySource: source,
            ...settings,
            ...(opts.replace
                ? { MetadataDirective: 'REPLACE', ...headerParams(opts.replace.headers, opts.replace.md5) }
                : { MetadataDirective: 'COPY' }),
        }));
        return unquote(res.CopyObjectResult?.ETag);
    }
    return copyInParts(ctx, source, sourceKey, destKey, opts);
}
/** A copy in parts: headers on CreateMultipartUpload (the source's, read with HEAD, when none are given). */
async function copyInParts(ctx, source, sourceKey, destKey, opts) {
    const { client, bucket, settings } = ctx;
    const headers = opts.replace ? headerParams(opts.replace.headers, opts.replace.md5) : await sourceHeaders(ctx, sourceKey);
    const created = await client.send(new dist_cjs.CreateMultipartUploadCommand({ Bucket: bucket, Key: destKey, ...headers, ...settings }));
    const uploadId = created.UploadId;
    const partSize = Math.max(ctx.partSize ?? 512 * 1024 ** 2, Math.ceil(opts.size / MAX_PARTS));
    try {
        const parts = [];
        for (let start = 0, n = 1; start < opts.size; start += partSize, n++) {
            const end = Math.min(opts.size, start + partSize) - 1;
            const res = await client.send(new dist_cjs.UploadPartCopyCommand({
                Bucket: bucket,
                Key: destKey,
                UploadId: uploadId,
                PartNumber: n,
                CopySource: source,
                CopySourceRange: `bytes=${start}-${end}`,
            }));
            parts.push({ ETag: res.CopyPartResult?.ETag ?? '', PartNumber: n });
        }
        const done = await client.send(new dist_cjs.CompleteMultipartUploadCommand({ Bucket: bucket, Key: destKey, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
        return unquote(done.ETag);
    }
    catch (err) {
        await client.send(new dist_cjs.AbortMultipartUploadCommand({ Bucket: bucket, Key: destKey, UploadId: uploadId })).catch(() => { });
        throw err;
    }
}
async function sourceHeaders(ctx, key) {
    const h = await ctx.client.send(new dist_cjs.HeadObjectCommand({ Bucket: ctx.bucket, Key: key }));
    const metadata = { ...h.Metadata };
    return {
        ContentType: h.ContentType,
        CacheControl: h.CacheControl,
        ...(h.ContentEncoding !== undefined && { ContentEncoding: h.ContentEncoding }),
        ...(h.ContentLanguage !== undefined && { ContentLanguage: h.ContentLanguage }),
        ...(h.ContentDisposition !== undefined && { ContentDisposition: h.ContentDisposition }),
        ...(h.WebsiteRedirectLocation !== undefined && { WebsiteRedirectLocation: h.WebsiteRedirectLocation }),
        Metadata: metadata,
    };
}

// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
;// CONCATENATED MODULE: ./src/io/s3/put.ts
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





/**
 * The bucket's endpoint from a signed ListObjectsV2 request of it, or null when the request is not one a lean
 * PUT can copy (not SigV4, an S3 Express session, a query-string endpoint).
 */
function endpointFromRequest(req) {
    const auth = req.headers?.authorization ?? req.headers?.Authorization ?? '';
    const scope = /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request,/.exec(auth);
    if (!scope || (req.protocol !== 'http:' && req.protocol !== 'https:') || !req.hostname)
        return null;
    if (req.headers?.['x-amz-s3session-token'] !== undefined || /--x-s3$|\.s3express-/.test(req.hostname))
        return null;
    const path = req.path ?? '/';
    if (path.includes('?'))
        return null;
    return {
        protocol: req.protocol,
        hostname: req.hostname,
        ...(req.port !== undefined && { port: req.port }),
        basePath: path.replace(/\/+$/, ''),
        signingRegion: scope[1],
        signingService: scope[2],
    };
}
/** An object key as a URL path, the way the SDK sends it: each `/`-separated segment percent-encoded (RFC 3986). */
function keyPath(key) {
    return key
        .split('/')
        .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}
/** The S3 error a non-2xx answer carries, shaped like the SDK's (name = Code, $metadata.httpStatusCode). */
class S3ResponseError extends Error {
    $metadata;
    $fault;
    Code;
    constructor(status, code, message, requestId) {
        super(message || `HTTP ${status}`);
        this.name = code || (status >= 500 ? 'ServerError' : `Http${status}`);
        this.Code = this.name;
        this.$metadata = { httpStatusCode: status, ...(requestId && { requestId }) };
        this.$fault = status >= 500 ? 'server' : 'client';
    }
}
const bytes = (d) => typeof d === 'string' ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d);
class NodeSha256 {
    h;
    constructor(secret) {
        this.h = secret === undefined ? (0,external_node_crypto_.createHash)('sha256') : (0,external_node_crypto_.createHmac)('sha256', bytes(secret));
    }
    update(data) {
        this.h.update(bytes(data));
    }
    digest() {
        return Promise.resolve(this.h.digest());
    }
}
const signers = new WeakMap();
function signerFor(p) {
    let s = signers.get(p.endpoint);
    if (!s) {
        // The credentials are read per request (they may be refreshed); the signer caches the signing key per day.
        s = new signature_v4_dist_cjs.SignatureV4({
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
async function leanPut(p, key, body, headers) {
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
    return send(p, signed.path, signed.headers, body);
}
function send(p, path, headers, body) {
    const { endpoint } = p;
    const lib = endpoint.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
    return new Promise((resolve, reject) => {
        const req = lib.request({ agent: p.agent, method: 'PUT', protocol: endpoint.protocol, hostname: endpoint.hostname, port: endpoint.port, path, headers }, (res) => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
                res.resume();
                res.on('end', () => resolve(String(res.headers.etag ?? '').replace(/^"|"$/g, '')));
                res.on('error', reject);
                return;
            }
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () => reject(responseError(p, status, res.headers, Buffer.concat(chunks).toString('utf8'))));
        });
        req.setTimeout(p.idleTimeoutMs ?? 120_000, () => {
            req.destroy(Object.assign(new Error(`PUT ${path}: no progress for ${p.idleTimeoutMs ?? 120_000} ms`), { code: 'ETIMEDOUT' }));
        });
        req.on('error', reject);
        if (Buffer.isBuffer(body)) {
            req.end(body);
            return;
        }
        const file = (0,external_node_fs_.createReadStream)(body.file, { highWaterMark: 1024 * 1024 });
        file.on('error', (err) => req.destroy(err));
        req.on('error', () => file.destroy());
        file.pipe(req);
    });
}
function responseError(p, status, headers, xml) {
    const tag = (name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
    const code = tag('Code');
    const err = new S3ResponseError(status, code, decodeXml(tag('Message')), String(headers['x-amz-request-id'] ?? '') || undefined);
    // As the SDK's errors carry it: the access key id S3 names in a credentials error (SignatureDoesNotMatch, ...).
    const keyId = tag('AWSAccessKeyId');
    if (keyId)
        Object.assign(err, { AWSAccessKeyId: decodeXml(keyId) });
    // As the SDK does: learn the clock offset from the server's Date and let the retry sign with it.
    const serverDate = Date.parse(String(headers.date ?? ''));
    if (code === 'RequestTimeTooSkewed' && Number.isFinite(serverDate)) {
        p.onClockSkew(serverDate - Date.now());
        Object.assign(err, { $retryable: {} });
    }
    return err;
}
function decodeXml(s) {
    return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e) => {
        const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
        if (named[e] !== undefined)
            return named[e];
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    });
}

;// CONCATENATED MODULE: ./src/io/s3/store.ts
// Thin S3 adapter: list, head, upload (single PUT or multipart, optionally gzipped), delete in batches, small
// state objects (optionally with conditional writes).


















function s3ClientConfig(opts) {
    const endpoint = opts.env.AWS_ENDPOINT_URL_S3 || opts.env.AWS_ENDPOINT_URL;
    const agentOpts = { keepAlive: true, maxSockets: opts.concurrency };
    const config = {
        region: opts.region,
        retryMode: 'adaptive',
        maxAttempts: 6,
        requestHandler: { httpAgent: new (external_node_http_default()).Agent(agentOpts), httpsAgent: new (external_node_https_default()).Agent(agentOpts) },
        // Every upload carries Content-MD5, which S3 verifies, so the SDK's optional CRC32 over each body (and the
        // aws-chunked encoding it needs for streams) is redundant CPU; S3-compatible servers may not accept it either.
        // Operations that require a checksum (DeleteObjects) still get one.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
    };
    if (endpoint) {
        // S3-compatible servers: path-style addressing.
        config.endpoint = endpoint;
        config.forcePathStyle = true;
    }
    return config;
}
function createS3Store(bucket, opts, client = new dist_cjs.S3Client(s3ClientConfig(opts))) {
    const ctx = {
        client,
        bucket,
        opts,
        settings: objectSettings(opts),
        lean: opts.leanPut === false ? () => null : leanPutterFor(client, bucket, opts),
    };
    return {
        list: (prefix) => listObjects(ctx, prefix),
        head: (key) => headObject(ctx, key),
        storedMd5: async (key) => (await headObject(ctx, key))?.md5,
        upload: (key, absPath, size, md5, headers, uploadOpts) => uploadFile(ctx, key, absPath, size, md5, headers, uploadOpts),
        deleteKeys: (keys) => deleteKeys(ctx, keys),
        copy: (sourceKey, destKey, copyOpts) => copyObject({
            client,
            bucket,
            settings: ctx.settings,
            ...(opts.copyPartThreshold !== undefined && { partThreshold: opts.copyPartThreshold }),
            ...(opts.copyPartSize !== undefined && { partSize: opts.copyPartSize }),
        }, sourceKey, destKey, copyOpts),
        getText: (key) => getText(ctx, key),
        getJson: (key) => getJson(ctx, key),
        putText: (key, body, condition) => putText(ctx, key, body, condition),
        etagOf: (key) => etagOf(ctx, key),
        deleteKey: async (key, condition) => {
            try {
                await client.send(new dist_cjs.DeleteObjectCommand({ Bucket: bucket, Key: key, ...(condition && { IfMatch: `"${unquote(condition.ifMatch)}"` }) }));
            }
            catch (err) {
                if (condition && (0,errors/* isPreconditionFailed */.W)(err)) {
                    throw new errors/* PreconditionFailedError */.k(key, condition, err.$metadata?.httpStatusCode ?? 412, {
                        cause: err,
                    });
                }
                throw err;
            }
        },
    };
}
/** Per client: each bucket's endpoint as the SDK resolved and signed it for a ListObjectsV2. */
const endpoints = new WeakMap();
/** The endpoints `client` has resolved, by bucket: recorded from its first ListObjectsV2 of each (one middleware per client). */
function capturedEndpoints(client) {
    const known = endpoints.get(client);
    if (known)
        return known;
    const byBucket = new Map();
    endpoints.set(client, byBucket);
    client.middlewareStack.add((next, context) => (args) => {
        const input = args.input;
        if (context.commandName === 'ListObjectsV2Command' && input.Bucket !== undefined && !byBucket.has(input.Bucket)) {
            byBucket.set(input.Bucket, endpointFromRequest(args.request));
        }
        return next(args);
    }, { step: 'deserialize', name: 's3cfdBucketEndpoint', override: true });
    return byBucket;
}
function leanPutterFor(client, bucket, opts) {
    const found = capturedEndpoints(client);
    const agentOpts = { keepAlive: true, maxSockets: opts.concurrency };
    let putter = null;
    return () => {
        const endpoint = found.get(bucket);
        if (!endpoint)
            return null;
        // A bucket's endpoint is recorded once, so one putter serves every upload.
        return (putter ??= {
            endpoint,
            credentials: () => client.config.credentials(),
            clockOffsetMs: () => client.config.systemClockOffset ?? 0,
            onClockSkew: (offset) => {
                client.config.systemClockOffset = offset;
            },
            agent: endpoint.protocol === 'https:' ? new (external_node_https_default()).Agent(agentOpts) : new (external_node_http_default()).Agent(agentOpts),
        });
    };
}
/**
 * Every object under `prefix`, in the listing's own order (UTF-8 bytes). One page when that is all there is. A
 * longer listing goes on with Delimiter '/' from where the first page ended: that names the objects directly under
 * the prefix and its later folders, which (with the rest of the folder the first page ended in) are listed side by
 * side, `LIST_PARALLEL` requests at a time in all, each the same way one level down. So a tree whose keys all sit
 * in one folder (a tile pyramid, z/x/y.png) is split where it fans out, the server's time on one page overlaps the
 * parsing of another instead of every page waiting for the one before, and a folder without subfolders costs the
 * pages it would cost anyway. Folders of a few keys each (by the first page), more than `LIST_MAX_FOLDER_PAGES`
 * pages of folders, or more than `LIST_MAX_DEPTH` levels: page by page.
 */
async function listObjects(ctx, prefix) {
    const limit = (0,p_limit/* default */.A)(LIST_PARALLEL);
    return listUnder({ ...ctx, page: (p, from) => limit(() => listPage(ctx, p, from)) }, prefix, undefined, 0);
}
/** The objects under `prefix` whose keys come after `after` (all of them when undefined), in byte order. */
async function listUnder(ctx, prefix, after, depth) {
    const first = await ctx.page(prefix, after === undefined ? {} : { startAfter: after });
    const lastKey = first.objects.at(-1)?.key;
    if (!first.next)
        return first.objects;
    const sequential = async () => [...first.objects, ...(await listAll(ctx, prefix, { token: first.next }))];
    if (lastKey === undefined || depth >= LIST_MAX_DEPTH)
        return sequential();
    const page = ctx.opts.listPageSize ?? 1000;
    const current = folderOf(prefix, lastKey);
    // Folders the first page went through whole: folders of a few keys each would cost a request each.
    const passed = new Set(first.objects.map((o) => folderOf(prefix, o.key)));
    passed.delete(undefined);
    passed.delete(current);
    const done = passed.size;
    if (done > 0 && first.objects.length / done < page / 4)
        return sequential();
    const rest = await listFolders(ctx, prefix, lastKey, LIST_MAX_FOLDER_PAGES);
    if (rest === null)
        return sequential();
    // Only what comes after the page's last key (a server that ignored StartAfter must not make a key listed twice).
    const isAfter = (k) => byteOrder(k, lastKey) > 0;
    const later = rest.folders.filter((f) => f !== current && isAfter(f));
    const work = [...(current ? [{ folder: current, from: lastKey }] : []), ...later.map((folder) => ({ folder, from: undefined }))];
    const groups = await Promise.all(work.map((w) => listUnder(ctx, w.folder, w.from, depth + 1)));
    const parts = [
        ...rest.objects.filter((o) => isAfter(o.key)).map((o) => ({ at: o.key, objects: [o] })),
        ...work.map((w, i) => ({ at: w.folder, objects: groups[i] })),
    ];
    parts.sort((a, b) => byteOrder(a.at, b.at));
    const out = first.objects;
    for (const p of parts)
        for (const o of p.objects)
            out.push(o);
    return out;
}
/** The folder directly under `prefix` that `key` is in (ending in '/'), or undefined for an object directly under it. */
function folderOf(prefix, key) {
    const slash = key.indexOf('/', prefix.length);
    return slash < 0 ? undefined : key.slice(0, slash + 1);
}
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
/** ListObjectsV2 requests in flight for one listing. */
const LIST_PARALLEL = 8;
/** Pages of a delimited listing (folders and objects directly under a prefix) before going on page by page instead. */
const LIST_MAX_FOLDER_PAGES = 4;
/** Folder levels split at most (a deeper tree is listed page by page below that). */
const LIST_MAX_DEPTH = 4;
async function listPage({ client, bucket, opts }, prefix, from = {}) {
    const page = await client.send(new dist_cjs.ListObjectsV2Command({
        Bucket: bucket,
        MaxKeys: opts.listPageSize,
        Prefix: prefix || undefined,
        ContinuationToken: from.token,
        StartAfter: from.token ? undefined : from.startAfter,
        Delimiter: from.delimiter,
    }));
    const objects = [];
    for (const o of page.Contents ?? []) {
        if (o.Key !== undefined)
            objects.push({ key: o.Key, etag: unquote(o.ETag), size: (0,data/* wholeBytes */.fq)(o.Size ?? 0) });
    }
    const folders = (page.CommonPrefixes ?? []).flatMap((c) => (c.Prefix !== undefined ? [c.Prefix] : []));
    return { objects, folders, next: page.IsTruncated ? page.NextContinuationToken : undefined };
}
async function listAll(ctx, prefix, from = {}) {
    const out = [];
    let page = await ctx.page(prefix, from);
    for (;;) {
        for (const o of page.objects)
            out.push(o);
        if (!page.next)
            return out;
        page = await ctx.page(prefix, { token: page.next });
    }
}
/**
 * The objects directly under `prefix` and its folders, after the key `after` (a folder that key is in may or may not
 * be named: servers differ), or null when that takes more than `maxPages` pages.
 */
async function listFolders(ctx, prefix, after, maxPages) {
    const objects = [];
    const folders = [];
    const named = new Set();
    let token;
    let pages = 0;
    do {
        if (++pages > maxPages)
            return null;
        const page = await ctx.page(prefix, token ? { token, delimiter: '/' } : { startAfter: after, delimiter: '/' });
        objects.push(...page.objects);
        // A folder is named once (some servers repeat one that a page boundary falls in).
        for (const f of page.folders) {
            if (named.has(f))
                continue;
            named.add(f);
            folders.push(f);
        }
        token = page.next;
    } while (token);
    return { objects, folders };
}
async function headObject({ client, bucket }, key) {
    try {
        return headResult(await client.send(new dist_cjs.HeadObjectCommand({ Bucket: bucket, Key: key })));
    }
    catch (err) {
        if (isNotFound(err))
            return null;
        throw err;
    }
}
async function uploadFile(ctx, key, absPath, size, md5, headers, uploadOpts) {
    const { client, bucket, opts, settings } = ctx;
    const params = { Bucket: bucket, Key: key, ...headerParams(headers, md5), ...settings };
    // gzip: the compressed bytes, in memory (size and md5 are theirs); otherwise the file, read or streamed.
    const gzipped = uploadOpts?.gzip ? await gzippedFile(key, absPath, size, md5) : null;
    if (size <= opts.multipartThreshold) {
        // A small file is read in one synchronous call (fs/promises costs four thread-pool round trips per file,
        // which for thousands of small uploads was more CPU than signing them); a larger one is streamed, afresh
        // for each attempt. S3 rejects the PUT if the bytes it received do not have the Content-MD5.
        const small = gzipped ?? (size <= walk/* SMALL_FILE */.Pg ? (0,external_node_fs_.readFileSync)(absPath) : null);
        const contentMd5 = Buffer.from(md5, 'hex').toString('base64');
        const retry = { attempts: opts.maxAttempts ?? 6, baseDelayMs: opts.retryBaseDelayMs ?? 100 };
        const lean = ctx.lean();
        if (lean) {
            const fields = putHeaders({ ...params, ContentMD5: contentMd5 });
            return withRetries(() => leanPut(lean, key, small ?? { file: absPath, size }, fields), retry);
        }
        // Through the SDK, which retries a Buffer body itself but never a stream.
        const send = () => client.send(new dist_cjs.PutObjectCommand({ ...params, Body: small ?? (0,external_node_fs_.createReadStream)(absPath), ContentLength: size, ContentMD5: contentMd5 }));
        return unquote((small ? await send() : await withRetries(send, retry)).ETag);
    }
    // Multipart: parts stream from disk (or are sliced from the gzipped buffer); on failure lib-storage aborts
    // the upload (no orphaned parts). Headers and object settings go on CreateMultipartUpload.
    const upload = new lib_storage_dist_cjs/* Upload */._({
        client,
        params: { ...params, Body: gzipped ?? (0,external_node_fs_.createReadStream)(absPath, { highWaterMark: 1024 * 1024 }) },
        partSize: opts.partSize,
        queueSize: 4,
        leavePartsOnError: false,
    });
    const done = await upload.done();
    return unquote(done.ETag);
}
async function deleteKeys({ client, bucket }, keys) {
    const deleted = [];
    const failed = [];
    for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        const res = await client.send(new dist_cjs.DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
        const errs = new Map((res.Errors ?? []).map((e) => [e.Key ?? '', e.Message ?? e.Code ?? 'error']));
        for (const k of batch) {
            const msg = errs.get(k);
            if (msg === undefined)
                deleted.push(k);
            else
                failed.push({ key: k, message: msg });
        }
    }
    return { deleted, failed };
}
async function getText({ client, bucket }, key) {
    try {
        const res = await client.send(new dist_cjs.GetObjectCommand({ Bucket: bucket, Key: key }));
        return { body: (await res.Body?.transformToString('utf8')) ?? '', etag: unquote(res.ETag) };
    }
    catch (err) {
        if (isNotFound(err))
            return null;
        throw err;
    }
}
/** The object's JSON, parsed from its bytes as they arrive (see JsonAssembler); a SyntaxError when it is not JSON. */
async function getJson({ client, bucket }, key) {
    try {
        const res = await client.send(new dist_cjs.GetObjectCommand({ Bucket: bucket, Key: key }));
        const json = new JsonAssembler();
        // As the SDK's transformToString: UTF-8, a malformed sequence read as U+FFFD (a character split across chunks is kept).
        const utf8 = new external_node_string_decoder_.StringDecoder('utf8');
        for await (const chunk of (res.Body ?? []))
            json.write(utf8.write(chunk));
        json.write(utf8.end());
        return { value: json.end(), etag: unquote(res.ETag) };
    }
    catch (err) {
        if (isNotFound(err))
            return null;
        throw err;
    }
}
async function putText({ client, bucket, opts }, key, body, condition) {
    const streamed = typeof body === 'object' && 'chunks' in body ? body : null;
    try {
        const send = () => client.send(new dist_cjs.PutObjectCommand({
            Bucket: bucket,
            Key: key,
            // A streamed body is made afresh for each attempt (the SDK retries a buffer itself, never a stream).
            ...(streamed
                ? { Body: external_node_stream_.Readable.from(streamed.chunks()), ContentLength: streamed.byteLength }
                : { Body: body }),
            ContentType: 'application/json',
            CacheControl: 'no-store',
            // An entity-tag is quoted (RFC 9110), as HeadObject returns it; S3 compares the value inside.
            ...(condition && 'ifNoneMatch' in condition && { IfNoneMatch: '*' }),
            ...(condition && 'ifMatch' in condition && { IfMatch: `"${unquote(condition.ifMatch)}"` }),
        }));
        const res = streamed
            ? await withRetries(send, { attempts: opts.maxAttempts ?? 6, baseDelayMs: opts.retryBaseDelayMs ?? 100 })
            : await send();
        return unquote(res.ETag);
    }
    catch (err) {
        if (condition === undefined)
            throw err;
        const status = err.$metadata?.httpStatusCode ?? 0;
        // S3 answers If-Match on a missing key with 404 NoSuchKey rather than 412: the condition failed all the same.
        if ((0,errors/* isPreconditionFailed */.W)(err) || ('ifMatch' in condition && isNotFound(err))) {
            throw new errors/* PreconditionFailedError */.k(key, condition, status, { cause: err });
        }
        throw err;
    }
}
async function etagOf({ client, bucket }, key) {
    try {
        return unquote((await client.send(new dist_cjs.HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag);
    }
    catch (err) {
        if (isNotFound(err))
            return null;
        throw err;
    }
}


/***/ })

};

//# sourceMappingURL=154.index.js.map