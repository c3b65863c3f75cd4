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
import { strippedKeyFor } from './url-path.js';

export interface FilePlan {
  local: LocalFile[];
  remote: Map<string, RemoteState>;
  sync: SyncEntry[];
  files: FileRecord[];
  fingerprint: (relPath: string) => FingerprintVerdict;
  evidence: HistoryEvidence;
  /** Names demoted in this run (reused with new content), with the warning that gives the evidence. */
  demotions: { path: string; warning: string }[];
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

function classifyAndSync(config: Config, facts: Facts, local: LocalFile[], evidence: HistoryEvidence): Omit<FilePlan, 'demotions'> {
  const built = local.filter((f) => f.source === undefined);
  const verdicts = classifyFingerprints({
    files: built.map((f) => f.path),
    manifests: facts.scan?.manifests ?? {},
    userPatterns: config.fingerprintPatterns,
    learned: evidence.learned,
    demoted: evidence.demoted,
  });
  const fingerprint = (p: string): FingerprintVerdict => verdicts.get(p) ?? removedVerdict(p, evidence, isFingerprintedName);
  const verdictOf = (f: LocalFile) => fingerprint(f.source ?? f.path);
  const rules = headerRules(config.cacheControl, config.headerRules);
  // A site has a handful of distinct header decisions for thousands of files: each is held once.
  const distinct = new Map<string, HeaderDecision>();
  const intern = (h: HeaderDecision): HeaderDecision => {
    const key = JSON.stringify(h);
    const seen = distinct.get(key);
    if (seen) return seen;
    distinct.set(key, h);
    return h;
  };
  const headers = new Map<string, HeaderDecision>(
    local.map((f) => {
      const h = rules(f.source ?? f.path, verdictOf(f).fingerprinted);
      return [f.path, intern(f.gzip ? { ...h, contentEncoding: 'gzip' } : h)];
    }),
  );
  const remote = remoteStates(facts.remote, facts.state, facts.headMd5, facts.headHeaders);
  const sync = config.upload
    ? planSync(local, remote, {
        prefix: config.prefix,
        deleteRemoved: config.deleteRemoved,
        isProtected: deleteGuard(config),
        force: config.forceUpload,
        headersHash: (p) => headersHash(headers.get(p)!),
        headersDiffer: (p, o) => headersDiffer(o.storedHeaders!, headers.get(p)!),
      }).map((e) => (e.action === 'upload' && e.sameBytes ? { ...e, rereads: rereads(remote.get(e.key), headers.get(e.path)!) } : e))
    : [];
  const byPath = new Map(local.map((f) => [f.path, f]));
  const files: FileRecord[] = sync.flatMap((entry) => {
    const f = entry.action === 'delete' ? undefined : byPath.get(entry.path);
    if (!f) return [];
    const h = headers.get(f.path)!;
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
 * Classify, then sync; a name called fingerprinted that the bucket holds with other content is demoted (the
 * proof that it is not content-hashed) and the files are classified again with it, so it is served mutable.
 */
export function planFiles(config: Config, facts: Facts): FilePlan {
  const local = deployedFiles(config, facts);
  const evidence = historyEvidence(
    facts.state,
    config.prefix,
    local.filter((f) => f.source === undefined),
  );
  const first = classifyAndSync(config, facts, local, evidence);
  const reused = reusedNames(first.files).filter((f) => f.source === f.path);
  if (reused.length === 0) return { ...first, demotions: [] };
  const demoted = new Set([...evidence.demoted, ...reused.map((f) => f.path)]);
  const again = classifyAndSync(config, facts, local, { learned: dropShapes(evidence.learned, [...demoted]), demoted });
  return { ...again, demotions: reused.map((f) => ({ path: f.path, warning: demotionWarning(f, f.verdict) })) };
}
