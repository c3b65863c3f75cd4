// The S3 store with the SDK loaded on first use: @aws-sdk/client-s3 is most of the code a run loads, so it is a
// chunk of its own (dist/), compiled while the hash threads are already at work instead of before anything starts.
import type { ObjectStore } from '../../model/ports.js';
import type { S3Options } from './store.js';

export function lazyS3Store(bucket: string, opts: S3Options): ObjectStore {
  let store: Promise<ObjectStore> | null = null;
  const s3 = () => (store ??= import('./store.js').then((m) => m.createS3Store(bucket, opts)));
  return {
    list: async (prefix) => (await s3()).list(prefix),
    head: async (key) => (await s3()).head(key),
    storedMd5: async (key) => (await s3()).storedMd5(key),
    upload: async (key, absPath, size, md5, headers, uploadOpts) => (await s3()).upload(key, absPath, size, md5, headers, uploadOpts),
    deleteKeys: async (keys) => (await s3()).deleteKeys(keys),
    copy: async (sourceKey, destKey, opts) => (await s3()).copy(sourceKey, destKey, opts),
    getText: async (key) => (await s3()).getText(key),
    getJson: async (key) => (await s3()).getJson!(key),
    putText: async (key, body, condition) => (await s3()).putText(key, body, condition),
    etagOf: async (key) => (await s3()).etagOf(key),
    deleteKey: async (key, condition) => (await s3()).deleteKey(key, condition),
  };
}
