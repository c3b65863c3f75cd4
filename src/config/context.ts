// The GitHub run context, read once from the environment the runner sets.
import fs from 'node:fs';
import type { RunContext } from '../model/stages.js';
import { eventCommit } from '../plan/event-commit.js';

export type { RunContext } from '../model/stages.js';

export function readContext(env: Record<string, string | undefined>): RunContext {
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH)) {
    payload = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const sha = env.GITHUB_SHA ?? '';
  const head = eventCommit(eventName, payload, sha);
  return {
    eventName,
    payload,
    sha,
    headSha: head.sha,
    headSource: head.source,
    forced: head.forced,
    repository: env.GITHUB_REPOSITORY ?? 'local/local',
    runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
  };
}
