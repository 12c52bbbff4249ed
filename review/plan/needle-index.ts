/**
 * Many fixed strings ("needles") searched for in a text in one pass: each needle is indexed by the
 * rolling hash of one window of its characters, so each position of the text costs about one hash
 * lookup per window width, however many needles there are.
 */

/**
 * Window widths needles are indexed by: the widest that fits each needle. Wide windows keep the
 * buckets small even for needles over a tiny alphabet; needles shorter than the narrowest are
 * not indexed (nothing shorter is searched for).
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

export class NeedleIndex {
  /**
   * Each needle is indexed by its least shared window, so needles with a common prefix
   * (`secret-1`, `secret-2`, URLs, PEM keys) do not pile up in one bucket.
   */
  private readonly indexes: Index[] = WIDTHS.map((width) => ({
    width,
    out: power(width - 1),
    buckets: new Map(),
  }));

  constructor(needles: Iterable<string>) {
    // Shortest first: a needle holding a shorter one adds nothing (wherever it is, so is the
    // shorter one); leaving such needles out keeps repetitive ones (aaaa, aaaaa, …) from piling
    // up in one bucket.
    for (const needle of [...new Set(needles)].sort((x, y) => x.length - y.length)) {
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

  /** Whether no needle is indexed. */
  get empty(): boolean {
    return this.indexes.length === 0;
  }

  /** The first needle found in `text` as [start, end), or with `all`, every one. */
  find(text: string): [number, number] | undefined;
  find(text: string, all: true): [number, number][];
  find(text: string, all = false): [number, number] | undefined | [number, number][] {
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
