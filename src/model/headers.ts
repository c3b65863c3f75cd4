// The headers an object is served with: the rules that set them and what an object has. Plain data.

/** Where a Cache-Control value came from: a `cache-control` rule, a `headers` rule (`input: 'headers'`), or a default. */
export type CacheControlSource =
  { kind: 'rule'; glob: string; input?: 'headers'; line?: number } | { kind: 'default-immutable' } | { kind: 'default-mutable' };

/** Where one header's value came from, for the report. */
export type HeaderSource = { kind: 'rule'; input: 'cache-control' | 'headers'; glob: string; line?: number } | { kind: 'default' };

/** The headers the `headers` input may set, spelled canonically (user metadata: `x-amz-meta-<lower-case name>`). */
export type HeaderName =
  | 'Content-Type'
  | 'Content-Encoding'
  | 'Content-Language'
  | 'Content-Disposition'
  | 'Cache-Control'
  | 'x-amz-website-redirect-location'
  | `x-amz-meta-${string}`;

/** One line of the `headers` input: `GLOB: Header: value`. */
export interface HeaderRule {
  glob: string;
  /** Canonical spelling (see HeaderName). */
  header: HeaderName;
  value: string;
  /** 1-based line number in the input, for messages and the report. */
  line: number;
}

export interface HeaderDecision {
  contentType: string;
  cacheControl: string;
  cacheControlSource: CacheControlSource;
  contentEncoding?: string;
  contentLanguage?: string;
  contentDisposition?: string;
  /** S3 `x-amz-website-redirect-location`. */
  websiteRedirectLocation?: string;
  /** User metadata, keys lower-case without `x-amz-meta-`. Absent when there is none. */
  metadata?: Record<string, string>;
  /** Source of every header set (keyed by HeaderName); always filled by headerRules. */
  sources?: Partial<Record<HeaderName, HeaderSource>>;
}

/** Every header the action sets on an object; what headersHash, headersDiffer and the upload use. */
export interface ObjectHeaders {
  contentType?: string;
  cacheControl?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  contentDisposition?: string;
  websiteRedirectLocation?: string;
  /** Keys lower-case, without `x-amz-meta-`. */
  metadata?: Record<string, string>;
}

/** The headers an object in the bucket has now (see headersFromHead). */
export interface StoredHeaders extends ObjectHeaders {
  metadata: Record<string, string>;
}
