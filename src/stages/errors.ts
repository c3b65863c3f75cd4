// The run's own errors, and one line for any error a run can meet.
import { hideRecordsDir } from '../model/records.js';

/** A failure the action explains itself (the message is the whole story). */
export class DeployError extends Error {}

export function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string };
  const name = e.name ?? '';
  if (
    /CredentialsProviderError|ExpiredToken|InvalidAccessKeyId|SignatureDoesNotMatch|UnrecognizedClient/i.test(
      name + ' ' + (e.message ?? ''),
    )
  ) {
    return (
      `AWS credentials are missing or expired (${name}). Add an aws-actions/configure-aws-credentials step before this ` +
      `action (OIDC role-to-assume with permissions: id-token: write), or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.`
    );
  }
  // The records folder's name never reaches the log, even inside an SDK's or a server's message.
  if (err instanceof DeployError || name === 'RecordError') return hideRecordsDir(e.message ?? '');
  return hideRecordsDir(`${name && name !== 'Error' ? name + ': ' : ''}${e.message ?? String(err)}`);
}
