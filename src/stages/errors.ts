// The run's own errors, and one line for any error a run can meet.

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
  if (err instanceof DeployError) return err.message;
  return `${name && name !== 'Error' ? name + ': ' : ''}${e.message ?? String(err)}`;
}
