// Preloaded (node --import) into the fauxqs child that bench/sync.mjs starts through testing/s3-server.mjs.
// Two load-time source patches to fauxqs 2.4.1 so that the Go-based peers (hugo deploy, rclone) can deploy
// the 1 GB site to it the way they deploy to real S3. Nothing else changes; the action does not need either.
//
// 1. Body limit 11 MiB -> 1 GiB. Real S3 takes single PUTs up to 5 GB; rclone's default upload cutoff is
//    200 MiB, so it sends a 50 MiB file as one PUT, which fauxqs answers with 413.
// 2. CompleteMultipartUpload: decode `&#34;`. Go's encoding/xml (aws-sdk-go v1, used by hugo's gocloud and
//    by rclone) writes the quoted part ETags as `&#34;…&#34;`; fauxqs only decodes `&quot;`, so every
//    multipart upload from those tools fails with InvalidPart. Real S3 decodes any XML character reference.
import { registerHooks } from 'node:module';

registerHooks({
  load(url, context, nextLoad) {
    const result = nextLoad(url, context);
    if (url.endsWith('/fauxqs/dist/app.js')) {
      const src = String(result.source);
      const patched = src.replace('bodyLimit: 11 * 1_048_576', 'bodyLimit: 1024 * 1_048_576');
      if (patched === src) throw new Error('fauxqs-compat: bodyLimit not found in fauxqs/dist/app.js');
      return { ...result, source: patched };
    }
    if (url.endsWith('/fauxqs/dist/s3/actions/completeMultipartUpload.js')) {
      const src = String(result.source);
      const patched = src.replace(
        '.replaceAll("&apos;", "\'");',
        '.replaceAll("&apos;", "\'").replaceAll("&#34;", \'"\').replaceAll("&#39;", "\'");',
      );
      if (patched === src) throw new Error('fauxqs-compat: unescapeXml not found in completeMultipartUpload.js');
      return { ...result, source: patched };
    }
    return result;
  },
});
