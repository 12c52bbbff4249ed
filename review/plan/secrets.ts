import { isRecord } from "../../runtime/values";

/**
 * The plan summary's second line of defence against printing a secret. Terraform marks values
 * sensitive, but the marks do not follow a value everywhere: into a longer string, through
 * `jsonencode` or `base64encode`, into a map key, or onto an attribute the provider never marked
 * (terraform_data's `output`, a data source's computed result). So every sensitive literal of every
 * plan is collected first, and any rendered value, map key or address that holds one — in clear,
 * JSON-escaped, percent-encoded or base64-encoded — is masked too.
 */

/** How Terraform itself prints a masked value. */
export const SENSITIVE = "(sensitive value)";
/** A map key or instance key that holds a sensitive literal, in paths and addresses. */
export const SENSITIVE_KEY = "(sensitive key)";

/**
 * Sensitive literals shorter than this are not searched for in other values: `true`, `""`, `1` or
 * `on` would mask half the plan and hide little (such values are still masked where they are
 * marked). JSON `true`, `false` and `null` never count, whatever their length.
 */
export const MIN_SECRET_LENGTH = 4;

/** JSON-escaping levels searched for: jsonencode(jsonencode(jsonencode(secret))). */
const ESCAPE_LEVELS = 3;
/** Shortest run of base64 characters worth decoding to look inside. */
const MIN_BASE64_RUN = 8;
const NOT_SECRETS = new Set(["true", "false", "null"]);
/**
 * Characters some JSON encoder escapes (anything but printable ASCII may be); text without any is
 * its own escaping.
 */
const ESCAPED = /[\\"<>&]|[^ -~]/;
/**
 * Window widths needles are indexed by: the widest that fits each needle. Wide windows keep the
 * buckets small even for secrets over a tiny alphabet; no needle is shorter than the narrowest.
 */
const WIDTHS = [16, 8, 4] as const;
/** Windows of a needle considered when choosing its least shared one (all, for short needles). */
const MAX_CHOICES = 64;
/** A bucket this full makes a new needle check whether it merely repeats a shorter one. */
const CROWDED = 32;
const BASE = 0x01000193;

/** A needle and where, inside it, the window it is indexed by starts. */
interface Entry {
  readonly needle: string;
  readonly offset: number;
}

/** Needles indexed by the rolling hash of one window of `width` characters of each. */
interface Index {
  readonly width: number;
  /** BASE^(width-1), to roll the first character out of a window's hash. */
  readonly out: number;
  readonly buckets: Map<number, Entry[]>;
}

/** A set of sensitive literals and everything they look like once encoded, searchable in one pass. */
export class Secrets {
  static readonly NONE = new Secrets([]);

  /**
   * Each needle is indexed by its least shared window, so secrets with a common prefix
   * (`secret-1`, `secret-2`, URLs, PEM keys) do not pile up in one bucket, and each position of a
   * text costs about one hash lookup per width.
   */
  private readonly indexes: Index[] = WIDTHS.map((width) => ({
    width,
    out: power(width - 1),
    buckets: new Map(),
  }));
  /** How many distinct literals are searched for. */
  readonly size: number;

  constructor(literals: Iterable<string>) {
    const secrets = new Set<string>();
    for (const literal of literals) if (isSecretLike(literal)) secrets.add(literal);
    this.size = secrets.size;
    const needles = new Set<string>();
    for (const secret of secrets) for (const needle of encodings(secret)) needles.add(needle);
    // Shortest first: a needle holding a shorter one adds nothing (wherever it is, so is the
    // shorter one); leaving such needles out keeps repetitive secrets (aaaa, aaaaa, …) from
    // piling up in one bucket.
    for (const needle of [...needles].sort((x, y) => x.length - y.length)) {
      const index = this.indexes.find((i) => i.width <= needle.length);
      if (!index) continue;
      const windows = needle.length - index.width + 1;
      const step = Math.ceil(windows / MAX_CHOICES);
      let hash = 0;
      let offset = 0;
      let least = Number.POSITIVE_INFINITY;
      for (let o = 0; o < windows && least > 0; o += step) {
        const h = windowHash(needle, o, index.width);
        const size = index.buckets.get(h)?.length ?? 0;
        if (size < least) [hash, offset, least] = [h, o, size];
      }
      // Only a needle whose every window is crowded can be one repeating a shorter one.
      if (least >= CROWDED && this.find(needle) !== undefined) continue;
      const bucket = index.buckets.get(hash);
      if (bucket) bucket.push({ needle, offset });
      else index.buckets.set(hash, [{ needle, offset }]);
    }
    this.indexes = this.indexes.filter((i) => i.buckets.size > 0);
  }

  /** Whether `text` holds a sensitive literal: in clear, escaped, percent- or base64-encoded. */
  contains(text: string): boolean {
    if (this.indexes.length === 0) return false;
    return this.find(text) !== undefined || this.base64Runs(text, true).length > 0;
  }

  /** Whether any string, number or key anywhere inside `value` holds a sensitive literal. */
  holds(value: unknown): boolean {
    if (this.indexes.length === 0) return false;
    const stack = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node === "string") {
        if (this.contains(node)) return true;
      } else if (typeof node === "number") {
        if (this.contains(String(node))) return true;
      } else if (Array.isArray(node)) {
        for (const child of node) stack.push(child);
      } else if (isRecord(node)) {
        for (const [key, child] of Object.entries(node)) {
          if (this.contains(key)) return true;
          stack.push(child);
        }
      }
    }
    return false;
  }

  /**
   * `text` with every word that holds a sensitive literal replaced by {@link SENSITIVE}. Words
   * end at white space and `. [ ] " ' ( ) , ;`, so the rest of an address stays readable.
   */
  redact(text: string): string {
    if (!this.contains(text)) return text;
    const spans = [...this.base64Runs(text, false), ...this.find(text, true)].map(
      ([start, end]): [number, number] => {
        let from = start;
        let to = end;
        while (from > 0 && !WORD_END.test(text.charAt(from - 1))) from--;
        while (to < text.length && !WORD_END.test(text.charAt(to))) to++;
        return [from, to];
      },
    );
    spans.sort((x, y) => x[0] - y[0]);
    let out = "";
    let done = 0;
    for (const [start, end] of spans) {
      if (end <= done) continue;
      if (start >= done) out += `${text.slice(done, start)}${SENSITIVE}`;
      done = end;
    }
    return out + text.slice(done);
  }

  /** The first needle found in `text` as [start, end), or with `all`, every one. */
  private find(text: string): [number, number] | undefined;
  private find(text: string, all: true): [number, number][];
  private find(text: string, all = false): [number, number] | undefined | [number, number][] {
    const found: [number, number][] = [];
    for (const { width, out, buckets } of this.indexes) {
      if (text.length < width) continue;
      let hash = 0;
      for (let j = 0; j < width; j++) hash = (Math.imul(hash, BASE) + text.charCodeAt(j)) | 0;
      for (let i = 0; ; i++) {
        const bucket = buckets.get(hash & 0x3fffffff); // as windowHash(text, i, width)
        if (bucket) {
          for (const { needle, offset } of bucket) {
            const start = i - offset;
            if (start < 0 || !text.startsWith(needle, start)) continue;
            if (!all) return [start, start + needle.length];
            found.push([start, start + needle.length]);
          }
        }
        if (i + width >= text.length) break;
        hash = roll(hash, text.charCodeAt(i), text.charCodeAt(i + width), out);
      }
    }
    return all ? found : undefined;
  }

  /**
   * Runs of base64 text (line breaks allowed, as in PEM) whose decoding holds a needle: a secret
   * base64-encoded twice, or inside a wrapped blob.
   */
  private base64Runs(text: string, first: boolean): [number, number][] {
    const found: [number, number][] = [];
    for (const run of text.matchAll(BASE64_RUN)) {
      // Decoded from where the run starts, as a blob does after a delimiter ("Basic dXNl…",
      // "ci:dXNl…"), and from its first line break, as a PEM body does ("-----BEGIN X-----\n").
      // (A secret base64-encoded once is found without decoding, at any alignment.)
      const lineBreak = run[0].search(/\n[^\r\n]/);
      const starts = lineBreak > 0 ? [0, lineBreak + 1] : [0];
      for (const start of starts) {
        const chars = run[0].slice(start).replace(/[\r\n]/g, "");
        if (chars.length < MIN_BASE64_RUN) continue;
        if (this.find(Buffer.from(chars, "base64").toString("utf8")) === undefined) continue;
        found.push([run.index, run.index + run[0].length]);
        if (first) return found;
        break;
      }
    }
    return found;
  }
}

const BASE64_RUN = /[A-Za-z0-9+/_=\r\n-]{8,}/g;
const WORD_END = /[\s.[\]"'(),;]/;

/**
 * Every literal Terraform marks sensitive anywhere in a plan document: under `before_sensitive` /
 * `after_sensitive` (resource changes, drift, output changes), under `sensitive_values` next to
 * `values` (planned_values, prior_state, in every module), the `value` (and `default`) of anything
 * flagged `"sensitive": true` (outputs, variable declarations), and the values of root input
 * variables declared sensitive in `configuration`. Strings and numbers are collected; the keys of a
 * sensitive object are not (they are mostly schema attribute names like `password`).
 */
export function sensitiveLiterals(document: unknown): string[] {
  const found: string[] = [];
  const stack = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    if (!isRecord(node)) continue;
    for (const [value, marks] of MARKED) if (marks in node) collectMarked(node[value], node[marks], found);
    if (node.sensitive === true) {
      collectAll(node.value, found);
      collectAll(node.default, found);
    }
    for (const child of Object.values(node)) stack.push(child);
  }
  if (isRecord(document) && isRecord(document.variables) && isRecord(document.configuration)) {
    const declared = isRecord(document.configuration.root_module)
      ? document.configuration.root_module.variables
      : undefined;
    for (const [name, variable] of Object.entries(document.variables)) {
      const declaration = isRecord(declared) ? declared[name] : undefined;
      if (isRecord(declaration) && declaration.sensitive === true && isRecord(variable))
        collectAll(variable.value, found);
    }
  }
  return found;
}

/** Value and mark tree side by side: in changes, and in resources of planned_values and prior_state. */
const MARKED = [
  ["before", "before_sensitive"],
  ["after", "after_sensitive"],
  ["values", "sensitive_values"],
] as const;

/** Collects the leaves of `value` that its mark tree marks `true` (or lie under such a mark). */
function collectMarked(value: unknown, marks: unknown, found: string[]): void {
  const stack: [unknown, unknown][] = [[value, marks]];
  while (stack.length > 0) {
    const [v, m] = stack.pop() as [unknown, unknown];
    if (m === true) collectAll(v, found);
    else if (Array.isArray(v) && Array.isArray(m))
      for (const [i, child] of v.entries()) stack.push([child, m[i]]);
    else if (isRecord(v) && isRecord(m))
      for (const [key, child] of Object.entries(v)) stack.push([child, m[key]]);
  }
}

function collectAll(value: unknown, found: string[]): void {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === "string") found.push(node);
    else if (typeof node === "number") found.push(String(node));
    else if (Array.isArray(node)) for (const child of node) stack.push(child);
    else if (isRecord(node)) for (const child of Object.values(node)) stack.push(child);
  }
}

function isSecretLike(literal: string): boolean {
  return literal.length >= MIN_SECRET_LENGTH && !NOT_SECRETS.has(literal);
}

/**
 * What `secret` looks like inside other text: as is; JSON-escaped the way JavaScript and the way
 * Go (Terraform's `jsonencode`, which also escapes `<`, `>` and `&`) do it, up to three levels
 * deep; percent-encoded; and base64-encoded (standard and URL alphabets) at each of the three byte
 * alignments it can have inside a longer encoded text.
 */
function encodings(secret: string): Set<string> {
  const texts = new Set([secret]);
  let level = ESCAPED.test(secret) ? [secret] : [];
  for (let depth = 0; depth < ESCAPE_LEVELS; depth++) {
    const next: string[] = [];
    for (const text of level) {
      for (const escaped of [jsonEscape(text), goJsonEscape(text)]) {
        if (!texts.has(escaped)) next.push(escaped);
        texts.add(escaped);
      }
    }
    level = next;
  }
  const out = new Set(texts);
  for (const text of texts) {
    const percent = percentEncode(text);
    if (percent) out.add(percent);
    for (const needle of base64Needles(text)) out.add(needle);
  }
  return out;
}

function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function goJsonEscape(text: string): string {
  return jsonEscape(text).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function percentEncode(text: string): string | undefined {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined; // a lone surrogate has no percent-encoding
  }
}

/**
 * The base64 characters that depend only on `text`'s bytes, for each alignment of its first byte
 * (0, 1 or 2 bytes into a 3-byte group), in both alphabets: whatever surrounds the secret inside a
 * longer encoded text, one of these appears.
 */
function base64Needles(text: string): string[] {
  const bytes = Buffer.from(text, "utf8");
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

/** The polynomial hash (mod 2^30, a small integer maps key by fast) of one window of `text`. */
function windowHash(text: string, at: number, width: number): number {
  let hash = 0;
  for (let j = at; j < at + width; j++) hash = (Math.imul(hash, BASE) + text.charCodeAt(j)) | 0;
  return hash & 0x3fffffff;
}

/** A window's polynomial hash (mod 2^32) moved one character on. */
function roll(hash: number, leaving: number, entering: number, out: number): number {
  return (Math.imul((hash - Math.imul(leaving, out)) | 0, BASE) + entering) | 0;
}

function power(exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, BASE);
  return result;
}
