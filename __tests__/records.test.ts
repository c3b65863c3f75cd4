// Where the action keeps its own records (src/model/records.ts), as tables: which keys are the action's, and
// which folder a run reads and writes (the hidden one, state-prefix, the legacy one to migrate).
import { isOwnKey, isOwnRelPath, LEGACY_DIR, lockKeyIn, owedDirIn, recordsLayout, stateKeyIn } from '../src/model/records.js';

const FRESH = '0123456789abcdef01234567'; // what gather draws: 24 random hex digits
const H1 = '.s3cfd-aaaaaaaaaaaaaaaaaaaaaaaa/';
const H2 = '.s3cfd-bbbbbbbbbbbbbbbbbbbbbbbb/';

describe('isOwnRelPath: a path under the prefix that belongs to the action', () => {
  it.each<[string, boolean]>([
    ['.s3-cloudfront-deploy/state.json', true],
    ['.s3-cloudfront-deploy/owed/E1/1-1.json', true],
    [`${H1}state.json`, true],
    [`${H1}lock.json`, true],
    [`.s3cfd-${FRESH}/owed/E1/1-1.json`, true],
    // Not the action's: the site's own dotfiles and look-alikes.
    ['.well-known/security.txt', false],
    ['.s3cfd-short/state.json', false], // too short to be a random name
    ['.s3cfd-aaaaaaaaaaaaaaaaaaaaaaaa', false], // a file, not the folder
    ['s3cfd-aaaaaaaaaaaaaaaaaaaaaaaa/state.json', false],
    [`docs/${H1}state.json`, true], // another deploy's records below the prefix (a preview, a shard): never the site's
    ['previews/pr-1/.s3cfd-lock.json', true],
    ['docs/.s3cfd-lock.json/x', false],
    ['.s3-cloudfront-deploy', false],
    ['index.html', false],
    ['state.json', false],
  ])('%s -> %s', (rel, own) => {
    expect(isOwnRelPath(rel)).toBe(own);
  });
});

describe('isOwnKey: a key of the action for the site at prefix, records under state-prefix', () => {
  it.each<[string, string, string, boolean]>([
    [`${H1}state.json`, '', '', true],
    [`site/${H1}state.json`, 'site/', '', true],
    [`${H1}state.json`, 'site/', '', false], // another prefix's records (not listed anyway)
    ['site/.s3-cloudfront-deploy/state.json', 'site/', '', true],
    ['site/index.html', 'site/', '', false],
    // state-prefix: everything under it is the action's; the old folders inside the prefix still are.
    ['deploy-state/site/state.json', 'site/', 'deploy-state/', true],
    ['deploy-state/site/lock.json', 'site/', 'deploy-state/', true],
    [`site/${H1}state.json`, 'site/', 'deploy-state/', true],
    ['site/index.html', 'site/', 'deploy-state/', false],
    ['site/deploy-state/x.html', 'site/', 'deploy-state/', false],
  ])('%s (prefix %j, state-prefix %j) -> %s', (key, prefix, statePrefix, own) => {
    expect(isOwnKey(key, prefix, statePrefix)).toBe(own);
  });
});

describe('recordsLayout: the folder a run uses and the ones it migrates from', () => {
  it.each<[string, string, string, string[], string, string[]]>([
    ['a new bucket: a new hidden folder', '', '', [], `.s3cfd-${FRESH}/`, []],
    ['a new prefix', 'site/', '', [], `site/.s3cfd-${FRESH}/`, []],
    ['the hidden folder listed is found again (stable)', '', '', [`${H1}state.json`], H1, []],
    ['found again from any of its records', 'site/', '', [`site/${H1}owed/E1/7-1.json`], `site/${H1}`, []],
    [
      'legacy records only: a new hidden folder, the legacy one migrated',
      '',
      '',
      ['.s3-cloudfront-deploy/state.json', '.s3-cloudfront-deploy/owed/E1/1-1.json'],
      `.s3cfd-${FRESH}/`,
      [LEGACY_DIR],
    ],
    [
      'legacy and hidden: the hidden one, the legacy one still read',
      'site/',
      '',
      ['site/.s3-cloudfront-deploy/owed/E1/1-1.json', `site/${H1}state.json`],
      `site/${H1}`,
      [`site/${LEGACY_DIR}`],
    ],
    ['two hidden folders: the first in order, the other migrated', '', '', [`${H2}state.json`, `${H1}state.json`], H1, [H2]],
    ['state-prefix on a new bucket', 'site/', 'deploy-state/', [], 'deploy-state/site/', []],
    ['state-prefix with an empty prefix', '', 'deploy-state/', [], 'deploy-state/', []],
    [
      'state-prefix newly set: the hidden folder in the prefix is migrated',
      'site/',
      'deploy-state/',
      [`site/${H1}state.json`, 'deploy-state/site/state.json'],
      'deploy-state/site/',
      [`site/${H1}`],
    ],
    [
      'state-prefix newly set over a legacy folder',
      'site/',
      'deploy-state/',
      ['site/.s3-cloudfront-deploy/state.json'],
      'deploy-state/site/',
      [`site/${LEGACY_DIR}`],
    ],
    ['records of another prefix are not ours', 'site/', '', [`other/${H1}state.json`], `site/.s3cfd-${FRESH}/`, []],
  ])('%s', (_name, prefix, statePrefix, ownKeys, dir, oldDirs) => {
    expect(recordsLayout(prefix, statePrefix, ownKeys, FRESH)).toEqual({ dir, oldDirs });
  });

  it('the new folder is hidden: isOwnRelPath knows every record in it', () => {
    const { dir } = recordsLayout('', '', [], FRESH);
    for (const key of [stateKeyIn(dir), lockKeyIn(dir), `${owedDirIn(dir)}E1/1-1.json`])
      expect([key, isOwnRelPath(key)]).toEqual([key, true]);
  });

  it.each<[string, string, string, string]>([
    [H1, `${H1}state.json`, `${H1}owed/`, `${H1}lock.json`],
    ['deploy-state/site/', 'deploy-state/site/state.json', 'deploy-state/site/owed/', 'deploy-state/site/lock.json'],
  ])('the records in %s', (dir, state, owed, lock) => {
    expect([stateKeyIn(dir), owedDirIn(dir), lockKeyIn(dir)]).toEqual([state, owed, lock]);
  });
});
