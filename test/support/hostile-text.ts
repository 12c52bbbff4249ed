/**
 * Hostile strings for property-style tests: random concatenations of fragments that have broken
 * escaping somewhere (workflow commands, HTML comments, mentions, entities, invisible and bidi
 * characters, backticks), from a seeded generator so a failure names a reproducible case.
 */
import { REVIEW_MARKER } from "../../review/bot/review-comment";

/** Where the review marker splits into two fragments, which a removal between them could rejoin. */
const MARKER_SPLIT = REVIEW_MARKER.indexOf("infra:");

const FRAGMENTS = [
  "\n",
  "\r",
  "\r\n",
  "\n\n",
  "%",
  "%0A",
  "%25",
  "::",
  ":",
  ",",
  "=",
  "::error::",
  "::add-mask::",
  "::stop-commands::tok",
  "::warning file=x,line=1::",
  "##[",
  "##[set-output name=x]",
  "<!--",
  "-->",
  "--",
  "<!",
  "<",
  ">",
  "!",
  REVIEW_MARKER,
  REVIEW_MARKER.slice(0, MARKER_SPLIT),
  REVIEW_MARKER.slice(MARKER_SPLIT),
  "@",
  "\uFF20",
  "\uFE6B",
  "&#64;",
  "&#x40;",
  "&#X0040",
  "&#064",
  "&commat;",
  "&#65312;",
  "&#xFE6B;",
  "&",
  "#",
  "#12",
  "alice",
  "org/team",
  "a",
  " ",
  "  ",
  "\t",
  "\u200B",
  "\u200D",
  "\u2060",
  "\uFEFF",
  "\u202E",
  "\u2066",
  "\u0085",
  "\u2028",
  "\u001B[31m",
  "`",
  "```",
  "````",
  "~~~",
  "|",
  "\\",
  "[x](https://evil.example)",
  "![i](https://evil.example/i.png)",
  "<img src=x>",
  "<details>",
  "</details>",
  "www.example.com",
  "\uD83D\uDE00",
];

/** A deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A hostile string of up to `maxParts` fragments. */
export function hostile(next: () => number, maxParts = 12): string {
  const parts = 1 + Math.floor(next() * maxParts);
  let text = "";
  for (let i = 0; i < parts; i++) text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] ?? "";
  return text;
}

/** `count` hostile strings from `seed`. */
export function hostileCases(seed: number, count: number, maxParts = 12): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => hostile(next, maxParts));
}

/** Format characters and other default-ignorables: invisible to a culture-aware comparison. */
const IGNORABLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * Whether the Actions runner could read `line` as a workflow command: `::` after leading
 * whitespace (TryParseV2) or `##[` anywhere (the legacy TryParse), counting ignorables as nothing.
 * Written independently of runtime/log.ts on purpose.
 */
export function runnerSeesCommand(line: string): boolean {
  const probe = line.replace(IGNORABLE, "");
  return /^[\s\u0085]*::/.test(probe) || probe.includes("##[");
}

/** The lines the runner splits output into. */
export const runnerLines = (text: string) => text.split(/\r\n|\r|\n/);

/**
 * Markdown as a reader sees it once GitHub rendered it, for the question "does a mention
 * survive?": character references decoded once (with or without `;`, as an HTML parser forgives),
 * backslash escapes dropped, compatibility forms folded (NFKC: `＠` and `﹫` become `@`). It
 * over-approximates rendering (it decodes more than CommonMark would), which is the safe side.
 */
export function rendered(markdown: string): string {
  return markdown
    .replace(/&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/g, (ref, hex?: string, dec?: string) => {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? "", 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    })
    .replace(/&commat;?/gi, "@")
    .replace(/&lt;?/g, "<")
    .replace(/&gt;?/g, ">")
    .replace(/&amp;?/g, "&")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .normalize("NFKC");
}

/** A login right after an `@` (or what renders as one): a mention GitHub would notify. */
export const MENTION = /@[A-Za-z0-9]/;
/** The stronger invariant the escaping keeps: every `@`, once rendered, is followed by a word joiner. */
export const UNDEFUSED_AT = /@(?!\u2060)/;

export const count = (text: string, part: string) => text.split(part).length - 1;
