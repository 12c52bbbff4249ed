import { closeSync, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";

/**
 * Reads one file of an artifact that untrusted code produced: a regular file (not a link or
 * directory), at most `limit` bytes (more is cut and said so), strict UTF-8. Undefined when the
 * file is missing; anything else wrong is an Error naming the file.
 */
export function readArtifactFile(
  dir: string,
  name: string,
  limit: number,
): { readonly text: string; readonly truncated: boolean } | undefined {
  const file = join(dir, name);
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) throw new Error(`${name} in the artifact is not a regular file`);
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(size, limit));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, read);
    // A cut may split a character: decode strictly up to the last complete one.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(size > limit ? completeUtf8(bytes) : bytes);
    if (text.includes("\0")) throw new Error(`${name} in the artifact holds a NUL character`);
    return { text, truncated: size > limit };
  } catch (error) {
    if (error instanceof TypeError) throw new Error(`${name} in the artifact is not UTF-8 text`);
    throw error;
  } finally {
    closeSync(fd);
  }
}

/** `bytes` without a trailing, incomplete UTF-8 sequence. */
function completeUtf8(bytes: Buffer): Buffer {
  let end = bytes.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 4 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
  const lead = bytes[end - back - 1];
  if (lead !== undefined && lead >= 0xc0) {
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (back + 1 < need) end -= back + 1;
  }
  return bytes.subarray(0, end);
}
