import { constants, inflateRawSync } from "node:zlib";

/**
 * The texts a printed value shows once the encodings Terraform's functions wrap around a value
 * are undone, so that a secret is found inside `urlencode`, `jsonencode`, `yamlencode`,
 * `base64encode`, `base64gzip` or `textencodebase64`, nested in any order. Each decoder undoes one
 * kind of wrapping over the whole text, leniently (what is not encoded that way passes through), so
 * an encoded part inside a longer text is decoded in place:
 *
 * - backslash escapes, as JSON (`jsonencode`, `format("%q")`) and YAML double-quoted scalars
 *   (`yamlencode`) write them, with YAML's line folding (a line break and the blanks around it read
 *   as one space) and escaped line breaks;
 * - YAML single-quoted and plain scalars: line folding, and `''` for `'`;
 * - YAML block scalars: the indentation of their lines, and a folded one's line folding (a line
 *   break between two lines reads as a space, each empty line as a line break; the blanks around
 *   it stay, unlike a quoted scalar's);
 * - percent-encoding, as a query (`+` for a space: Go's `url.QueryEscape`, which `urlencode` is)
 *   and as a path;
 * - base64, standard or URL alphabet, line breaks ignored, from each of the four places a blob can
 *   start in a run of base64 characters; what decodes to text (UTF-8, or UTF-16 either way round)
 *   is read on, and a gzip stream (`base64gzip`) is inflated first.
 *
 * Decodings are tried one after another, breadth first, to the end, with no limit on depth:
 * lenient decoders read a text wrongly as often as rightly, and a wrong reading decoded on is as
 * many levels deep as the encodings it mixes up, so a depth cut-off masked harmless text. The
 * search ends because every decoding but a gzip stream's shortens the text or turns a line break
 * or a `+` into a space, and what inflating adds is paid from a budget. Deny by default: a text
 * whose decodings grow past {@link decodingBudget} characters, and a gzip stream that inflates past
 * {@link MAX_INFLATED} bytes, count as holding what is searched for.
 */

/** Largest inflated gzip stream read (a cloud-init `user_data` is at most 64 KiB on most clouds). */
export const MAX_INFLATED = 1 << 20;

/** Characters decoded, in all, while a text of `length` characters is searched. */
export const decodingBudget = (length: number): number => 4 * MAX_INFLATED + 64 * length;
/** Shortest run of base64 characters decoded: 4 bytes, the shortest text a secret hides in. */
const MIN_BASE64_RUN = 6;
/** Characters of a decoded blob that may be garbled by base64 characters glued before it. */
const GARBLED_START = 12;
/** Characters at the end of a decoded blob that may be garbled by a cut-off group. */
const GARBLED_END = 3;
/** Shortest clean text read from a blob as UTF-16 (shorter ones are too often noise). */
const MIN_UTF16_TEXT = 8;
const MIN_TEXT = 4;

/** A gzip stream too large to read whole. */
const UNREADABLE = Symbol("unreadable");
type Decoded = string | typeof UNREADABLE;

/**
 * Whether `found` holds for `text` or for any decoding of it, or the decodings could not be
 * followed to the end (deny by default).
 */
export function someDecoding(text: string, found: (view: string) => boolean): boolean {
  if (found(text)) return true;
  const seen = new Set([text]);
  const blobs = new Map<string, Decoded[]>();
  let budget = decodingBudget(text.length);
  let level = [text];
  while (level.length > 0) {
    const next: string[] = [];
    for (const view of level) {
      for (const decoded of decodings(view, blobs)) {
        if (decoded === UNREADABLE) return true;
        if (seen.has(decoded)) continue;
        budget -= decoded.length;
        if (budget < 0 || found(decoded)) return true;
        seen.add(decoded);
        next.push(decoded);
      }
    }
    level = next;
  }
  return false;
}

/** Every decoding of `text` one level down; `blobs` caches base64 runs already decoded. */
function* decodings(text: string, blobs: Map<string, Decoded[]>): Generator<Decoded> {
  if (/[\\\r\n]/.test(text)) yield text.replace(DOUBLE_QUOTED, unescapeDoubleQuoted);
  if (/[\r\n]|''/.test(text)) yield text.replace(SINGLE_QUOTED, unescapeSingleQuoted);
  for (const width of indentations(text)) {
    yield text.replace(new RegExp(`\\n {0,${width}}`, "g"), "\n");
    yield unfoldBlock(text, width);
  }
  if (PERCENT.test(text)) yield percentDecode(text);
  if (PERCENT.test(text) || text.includes("+")) yield percentDecode(text.replace(/\+/g, " "));
  for (const [run] of text.matchAll(BASE64_RUN)) {
    const chars = run.replace(/\r?\n/g, "");
    if (chars.length < MIN_BASE64_RUN) continue;
    let decoded = blobs.get(chars);
    if (!decoded) {
      decoded = [];
      for (let offset = 0; offset < 4 && chars.length - offset >= MIN_BASE64_RUN; offset++)
        decoded.push(...textsOf(Buffer.from(chars.slice(offset), "base64")));
      blobs.set(chars, decoded);
    }
    yield* decoded;
  }
}

/** A line break and the blanks around it; several breaks in a row. */
const LINE_FOLD = String.raw`[ \t]*(?:\r\n|[\r\n])(?:[ \t]*(?:\r\n|[\r\n]))*[ \t]*`;
/** An escaped line break, an escape sequence, or a folded line break. */
const DOUBLE_QUOTED = new RegExp(
  String.raw`(\\(?:\r\n|[\r\n])[ \t]*)|\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[^xuU])|${LINE_FOLD}`,
  "g",
);
const SINGLE_QUOTED = new RegExp(`''|${LINE_FOLD}`, "g");

/** The one-character escapes of JSON and YAML double-quoted scalars. */
const ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};

function unescapeDoubleQuoted(match: string, lineBreak?: string, sequence?: string): string {
  if (lineBreak !== undefined) return "";
  if (sequence === undefined) return fold(match);
  if (sequence.length === 1) return ESCAPES[sequence] ?? match;
  const code = Number.parseInt(sequence.slice(1), 16);
  if (sequence[0] !== "U") return String.fromCharCode(code);
  return code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

function unescapeSingleQuoted(match: string): string {
  return match === "''" ? "'" : fold(match);
}

/** YAML line folding: one line break reads as a space, n line breaks as n-1. */
function fold(blanks: string): string {
  const breaks = blanks.replace(/\r\n/g, "\n").replace(/[^\r\n]/g, "").length;
  return breaks === 1 ? " " : "\n".repeat(breaks - 1);
}

/**
 * `text` read as a folded block scalar indented by `width`: the indentation removed, a line break
 * between two lines of the block read as a space and each empty line between them as a line
 * break, but around a more indented line, which keeps its breaks. The blanks around a fold stay
 * (a quoted scalar's go). A less indented line (the key after the block) is outside it, as is the
 * first (its header).
 */
function unfoldBlock(text: string, width: number): string {
  const indent = " ".repeat(width);
  const [first = "", ...lines] = text.split("\n");
  let unfolded = first;
  let previous: "outside" | "normal" | "more" = "outside";
  let empty = 0;
  for (const line of lines) {
    if (/^ *$/.test(line)) {
      empty++;
      continue;
    }
    const inside = line.startsWith(indent);
    const content = inside ? line.slice(width) : line;
    const kind = !inside ? "outside" : /^[ \t]/.test(content) ? "more" : "normal";
    const folds = previous === "normal" && kind === "normal";
    unfolded += (folds ? (empty === 0 ? " " : "\n".repeat(empty)) : "\n".repeat(empty + 1)) + content;
    previous = kind;
    empty = 0;
  }
  return unfolded + "\n".repeat(empty);
}

/** The widths of indentation in `text`, smallest first (a block scalar is indented by the least). */
function indentations(text: string): number[] {
  const widths = new Set<number>();
  for (const [, blanks] of text.matchAll(/\n( +)/g)) widths.add(blanks?.length ?? 0);
  return [...widths].sort((a, b) => a - b).slice(0, 3);
}

const PERCENT = /%[0-9A-Fa-f]{2}/;

/** Runs of `%XX` decoded as the UTF-8 bytes they spell; everything else as is. */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    Buffer.from(run.replace(/%/g, ""), "hex").toString("utf8"),
  );
}

/** A run of base64 characters of either alphabet, over line breaks (PEM, MIME). */
const BASE64_RUN = /[A-Za-z0-9+/_-](?:[A-Za-z0-9+/_-]|\r?\n)*/g;

/**
 * What a decoded blob reads as: a gzip stream inflated (UNREADABLE when it inflates past
 * {@link MAX_INFLATED} bytes), or clean
 * UTF-8 or UTF-16 text; nothing for binary data (a key, a certificate), which base64 needles of
 * the secret already cover.
 */
function textsOf(bytes: Buffer): Decoded[] {
  const gzip = gzipBody(bytes);
  if (gzip) {
    try {
      const inflated = inflateRawSync(gzip, {
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: MAX_INFLATED,
      });
      return [inflated.toString("utf8")];
    } catch (error) {
      // A stream that does not inflate is no gzip Terraform wrote (base64gzip's always does).
      return (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? [UNREADABLE] : [];
    }
  }
  const utf8 = utf8Text(bytes);
  if (utf8 !== undefined) return [utf8];
  const texts: Decoded[] = [];
  for (const skip of [0, 1]) {
    const even = bytes.subarray(skip, skip + ((bytes.length - skip) & ~1));
    for (const swap of [false, true]) {
      const text = utf16Text((swap ? Buffer.from(even).swap16() : even).toString("utf16le"));
      if (text !== undefined) texts.push(text);
    }
  }
  return texts;
}

/**
 * The UTF-8 text `bytes` hold, less a garbled start and end: undefined when anything else in them
 * is not UTF-8 or is a control character (but tab and line breaks; every encoding escapes the others).
 */
function utf8Text(bytes: Buffer): string | undefined {
  let start = 0;
  let end = bytes.length;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (i < GARBLED_START) start = i + 1;
    else if (i >= bytes.length - GARBLED_END) {
      end = i;
      break;
    } else return undefined;
    i++;
  }
  return end - start >= MIN_TEXT ? bytes.toString("utf8", start, end) : undefined;
}

/** The length of the UTF-8 sequence of one character (not a control) at `i`, or 0 if there is none. */
function sequenceLength(bytes: Buffer, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return lead >= 0x20 || lead === 0x09 || lead === 0x0a || lead === 0x0d ? 1 : 0;
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf
      ? [2, 0x80, 0xbf]
      : lead === 0xe0
        ? [3, 0xa0, 0xbf]
        : lead === 0xed
          ? [3, 0x80, 0x9f]
          : lead >= 0xe1 && lead <= 0xef
            ? [3, 0x80, 0xbf]
            : lead === 0xf0
              ? [4, 0x90, 0xbf]
              : lead === 0xf4
                ? [4, 0x80, 0x8f]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1] ?? 0;
  if (second < low || second > high) return 0;
  for (let j = i + 2; j < i + length; j++) if (((bytes[j] ?? 0) & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * `text` read from bytes as UTF-16, less a garbled start and end, when what is left is at least
 * {@link MIN_UTF16_TEXT} characters with no noise in them: no lone surrogate, no control character
 * but tab and line breaks (what bytes misread as UTF-16 give).
 */
function utf16Text(text: string): string | undefined {
  let start = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1));
    if (pair) i++;
    else if (!isNoise(code)) continue;
    else if (i < GARBLED_START) start = i + 1;
    else if (i >= text.length - GARBLED_END) {
      end = i;
      break;
    } else return undefined;
  }
  return end - start >= MIN_UTF16_TEXT ? text.slice(start, end) : undefined;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isNoise = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff);

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FRESERVED = 0xe0;

/**
 * The deflate data of a gzip stream starting near the start of `bytes` (within the bytes base64
 * characters glued before it garble), past its header (RFC 1952); undefined when there is none.
 */
function gzipBody(bytes: Buffer): Buffer | undefined {
  const at = bytes.subarray(0, GARBLED_START + GZIP_MAGIC.length).indexOf(GZIP_MAGIC);
  if (at < 0) return undefined;
  const flags = bytes[at + 3] ?? FRESERVED;
  if (flags & FRESERVED) return undefined;
  let offset = at + 10;
  if (flags & FEXTRA) offset += offset + 2 <= bytes.length ? 2 + bytes.readUInt16LE(offset) : bytes.length;
  for (const field of [FNAME, FCOMMENT])
    if (flags & field) offset = bytes.indexOf(0, offset) + 1 || bytes.length;
  if (flags & FHCRC) offset += 2;
  return offset < bytes.length ? bytes.subarray(offset) : undefined;
}
