// The S3 client and store the adapter tests use against a local endpoint (the S3 stand-in or the fault proxy).
import { S3Client } from '@aws-sdk/client-s3';
import { createS3Store, s3ClientConfig, type S3Options } from '../../src/io/s3/store.js';

const MiB = 1024 * 1024;

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** An SDK client as the action configures it, pointed at `endpoint` (path-style), with test credentials. */
export function testS3Client(endpoint: string, credentials: TestCredentials = { accessKeyId: 'test', secretAccessKey: 'test' }): S3Client {
  const cfg = s3ClientConfig({ region: 'us-east-1', concurrency: 8, env: { AWS_ENDPOINT_URL_S3: endpoint } });
  return new S3Client({ ...cfg, credentials });
}

/** The action's store on `bucket` through `client`: 8 MiB multipart threshold, 5 MiB parts, unless `extra` says otherwise. */
export function testS3Store(bucket: string, client: S3Client, extra: Partial<S3Options> = {}) {
  const opts: S3Options = { region: 'us-east-1', concurrency: 8, multipartThreshold: 8 * MiB, partSize: 5 * MiB, env: {}, ...extra };
  return createS3Store(bucket, opts, client);
}
