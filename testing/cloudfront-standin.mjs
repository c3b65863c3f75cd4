// Local CloudFront stand-in: a plain node:http server on 127.0.0.1 that speaks enough of the
// CloudFront 2020-05-31 REST-XML API for @aws-sdk/client-cloudfront (CreateInvalidation,
// GetInvalidation, ListInvalidations), enforces CloudFront's invalidation rules with the real
// error codes, records every call, and can inject failures. No emulator exists for CloudFront.
//
// Plain ESM JavaScript (runs on Node 20 for the demo and under jest); types in
// cloudfront-standin.d.mts.
//
//   const cf = await startCloudFront({ distributions: ['E123'] });
//   new CloudFrontClient({ endpoint: cf.endpoint, region: 'us-east-1',
//                          credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
//   ...
//   await cf.stop();

import { failureQueue } from './failure-queue.mjs';
import { closer, listenOnLoopback } from './loopback.mjs';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';

const XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';
const API_PREFIX = '/2020-05-31/distribution/';
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const MAX_PATH_CHARS = 4000;

/** RFC 1738 "unsafe" characters that CloudFront wants URL-encoded in invalidation paths. */
const UNSAFE_RAW = /[ "<>#{}|\\^~[\]`]/;

// ---------------------------------------------------------------------------------------------
// XML helpers

export function xmlEscape(s) {
  return String(s).replace(/[&<>"'\r\n\t]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
    }
  });
}

/** @returns {string} or throws on an unknown entity / invalid code point */
export function xmlUnescape(s) {
  return s.replace(/&([^;&\s]{1,10});/g, (_m, e) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        let cp = NaN;
        if (/^#x[0-9a-fA-F]+$/.test(e)) cp = parseInt(e.slice(2), 16);
        else if (/^#[0-9]+$/.test(e)) cp = parseInt(e.slice(1), 10);
        if (!Number.isInteger(cp) || cp < 0 || cp > 0x10ffff) throw new XmlError(`invalid entity &${e};`);
        return String.fromCodePoint(cp);
      }
    }
  });
}

class XmlError extends Error {}

/** Text content of an element body: CDATA sections kept verbatim, the rest unescaped. */
function textOf(inner) {
  let out = '';
  let rest = inner;
  for (;;) {
    const i = rest.indexOf('<![CDATA[');
    if (i === -1) break;
    const j = rest.indexOf(']]>', i + 9);
    if (j === -1) throw new XmlError('unterminated CDATA section');
    out += xmlUnescape(rest.slice(0, i)) + rest.slice(i + 9, j);
    rest = rest.slice(j + 3);
  }
  if (/[<>]/.test(rest)) throw new XmlError('unexpected markup in text');
  return out + xmlUnescape(rest);
}

/**
 * Inner XML of the first <name ...>...</name> (or '' for <name/>) inside `xml`, or undefined.
 * Namespace prefixes are not supported (the SDK does not use them).
 */
function element(xml, name) {
  const open = new RegExp(`<${name}(\\s[^>]*)?>|<${name}(\\s[^>]*)?/>`);
  const m = open.exec(xml);
  if (!m) return undefined;
  if (m[0].endsWith('/>')) return '';
  const start = m.index + m[0].length;
  const end = xml.indexOf(`</${name}>`, start);
  if (end === -1) throw new XmlError(`<${name}> is not closed`);
  return xml.slice(start, end);
}

/** All <name>...</name> / <name/> children, in order, as text. */
function elements(xml, name) {
  const out = [];
  const re = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  for (const m of xml.matchAll(re)) out.push(m[1] === undefined ? '' : textOf(m[1]));
  return out;
}

/**
 * Parse an InvalidationBatch request body.
 * @param {string} body
 */
export function parseInvalidationBatch(body) {
  const cleaned = body
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[\s\S]*?\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const batch = element(cleaned, 'InvalidationBatch');
  if (batch === undefined) throw new XmlError('root element InvalidationBatch not found');
  const paths = element(batch, 'Paths');
  if (paths === undefined) throw new XmlError('Paths is required');
  const quantityText = element(paths, 'Quantity');
  if (quantityText === undefined) throw new XmlError('Paths/Quantity is required');
  const q = textOf(quantityText).trim();
  if (!/^-?\d{1,9}$/.test(q)) throw new XmlError(`Paths/Quantity is not an integer: ${q}`);
  const itemsXml = element(paths, 'Items');
  const items = itemsXml === undefined ? [] : elements(itemsXml, 'Path');
  const callerXml = element(batch.replace(/<Paths[\s\S]*<\/Paths>/, ''), 'CallerReference');
  return {
    quantity: Number(q),
    items,
    hasItems: itemsXml !== undefined,
    callerReference: callerXml === undefined ? undefined : textOf(callerXml),
  };
}

// ---------------------------------------------------------------------------------------------
// Errors

class CfError extends Error {
  /** @param {number} status @param {string} code @param {string} message @param {'Sender'|'Receiver'} [type] */
  constructor(status, code, message, type = 'Sender') {
    super(message);
    this.status = status;
    this.code = code;
    this.type = type;
  }
}

function errorXml(code, message, type, requestId) {
  return (
    `<?xml version="1.0"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>${xmlEscape(type)}</Type>` +
    `<Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error>` +
    `<RequestId>${xmlEscape(requestId)}</RequestId></ErrorResponse>`
  );
}

// ---------------------------------------------------------------------------------------------
// Path rules

/**
 * CloudFront's rules for one invalidation path. Returns an error message, or undefined if valid.
 * @param {string} p
 * @param {boolean} strictEncoding
 */
export function checkPath(p, strictEncoding = true) {
  if (p.length === 0) return 'An invalidation path must not be empty.';
  if (!p.startsWith('/')) return `Invalidation path ${JSON.stringify(p)} must begin with a slash (/).`;
  if (p.length > MAX_PATH_CHARS) return `Invalidation path is longer than ${MAX_PATH_CHARS} characters.`;
  const star = p.indexOf('*');
  if (star !== -1 && star !== p.length - 1) {
    return `Invalidation path ${JSON.stringify(p)} is invalid: the wildcard (*) must be the last character.`;
  }
  if (strictEncoding) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(p)) return `Invalidation path ${JSON.stringify(p)} contains control characters.`;
    // eslint-disable-next-line no-control-regex
    if (/[^\u0000-\u007f]/.test(p)) {
      return `Invalidation path ${JSON.stringify(p)} contains non-ASCII characters; URL-encode them (UTF-8 %XX).`;
    }
    const unsafe = UNSAFE_RAW.exec(p);
    if (unsafe) {
      return `Invalidation path ${JSON.stringify(p)} contains the unsafe character ${JSON.stringify(unsafe[0])}; URL-encode it (RFC 1738).`;
    }
    if (/%(?![0-9A-Fa-f]{2})/.test(p)) {
      return `Invalidation path ${JSON.stringify(p)} contains a "%" that is not a %XX escape; encode it as %25.`;
    }
  }
  return undefined;
}

/** CloudFront's longest cache tag. */
const MAX_TAG_CHARS = 256;

/**
 * CloudFront's rules for a cache tag item (`#<tag>`): printable ASCII (33-126) without commas, 1 to 256 characters, no
 * wildcard. Returns an error message, or undefined if valid.
 * @param {string} item
 */
export function checkTagItem(item) {
  const tag = item.slice(1);
  if (tag.length === 0) return 'A cache tag invalidation must name a tag after the #.';
  if (tag.length > MAX_TAG_CHARS) return `Cache tag ${JSON.stringify(tag)} is longer than ${MAX_TAG_CHARS} characters.`;
  if (tag.includes('*')) return `Cache tag ${JSON.stringify(tag)} is invalid: wildcards are not supported in tag invalidations.`;
  if (!/^[\x21-\x7e]+$/.test(tag)) return `Cache tag ${JSON.stringify(tag)} contains characters outside ASCII 33-126.`;
  if (tag.includes(',')) return `Cache tag ${JSON.stringify(tag)} must not contain a comma.`;
  return undefined;
}

/** One item of a batch: a cache tag item, or a path. */
export function checkItem(p, strictEncoding = true) {
  return p.startsWith('#') ? checkTagItem(p) : checkPath(p, strictEncoding);
}

// A tag item is billed as a path and counts against the in-progress file paths, never the wildcards.
const isWildcard = (p) => !p.startsWith('#') && p.endsWith('*');

// ---------------------------------------------------------------------------------------------
// Server

const OPERATIONS = [
  'CreateInvalidation',
  'GetInvalidation',
  'ListInvalidations',
  'GetDistributionConfig',
  'CreateInvalidationForDistributionTenant',
  'GetInvalidationForDistributionTenant',
];
const TENANT_PREFIX = '/2020-05-31/distribution-tenant/';

function newInvalidationId(taken) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  for (;;) {
    const bytes = randomBytes(13);
    let id = 'I';
    for (const b of bytes) id += alphabet[b % alphabet.length];
    if (!taken.has(id)) return id;
  }
}

/**
 * @param {import('./cloudfront-standin.d.mts').CloudFrontStandInOptions} [opts]
 * @returns {Promise<import('./cloudfront-standin.d.mts').CloudFrontStandIn>}
 */
export async function startCloudFront(opts = {}) {
  const allow = opts.distributions ? new Set(opts.distributions) : undefined;
  const completeAfterPolls = opts.completeAfterPolls === undefined ? 1 : opts.completeAfterPolls;
  const completeAfterMs = opts.completeAfterMs;
  const strictEncoding = opts.strictPathEncoding ?? true;
  const maxPathsPerBatch = opts.maxPathsPerBatch ?? 3000;
  const maxInProgressPaths = opts.maxInProgressPaths ?? 3000;
  const maxInProgressWildcards = opts.maxInProgressWildcards ?? 15;
  const conflictCode = opts.callerReferenceConflict ?? 'InvalidationBatchAlreadyExists';
  const now = opts.now ?? (() => Date.now());
  /** @type {Map<string, string>} distribution id -> CacheTagConfig.HeaderName */
  const cacheTagHeaders = new Map(Object.entries(opts.cacheTagHeaders ?? {}));
  /** @type {Map<string, string>} distribution tenant id -> its (multi-tenant) distribution id */
  const tenants = new Map(Object.entries(opts.tenants ?? {}));
  // moto answers COMPLETED / INPROGRESS; CloudFront answers Completed / InProgress.
  const shownStatus = (s) => (opts.upperCaseStatus ? s.toUpperCase() : s);

  if (completeAfterPolls !== null && !(completeAfterPolls >= 0)) {
    throw new Error('startCloudFront: completeAfterPolls must be >= 0, Infinity or null');
  }

  /** @type {Map<string, any>} invalidation id -> record */
  let byId = new Map();
  let seq = 0;
  /** @type {any[]} */
  let calls = [];
  /** @type {Map<string, Array<{status: number, code: string, message?: string, type?: 'Sender'|'Receiver', remaining: number}>>} */
  const failures = failureQueue('CloudFront stand-in', OPERATIONS, 'operation');

  const statusOf = (inv) => {
    if (inv.status === 'InProgress') {
      const byPolls = completeAfterPolls !== null && inv.polls >= completeAfterPolls;
      const byTime = completeAfterMs !== undefined && now() - inv.createMs >= completeAfterMs;
      if (byPolls || byTime) inv.status = 'Completed';
    }
    return inv.status;
  };

  const distributionInvalidations = (distributionId) => [...byId.values()].filter((i) => i.distributionId === distributionId);

  const invalidationXml = (inv) => {
    const items = inv.paths.map((p) => `<Path>${xmlEscape(p)}</Path>`).join('');
    return (
      `<?xml version="1.0"?>\n<Invalidation xmlns="${XMLNS}"><Id>${inv.id}</Id><Status>${shownStatus(statusOf(inv))}</Status>` +
      `<CreateTime>${inv.createTime}</CreateTime><InvalidationBatch><Paths><Quantity>${inv.paths.length}</Quantity>` +
      `<Items>${items}</Items></Paths><CallerReference>${xmlEscape(inv.callerReference)}</CallerReference>` +
      '</InvalidationBatch></Invalidation>'
    );
  };

  const checkDistribution = (distributionId) => {
    if (!distributionId) throw new CfError(400, 'InvalidArgument', 'The distribution ID is empty.');
    if (allow && !allow.has(distributionId)) {
      throw new CfError(404, 'NoSuchDistribution', `The specified distribution does not exist: ${distributionId}`);
    }
  };

  /** @param {any} call */
  const createInvalidation = (call, distributionId, body, tenantId) => {
    checkDistribution(distributionId);
    if (body.trim() === '') {
      throw new CfError(
        400,
        'MissingBody',
        'This operation requires a body. Ensure that the body is present and the Content-Type header is set.',
      );
    }
    let batch;
    try {
      batch = parseInvalidationBatch(body);
    } catch (err) {
      throw new CfError(400, 'MalformedInput', `Could not parse the InvalidationBatch XML: ${err instanceof Error ? err.message : err}`);
    }
    call.paths = batch.items;
    call.callerReference = batch.callerReference;
    if (batch.quantity !== batch.items.length) {
      throw new CfError(
        400,
        'InconsistentQuantities',
        `The value of Quantity (${batch.quantity}) and the size of Items (${batch.items.length}) don't match.`,
      );
    }
    if (batch.callerReference === undefined || batch.callerReference === '') {
      throw new CfError(400, 'InvalidArgument', 'CallerReference is required and must not be empty.');
    }
    if (batch.items.length === 0) {
      throw new CfError(400, 'InvalidArgument', 'The invalidation batch must contain at least one path.');
    }
    if (batch.items.length > maxPathsPerBatch) {
      throw new CfError(
        413,
        'BatchTooLarge',
        `Invalidation batch specified is too large: ${batch.items.length} paths (maximum ${maxPathsPerBatch}).`,
      );
    }
    for (const p of batch.items) {
      const problem = checkItem(p, strictEncoding);
      if (problem) throw new CfError(400, 'InvalidArgument', problem);
    }
    const existing = distributionInvalidations(distributionId).find(
      (i) => i.callerReference === batch.callerReference && i.tenantId === tenantId,
    );
    if (existing) {
      const same = existing.paths.length === batch.items.length && existing.paths.every((p, i) => p === batch.items[i]);
      if (same) return { inv: existing, reused: true };
      if (conflictCode === 'InvalidArgument') {
        throw new CfError(
          400,
          'InvalidArgument',
          'Your request contains a caller reference that was used for a previous invalidation batch for the same distribution.',
        );
      }
      throw new CfError(
        409,
        'InvalidationBatchAlreadyExists',
        `CallerReference ${batch.callerReference} was already used for invalidation ${existing.id} with different paths.`,
      );
    }
    const inProgress = distributionInvalidations(distributionId).filter((i) => statusOf(i) === 'InProgress');
    let wild = 0;
    let plain = 0;
    for (const i of inProgress)
      for (const p of i.paths)
        if (isWildcard(p)) wild++;
        else plain++;
    const newWild = batch.items.filter(isWildcard).length;
    const newPlain = batch.items.length - newWild;
    if (wild + newWild > maxInProgressWildcards) {
      throw new CfError(
        400,
        'TooManyInvalidationsInProgress',
        `Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations (${maxInProgressWildcards}): ${wild} in progress, ${newWild} requested.`,
      );
    }
    if (plain + newPlain > maxInProgressPaths) {
      throw new CfError(
        400,
        'TooManyInvalidationsInProgress',
        `Processing your request will cause you to exceed the maximum number of in-progress invalidation paths (${maxInProgressPaths}): ${plain} in progress, ${newPlain} requested.`,
      );
    }
    const createMs = now();
    const inv = {
      id: newInvalidationId(byId),
      distributionId,
      callerReference: batch.callerReference,
      paths: batch.items,
      createMs,
      createTime: new Date(createMs).toISOString(),
      status: 'InProgress',
      polls: 0,
      seq: seq++,
      tenantId,
    };
    byId.set(inv.id, inv);
    if (completeAfterPolls === 0) inv.status = 'Completed';
    return { inv, reused: false };
  };

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {Buffer} bodyBuf */
  const handle = (req, res, bodyBuf) => {
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      url = new URL('http://localhost/');
    }
    /** @type {any} */
    const call = { operation: 'Unknown', method, path: req.url ?? '', distributionId: undefined, status: 0 };
    calls.push(call);

    const reply = (status, body, headers = {}) => {
      call.status = status;
      if (res.headersSent || res.destroyed) return;
      res.writeHead(status, {
        'content-type': 'text/xml',
        'x-amz-request-id': requestId,
        'content-length': Buffer.byteLength(body),
        ...headers,
      });
      res.end(body);
    };
    const fail = (err) => {
      call.errorCode = err.code;
      reply(err.status, errorXml(err.code, err.message, err.type, requestId));
    };

    try {
      // Route
      let distributionId;
      let invalidationId;
      const p = url.pathname;
      if (p.startsWith(API_PREFIX)) {
        const parts = p.slice(API_PREFIX.length).split('/');
        const dec = (s) => {
          try {
            return decodeURIComponent(s);
          } catch {
            return s;
          }
        };
        if (parts.length === 2 && parts[1] === 'config' && parts[0] !== '' && method === 'GET') {
          distributionId = dec(/** @type {string} */ (parts[0]));
          call.operation = 'GetDistributionConfig';
        } else if (parts.length >= 2 && parts.length <= 3 && parts[1] === 'invalidation' && parts[0] !== '') {
          distributionId = dec(/** @type {string} */ (parts[0]));
          if (parts.length === 2 && method === 'POST') call.operation = 'CreateInvalidation';
          else if (parts.length === 2 && method === 'GET') call.operation = 'ListInvalidations';
          else if (parts.length === 3 && method === 'GET' && parts[2] !== '') {
            call.operation = 'GetInvalidation';
            invalidationId = dec(/** @type {string} */ (parts[2]));
          }
        }
      }
      let tenantId;
      if (p.startsWith(TENANT_PREFIX)) {
        const parts = p.slice(TENANT_PREFIX.length).split('/');
        if (parts.length >= 2 && parts.length <= 3 && parts[1] === 'invalidation' && parts[0] !== '') {
          tenantId = decodeURIComponent(/** @type {string} */ (parts[0]));
          if (parts.length === 2 && method === 'POST') call.operation = 'CreateInvalidationForDistributionTenant';
          else if (parts.length === 3 && method === 'GET' && parts[2] !== '') {
            call.operation = 'GetInvalidationForDistributionTenant';
            invalidationId = decodeURIComponent(/** @type {string} */ (parts[2]));
          }
        }
        call.tenantId = tenantId;
        if (tenantId !== undefined && call.operation !== 'Unknown') {
          distributionId = tenants.get(tenantId);
          if (distributionId === undefined) {
            call.distributionId = undefined;
            throw new CfError(404, 'EntityNotFound', `The specified distribution tenant does not exist: ${tenantId}`);
          }
        }
      }
      call.distributionId = distributionId;
      if (invalidationId !== undefined) call.invalidationId = invalidationId;

      if (call.operation === 'Unknown') {
        throw new CfError(404, 'NotFound', `The CloudFront stand-in does not implement ${method} ${url.pathname}.`);
      }

      const injected = failures.take(call.operation);
      const body = bodyBuf.toString('utf8');
      if (injected) {
        call.injected = true;
        if (call.operation === 'CreateInvalidation' || call.operation === 'CreateInvalidationForDistributionTenant') {
          try {
            const b = parseInvalidationBatch(body);
            call.paths = b.items;
            call.callerReference = b.callerReference;
          } catch {
            // recorded without paths
          }
        }
        throw new CfError(
          injected.status,
          injected.code,
          injected.message ?? `Injected ${injected.code} failure.`,
          injected.type ?? (injected.status >= 500 ? 'Receiver' : 'Sender'),
        );
      }

      if (call.operation === 'CreateInvalidationForDistributionTenant') {
        const { inv } = createInvalidation(call, distributionId, body, tenantId);
        call.invalidationId = inv.id;
        reply(201, invalidationXml(inv), {
          location: `https://cloudfront.amazonaws.com/2020-05-31/distribution-tenant/${encodeURIComponent(String(tenantId))}/invalidation/${inv.id}`,
        });
        return;
      }

      if (call.operation === 'GetInvalidationForDistributionTenant') {
        const inv = byId.get(/** @type {string} */ (invalidationId));
        if (!inv || inv.tenantId !== tenantId) {
          throw new CfError(404, 'NoSuchInvalidation', `The specified invalidation does not exist: ${invalidationId}`);
        }
        inv.polls += 1;
        reply(200, invalidationXml(inv));
        return;
      }

      if (call.operation === 'CreateInvalidation') {
        const { inv } = createInvalidation(call, distributionId, body, undefined);
        call.invalidationId = inv.id;
        reply(201, invalidationXml(inv), {
          location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${encodeURIComponent(inv.distributionId)}/invalidation/${inv.id}`,
        });
        return;
      }

      if (call.operation === 'GetDistributionConfig') {
        checkDistribution(distributionId);
        const header = cacheTagHeaders.get(/** @type {string} */ (distributionId));
        reply(
          200,
          `<?xml version="1.0"?>\n<DistributionConfig xmlns="${XMLNS}"><CallerReference>stand-in-${xmlEscape(String(distributionId))}</CallerReference>` +
            `<Comment>CloudFront stand-in</Comment><Enabled>true</Enabled>` +
            (header ? `<CacheTagConfig><HeaderName>${xmlEscape(header)}</HeaderName></CacheTagConfig>` : '') +
            '</DistributionConfig>',
          { etag: `E${String(distributionId).slice(0, 12).toUpperCase()}` },
        );
        return;
      }

      if (call.operation === 'GetInvalidation') {
        checkDistribution(distributionId);
        const inv = byId.get(/** @type {string} */ (invalidationId));
        if (!inv || inv.distributionId !== distributionId || inv.tenantId !== undefined) {
          throw new CfError(404, 'NoSuchInvalidation', `The specified invalidation does not exist: ${invalidationId}`);
        }
        inv.polls += 1;
        reply(200, invalidationXml(inv));
        return;
      }

      // ListInvalidations
      checkDistribution(distributionId);
      const marker = url.searchParams.get('Marker') ?? '';
      const maxItemsText = url.searchParams.get('MaxItems');
      let maxItems = 100;
      if (maxItemsText !== null) {
        if (!/^\d{1,6}$/.test(maxItemsText) || Number(maxItemsText) < 1) {
          throw new CfError(400, 'InvalidArgument', `MaxItems must be a positive integer: ${maxItemsText}`);
        }
        maxItems = Math.min(Number(maxItemsText), 1000);
      }
      // A tenant's invalidations are listed by ListInvalidationsForDistributionTenant, not here.
      const all = distributionInvalidations(/** @type {string} */ (distributionId))
        .filter((i) => i.tenantId === undefined)
        .sort((a, b) => b.seq - a.seq);
      let start = 0;
      if (marker !== '') {
        const idx = all.findIndex((i) => i.id === marker);
        if (idx === -1) throw new CfError(400, 'InvalidArgument', `Marker is not a valid invalidation ID: ${marker}`);
        start = idx + 1;
      }
      const page = all.slice(start, start + maxItems);
      const truncated = start + maxItems < all.length;
      const last = page[page.length - 1];
      const summaries = page
        .map(
          (i) =>
            `<InvalidationSummary><Id>${i.id}</Id><CreateTime>${i.createTime}</CreateTime><Status>${shownStatus(statusOf(i))}</Status></InvalidationSummary>`,
        )
        .join('');
      reply(
        200,
        `<?xml version="1.0"?>\n<InvalidationList xmlns="${XMLNS}"><Marker>${xmlEscape(marker)}</Marker>` +
          (truncated && last ? `<NextMarker>${last.id}</NextMarker>` : '') +
          `<MaxItems>${maxItems}</MaxItems><IsTruncated>${truncated}</IsTruncated><Quantity>${page.length}</Quantity>` +
          (page.length > 0 ? `<Items>${summaries}</Items>` : '') +
          '</InvalidationList>',
      );
    } catch (err) {
      if (err instanceof CfError) fail(err);
      else
        fail(
          new CfError(500, 'InternalError', `CloudFront stand-in internal error: ${err instanceof Error ? err.message : err}`, 'Receiver'),
        );
    }
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c) => {
      if (tooLarge) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(c);
    });
    req.on('error', () => {
      res.destroy();
    });
    req.on('end', () => {
      if (tooLarge) {
        const requestId = randomUUID();
        calls.push({
          operation: 'Unknown',
          method: req.method ?? '',
          path: req.url ?? '',
          distributionId: undefined,
          status: 413,
          errorCode: 'EntityTooLarge',
        });
        const body = errorXml('EntityTooLarge', `Request body larger than ${MAX_BODY_BYTES} bytes.`, 'Sender', requestId);
        res.writeHead(413, { 'content-type': 'text/xml', connection: 'close', 'content-length': Buffer.byteLength(body) });
        res.end(body);
        return;
      }
      handle(req, res, Buffer.concat(chunks));
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.keepAliveTimeout = 5000;

  const close = closer(server);
  const port = await listenOnLoopback(server, opts.port ?? 0);
  const endpoint = `http://127.0.0.1:${port}`;

  const publicInvalidation = (i) => ({
    id: i.id,
    distributionId: i.distributionId,
    status: statusOf(i),
    createTime: i.createTime,
    callerReference: i.callerReference,
    paths: [...i.paths],
    polls: i.polls,
    ...(i.tenantId !== undefined ? { tenantId: i.tenantId } : {}),
  });

  return {
    endpoint,
    port,
    get calls() {
      return calls;
    },
    invalidations(distributionId) {
      return [...byId.values()]
        .filter((i) => distributionId === undefined || i.distributionId === distributionId)
        .sort((a, b) => a.seq - b.seq)
        .map(publicInvalidation);
    },
    complete(invalidationId) {
      const inv = byId.get(invalidationId);
      if (!inv) throw new Error(`CloudFront stand-in: no invalidation ${invalidationId}`);
      inv.status = 'Completed';
    },
    completeAll(distributionId) {
      for (const inv of byId.values()) {
        if (distributionId === undefined || inv.distributionId === distributionId) inv.status = 'Completed';
      }
    },
    failNext(operation, error, times = 1) {
      failures.add(operation, error, times);
    },
    pendingFailures(operation) {
      return failures.pending(operation);
    },
    setCacheTagHeader(distributionId, header) {
      if (header) cacheTagHeaders.set(distributionId, header);
      else cacheTagHeaders.delete(distributionId);
    },
    reset() {
      byId = new Map();
      calls = [];
      failures.reset();
      seq = 0;
    },
    stop: close,
  };
}
