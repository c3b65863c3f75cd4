// The run's own errors, and one line for any error a run can meet.
import { hideRecordsDir } from '../model/records.js';

/** A failure the action explains itself (the message is the whole story). */
export class DeployError extends Error {}

export function describeError(err: unknown): string {
  // The records folder's name never reaches the log, even inside an SDK's or a server's message.
  return hideRecordsDir(describe(err));
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string; AWSAccessKeyId?: unknown };
  const name = e.name ?? '';
  // Checked first: its message may quote another error's (an upload failure names the credentials error).
  if (err instanceof DeployError || (err as { name?: unknown } | null)?.name === 'RecordError') return (err as Error).message;
  const keyId = typeof e.AWSAccessKeyId === 'string' && e.AWSAccessKeyId ? ` ${e.AWSAccessKeyId}` : '';
  // Credentials the service refused: they are there, so "add a credentials step" would mislead.
  const refused = /\b(SignatureDoesNotMatch|InvalidAccessKeyId)\b/.exec(name + ' ' + (e.message ?? ''))?.[1];
  if (refused) {
    const why =
      refused === 'SignatureDoesNotMatch'
        ? `the secret access key does not match the access key id${keyId}`
        : `the access key id${keyId} is unknown to this account or endpoint`;
    return (
      `AWS refused the credentials (${refused}): ${why}. Check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or the role ` +
      `aws-actions/configure-aws-credentials assumed); a rotated key needs its new secret.`
    );
  }
  if (/CredentialsProviderError|ExpiredToken|UnrecognizedClient/i.test(name + ' ' + (e.message ?? ''))) {
    return (
      `AWS credentials are missing or expired (${name}). Add an aws-actions/configure-aws-credentials step before this ` +
      `action (OIDC role-to-assume with permissions: id-token: write), or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.`
    );
  }
  return `${name && name !== 'Error' ? name + ': ' : ''}${e.message ?? String(err)}`;
}
