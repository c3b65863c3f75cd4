// The ledger read through the real S3 adapter (a local S3 server): parsed as its bytes arrive, never held as text.
// The value is the one written, whatever the chunks the server sends (multi-byte keys split across them), and a
// ledger that is not JSON fails naming it, as one read whole would.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { createS3Store } from '../src/io/s3/store.js';
import { readState, writeState } from '../src/io/s3/ledger.js';
import type { DeployState, ServedTuple, StateEntry } from '../src/model/data.js';
import type { ObjectStore } from '../src/model/ports.js';
import { stateKeyIn } from '../src/model/records.js';

let s3: S3StandIn;
// The SDK reads credentials from the process environment.
const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  s3 = await startS3({ buckets: ['ledger-stream'] });
}, 60_000);
afterAll(async () => {
  await s3?.stop();
  for (const [k, v] of [
    ['AWS_ACCESS_KEY_ID', saved.id],
    ['AWS_SECRET_ACCESS_KEY', saved.secret],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const DIR = '.s3cfd-0123456789abcdef01234567/';

function store(): { store: ObjectStore; getText: () => number } {
  const real = createS3Store('ledger-stream', {
    region: 'us-east-1',
    concurrency: 4,
    multipartThreshold: 64 * 1024 * 1024,
    partSize: 8 * 1024 * 1024,
    env: { AWS_ENDPOINT_URL_S3: s3.endpoint },
  });
  let texts = 0;
  return {
    store: {
      ...real,
      getText: (key) => {
        texts++;
        return real.getText(key);
      },
    },
    getText: () => texts,
  };
}

/** A format-3 ledger of n keys; every 7th key has characters of 2, 3 and 4 UTF-8 bytes. */
function ledger(n: number): DeployState {
  const objects: Record<string, StateEntry> = {};
  const full: Record<string, ServedTuple> = {};
  const tags: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const key = i % 7 === 0 ? `docs/ünïcødé-€-😀-${i}.html` : `z14/${i % 97}/${i}.png`;
    const md5 = (i * 2654435761).toString(16).padStart(32, '0').slice(-32);
    objects[key] = i % 5 === 0 ? [`${md5}-2`, md5, 'hh1', 'rh1'] : ['', md5, 'hh2'];
    full[key] = [md5, 100 + i, i % 3, (i % 2) as 0 | 1];
    if (i % 3 === 0) tags[key] = '#mh';
  }
  return {
    version: 3,
    objects,
    demoted: ['a-1234abcd.js'],
    tags: { meta: 'cache-tag', objects: tags },
    deploys: [
      { sha: 'b'.repeat(40), runId: '2', time: '2026-12-06T00:00:00.000Z', id: 2, site: { full } },
      { sha: 'a'.repeat(40), runId: '1', time: '2026-12-05T00:00:00.000Z', id: 1, site: { gone: ['old.html'] } },
    ],
    headerSets: [
      { contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' },
      { contentType: 'image/png', cacheControl: 'max-age=60' },
      { contentType: 'text/css', cacheControl: 'public, max-age=31536000, immutable', metadata: { 'x-k': 'v"q' } },
    ],
  };
}

describe('the ledger read as it arrives, through the S3 adapter', () => {
  it('reads back exactly what was written (40,000 keys, multi-byte keys across chunks), without getText', async () => {
    const { store: s, getText } = store();
    const state = ledger(40_000);
    const etag = await writeState(s, DIR, state);
    const read = await readState(s, DIR, true, 'ledger-stream');
    expect(read?.etag).toBe(etag);
    expect(read?.state).toStrictEqual(state);
    expect(getText()).toBe(0);
  }, 60_000);

  it('a missing ledger reads as none', async () => {
    const { store: s } = store();
    expect(await readState(s, '.s3cfd-ffffffffffffffffffffffff/', true, 'ledger-stream')).toBeNull();
  });

  it.each([
    ['cut short', (t: string) => t.slice(0, Math.floor(t.length / 2))],
    ['a bad token deep inside', (t: string) => t.replace('"hh2"]', '"hh2"}')],
    ['text after the value', (t: string) => `${t} {}`],
    ['empty', () => ''],
  ])(
    'a ledger %s fails as damaged, naming it and how to recover',
    async (_, damage) => {
      const { store: s } = store();
      const dir = '.s3cfd-abcdefabcdefabcdefabcdef/';
      await s.putText(stateKeyIn(dir), damage(JSON.stringify(ledger(3000))));
      const err = await readState(s, dir, true, 'ledger-stream').then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err?.name).toBe('RecordError');
      expect(err?.message).toContain('s3://ledger-stream/.s3cfd-<hidden>/state.json is damaged: not JSON (');
      expect(err?.message).toMatch(/position \d+\)/);
      expect(err?.message).toContain('To recover, delete that object');
    },
    30_000,
  );

  it('a JSON value that is not a ledger object fails as damaged', async () => {
    const { store: s } = store();
    const dir = '.s3cfd-bbbbbbbbbbbbbbbbbbbbbbbb/';
    await s.putText(stateKeyIn(dir), '[1,2,3]');
    await expect(readState(s, dir, true, 'ledger-stream')).rejects.toThrow('is damaged: not a JSON object');
  });
});
