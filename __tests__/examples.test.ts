// The examples (examples/*.yml), the project's own workflows (.github/workflows/*.yml) and the README's
// ```yaml blocks, checked against the contract in action.yml: they parse, use only declared inputs (with
// the inputs each mode requires, and values parseInputs accepts), reference only declared outputs, grant
// id-token: write wherever OIDC is used, and serialise deploys with a concurrency group. Also: action.yml
// is Marketplace-ready (descriptions, defaults, branding, node24) and the README documents every input
// and output.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parseInputs } from '../src/config/inputs.js';

type Obj = Record<string, unknown>;

const ROOT = process.cwd();
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** Parse one YAML document; any syntax error (or duplicate key) is a failure naming `where`. */
function parseYaml(text: string, where: string): unknown {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) {
    throw new Error(`${where} is not valid YAML:\n${doc.errors.map((e) => e.message).join('\n')}`);
  }
  return doc.toJS();
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const asString = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

// ---------------------------------------------------------------------------------------------
// The contract

interface InputSpec {
  description?: unknown;
  required?: unknown;
  default?: unknown;
}
const action = obj(parseYaml(read('action.yml'), 'action.yml'));
const INPUTS = obj(action.inputs) as Record<string, InputSpec>;
const OUTPUTS = obj(action.outputs) as Record<string, { description?: unknown }>;
const INPUT_NAMES = Object.keys(INPUTS);
const OUTPUT_NAMES = Object.keys(OUTPUTS);

// ---------------------------------------------------------------------------------------------
// The workflows under test

interface Source {
  /** e.g. examples/push-deploy.yml or README.md block 2 (line 31) */
  name: string;
  text: string;
  kind: 'example' | 'project' | 'readme';
}

const listYaml = (dir: string): string[] =>
  fs.existsSync(path.join(ROOT, dir))
    ? fs
        .readdirSync(path.join(ROOT, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];

const EXAMPLE_FILES = listYaml('examples');
const PROJECT_FILES = listYaml('.github/workflows');
const README = read('README.md');

/** The README's ```yaml fenced blocks, with the line each starts on. */
function readmeYamlBlocks(md: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++;
    blocks.push({ line: start + 1, text: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}
const README_BLOCKS = readmeYamlBlocks(README);

const SOURCES: Source[] = [
  ...EXAMPLE_FILES.map((f) => ({ name: f, text: read(f), kind: 'example' as const })),
  ...PROJECT_FILES.map((f) => ({ name: f, text: read(f), kind: 'project' as const })),
  ...README_BLOCKS.map((b, i) => ({ name: `README.md yaml block ${i + 1} (line ${b.line})`, text: b.text, kind: 'readme' as const })),
];

// ---------------------------------------------------------------------------------------------
// Workflow helpers

const jobsOf = (wf: Obj): [string, Obj][] => Object.entries(obj(wf.jobs)).map(([id, j]) => [id, obj(j)]);
const stepsOf = (job: Obj): Obj[] => (Array.isArray(job.steps) ? job.steps.map(obj) : []);

/** `uses:` of this action: the Marketplace reference or the repository itself (./). */
const isThisAction = (uses: unknown): boolean =>
  typeof uses === 'string' && (/^acme\/s3-cloudfront-deploy@\S+$/.test(uses) || /^\.\/?\.?$/.test(uses.trim()));

interface ActionStep {
  job: string;
  step: Obj;
  with: Obj;
  label: string;
}

function actionSteps(wf: Obj): ActionStep[] {
  const out: ActionStep[] = [];
  for (const [jobId, job] of jobsOf(wf)) {
    stepsOf(job).forEach((step, i) => {
      if (isThisAction(step.uses)) {
        out.push({ job: jobId, step, with: obj(step.with), label: `job ${jobId}, step ${String(step.id ?? step.name ?? i + 1)}` });
      }
    });
  }
  return out;
}

/** Every string scalar under `node`, with the key it sits under. */
function strings(node: unknown, key = ''): { key: string; value: string }[] {
  if (typeof node === 'string') return [{ key, value: node }];
  if (Array.isArray(node)) return node.flatMap((v) => strings(v, key));
  if (isObj(node)) return Object.entries(node).flatMap(([k, v]) => strings(v, k));
  return [];
}

/** Expression texts: the contents of every ${{ }}, and whole `if:` conditions (implicit expressions). */
function expressions(node: unknown): string[] {
  const out: string[] = [];
  for (const { key, value } of strings(node)) {
    for (const m of value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) out.push(m[1]!);
    if (key === 'if' && !value.includes('${{')) out.push(value);
  }
  return out;
}

/** `<ctx>.<a>.outputs.<b>` and `<ctx>.<a>.outputs['<b>']` references. */
function outputRefs(exprs: string[], ctx: 'steps' | 'needs' | 'jobs'): { id: string; output: string }[] {
  const refs: { id: string; output: string }[] = [];
  const re = new RegExp(`\\b${ctx}\\.([A-Za-z_][\\w-]*)\\.outputs(?:\\.([A-Za-z_][\\w-]*)|\\[\\s*['"]([^'"]+)['"]\\s*\\])`, 'g');
  for (const e of exprs) for (const m of e.matchAll(re)) refs.push({ id: m[1]!, output: (m[2] ?? m[3])! });
  return refs;
}

const hasExpression = (v: unknown) => typeof v === 'string' && v.includes('${{');

/** Upload mode unless `upload` is literally false; null when an expression decides. */
function uploadMode(w: Obj): boolean | null {
  if (asString(w['remove-prefix']).trim().toLowerCase() === 'true') return false;
  const v = w.upload;
  if (v === undefined) return asString(INPUTS.upload?.default).trim().toLowerCase() !== 'false';
  if (hasExpression(v)) return null;
  return asString(v).trim().toLowerCase() !== 'false';
}

/** Stand-ins for inputs given by expressions, so parseInputs can still check the literal ones. */
const PLACEHOLDER: Record<string, string> = {
  'source-dir': 'dist',
  bucket: 'example-bucket',
  prefix: 'previews/pr-1/',
  'distribution-id': 'E2QWRUHAPOMQZL',
  'origin-path': '',
  paths: '/index.html',
  'github-token': 'token',
  'diff-base': '',
  'report-path': '',
  'rollback-to': 'previous',
};

/** The input reader the runner would give the action: `with:` values, else action.yml defaults. */
function readerFor(w: Obj): (name: string) => string {
  return (name) => {
    const given = w[name];
    const raw = given === undefined ? INPUTS[name]?.default : given;
    if (hasExpression(raw)) return PLACEHOLDER[name] ?? (hasExpression(INPUTS[name]?.default) ? '' : asString(INPUTS[name]?.default));
    return asString(raw);
  };
}

/** Effective GITHUB_TOKEN permissions of a job: its own block replaces the workflow's. */
function grantsIdToken(wf: Obj, job: Obj): boolean {
  const perms = job.permissions !== undefined ? job.permissions : wf.permissions;
  if (perms === 'write-all') return true;
  return isObj(perms) && perms['id-token'] === 'write';
}

const usesOidc = (job: Obj): boolean =>
  stepsOf(job).some(
    (s) =>
      typeof s.uses === 'string' &&
      s.uses.startsWith('aws-actions/configure-aws-credentials@') &&
      obj(s.with)['role-to-assume'] !== undefined,
  );

/** A job's `uses:` of a reusable workflow that lives in examples/, parsed; else null. */
function calledExample(job: Obj): { file: string; wf: Obj } | null {
  const m = typeof job.uses === 'string' ? /\.github\/workflows\/([^/@]+\.ya?ml)@\S+$/.exec(job.uses) : null;
  if (!m) return null;
  const file = `examples/${m[1]}`;
  if (!fs.existsSync(path.join(ROOT, file))) return null;
  return { file, wf: obj(parseYaml(read(file), file)) };
}

const triggers = (wf: Obj): Obj =>
  typeof wf.on === 'string' ? { [wf.on]: null } : Array.isArray(wf.on) ? Object.fromEntries(wf.on.map((t) => [t, null])) : obj(wf.on);

// ---------------------------------------------------------------------------------------------

describe('action.yml is Marketplace-ready', () => {
  test('declares inputs and outputs', () => {
    expect(INPUT_NAMES.length).toBeGreaterThan(0);
    expect(OUTPUT_NAMES.length).toBeGreaterThan(0);
    expect(asString(action.name).trim()).not.toBe('');
    expect(asString(action.description).trim()).not.toBe('');
  });

  test('every input has a description and a default (or is required)', () => {
    const bad = INPUT_NAMES.filter(
      (n) => asString(INPUTS[n]!.description).trim() === '' || (INPUTS[n]!.default === undefined && INPUTS[n]!.required !== true),
    );
    expect(bad).toEqual([]);
  });

  test('every output has a description', () => {
    expect(OUTPUT_NAMES.filter((n) => asString(OUTPUTS[n]!.description).trim() === '')).toEqual([]);
  });

  test('has branding (icon and color)', () => {
    const branding = obj(action.branding);
    expect(asString(branding.icon)).not.toBe('');
    expect(asString(branding.color)).not.toBe('');
  });

  test('runs on node24 from the committed bundle', () => {
    const runs = obj(action.runs);
    expect(runs.using).toBe('node24');
    expect(asString(runs.main)).toBe('dist/index.js');
    expect(fs.existsSync(path.join(ROOT, asString(runs.main)))).toBe(true);
  });
});

describe('README documents the contract', () => {
  test('mentions every input in backticks', () => {
    expect(INPUT_NAMES.filter((n) => !README.includes(`\`${n}\``))).toEqual([]);
  });

  test('mentions every output in backticks', () => {
    expect(OUTPUT_NAMES.filter((n) => !README.includes(`\`${n}\``))).toEqual([]);
  });

  test('has yaml examples that use the action', () => {
    expect(README_BLOCKS.length).toBeGreaterThan(0);
    const using = README_BLOCKS.filter((b) => {
      try {
        return actionSteps(obj(parseYaml(b.text, 'block'))).length > 0;
      } catch {
        return /acme\/s3-cloudfront-deploy@/.test(b.text);
      }
    });
    expect(using.length).toBeGreaterThan(0);
  });
});

describe('the expected examples exist', () => {
  test.each(['push-deploy.yml', 'manual-invalidate.yml', 'reusable-deploy.yml', 'caller.yml', 'pr-preview.yml', 'multi-distribution.yml'])(
    'examples/%s',
    (f) => {
      expect(EXAMPLE_FILES).toContain(`examples/${f}`);
    },
  );

  test('the project workflows exist', () => {
    expect(PROJECT_FILES).toEqual(expect.arrayContaining(['.github/workflows/check-dist.yml', '.github/workflows/test.yml']));
  });
});

describe.each(SOURCES.map((s) => [s.name, s] as const))('%s', (_name, src) => {
  let wf: Obj = {};
  let parseError: Error | null = null;
  try {
    wf = obj(parseYaml(src.text, src.name));
  } catch (err) {
    parseError = err as Error;
  }
  const steps = parseError ? [] : actionSteps(wf);

  test('parses as YAML', () => {
    if (parseError) throw parseError;
    expect(isObj(wf)).toBe(true);
  });

  test('is a well-formed workflow (on, jobs, runs-on or uses, one of run/uses per step)', () => {
    if (parseError) return; // reported by 'parses as YAML'
    if (src.kind === 'readme' && wf.jobs === undefined) return; // a fragment, not a workflow
    expect(Object.keys(triggers(wf)).length).toBeGreaterThan(0);
    const jobs = jobsOf(wf);
    expect(jobs.length).toBeGreaterThan(0);
    for (const [id, job] of jobs) {
      expect([id, job['runs-on'] !== undefined || job.uses !== undefined]).toEqual([id, true]);
      stepsOf(job).forEach((s, i) => {
        expect([id, i, (s.uses !== undefined) !== (s.run !== undefined)]).toEqual([id, i, true]);
      });
    }
  });

  test('uses only inputs declared in action.yml', () => {
    const unknown = steps.flatMap((s) =>
      Object.keys(s.with)
        .filter((k) => !INPUT_NAMES.includes(k))
        .map((k) => `${s.label}: ${k}`),
    );
    expect(unknown).toEqual([]);
  });

  test('gives the inputs its mode requires (upload: source-dir and bucket; upload: false: distribution-id; remove-prefix: bucket and prefix; rollback-to: bucket)', () => {
    const missing: string[] = [];
    for (const s of steps) {
      const mode = uploadMode(s.with);
      const removing = asString(s.with['remove-prefix']).trim().toLowerCase() === 'true';
      // rollback-to: no build, so no source-dir; the bucket holds the history.
      const rollingBack = asString(s.with['rollback-to']).trim() !== '';
      const need = removing
        ? ['bucket', 'prefix']
        : rollingBack
          ? ['bucket']
          : mode === null
            ? []
            : mode
              ? ['source-dir', 'bucket']
              : ['distribution-id'];
      for (const k of need) if (asString(s.with[k]).trim() === '') missing.push(`${s.label}: ${k}`);
    }
    expect(missing).toEqual([]);
  });

  test('literal input values pass the action’s own validation (parseInputs)', () => {
    const errors: string[] = [];
    for (const s of steps) {
      try {
        parseInputs(readerFor(s.with), { GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: '/tmp/examples-test' });
      } catch (err) {
        errors.push(`${s.label}: ${(err as Error).message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  test('steps.<id>.outputs references name a step of the job, and this action’s outputs exist', () => {
    const bad: string[] = [];
    for (const [jobId, job] of jobsOf(wf)) {
      const ids = new Map(
        stepsOf(job)
          .filter((s) => s.id !== undefined)
          .map((s) => [String(s.id), s]),
      );
      for (const ref of outputRefs(expressions(job), 'steps')) {
        const step = ids.get(ref.id);
        if (!step) bad.push(`job ${jobId}: steps.${ref.id} is not a step id of the job`);
        else if (isThisAction(step.uses) && !OUTPUT_NAMES.includes(ref.output))
          bad.push(`job ${jobId}: steps.${ref.id}.outputs.${ref.output} is not an output`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('needs.<job>.outputs and jobs.<job>.outputs references are declared', () => {
    const bad: string[] = [];
    const jobs = new Map(jobsOf(wf));
    const outputsOfJob = (id: string): string[] | null => {
      const job = jobs.get(id);
      if (!job) return null;
      const called = calledExample(job);
      if (called) return Object.keys(obj(obj(triggers(called.wf).workflow_call).outputs));
      if (job.uses !== undefined) return null; // an external reusable workflow: cannot check
      return Object.keys(obj(job.outputs));
    };
    for (const [jobId, job] of jobs) {
      const needs = Array.isArray(job.needs) ? job.needs.map(String) : job.needs !== undefined ? [String(job.needs)] : [];
      for (const ref of outputRefs(expressions(job), 'needs')) {
        if (!needs.includes(ref.id)) bad.push(`job ${jobId}: needs.${ref.id} but the job does not need ${ref.id}`);
        const outs = outputsOfJob(ref.id);
        if (outs && !outs.includes(ref.output)) bad.push(`job ${jobId}: needs.${ref.id}.outputs.${ref.output} is not declared`);
      }
    }
    for (const ref of outputRefs(expressions(wf.on), 'jobs')) {
      const outs = outputsOfJob(ref.id);
      if (!outs || !outs.includes(ref.output)) bad.push(`on: jobs.${ref.id}.outputs.${ref.output} is not declared`);
    }
    expect(bad).toEqual([]);
  });

  test('inputs.* references name declared workflow inputs', () => {
    const on = triggers(wf);
    const declared = new Set([...Object.keys(obj(obj(on.workflow_call).inputs)), ...Object.keys(obj(obj(on.workflow_dispatch).inputs))]);
    const refs = expressions(wf.jobs).flatMap((e) => [...e.matchAll(/\binputs\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!));
    expect(refs.filter((r) => !declared.has(r))).toEqual([]);
  });

  test('a reusable workflow uses only the secrets it declares', () => {
    const call = triggers(wf).workflow_call;
    if (call === undefined) return;
    const declared = Object.keys(obj(obj(call).secrets));
    const refs = expressions(wf.jobs).flatMap((e) => [...e.matchAll(/\bsecrets\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!));
    expect(refs.filter((r) => r !== 'GITHUB_TOKEN' && !declared.includes(r))).toEqual([]);
  });

  test('jobs that assume an AWS role with OIDC grant id-token: write', () => {
    const bad: string[] = [];
    for (const [jobId, job] of jobsOf(wf)) {
      if (usesOidc(job) && !grantsIdToken(wf, job)) bad.push(jobId);
    }
    expect(bad).toEqual([]);
  });

  test('calls of an example reusable workflow match its inputs, secrets and permissions', () => {
    const bad: string[] = [];
    for (const [jobId, job] of jobsOf(wf)) {
      const called = calledExample(job);
      if (!called) continue;
      const call = obj(triggers(called.wf).workflow_call);
      const inputs = obj(call.inputs) as Record<string, { required?: boolean; type?: string }>;
      const secrets = obj(call.secrets) as Record<string, { required?: boolean }>;
      const given = obj(job.with);
      for (const k of Object.keys(given)) {
        if (!inputs[k]) bad.push(`${jobId}: with.${k} is not an input of ${called.file}`);
        else if (inputs[k].type === 'boolean' && !hasExpression(given[k]) && typeof given[k] !== 'boolean')
          bad.push(`${jobId}: with.${k} must be a boolean`);
      }
      for (const [k, spec] of Object.entries(inputs))
        if (obj(spec).required === true && given[k] === undefined) bad.push(`${jobId}: required input ${k} missing`);
      if (job.secrets !== 'inherit') {
        const givenSecrets = obj(job.secrets);
        for (const k of Object.keys(givenSecrets)) if (!secrets[k]) bad.push(`${jobId}: secrets.${k} is not a secret of ${called.file}`);
        for (const [k, spec] of Object.entries(secrets))
          if (obj(spec).required === true && givenSecrets[k] === undefined) bad.push(`${jobId}: required secret ${k} missing`);
      }
      const needsOidc = jobsOf(called.wf).some(([, j]) => usesOidc(j));
      if (needsOidc && !grantsIdToken(wf, job))
        bad.push(`${jobId}: ${called.file} assumes a role with OIDC, so the caller must grant id-token: write`);
    }
    expect(bad).toEqual([]);
  });

  if (src.kind === 'example') {
    test('refers to this action as acme/s3-cloudfront-deploy@v1', () => {
      for (const s of steps) expect(s.step.uses).toBe('acme/s3-cloudfront-deploy@v1');
    });

    test('every job that deploys for real is serialised by a concurrency group (cancel-in-progress: false)', () => {
      const bad: string[] = [];
      for (const [jobId, job] of jobsOf(wf)) {
        const deploys = steps.some((s) => s.job === jobId && asString(s.with['dry-run']).trim() !== 'true');
        if (!deploys) continue;
        const c = job.concurrency ?? wf.concurrency;
        const group = typeof c === 'string' ? c : asString(obj(c).group);
        if (group === '' || obj(c)['cancel-in-progress'] === true) bad.push(jobId);
      }
      expect(bad).toEqual([]);
    });

    test('uses OIDC (role-to-assume), never long-lived access keys', () => {
      const keys = jobsOf(wf)
        .flatMap(([, j]) => stepsOf(j))
        .filter((s) => obj(s.with)['aws-access-key-id'] !== undefined || obj(s.with)['aws-secret-access-key'] !== undefined);
      expect(keys).toEqual([]);
    });
  }
});

describe('examples cover the adoption scenarios', () => {
  // A file that does not parse fails its own 'parses as YAML' test; here it is just empty.
  const safeParse = (f: string): Obj => {
    try {
      return obj(parseYaml(read(f), f));
    } catch {
      return {};
    }
  };
  const examples = new Map(EXAMPLE_FILES.map((f) => [path.basename(f), safeParse(f)]));
  const ex = (name: string): Obj => examples.get(name) ?? {};

  test('every example except the caller uses the action; every deploying one with OIDC', () => {
    for (const [name, wf] of examples) {
      if (name === 'caller.yml') continue;
      expect([name, actionSteps(wf).length > 0]).toEqual([name, true]);
      expect([name, jobsOf(wf).some(([, j]) => usesOidc(j))]).toEqual([name, true]);
    }
  });

  test('at least one example serialises deploys with a concurrency group', () => {
    const withGroup = [...examples].filter(([, wf]) => {
      const all = [wf.concurrency, ...jobsOf(wf).map(([, j]) => j.concurrency)];
      return all.some((c) => (typeof c === 'string' ? c !== '' : asString(obj(c).group) !== '' && obj(c)['cancel-in-progress'] === false));
    });
    expect(withGroup.length).toBeGreaterThan(0);
  });

  test('push-deploy: on push to main, shallow checkout (no fetch-depth: 0), explained', () => {
    const wf = ex('push-deploy.yml');
    expect(obj(triggers(wf).push).branches).toEqual(['main']);
    const checkouts = jobsOf(wf)
      .flatMap(([, j]) => stepsOf(j))
      .filter((s) => asString(s.uses).startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const c of checkouts) expect(obj(c.with)['fetch-depth']).toBeUndefined();
    expect(read('examples/push-deploy.yml')).toMatch(/fetch-depth: 0 is NOT needed/);
    expect(wf.concurrency).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
  });

  test('manual-invalidate: workflow_dispatch paths input, invalidate-only, wait', () => {
    const wf = ex('manual-invalidate.yml');
    expect(obj(obj(triggers(wf).workflow_dispatch).inputs).paths).toBeDefined();
    const [s] = actionSteps(wf);
    expect(s?.with.upload).toBe(false);
    expect(s?.with.wait).toBe(true);
    expect(s?.with.paths).toBe('${{ inputs.paths }}');
  });

  test('reusable-deploy: workflow_call with inputs, a secret and a downloaded artifact; caller.yml calls it', () => {
    const wf = ex('reusable-deploy.yml');
    const call = obj(triggers(wf).workflow_call);
    expect(Object.keys(obj(call.inputs))).toEqual(expect.arrayContaining(['source-dir', 'bucket', 'distribution-id', 'artifact-name']));
    expect(Object.keys(obj(call.secrets))).toContain('role-arn');
    const steps = jobsOf(wf).flatMap(([, j]) => stepsOf(j));
    expect(steps.some((s) => asString(s.uses).startsWith('actions/download-artifact@'))).toBe(true);
    const caller = ex('caller.yml');
    const calls = jobsOf(caller).filter(([, j]) => j.uses === 'acme/site-workflows/.github/workflows/reusable-deploy.yml@v1');
    expect(calls.length).toBe(1);
    expect(obj(calls[0]![1].secrets)['role-arn']).toBeDefined();
  });

  test('pr-preview: pull_request with dry-run: true', () => {
    const wf = ex('pr-preview.yml');
    expect(triggers(wf)).toHaveProperty('pull_request');
    const s = actionSteps(wf);
    expect(s.length).toBeGreaterThan(0);
    for (const x of s) expect(x.with['dry-run']).toBe(true);
  });

  test('multi-distribution: staging + production environments, two distribution IDs, an ID:/origin/path', () => {
    const wf = ex('multi-distribution.yml');
    const envs = jobsOf(wf).map(([, j]) => (typeof j.environment === 'string' ? j.environment : asString(obj(j.environment).name)));
    expect(envs).toEqual(expect.arrayContaining(['staging', 'production']));
    const ids = actionSteps(wf).map((s) => asString(s.with['distribution-id']));
    const split = (v: string) =>
      v
        .split(/[\n,]/)
        .map((x) => x.trim())
        .filter(Boolean);
    expect(ids.some((v) => split(v).length >= 2)).toBe(true);
    expect(ids.some((v) => split(v).some((x) => /^[A-Z0-9]+:\/\S+$/.test(x)))).toBe(true);
  });
});

describe('examples say what GitHub does (concurrency, commits, outputs)', () => {
  const exampleText = (f: string) => read(`examples/${f}`);
  const groupOf = (wf: Obj, job: Obj): string => {
    const c = job.concurrency ?? wf.concurrency;
    return typeof c === 'string' ? c : asString(obj(c).group);
  };
  /** The concurrency groups of an example's jobs that run the action, split by whether they upload. */
  const groups = (f: string) => {
    const wf = obj(parseYaml(read(f), f));
    const out = { uploads: new Set<string>(), invalidateOnly: new Set<string>() };
    for (const s of actionSteps(wf)) {
      const group = groupOf(wf, obj(obj(wf.jobs)[s.job]));
      if (!group) continue;
      (uploadMode(s.with) === false ? out.invalidateOnly : out.uploads).add(group);
    }
    return out;
  };

  test('a workflow that only invalidates never shares a concurrency group with another workflow that deploys (a queued run cancels the pending one)', () => {
    const shared: string[] = [];
    for (const a of EXAMPLE_FILES) {
      for (const b of EXAMPLE_FILES) {
        if (a === b) continue;
        for (const g of groups(a).invalidateOnly)
          if (groups(b).uploads.has(g) && !groups(a).uploads.has(g)) shared.push(`${a} and ${b}: ${g}`);
      }
    }
    expect(shared).toEqual([]);
  });

  test('push-deploy says a newly queued run cancels the pending one, and groups are per repository', () => {
    const text = exampleText('push-deploy.yml');
    expect(text).toMatch(/a newly\n?#? ?queued run cancels the pending one/);
    expect(text).toMatch(/groups are per repository/);
    expect(text).not.toMatch(/manual-invalidate\.yml does/);
  });

  test('reusable-deploy does not claim its group serialises other repositories; it names what does', () => {
    const text = exampleText('reusable-deploy.yml');
    expect(text).not.toMatch(/whichever repository/);
    expect(text).toMatch(/Concurrency groups are scoped\s*#?\s*to one repository/);
    expect(text).toMatch(/deploy lock/);
  });

  test('push-deploy says what each checkout depth gives the older-commit guard', () => {
    const text = exampleText('push-deploy.yml');
    expect(text).toMatch(/default \(depth 1\): the action fetches the live commit and deepens/);
    expect(text).toMatch(/fetch-depth: 0: everything is local/);
    expect(text).toMatch(/no checkout: the compare API alone/);
    expect(text).toMatch(/When the order cannot be proven the deploy stops/);
  });

  test('an example that passes invalidation-paths through env: says it is capped and where the rest is', () => {
    for (const f of EXAMPLE_FILES) {
      const text = read(f);
      if (!/:\s*\$\{\{\s*steps\.\w+\.outputs\.invalidation-paths\s*\}\}/.test(text)) continue;
      expect([f, /64 KiB/.test(text) && /invalidation-paths-truncated/.test(text)]).toEqual([f, true]);
    }
  });
});

describe('project workflows', () => {
  const wf = (f: string) => obj(parseYaml(read(f), f));
  const runs = (w: Obj) =>
    jobsOf(w)
      .flatMap(([, j]) => stepsOf(j))
      .map((s) => asString(s.run))
      .join('\n');

  test('test.yml: npm ci, tsc --noEmit, lint and npm test on Node 20 and 24', () => {
    const w = wf('.github/workflows/test.yml');
    const [, job] = jobsOf(w)[0]!;
    expect(obj(obj(job.strategy).matrix)['node-version']).toEqual([20, 24]);
    expect(runs(w)).toMatch(/npm ci/);
    expect(runs(w)).toMatch(/npx tsc --noEmit/);
    expect(runs(w)).toMatch(/npm run lint/);
    expect(runs(w)).toMatch(/npm test/);
  });

  test('check-dist.yml: builds on Node 24 and fails when dist/ differs', () => {
    const w = wf('.github/workflows/check-dist.yml');
    const steps = jobsOf(w).flatMap(([, j]) => stepsOf(j));
    const node = steps.find((s) => asString(s.uses).startsWith('actions/setup-node@'));
    expect(obj(node?.with)['node-version']).toBe(24);
    expect(runs(w)).toMatch(/npm run build/);
    expect(runs(w)).toMatch(/git diff --exit-code -- dist\//);
    expect(Object.keys(triggers(w))).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });
});

describe('.env.example (npx @github/local-action run . src/main.ts .env)', () => {
  const text = read('.env.example');
  // dotenv's key syntax; commented-out lines count too (they document optional settings).
  const keys = [...text.matchAll(/^\s*#?\s*([A-Za-z_][\w.-]*)=/gm)].map((m) => m[1]!);

  test('every INPUT_* names an input of action.yml (hyphens kept, upper case)', () => {
    const inputs = keys.filter((k) => k.startsWith('INPUT_'));
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((k) => !INPUT_NAMES.includes(k.slice('INPUT_'.length).toLowerCase()))).toEqual([]);
    expect(inputs).toEqual(expect.arrayContaining(['INPUT_SOURCE-DIR', 'INPUT_BUCKET', 'INPUT_DISTRIBUTION-ID']));
  });

  test('lists the credentials, local endpoints and GitHub variables the action reads', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_REGION',
        'AWS_ENDPOINT_URL_S3',
        'AWS_ENDPOINT_URL_CLOUDFRONT',
        'GITHUB_EVENT_NAME',
        'GITHUB_EVENT_PATH',
        'GITHUB_SHA',
        'GITHUB_REPOSITORY',
        'GITHUB_RUN_ID',
        'GITHUB_RUN_ATTEMPT',
        'RUNNER_TEMP',
        'GITHUB_STEP_SUMMARY',
      ]),
    );
    // Local servers are opt-in: their endpoints are commented out.
    expect(text).toMatch(/^#\s*AWS_ENDPOINT_URL_S3=/m);
    expect(text).toMatch(/^#\s*AWS_ENDPOINT_URL_CLOUDFRONT=/m);
  });

  test('its literal inputs pass parseInputs', () => {
    const values = new Map([...text.matchAll(/^(INPUT_[\w.-]+)=(.*)$/gm)].map((m) => [m[1]!.slice(6).toLowerCase(), m[2]!.trim()]));
    const get = (name: string) => values.get(name) || asString(INPUTS[name]?.default).replace(/^\$\{\{.*\}\}$/, '');
    expect(() => parseInputs(get, { GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: '/tmp/examples-test' })).not.toThrow();
  });
});
