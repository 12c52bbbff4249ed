import { createHash } from "node:crypto";

/**
 * The forms of a secret that depend on the secret alone, searched for anywhere in a printed text
 * (and in every decoding of it, decodings.ts):
 *
 * - the secret as is;
 * - its bytes in base64, standard and URL alphabets, at each of the three byte alignments it can
 *   have inside a longer encoded text: UTF-8 (`base64encode`), UTF-16 little- and big-endian
 *   (`textencodebase64(s, "UTF-16LE")`, `"UTF-16"`);
 * - its digests, as `md5`, `sha1`, `sha256`, `sha512` (hex) and `base64sha256`, `base64sha512`
 *   print them: a digest of a short secret lets a reader test guesses offline.
 */
export function secretForms(secret: string): string[] {
  const utf8 = Buffer.from(secret, "utf8");
  const utf16le = Buffer.from(secret, "utf16le");
  const utf16be = Buffer.from(utf16le).swap16();
  const digest = (algorithm: string, encoding: "hex" | "base64") =>
    createHash(algorithm).update(utf8).digest(encoding);
  return [
    secret,
    ...[utf8, utf16le, utf16be].flatMap(base64Needles),
    ...["md5", "sha1", "sha256", "sha512"].map((algorithm) => digest(algorithm, "hex")),
    digest("sha256", "base64"),
    digest("sha512", "base64"),
  ];
}

/**
 * The base64 characters that depend only on `bytes`, for each alignment of its first byte (0, 1
 * or 2 bytes into a 3-byte group), in both alphabets: whatever surrounds the bytes inside a longer
 * encoded text, one of these appears.
 */
function base64Needles(bytes: Buffer): string[] {
  const needles: string[] = [];
  const padded = Buffer.alloc(bytes.length + 2);
  for (let skew = 0; skew < 3; skew++) {
    padded.fill(0, 0, skew);
    bytes.copy(padded, skew);
    const encoded = padded.subarray(0, skew + bytes.length).toString("base64");
    const needle = encoded.slice(Math.ceil((8 * skew) / 6), Math.floor((8 * (skew + bytes.length)) / 6));
    needles.push(needle, needle.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return needles;
}
