// The GitHub Actions runner protocol, as much of it as the action uses: inputs from INPUT_* variables, step
// outputs through the GITHUB_OUTPUT file, and workflow commands (::error::, ::add-mask::, ::group::, ...) on stdout.
// Byte for byte what @actions/core 3.0.1 writes (lib/core.js, command.js, file-command.js, utils.js; MIT,
// Copyright GitHub, Inc.), without its import of the OIDC client (@actions/http-client, undici) at start-up.
// __tests__/runner.test.ts holds the two side by side.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

/** A value as a command or file-command writes it: strings as they are, null/undefined empty, the rest JSON. */
function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return String(input);
  return JSON.stringify(input);
}

function escapeData(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command key=value,key=value::message` and a newline on stdout (properties with an empty value are left out). */
function issueCommand(command: string, properties: Record<string, string>, message: unknown): void {
  let cmd = `::${command || 'missing.command'}`;
  const entries = Object.entries(properties).filter(([, v]) => v);
  if (Object.keys(properties).length > 0) cmd += ' ' + entries.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  cmd += `::${escapeData(message)}`;
  process.stdout.write(cmd + os.EOL);
}

/** The input `name` (INPUT_<NAME>, spaces as underscores), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** A step output: appended to the GITHUB_OUTPUT file as a heredoc, or `::set-output` when there is no file. */
export function setOutput(name: string, value: unknown): void {
  const filePath = process.env.GITHUB_OUTPUT || '';
  if (filePath) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const converted = toCommandValue(value);
    if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (converted.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    if (!fs.existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
    fs.appendFileSync(filePath, `${name}<<${delimiter}${os.EOL}${converted}${os.EOL}${delimiter}${os.EOL}`, { encoding: 'utf8' });
    return;
  }
  process.stdout.write(os.EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

/** Masks `secret` in the rest of the job's log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** An error annotation; the process then exits with code 1. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

const annotation = (command: string) => (message: string | Error) =>
  issueCommand(command, {}, message instanceof Error ? message.toString() : message);

export const error = annotation('error');
export const warning = annotation('warning');
export const notice = annotation('notice');

export function info(message: string): void {
  process.stdout.write(message + os.EOL);
}

/** Whether step debug logging is on (the runner sets RUNNER_DEBUG=1 then), as @actions/core's isDebug. */
export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

/** Shown only when step debug logging is on. */
export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

/** `fn`'s output folded under `name` in the log. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name);
  try {
    return await fn();
  } finally {
    issueCommand('endgroup', {}, '');
  }
}
