// Deterministic gzip for the `gzip` input: same bytes in, same bytes out. Pure (a data transformation).
import { constants, gzipSync } from 'node:zlib';

/** The OS byte written into every member: 3 (Unix), whatever platform zlib was built for (Windows zlib says 10). */
export const GZIP_OS_UNIX = 3;

/**
 * Gzip `buf` at level 9 with no modification time (0), no file name or comment, and a fixed OS byte, so one
 * input always gives byte-identical output on a given zlib build. The deflate stream itself is only as stable
 * as the bundled zlib: another Node release may ship a zlib that compresses differently, so never decide
 * "unchanged" by comparing gzip output from different runs; compare the source bytes' MD5 and the headers.
 */
export function gzipDeterministic(buf: Buffer): Buffer {
  const out = gzipSync(buf, {
    level: 9,
    memLevel: 8,
    windowBits: 15,
    strategy: constants.Z_DEFAULT_STRATEGY,
  });
  // RFC 1952 header: ID1 ID2 CM FLG MTIME(4) XFL OS. zlib writes FLG = 0 and MTIME = 0 for gzipSync; pin them
  // anyway, and the OS byte, which zlib takes from the platform it was compiled for. None is covered by the
  // trailer's CRC-32 (that is of the uncompressed data).
  if (out[3] !== 0) throw new Error(`gzip: unexpected header flags ${out[3]}`);
  out.writeUInt32LE(0, 4);
  out[9] = GZIP_OS_UNIX;
  return out;
}
