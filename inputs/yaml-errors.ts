import type { ErrorCode } from "yaml";

/**
 * The YAML library's syntax errors said in plain words, quoting the line at fault. Most mistakes
 * people make in a small data file are layout mistakes (a line indented one space too few or too
 * many, a `key:value` without its space, a value holding `: `), and the library reports them by
 * what its grammar saw ("Implicit map keys need to be followed by map values"), often on a
 * neighbouring line. Each explanation below looks at the lines around the error and names the
 * line to fix and how; an error none of them recognizes keeps the library's words.
 */

export interface Explained {
  /** 1-based line and column of the line to fix. */
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** What an explanation sees: the error and the file's lines. */
interface ErrorSite {
  readonly code: ErrorCode;
  readonly message: string;
  /** 1-based line and column the library reported. */
  readonly line: number;
  readonly col: number;
  readonly lines: readonly string[];
}

type Explain = (site: ErrorSite) => Explained | undefined;

/** Error code → explanation, for the codes with a layout mistake or a common slip behind them. */
const EXPLAIN: Partial<Record<ErrorCode, Explain>> = {
  BAD_INDENT: (site) => (site.message.startsWith("All ") ? layout(site) : undefined),
  BLOCK_AS_IMPLICIT_KEY: (site) => layout(site),
  MULTILINE_IMPLICIT_KEY: (site) => layout(site),
  UNEXPECTED_TOKEN: (site) => (/at node end|in YAML stream/.test(site.message) ? layout(site) : undefined),
  MISSING_CHAR: (site) =>
    /^(Implicit map keys|Sequence item without)/.test(site.message)
      ? layout(site)
      : /^Missing closing (["'])quote/.test(site.message)
        ? unclosedQuote(site)
        : undefined,
  TAB_AS_INDENT: (site) => ({
    line: site.line,
    col: 1,
    message: `${quote(site.lines, site.line)} is indented with a tab (expected spaces: YAML allows no tabs in indentation)`,
  }),
  MULTIPLE_DOCS: (site) => ({
    line: site.line,
    col: site.col,
    message: "starts a second document with `---` (expected one YAML document per file)",
  }),
  BAD_DQ_ESCAPE: (site) => {
    const sequence = /Invalid escape sequence (\S+)/.exec(site.message)?.[1] ?? "";
    return {
      line: site.line,
      col: site.col,
      message: `has the escape ${sequence} in a "double-quoted" value, which YAML does not know (expected \\\\ for a backslash, or 'single quotes' around the value)`,
    };
  },
};

/** The plain-words form of one of the library's errors, or undefined to keep its own words. */
export function explainYamlError(site: ErrorSite): Explained | undefined {
  return EXPLAIN[site.code]?.(site);
}

/**
 * How far around the error the explanations look. Real mistakes sit next to the lines they belong
 * with; the bound keeps a hostile file with thousands of errors from costing lines × errors.
 */
const WINDOW = 64;

/** Whether line `i` (0-based) holds YAML content, not only spaces or a comment. */
const isContent = (lines: readonly string[], i: number) => /^\s*[^\s#]/.test(lines[i] ?? "");
const indentOf = (lines: readonly string[], i: number) => /^ */.exec(lines[i] ?? "")?.[0].length ?? 0;

/** Line `line` (1-based) as the reader wrote it, trimmed and shortened, in backticks. */
function quote(lines: readonly string[], line: number): string {
  const text = (lines[line - 1] ?? "").trim();
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

const spaces = (n: number) => `${n} space${n === 1 ? "" : "s"}`;

/**
 * A layout mistake on the reported line or next to it, tried in order: a line indented less than
 * the lines it belongs with, a value holding `: `, a line indented more than the line above it
 * (which YAML reads as the continuation of that line's value), a line that is not `key: value`.
 */
function layout(site: ErrorSite): Explained | undefined {
  const at = site.line - 1;
  return (
    underIndented(site.lines, at) ??
    colonInValue(site.lines, at) ??
    overIndented(site.lines, at) ??
    listItemAmongKeys(site.lines, at) ??
    notKeyValue(site.lines, at)
  );
}

/**
 * Line `at` is indented less than the lines since its parent (the nearest line above indented
 * less than it): it is neither one of them nor one of the parent's neighbours.
 */
function underIndented(lines: readonly string[], at: number): Explained | undefined {
  const indent = indentOf(lines, at);
  const stop = Math.max(-1, at - WINDOW);
  let parent = at - 1;
  while (parent > stop && !(isContent(lines, parent) && indentOf(lines, parent) < indent)) parent--;
  if (parent === stop && stop >= 0) return undefined;
  let sibling = -1;
  for (let i = parent + 1; i < at; i++)
    if (isContent(lines, i) && (sibling === -1 || indentOf(lines, i) < indentOf(lines, sibling))) sibling = i;
  if (sibling === -1 || indentOf(lines, sibling) <= indent) return undefined;
  const expected = indentOf(lines, sibling);
  const under = parent >= 0 ? `every line under ${quote(lines, parent + 1)}` : "every top-level line";
  return {
    line: at + 1,
    col: indent + 1,
    message: `${quote(lines, at + 1)} is indented ${spaces(indent)}, less than ${quote(lines, sibling + 1)} above it (expected ${spaces(expected)}, like ${under})`,
  };
}

/** `key: value` where the value holds `: ` too, which YAML reads as a mapping inside a value. */
function colonInValue(lines: readonly string[], at: number): Explained | undefined {
  const match = /^(\s*(?:- )?)([^\s:#"'][^:#]*?):[ ]+([^"'\s{[].*?)\s*$/.exec(lines[at] ?? "");
  if (!match) return undefined;
  const [, lead = "", key = "", value = ""] = match;
  if (!/:(\s|$)/.test(value)) return undefined;
  const quoted = `${key}: "${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  return {
    line: at + 1,
    col: lead.length + 1,
    message: `${quote(lines, at + 1)} has a second \`: \` in its value (expected quotes around a value that holds \`: \`, as in \`${quoted}\`)`,
  };
}

/**
 * The next line is indented more than line `at`, which opens no block (it does not end with `:`,
 * `-` or a block scalar's `|`/`>`): YAML reads it as more of line `at`'s value.
 */
function overIndented(lines: readonly string[], at: number): Explained | undefined {
  const text = (lines[at] ?? "").replace(/\s+#.*$/, "").trimEnd();
  if (/(:|^\s*-|[|>][+-]?\d?)$/.test(text)) return undefined;
  let next = at + 1;
  while (next < Math.min(lines.length, at + WINDOW) && !isContent(lines, next)) next++;
  if (next >= Math.min(lines.length, at + WINDOW) || indentOf(lines, next) <= indentOf(lines, at))
    return undefined;
  return {
    line: next + 1,
    col: indentOf(lines, next) + 1,
    message: `${quote(lines, next + 1)} is indented more than ${quote(lines, at + 1)} above it (expected the same indent: only the lines under a key that ends in \`:\` are indented further)`,
  };
}

/** A `- item` line at the indent of `key: value` lines: a list cannot continue a mapping. */
function listItemAmongKeys(lines: readonly string[], at: number): Explained | undefined {
  if (!/^\s*- /.test(lines[at] ?? "")) return undefined;
  const indent = indentOf(lines, at);
  let above = at - 1;
  while (above >= Math.max(0, at - WINDOW) && !(isContent(lines, above) && indentOf(lines, above) <= indent))
    above--;
  if (
    above < Math.max(0, at - WINDOW) ||
    indentOf(lines, above) !== indent ||
    /^\s*-/.test(lines[above] ?? "")
  )
    return undefined;
  return {
    line: at + 1,
    col: indent + 1,
    message: `${quote(lines, at + 1)} is a list item among \`key: value\` lines such as ${quote(lines, above + 1)} (expected \`key: value\`, or the list indented under a key of its own)`,
  };
}

/** Line `at` has no `key: value` colon: a missing colon, or one without the space after it. */
function notKeyValue(lines: readonly string[], at: number): Explained | undefined {
  const text = (lines[at] ?? "").trim();
  if (text === "" || text.startsWith("-") || text.startsWith("#") || /:(\s|$)/.test(text)) return undefined;
  const col = indentOf(lines, at) + 1;
  const glued = /^([^:\s]+):(\S.*)$/.exec(text);
  if (glued)
    return {
      line: at + 1,
      col,
      message: `${quote(lines, at + 1)} has no space after its colon (expected \`key: value\`, as in \`${glued[1]}: ${glued[2]}\`)`,
    };
  return {
    line: at + 1,
    col,
    message: `${quote(lines, at + 1)} is not a \`key: value\` line (expected a key, a colon and a space, then the value)`,
  };
}

/** A quote that never closes: the library reports where the file ends; name the line that opened it. */
function unclosedQuote(site: ErrorSite): Explained {
  const mark = site.message.includes('"') ? '"' : "'";
  let opened = Math.min(site.line, site.lines.length) - 1;
  const stop = Math.max(0, opened - WINDOW);
  while (opened > stop && !(site.lines[opened] ?? "").includes(mark)) opened--;
  return {
    line: opened + 1,
    col: Math.max(0, (site.lines[opened] ?? "").indexOf(mark)) + 1,
    message: `${quote(site.lines, opened + 1)} opens a ${mark} quote that is never closed (expected a closing ${mark} at the end of the value)`,
  };
}
