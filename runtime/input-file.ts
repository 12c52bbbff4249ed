import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from "node:fs";
import { DataError, type Diagnostic, fileDiagnostic } from "./diagnostics";

/**
 * The one way the project reads a file that a stranger can put in a pull request (maintainer
 * files, the estate's data, the mirror list, the overrides file) or hand to a command (plan JSON, synthesized
 * output): it is hostile until checked. Only a regular file is read, never through a symbolic
 * link; at most `maxBytes` of it; it must be UTF-8 text without NUL (UTF-16, UTF-32 and Latin-1
 * are named as such). Every refusal is a
 * {@link DataError} that names the file, and where it can, the line and column.
 */

/** Size limits by kind of input: generous for real data, far below what hurts. */
export const INPUT_LIMITS = {
  /** One person's YAML file: a name, a few teams, a few keys. */
  maintainerFile: 64 * 1024,
  /** `organization.yaml`: a few paths, and perhaps the GitHub organization's teams. */
  organizationFile: 64 * 1024,
  /** `OVERRIDES.yaml`: a handful of reasoned exceptions. */
  overridesFile: 64 * 1024,
  /** `estate/mirrors.yaml`: a few hundred mirrors. */
  mirrorList: 1024 * 1024,
  /** One estate file of a kind (`estate/dns.yaml`, `estate/nomad.yaml`): thousands of records at most. */
  estateFile: 1024 * 1024,
  /** One estate entity (`estate/machines/<name>.yaml`, a repository, a service): a screenful. */
  estateEntityFile: 64 * 1024,
  /** A GitHub workflow; bigger ones keep actionlint busy for minutes. */
  workflowFile: 256 * 1024,
  /** A `terraform show -json` plan of one stack. */
  planJson: 64 * 1024 * 1024,
  /** One synthesized `cdk.tf.json`, `manifest.json` or generated artifact. */
  stackJson: 64 * 1024 * 1024,
} as const;

/** How deep YAML and JSON input may nest; real data nests a handful of levels. */
export const MAX_DEPTH = 64;

/**
 * Reads `path` as untrusted text. `display` is how messages name it (repository-relative for data
 * files, as given on the command line for arguments).
 */
export function readInputText(path: string, display: string, maxBytes: number): string {
  const { fd, size } = openRegularFile(path, display);
  try {
    if (size > maxBytes)
      refuse(display, `is ${describeSize(size)} (expected at most ${describeSize(maxBytes)})`);
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) refuse(display, `grew past ${describeSize(maxBytes)} while being read`);
    return decodeText(buffer.subarray(0, length), display);
  } finally {
    closeSync(fd);
  }
}

/**
 * Untrusted bytes that did not come from a file of this machine (a git blob), read as
 * {@link readInputText} reads a file: at most `maxBytes`, UTF-8 text without NUL.
 */
export function decodeInputBytes(bytes: Uint8Array, display: string, maxBytes: number): string {
  if (bytes.length > maxBytes)
    refuse(display, `is ${describeSize(bytes.length)} (expected at most ${describeSize(maxBytes)})`);
  return decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), display);
}

/** The names in directory `path`, or a DataError naming it when it is missing or not a directory. */
export function listInputDirectory(path: string, display: string): string[] {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) refuse(display, "does not exist (expected a directory)");
  if (stat.isSymbolicLink()) refuse(display, "is a symbolic link (expected a directory)");
  if (!stat.isDirectory()) refuse(display, "is not a directory (expected a directory)");
  return readdirSync(path).sort();
}

/** JSON.parse for untrusted text: syntax errors and excessive nesting become one clear diagnostic. */
export function parseInputJson(text: string, display: string): unknown {
  const depth = jsonDepth(text);
  if (depth > MAX_DEPTH) refuse(display, `nests ${depth} levels deep (expected at most ${MAX_DEPTH})`);
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 words it as `Unexpected token '}', "…text…" is not valid JSON` or `… in JSON at position N`.
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const { line, col } = at ? lineAndColumn(text, Number(at[1])) : { line: 0, col: 0 };
    const reason = message.split(/, "| in JSON at /)[0];
    throw new DataError([diagnostic(display, `is not valid JSON (${reason}; expected JSON)`, line, col)]);
  }
}

/** 1-based line and column of character `index` in `text`. */
function lineAndColumn(text: string, index: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: index - start + 1 };
}

/** An open descriptor of the regular file at `path`, and its size when opened. */
function openRegularFile(path: string, display: string): { fd: number; size: number } {
  let fd: number;
  try {
    // O_NOFOLLOW refuses a link at the last step; O_NONBLOCK keeps a FIFO from blocking the open.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") refuse(display, "does not exist (expected a file)");
    if (code === "ELOOP") refuse(display, "is a symbolic link (expected a regular file)");
    if (code === "EISDIR") refuse(display, "is a directory (expected a regular file)");
    if (code === "ENOTDIR") refuse(display, "is not inside a directory (expected a path to a file)");
    if (code === "EACCES") refuse(display, "cannot be read (permission denied)");
    // Opening a socket fails with ENXIO before fstat could tell what it is.
    if (code === "ENXIO") refuse(display, "is a device, socket or pipe (expected a regular file)");
    throw error;
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    refuse(
      display,
      `is ${stat.isDirectory() ? "a directory" : "a device, socket or pipe"} (expected a regular file)`,
    );
  }
  return { fd, size: stat.size };
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

function decodeText(bytes: Buffer, display: string): string {
  const other = otherEncoding(bytes);
  if (other) refuse(display, `is encoded as ${other} (expected UTF-8: save the file as UTF-8)`);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, col } = lineAndColumn(bytes.subarray(0, offset).toString("latin1"), offset);
    const byte = `byte 0x${bytes[offset]?.toString(16).padStart(2, "0") ?? "end"}`;
    const legacy = legacyLetter(bytes, offset);
    throw new DataError([
      diagnostic(
        display,
        legacy
          ? `is not UTF-8 text (${byte} is "${legacy}" in Latin-1 or Windows-1252, which the file is probably in; expected UTF-8: save the file as UTF-8)`
          : `is not UTF-8 text (${byte} cannot start a character here; expected UTF-8)`,
        line,
        col,
      ),
    ]);
  }
  const nul = text.indexOf("\u0000");
  if (nul !== -1) {
    const { line, col } = lineAndColumn(text, nul);
    throw new DataError([diagnostic(display, "holds a NUL character (expected text)", line, col)]);
  }
  return text;
}

/**
 * The encoding of text that is UTF-16 or UTF-32 rather than UTF-8, by its byte-order mark or, without
 * one, by the NUL bytes every other byte of ASCII text in UTF-16 has; undefined otherwise.
 */
function otherEncoding(bytes: Buffer): string | undefined {
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xfe, 0, 0)) return "little-endian UTF-32 with a byte-order mark";
  if (starts(0, 0, 0xfe, 0xff)) return "big-endian UTF-32 with a byte-order mark";
  if (starts(0xff, 0xfe)) return "little-endian UTF-16 with a byte-order mark";
  if (starts(0xfe, 0xff)) return "big-endian UTF-16 with a byte-order mark";
  const pairs = Math.min(Math.floor(bytes.length / 2), 512);
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.75 && evenNul <= pairs * 0.25) return "little-endian UTF-16";
  if (evenNul >= pairs * 0.75 && oddNul <= pairs * 0.25) return "big-endian UTF-16";
  return undefined;
}

const WINDOWS_1252 = new TextDecoder("windows-1252");

/**
 * The letter a byte that is not UTF-8 stands for in Latin-1 / Windows-1252, when it looks like one
 * (a letter byte not followed by a UTF-8 continuation byte, as in "Jos\xe9 "), else undefined.
 */
function legacyLetter(bytes: Buffer, offset: number): string | undefined {
  const byte = bytes[offset];
  const next = bytes[offset + 1];
  if (byte === undefined || byte < 0x80 || (next !== undefined && next >= 0x80 && next <= 0xbf))
    return undefined;
  const letter = WINDOWS_1252.decode(Uint8Array.of(byte));
  return /^\p{L}$/u.test(letter) ? letter : undefined;
}

/** Offset of the first byte that starts an ill-formed UTF-8 sequence (RFC 3629), for the message. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const [length, low, high] =
      b < 0x80
        ? [1, 0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80, 0xbf]
          : b === 0xe0
            ? [3, 0xa0, 0xbf]
            : b === 0xed
              ? [3, 0x80, 0x9f]
              : b >= 0xe1 && b <= 0xef
                ? [3, 0x80, 0xbf]
                : b === 0xf0
                  ? [4, 0x90, 0xbf]
                  : b === 0xf4
                    ? [4, 0x80, 0x8f]
                    : b >= 0xf1 && b <= 0xf3
                      ? [4, 0x80, 0xbf]
                      : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1] as number;
    if (length > 1 && (second < low || second > high)) return i;
    for (let k = 2; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

/** Deepest nesting of `[`/`{` outside strings, without parsing. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** A size as refusals word it: `64 KiB`, `1 MiB`. */
export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** A problem with the file, at `line` and `col` (0 when unknown). */
function diagnostic(file: string, message: string, line: number, col: number): Diagnostic {
  return { ...fileDiagnostic(file, message), line, col };
}

function refuse(display: string, message: string): never {
  throw new DataError([fileDiagnostic(display, message)]);
}
