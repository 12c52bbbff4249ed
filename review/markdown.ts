/**
 * Markdown primitives shared by the review reports (plan summary, review diff), so every report
 * speaks the same visual language: one warning marker, GitHub alert blocks for what must not be
 * missed, summary tables, collapsible details, and a size cap that drops details, never warnings.
 */

/** GitHub rejects comments over 65,536 characters; reports stay well under it. */
export const DEFAULT_MARKDOWN_LIMIT = 60_000;

/** The one marker for destructive or sensitive changes, in headings, lists and tables alike. */
export const WARNING_MARKER = "⚠️";

/** Line endings as CommonMark reads them: a lone CR ends a line too. */
const LINE_ENDING = /\r\n|\r|\n/g;

/**
 * Characters GitHub may read as the `@` of a mention: `@` and its compatibility forms, the
 * full-width `＠` (U+FF20) and the small `﹫` (U+FE6B), which normalize to it.
 */
const AT_SIGN = /[@\uFF20\uFE6B]/;

/**
 * U+2060 WORD JOINER: invisible, not whitespace, and no part of a login, so `@\u2060x` mentions
 * nobody. Built from its code point so that no bundle (the bots' workflow scripts) holds it raw.
 */
export const WORD_JOINER = String.fromCharCode(0x2060);

/**
 * Every mention look-alike defused: a word joiner right after each `@`, `＠` or `﹫` (unless one
 * is already there), whatever follows, since an entity or escape after the sign can still spell a
 * login once rendered.
 */
export function defuseMentions(text: string): string {
  return text.replace(new RegExp(`${AT_SIGN.source}(?!${WORD_JOINER})`, "gu"), (c) => `${c}${WORD_JOINER}`);
}

/**
 * Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin) reorder how the text around them
 * is shown, so a stranger's text could read differently from what it is: they are spelled
 * `\u{202e}` instead.
 */
export function showBidiControls(text: string): string {
  return text.replace(
    /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}

/**
 * Escapes text for a table cell: pipes split cells (GFM needs `\|` even inside code spans) and
 * line endings (a lone CR too) end rows.
 */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(LINE_ENDING, "<br>");
}

/**
 * Escapes text for HTML contexts such as `<summary>`, where Markdown is not rendered: markup as
 * entities, on one line (a blank line would end the HTML block and let Markdown in), mentions and
 * bidirectional controls defused as in `plainText`.
 */
export function escapeHtml(text: string): string {
  return defuseMentions(
    showBidiControls(
      text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(LINE_ENDING, " "),
    ),
  );
}

/**
 * Text a stranger wrote (a display name, a message quoting data), made inert in GitHub Markdown:
 * on one line, markup characters backslash-escaped, `<`, `>` and `&` as entities (so no tag,
 * comment or entity gets through), links not auto-detected, issue references (`#12`) not linked,
 * bidirectional controls shown, and every `@` look-alike (`＠`, `﹫`) followed by a word joiner so
 * nobody is mentioned.
 */
export function plainText(text: string): string {
  return defuseMentions(
    showBidiControls(
      text
        .replace(/[\r\n\u0085\u2028\u2029\t\v\f]+/g, " ")
        .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/#(?=[0-9])/g, `#${WORD_JOINER}`)
        .replace(/:\/\//g, `:${WORD_JOINER}//`)
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${WORD_JOINER}.`),
    ),
  );
}

/**
 * Inline code that survives backticks inside `text` (CommonMark: a longer fence, padded) and line
 * endings: a code span renders them as spaces anyway, but a raw one could end the paragraph, table
 * row or list item it sits in and start Markdown of its own.
 */
export function inlineCode(text: string): string {
  const line = text.replace(LINE_ENDING, " ");
  const longestRun = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longestRun + 1);
  const spaced = line.startsWith(" ") && line.endsWith(" ") && line.trim() !== "";
  const pad = line.startsWith("`") || line.endsWith("`") || spaced ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside `body`. */
export function codeBlock(body: string, language = ""): string {
  const longestRun = Math.max(0, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${body.replace(/\n$/, "")}\n${fence}`;
}

/** A Markdown table; cells are escaped, so callers pass plain text or already-inline Markdown. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => escapeCell(c)).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}

/** Counts per category, one row per subject, zero shown as `0` so columns line up for the eye. */
interface SummaryRow {
  readonly subject: string;
  readonly counts: Readonly<Record<string, number>>;
  /** Prefix the subject with the warning marker. */
  readonly warn?: boolean;
}

/** The summary table: subject column, one column per category, and a total row when useful. */
export function summaryTable(
  subjectHeader: string,
  categories: readonly string[],
  rows: readonly SummaryRow[],
): string {
  const body = rows.map((row) => [
    row.warn ? `${WARNING_MARKER} ${row.subject}` : row.subject,
    ...categories.map((c) => String(row.counts[c] ?? 0)),
  ]);
  if (rows.length > 1) {
    body.push([
      "**Total**",
      ...categories.map((c) => `**${rows.reduce((sum, row) => sum + (row.counts[c] ?? 0), 0)}**`),
    ]);
  }
  return table([subjectHeader, ...categories.map(capitalize)], body);
}

/**
 * A GitHub alert block (`> [!CAUTION]`), rendered as a red call-out on GitHub and as a plain quote
 * elsewhere; every line carries the warning marker so it also stands out in plain text.
 */
export function warningBlock(title: string, lines: readonly string[]): string {
  // Every physical line is quoted: a line ending inside a given line must not leave the block.
  const quoted = lines.flatMap((l) => l.split(LINE_ENDING)).map((l) => `> ${l}`);
  return ["> [!CAUTION]", `> ${WARNING_MARKER} **${title}**`, ...quoted].join("\n");
}

/** A collapsible block; the blank lines let Markdown inside `body` render. */
/**
 * A sentence of a review as a list item, with the sentences it stands for (a grouped line's items)
 * below it: the one layout of a sentence in the review diff and in the plan comment.
 */
export function sentenceItem(text: string, items: readonly string[] = []): string[] {
  return [`- ${text}`, ...items.map((item) => `  - ${item}`)];
}

export function details(summary: string, body: string, open = false): string {
  return `<details${open ? " open" : ""}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** A piece of a report: essential pieces always stay, detail pieces are dropped first. */
export interface MarkdownBlock {
  readonly text: string;
  readonly essential: boolean;
}

export const essential = (text: string): MarkdownBlock => ({ text, essential: true });
export const detail = (text: string): MarkdownBlock => ({ text, essential: false });

/**
 * Joins blocks with blank lines into a document shorter than `limit` characters. When they do not
 * fit, detail blocks are left out from the first one that overflows onward (document order is
 * kept, so a reader never sees a later detail without the earlier ones) and a notice says how many
 * were omitted and where the full data is. Essential blocks always stay; if they alone overflow,
 * the text is cut at a line boundary before the notice.
 */
export function capMarkdown(
  blocks: readonly MarkdownBlock[],
  options: { readonly limit?: number; readonly fullOutputHint?: string } = {},
): string {
  const limit = options.limit ?? DEFAULT_MARKDOWN_LIMIT;
  const all = blocks.map((b) => b.text).join("\n\n");
  if (all.length < limit) return all;

  const notice = (omitted: number, cut = false) =>
    `> [!NOTE]\n> Output truncated to stay under ${limit.toLocaleString("en-US")} characters: ` +
    `${omitted} detail section${omitted === 1 ? "" : "s"} omitted${cut ? " and the summary cut short" : ""}.` +
    (options.fullOutputHint ? ` ${options.fullOutputHint}` : "");
  const detailCount = blocks.filter((b) => !b.essential).length;
  const essentialLength = blocks.filter((b) => b.essential).reduce((n, b) => n + b.text.length + 2, 0);
  const budget = limit - notice(detailCount).length - 2 - essentialLength;

  const kept: string[] = [];
  let spent = 0;
  let omitted = 0;
  for (const block of blocks) {
    if (block.essential) {
      kept.push(block.text);
    } else if (omitted === 0 && spent + block.text.length + 2 < budget) {
      kept.push(block.text);
      spent += block.text.length + 2;
    } else {
      omitted++;
    }
  }
  const tail = notice(omitted);
  const body = kept.join("\n\n");
  if (body.length + tail.length + 2 < limit) return `${body}\n\n${tail}`;
  // Even the essentials overflow: cut on a line boundary so no table row or tag is half-written.
  const cutNotice = notice(omitted, true);
  const room = limit - cutNotice.length - 2 - 1;
  const cut = body.lastIndexOf("\n", room);
  return `${body.slice(0, cut > 0 ? cut : room)}\n\n${cutNotice}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
