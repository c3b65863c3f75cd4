// The per-file decisions: what each file is (fingerprinted or not, and why), how it is served (headers), and
// what the sync does with it. Pure.
import picomatch from 'picomatch';
import type { Config } from '../model/config.js';
import type { FingerprintVerdict, LocalFile, RemoteState, SyncEntry } from '../model/data.js';
import type { HeaderDecision } from '../model/headers.js';
import type { Facts, FileRecord } from '../model/stages.js';
import { makeDeleteGuard, makeFileFilter } from './filter.js';
import { classifyFingerprints, isFingerprintedName } from './fingerprint.js';
import { dropShapes } from './fingerprint-history.js';
import { headerRules, headersDiffer, headersHash, invalidationNeededForHeaderChange, readingHash } from './headers.js';
import { demotionWarning, historyEvidence, removedVerdict, reusedNames, type HistoryEvidence } from './ledger.js';
import { remoteStates, withMultipartEtags } from './policies.js';
import { planSync } from './sync.js';
import { RowMap } from './site-view.js';
import { keyFor, strippedKeyFor } from './url-path.js';
import { discoverTagging, isHtmlType, tagsFor, type Tagging } from './cache-tags.js';
import type { StoredHeaders } from '../model/headers.js';

export interface FilePlan {
  local: LocalFile[];
  remote: ReadonlyMap<string, RemoteState>;
  sync: SyncEntry[];
  files: FileRecord[];
  fingerprint: (relPath: string) => FingerprintVerdict;
  evidence: HistoryEvidence;
  /** Names demoted in this run (reused with new content), with the warning that gives the evidence. */
  demotions: { path: string; warning: string }[];
  /** How objects are tagged for CloudFront cache-tag invalidation (null: not at all). */
  tagging: Tagging | null;
}

/** CopyObject's limit: a larger object cannot have its metadata rewritten by one server-side copy. */
const MAX_COPY_BYTES = 5 * 1024 ** 3;

/** The headers without the tag metadata (what a bucket deployed before tagging holds). */
function withoutTags<T extends { metadata?: Record<string, string> }>(h: T, metaName: string): T {
  if (!h.metadata || !(metaName in h.metadata)) return h;
  const metadata = Object.fromEntries(Object.entries(h.metadata).filter(([k]) => k !== metaName));
  const out = { ...h, metadata };
  if (Object.keys(metadata).length === 0) delete (out as { metadata?: unknown }).metadata;
  return out;
}

/** Which build files the `gzip` input stores compressed. */
export function gzipMatcher(config: Config): (relPath: string) => boolean {
  return config.gzip.length === 0 ? () => false : picomatch(config.gzip, { dot: true });
}

/**
 * What the bucket should hold: the build's files (gzip ones with the size and MD5 of their compressed bytes),
 * plus, with strip-index-html, each `d/index.html` again under the key `d/`.
 */
export function deployedFiles(config: Config, facts: Facts): LocalFile[] {
  const files = withMultipartEtags(facts.scan?.files ?? [], facts.multipartEtags).map((f) => {
    const g = facts.gzipped[f.path];
    return g ? { path: f.path, size: g.size, md5: g.md5, gzip: true } : f;
  });
  if (!config.stripIndexHtml) return files;
  const stripped = files.flatMap((f) => {
    const key = strippedKeyFor(f.path, config.indexDocument);
    return key ? [{ ...f, path: key, source: f.path }] : [];
  });
  return [...files, ...stripped];
}

/** Keys the delete step leaves alone; strip-index-html's `d/` is judged as the `d/index.html` it copies. */
function deleteGuard(config: Config): (relKey: string) => boolean {
  const guard = makeDeleteGuard(makeFileFilter(config.include, config.exclude), config.protect);
  return (rel) => guard(config.stripIndexHtml && rel.endsWith('/') ? rel + config.indexDocument : rel);
}

/** Same bytes re-uploaded for its headers: does the change alter how a client reads them? Unknown: yes. */
function rereads(o: RemoteState | undefined, h: HeaderDecision): boolean {
  if (o?.storedHeaders) return invalidationNeededForHeaderChange(o.storedHeaders, h);
  if (o?.readingHash) return o.readingHash !== readingHash(h);
  return true;
}

function classifyAndSync(
  config: Config,
  facts: Facts,
  local: LocalFile[],
  evidence: HistoryEvidence,
  tagging: Tagging | null,
): Omit<FilePlan, 'demotions' | 'tagging'> {
  const built = local.filter((f) => f.source === undefined);
  const verdicts = classifyFingerprints({
    files: built.map((f) => f.path),
    manifests: facts.scan?.manifests ?? {},
    userPatterns: config.fingerprintPatterns,
    learned: evidence.learned,
    demoted: evidence.demoted,
  });
  const fingerprint = verdictLookup(verdicts, evidence);
  const verdictOf = (f: LocalFile) => fingerprint(f.source ?? f.path);
  const rules = headerRules(config.cacheControl, config.headerRules);
  // By path through a search over the files (no map of every path): the file, and its headers by the same index.
  const byPathLocal = new RowMap(
    local,
    (f) => f.path,
    (f) => f,
  );
  /** The headers with the object's cache tags in metadata `metaName`. */
  const withTags = (g: HeaderDecision, p: string, fingerprinted: boolean, metaName: string): HeaderDecision => {
    const tags = tagsFor(keyFor(config.prefix, p), { mutable: !fingerprinted, html: isHtmlType(g.contentType) });
    return { ...g, metadata: { ...(g.metadata ?? {}), [metaName]: tags.join(',') } };
  };
  // A site has a handful of distinct header decisions for thousands of files: each is held once.
  const distinct = new Map<string, HeaderDecision>();
  const intern = (h: HeaderDecision): HeaderDecision => {
    const key = JSON.stringify(h);
    const seen = distinct.get(key);
    if (seen) return seen;
    distinct.set(key, h);
    return h;
  };
  const headerList: HeaderDecision[] = local.map((f) => {
    const fingerprinted = verdictOf(f).fingerprinted;
    const h = rules(f.source ?? f.path, fingerprinted);
    const g = f.gzip ? { ...h, contentEncoding: 'gzip' } : h;
    if (!tagging) return intern(g);
    // Tags are part of the headers (and so of the headers hash that decides a re-upload).
    return withTags(g, f.path, fingerprinted, tagging.metaName);
  });
  const headersOf = (p: string): HeaderDecision | undefined => headerList[byPathLocal.indexOf(p)];
  /**
   * Same bytes, and the headers differ only by the tag metadata: adopting tags (or dropping them when tagging stops:
   * `cache-tags: off`, or no CacheTagConfig any more), a metadata-only rewrite.
   */
  const dropped = tagging ? null : (facts.state?.tags?.meta ?? null);
  const onlyTagsDiffer = (p: string, o: RemoteState): boolean => {
    if (o.size > MAX_COPY_BYTES) return false;
    const h = headersOf(p)!;
    if (tagging) {
      const bare = withoutTags(h, tagging.metaName);
      if (o.headersHash !== undefined) return o.headersHash === headersHash(bare);
      return o.storedHeaders !== undefined && !headersDiffer(withoutTags<StoredHeaders>(o.storedHeaders, tagging.metaName), bare);
    }
    if (dropped === null) return false;
    const f = byPathLocal.get(p)!;
    if (o.headersHash !== undefined) return o.headersHash === headersHash(withTags(h, p, verdictOf(f).fingerprinted, dropped));
    return o.storedHeaders !== undefined && !headersDiffer(withoutTags<StoredHeaders>(o.storedHeaders, dropped), h);
  };
  const remote = remoteStates(facts.remote, facts.state, facts.headMd5, facts.headHeaders);
  const sync = config.upload
    ? planSync(local, remote, {
        prefix: config.prefix,
        deleteRemoved: config.deleteRemoved,
        isProtected: deleteGuard(config),
        force: config.forceUpload,
        headersHash: (p) => headersHash(headersOf(p)!),
        headersDiffer: (p, o) => headersDiffer(o.storedHeaders!, headersOf(p)!),
      }).map((e) => {
        if (e.action !== 'upload' || !e.sameBytes) return e;
        const o = remote.get(e.key);
        if (e.reason === 'headers-changed' && o && onlyTagsDiffer(e.path, o)) return { ...e, rereads: false, metadataOnly: true };
        return { ...e, rereads: rereads(o, headersOf(e.path)!) };
      })
    : [];
  const files: FileRecord[] = sync.flatMap((entry) => {
    const f = entry.action === 'delete' ? undefined : byPathLocal.get(entry.path);
    if (!f) return [];
    const h = headersOf(f.path)!;
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
function verdictLookup(verdicts: Map<string, FingerprintVerdict>, evidence: HistoryEvidence): (p: string) => FingerprintVerdict {
  return (p) => verdicts.get(p) ?? removedVerdict(p, evidence, isFingerprintedName);
}

/**
 * Classify, then sync; a name called fingerprinted that the bucket holds with other content is demoted (the
 * proof that it is not content-hashed) and the files are classified again with it, so it is served mutable.
 */
export function planFiles(config: Config, facts: Facts): FilePlan {
  const local = deployedFiles(config, facts);
  const { tagging } = discoverTagging(config, facts);
  const evidence = historyEvidence(
    facts.state,
    config.prefix,
    local.filter((f) => f.source === undefined),
  );
  const first = classifyAndSync(config, facts, local, evidence, tagging);
  const reused = reusedNames(first.files).filter((f) => f.source === f.path);
  if (reused.length === 0) return { ...first, demotions: [], tagging };
  const demoted = new Set([...evidence.demoted, ...reused.map((f) => f.path)]);
  const again = classifyAndSync(config, facts, local, { learned: dropShapes(evidence.learned, [...demoted]), demoted }, tagging);
  return { ...again, tagging, demotions: reused.map((f) => ({ path: f.path, warning: demotionWarning(f, f.verdict) })) };
}
