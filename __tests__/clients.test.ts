// Client configuration: custom endpoints from the SDK's own variables, path style, no optional checksums.
import { s3ClientConfig } from '../src/io/s3/store.js';
import { cloudFrontClientConfig } from '../src/io/cloudfront/api.js';

describe('s3ClientConfig', () => {
  it('uses AWS_ENDPOINT_URL_S3 (then AWS_ENDPOINT_URL) with path-style addressing', () => {
    const a = s3ClientConfig({
      region: 'eu-west-1',
      concurrency: 4,
      env: { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000', AWS_ENDPOINT_URL: 'http://x' },
    });
    expect(a).toMatchObject({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    expect(s3ClientConfig({ region: 'r', concurrency: 4, env: { AWS_ENDPOINT_URL: 'http://y' } })).toMatchObject({
      endpoint: 'http://y',
      forcePathStyle: true,
    });
  });
  it('on AWS: virtual-hosted addressing, adaptive retries, checksums only where S3 requires them', () => {
    const c = s3ClientConfig({ region: 'us-east-1', concurrency: 16, env: {} });
    expect(c.endpoint).toBeUndefined();
    expect(c.forcePathStyle).toBeUndefined();
    expect(c).toMatchObject({
      retryMode: 'adaptive',
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  });
  it('sizes the keep-alive agents to the concurrency', () => {
    const c = s3ClientConfig({ region: 'us-east-1', concurrency: 24, env: {} }) as {
      requestHandler: { httpsAgent: { maxSockets: number; keepAlive: boolean } };
    };
    expect(c.requestHandler.httpsAgent.maxSockets).toBe(24);
    expect(c.requestHandler.httpsAgent.keepAlive).toBe(true);
  });
});

describe('cloudFrontClientConfig', () => {
  it('signs in us-east-1 and honours AWS_ENDPOINT_URL_CLOUDFRONT', () => {
    expect(cloudFrontClientConfig({ AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:1' })).toMatchObject({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1',
    });
    expect(cloudFrontClientConfig({}).endpoint).toBeUndefined();
  });
});
