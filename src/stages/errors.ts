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

/** What a failed request was about: the error line names it and says what to check. */
export type ErrorSubject =
  { service: 'cloudfront'; distributionId: string; action: string } | { service: 's3'; bucket: string; key?: string; action: string };

const S3_PERMISSION: Record<string, string> = {
  ListObjectsV2: 's3:ListBucket',
  HeadObject: 's3:GetObject',
  GetObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  CopyObject: 's3:GetObject and s3:PutObject',
  DeleteObject: 's3:DeleteObject',
  DeleteObjects: 's3:DeleteObject',
};

/**
 * One line for a failed request that names what it was about (the distribution, or the bucket and key) and what to
 * check (the id, the account, the permission), around the service's own words.
 */
export function describeErrorAbout(err: unknown, about: ErrorSubject): string {
  const said = describeError(err);
  if (err instanceof DeployError) return said;
  const what =
    about.service === 'cloudfront'
      ? `CloudFront ${about.action} on distribution ${about.distributionId}`
      : `S3 ${about.action} on s3://${about.bucket}${about.key !== undefined ? `/${about.key}` : ''}`;
  const check = whatToCheck(err, about);
  return hideRecordsDir(`${what} failed: ${check ? endSentence(said) : said}${check}`);
}

/** `text` ending in a full stop, so that another sentence can follow. */
export const endSentence = (text: string): string => (/[.!?]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`);

/** What to check for a failed request: the id, the account, the permission, the region (or nothing to add). */
export function whatToCheck(err: unknown, about: ErrorSubject): string {
  const name = (err as { name?: string } | null)?.name ?? '';
  const denied = name === 'AccessDenied' || name === 'AccessDeniedException';
  if (about.service === 'cloudfront') {
    if (name === 'NoSuchDistribution')
      return ` Check the distribution-id input (${about.distributionId}) and that the credentials belong to the account that owns it.`;
    if (denied)
      return ` Grant cloudfront:${about.action} on arn:aws:cloudfront::<account>:distribution/${about.distributionId} to the role or user of these credentials, and check that they belong to the account that owns ${about.distributionId}.`;
    return '';
  }
  if (name === 'NoSuchBucket') return ` Check the bucket input (${about.bucket}), its spelling and the account of these credentials.`;
  if (denied) {
    const permission = S3_PERMISSION[about.action] ?? `s3:${about.action}`;
    const arn = `arn:aws:s3:::${about.bucket}${about.key !== undefined ? '/*' : ''}`;
    return ` Grant ${permission} on ${arn} to the role or user of these credentials (and check the bucket policy and any KMS key policy).`;
  }
  if (/PermanentRedirect|AuthorizationHeaderMalformed|IllegalLocationConstraint/.test(name))
    return ` The bucket is in another region: set AWS_REGION (aws-region of configure-aws-credentials) to the bucket's region.`;
  return '';
}
