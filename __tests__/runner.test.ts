// src/io/runner.ts against its oracle, @actions/core 3.0.1 (a dev dependency for this test only): the same calls
// on the same inputs must write the same bytes to stdout and to the GITHUB_OUTPUT file, set the same exit code
// and read the same inputs. The heredoc delimiter is random in both: it is checked for its form and then
// replaced by a fixed one, so that everything else (name, framing, value, line ends) is compared byte for byte.
import * as core from '@actions/core';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as runner from '../src/io/runner.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** stdout while `fn` runs, and the exit code it set (process.exitCode is restored after). */
async function capture(fn: () => unknown): Promise<{ stdout: string; exitCode: typeof process.exitCode; result: unknown }> {
  const origWrite = process.stdout.write.bind(process.stdout);
  const savedExit = process.exitCode;
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  process.exitCode = undefined;
  try {
    let result: unknown;
    try {
      result = await fn();
    } catch (err) {
      result = { threw: (err as Error).message };
    }
    return { stdout, exitCode: process.exitCode, result };
  } finally {
    process.stdout.write = origWrite;
    process.exitCode = savedExit;
  }
}

/** Runs `call` once with @actions/core and once with ours; both must write the same. */
async function same<T>(call: (impl: typeof runner) => T): Promise<void> {
  const theirs = await capture(() => call(core as unknown as typeof runner));
  const ours = await capture(() => call(runner));
  expect(ours).toEqual(theirs);
}

const DELIMITER = /ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

/** The GITHUB_OUTPUT content with each record's random delimiter (checked for its form) replaced by a fixed one. */
function normalise(content: string): string {
  let out = '';
  let rest = content;
  while (rest.length > 0) {
    // `name<<DELIM` EOL `value` EOL `DELIM` EOL: the name ends at the first `<<ghadelimiter_`.
    const m = /^([\s\S]*?)<<(ghadelimiter_[0-9a-f-]{36})\n/.exec(rest);
    if (!m) throw new Error(`not a heredoc record: ${JSON.stringify(rest.slice(0, 80))}`);
    const delimiter = m[2]!;
    expect(delimiter).toMatch(new RegExp(`^${DELIMITER.source}$`));
    const end = rest.indexOf(`\n${delimiter}\n`, m[0].length - 1);
    if (end < 0) throw new Error(`unterminated heredoc ${delimiter}`);
    const record = rest.slice(0, end + delimiter.length + 2);
    out += record.split(delimiter).join('ghadelimiter_FIXED');
    rest = rest.slice(record.length);
  }
  return out;
}

let fileSeq = 0;
/** setOutput calls into a GITHUB_OUTPUT file, with @actions/core and with ours; both files must read the same. */
async function sameOutputFile(calls: [string, unknown][]): Promise<string> {
  const saved = process.env.GITHUB_OUTPUT;
  const files: string[] = [];
  try {
    for (const impl of [core as unknown as typeof runner, runner]) {
      const file = path.join(dir, `output-${++fileSeq}`);
      fs.writeFileSync(file, '');
      process.env.GITHUB_OUTPUT = file;
      const { stdout } = await capture(() => {
        for (const [name, value] of calls) impl.setOutput(name, value);
      });
      expect(stdout).toBe('');
      files.push(fs.readFileSync(file, 'utf8'));
    }
  } finally {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved;
  }
  const [theirs, ours] = files.map(normalise) as [string, string];
  expect(ours).toBe(theirs);
  return ours;
}

/** Runs `fn` with GITHUB_OUTPUT unset (the `::set-output` fallback). */
async function withoutOutputFile(fn: () => Promise<void>): Promise<void> {
  const saved = process.env.GITHUB_OUTPUT;
  delete process.env.GITHUB_OUTPUT;
  try {
    await fn();
  } finally {
    if (saved !== undefined) process.env.GITHUB_OUTPUT = saved;
  }
}

const TRICKY = [
  '',
  'plain',
  '100% done',
  '%25 already escaped %0A',
  'line one\nline two',
  'crlf\r\nend',
  'lone \r carriage',
  '::error::injected',
  'a::b:c,d',
  'trailing newline\n',
  '\n\n',
  'unicode é ü 日本 😀 \u2028 \u0000',
  '  padded  ',
  'ghadelimiter_ but not a uuid',
];

// Text made mostly of the characters the escaping is about.
const message = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(fc.constantFrom('%', '\r', '\n', ':', '::', ',', '%0A', '%25', 'a', ' ', 'é', '😀', '\u2028', '\t'), { maxLength: 20 })
    .map((a) => a.join('')),
);

describe('workflow commands on stdout: byte-identical to @actions/core', () => {
  it.each(TRICKY)('%j', async (m) => {
    await same((r) => r.info(m));
    await same((r) => r.debug(m));
    await same((r) => r.notice(m));
    await same((r) => r.warning(m));
    await same((r) => r.error(m));
    await same((r) => r.setSecret(m));
    await same((r) => r.setFailed(m));
    await same((r) => r.setFailed(new Error(m)));
    await same((r) => r.warning(new Error(m)));
    await same((r) => r.group(m, async () => (r.info(`in ${m}`), m.length)));
    await withoutOutputFile(() => same((r) => r.setOutput(m || 'name', m)));
  });

  it('what the escaping gives (a fixed example)', async () => {
    const { stdout, exitCode } = await capture(() => runner.setFailed('50%\r\nbad::thing, here'));
    expect(stdout).toBe(`::error::50%25%0D%0Abad::thing, here${os.EOL}`);
    expect(exitCode).toBe(1);
    await withoutOutputFile(async () => {
      const out = await capture(() => runner.setOutput('a b', 'x\ny'));
      expect(out.stdout).toBe(`${os.EOL}::set-output name=a b::x%0Ay${os.EOL}`);
      // The property escaping (`:` and `,` too) is what a name goes through.
      expect((await capture(() => runner.setOutput('k:1,2%\n', ''))).stdout).toBe(`${os.EOL}::set-output name=k%3A1%2C2%25%0A::${os.EOL}`);
    });
  });

  it('any message, any command', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        await same((r) => r.info(m));
        await same((r) => r.debug(m));
        await same((r) => r.notice(m));
        await same((r) => r.warning(m));
        await same((r) => r.setSecret(m));
        await same((r) => r.setFailed(m));
        await same((r) => r.setFailed(new Error(m)));
      }),
      { numRuns: 300 },
    );
  });

  it('group: the same framing around the output, the same result and the same failure', async () => {
    await fc.assert(
      fc.asyncProperty(message, message, fc.boolean(), async (name, inner, fail) => {
        await same((r) =>
          r.group(name, async () => {
            r.info(inner);
            await Promise.resolve();
            r.debug(inner);
            if (fail) throw new Error(inner);
            return inner;
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('setOutput without GITHUB_OUTPUT: `::set-output` with the name escaped as a property', async () => {
    await withoutOutputFile(() =>
      fc.assert(
        fc.asyncProperty(message, fc.oneof(message, fc.jsonValue()), async (name, value) => {
          await same((r) => r.setOutput(name, value));
        }),
        { numRuns: 200 },
      ),
    );
  });
});

describe('setOutput to the GITHUB_OUTPUT file: the same heredoc records as @actions/core', () => {
  it('the framing', async () => {
    expect(await sameOutputFile([['url', 'https://example.com/a']])).toBe(
      `url<<ghadelimiter_FIXED${os.EOL}https://example.com/a${os.EOL}ghadelimiter_FIXED${os.EOL}`,
    );
  });

  it.each(TRICKY)('%j', async (value) => {
    await sameOutputFile([
      ['name with spaces', value],
      ['report-path', value],
      [value || 'x', 'after'],
    ]);
  });

  it('any names and values, several per file (strings, and JSON for the rest)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(message, fc.oneof(message, fc.jsonValue(), fc.constant(null))), { minLength: 1, maxLength: 5 }),
        async (calls) => {
          await sameOutputFile(calls);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a missing file fails the same way', async () => {
    const saved = process.env.GITHUB_OUTPUT;
    process.env.GITHUB_OUTPUT = path.join(dir, 'no', 'such', 'file');
    try {
      await same((r) => r.setOutput('a', 'b'));
      expect((await capture(() => runner.setOutput('a', 'b'))).result).toEqual({ threw: expect.stringMatching(/^Missing file at path: /) });
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = saved;
    }
  });
});

describe('getInput: the same value as @actions/core', () => {
  const names = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,15}$/);
  const values = fc.oneof(message, fc.constant(''), fc.constant('  \t value \r\n'));

  it('INPUT_<NAME>, upper-cased, spaces as underscores, trimmed; unset is empty', async () => {
    await fc.assert(
      fc.asyncProperty(names, values, fc.boolean(), async (name, value, set) => {
        const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
        const saved = process.env[key];
        if (set && !value.includes('\u0000')) process.env[key] = value;
        else delete process.env[key];
        try {
          expect(runner.getInput(name)).toBe(core.getInput(name));
        } finally {
          if (saved === undefined) delete process.env[key];
          else process.env[key] = saved;
        }
      }),
      { numRuns: 300 },
    );
    process.env.INPUT_SOURCE_DIR = '  site \n';
    expect(runner.getInput('source dir')).toBe('site');
    expect(runner.getInput('source-dir')).toBe('');
    delete process.env.INPUT_SOURCE_DIR;
  });
});
