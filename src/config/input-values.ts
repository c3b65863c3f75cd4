// The small value parsers every input goes through: booleans, whole numbers, choices, lists, prefixes and
// durations. Each raises an InputError naming the input and the accepted form.

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input '${input}': ${message}`);
    this.name = 'InputError';
  }
}

export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('#'));
}

export function bool(name: string, raw: string, def: boolean): boolean {
  const v = raw.trim().toLowerCase();
  if (v === '') return def;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(name, `expected true or false, got '${raw}'`);
}

export function int(name: string, raw: string, def: number, min: number, max: number, extra?: number): number {
  const v = raw.trim();
  if (v === '') return def;
  if (!/^-?\d+$/.test(v)) throw new InputError(name, `expected a whole number from ${min} to ${max}, got '${raw}'`);
  const n = Number(v);
  if (extra !== undefined && n === extra) return n;
  if (n < min || n > max) {
    const alt = extra !== undefined ? ` (or ${extra})` : '';
    throw new InputError(name, `expected a whole number from ${min} to ${max}${alt}, got '${raw}'`);
  }
  return n;
}

export function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[], def: T): T {
  const v = raw.trim();
  if (v === '') return def;
  if (!(allowed as readonly string[]).includes(v)) throw new InputError(name, `expected ${allowed.join(' or ')}, got '${raw}'`);
  return v as T;
}

/** 'site', '/site/', '' -> 'site/' or ''. */
export function normalisePrefix(raw: string): string {
  const p = raw.trim().replace(/^\/+/, '').replace(/\/+$/, '');
  return p === '' ? '' : `${p}/`;
}

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A duration such as `7d`, `36h`, `90m`, `2w` or `0` (none), in ms. */
export function parseDuration(name: string, raw: string, def: string): number {
  const v = (raw.trim() || def).toLowerCase();
  if (v === '0') return 0;
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(v);
  if (!m) throw new InputError(name, `expected a duration such as 7d, 36h, 90m or 0, got '${raw}'`);
  return Math.round(Number(m[1]) * DURATION_UNITS[m[2]!]!);
}
