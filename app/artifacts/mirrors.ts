import { type MirrorEntry, toFileEntry } from "../../inputs/mirrors/schema";
import type { MirrorUrl } from "../../inputs/mirrors/url";

/**
 * xmirror's machine-readable outputs, byte for byte as its `web/generate-site.py` writes them
 * (Python `json.dump` defaults, `csv.excel_tab` with "\n" line ends), so consumers of
 * xmirror.voidlinux.org cannot tell which generator produced them.
 */

/** `v0/mirrors.json`: every entry, file order, xmirror's field names; one line, no final newline. */
export function renderMirrorsJson(entries: readonly MirrorEntry[]): string {
  return pythonJson(entries.map(toFileEntry));
}

/**
 * The Prometheus probe target of a mirror: `host/path/current`, scheme and one trailing slash
 * removed, as xmirror's rewrite (`^(?:http|ftp)s?://(.*?)/?$` → `$1/current`) makes it, but from
 * the validated host and path rather than a second reading of the text.
 */
export function prometheusTarget(url: MirrorUrl): string {
  return `${url.host}${url.path.replace(/\/$/, "")}/current`;
}

/** `metrics/prometheus.json`: one http_sd target group, no labels, every entry, sorted. */
export function renderPrometheusTargets(entries: readonly MirrorEntry[]): string {
  const targets = entries.map((entry) => prometheusTarget(entry.url)).sort(byCodePoint);
  return pythonJson([{ targets }]);
}

/** `raw/mirrors.lst`: enabled entries, file order; region, base_url, location, tier; tab separated. */
export function renderMirrorsLst(entries: readonly MirrorEntry[]): string {
  return entries
    .filter((entry) => entry.enabled)
    .map(
      (entry) =>
        `${[entry.region, entry.baseUrl, entry.location, String(entry.tier)].map(tsvField).join("\t")}\n`,
    )
    .join("");
}

/** Python's csv QUOTE_MINIMAL for the excel_tab dialect with "\n" as line terminator. */
function tsvField(value: string): string {
  return /[\t"\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/**
 * Python's `json.dumps` with default arguments: `", "` and `": "` separators, and
 * `ensure_ascii`, which writes every character outside printable ASCII as a lowercase `\uXXXX`.
 */
export function pythonJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const members = Object.entries(value as { readonly [key: string]: Json });
    return `{${members.map(([key, member]) => `${pythonString(key)}: ${pythonJson(member)}`).join(", ")}}`;
  }
  if (typeof value === "string") return pythonString(value);
  if (typeof value === "number" && !Number.isInteger(value)) {
    // Python prints floats with repr(); nothing in the mirror list is fractional.
    throw new Error(`pythonJson: non-integer number ${value} is not supported`);
  }
  return JSON.stringify(value);
}

function pythonString(value: string): string {
  // JSON.stringify already escapes quotes, backslashes and control characters as Python does.
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Python's string order (code points); JavaScript's default sorts UTF-16 code units. */
function byCodePoint(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i].codePointAt(0) ?? 0) - (right[i].codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}
