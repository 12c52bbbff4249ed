import { ACTIONS, type Action, type Change, type HumanLine, totalsOf } from "../change/model";
import {
  capMarkdown,
  codeBlock,
  DEFAULT_MARKDOWN_LIMIT,
  detail,
  details,
  essential,
  inlineCode,
  type MarkdownBlock,
  sentenceItem,
  summaryTable,
  WARNING_MARKER,
  warningBlock,
} from "../markdown";
import type { DiffReport } from "./model";

/** Resource changes per collapsible block: the unit the size cap drops. */
const CHANGES_PER_DETAILS = 25;
/** Longest value shown in the attribute diff; the JSON format has every value in full. */
const MAX_VALUE_LENGTH = 300;

export const NO_CHANGES = "No changes.";

export interface RenderOptions {
  /** Character limit of the whole comment. @default 60,000 */
  readonly limit?: number;
  /** Further sections placed right after the summary, never cut (e.g. who approves). */
  readonly sections?: readonly string[];
}

/**
 * The review comment: totals, the per-stack summary table, warnings (deletions and sensitive
 * grants) in a caution block, the other human lines, then collapsible attribute diffs. Only the
 * attribute diffs are ever cut to respect the size limit.
 */
export function renderMarkdown(report: DiffReport, options: RenderOptions = {}): string {
  const sections = (options.sections ?? []).filter((s) => s !== "").map(essential);
  const notes = report.artifactsNotCompared ? [essential(ARTIFACTS_NOT_COMPARED)] : [];
  if (report.changes.length === 0)
    return [NO_CHANGES, ...[...notes, ...sections].map((s) => s.text)].join("\n\n");
  const totals = totalsOf(report.summary);
  const warnings = report.lines.filter((l) => l.severity === "warning");
  const others = report.lines.filter((l) => l.severity !== "warning");
  // The everyday actions always have a column; imports, moves and forgets only when they occur.
  const columns = ACTIONS.filter((a) => EVERYDAY.includes(a) || totals[a] > 0).sort(
    (a, b) => COLUMN_ORDER.indexOf(a) - COLUMN_ORDER.indexOf(b),
  );
  const blocks: MarkdownBlock[] = [
    essential(
      `### Review diff: ${totals.create} to create, ${totals.update} to update, ${totals.delete} to delete`,
    ),
    essential(
      summaryTable(
        "Output",
        columns,
        report.summary.map((s) => ({
          subject: s.stack,
          counts: s.counts,
          warn: warnings.some((w) => w.stack === s.stack),
        })),
      ),
    ),
    ...notes,
    ...sections,
  ];
  if (warnings.length > 0)
    blocks.push(
      essential(
        warningBlock(
          `${warnings.length} deletion${warnings.length === 1 ? "" : "s"} or grant${warnings.length === 1 ? "" : "s"} of power: review these first`,
          warnings.flatMap((l) => lineMarkdown(l).split("\n")),
        ),
      ),
    );
  if (others.length > 0) blocks.push(essential(others.map(lineMarkdown).join("\n")));
  // A text artifact's change is shown as a unified diff with its sentence already.
  blocks.push(...detailBlocks(report.changes.filter((c) => c.type !== "artifact_text")));
  return capMarkdown(blocks, {
    limit: options.limit ?? DEFAULT_MARKDOWN_LIMIT,
    fullOutputHint: "Run `npm run diff -- --format json` locally for every attribute.",
  });
}

/** Columns the table always has, and the order of every column. */
const EVERYDAY: readonly Action[] = ["create", "update", "delete"];
const COLUMN_ORDER: readonly Action[] = [
  "create",
  "update",
  "delete",
  "import",
  "move",
  "forget",
  "replace",
  "read",
];

export const ARTIFACTS_NOT_COMPARED =
  "The base writes no artifacts (it was synthesized by older code), so only the stacks are compared.";

/** The same report for tools: summary, totals, lines with severity and every attribute change. */
export function renderJson(report: DiffReport, approvals?: unknown): string {
  return `${JSON.stringify(
    {
      summary: report.summary,
      totals: totalsOf(report.summary),
      lines: report.lines,
      changes: report.changes.map(({ before: _before, after: _after, ...change }) => change),
      ...(report.artifactsNotCompared && { artifactsNotCompared: true }),
      ...(approvals !== undefined && { approvals }),
    },
    null,
    2,
  )}\n`;
}

function lineMarkdown(line: HumanLine): string {
  const marker = line.severity === "warning" ? `${WARNING_MARKER} ` : "";
  const parts = sentenceItem(`${marker}${inlineCode(line.stack)}: ${line.text}`, line.items);
  if (line.ruleDiff) parts.push(indent(codeBlock(line.ruleDiff, "diff"), "  "));
  return parts.join("\n");
}

const indent = (text: string, prefix: string) =>
  text
    .split("\n")
    .map((l) => prefix + l)
    .join("\n");

const SIGN: Record<Action, string> = {
  create: "+",
  import: "+",
  read: "+",
  delete: "-",
  forget: "-",
  update: "~",
  replace: "~",
  move: "~",
};

/** Attribute diffs, one collapsible block per stack and chunk, in `diff` syntax for colour. */
function detailBlocks(changes: readonly Change[]): MarkdownBlock[] {
  const stacks = [...new Set(changes.map((c) => c.stack))];
  return stacks.flatMap((stack) => {
    const own = changes.filter((c) => c.stack === stack);
    const blocks: MarkdownBlock[] = [];
    for (let start = 0; start < own.length; start += CHANGES_PER_DETAILS) {
      const chunk = own.slice(start, start + CHANGES_PER_DETAILS);
      const range =
        own.length <= CHANGES_PER_DETAILS
          ? `${own.length} change${own.length === 1 ? "" : "s"}`
          : `changes ${start + 1}–${start + chunk.length} of ${own.length}`;
      blocks.push(
        detail(
          details(
            `Attribute diff of ${stack} (${range})`,
            codeBlock(chunk.map(changeText).join("\n\n"), "diff"),
          ),
        ),
      );
    }
    return blocks;
  });
}

function changeText(change: Change): string {
  const sign = SIGN[change.action];
  const moved = change.previousAddress === undefined ? "" : ` (from ${change.previousAddress})`;
  const lines = [`${sign} ${change.address} (${change.action})${moved}`];
  for (const attribute of change.attributes) {
    const path = attribute.path || "(value)";
    if (attribute.before !== undefined && attribute.after !== undefined)
      lines.push(`${sign}   ${path}: ${value(attribute.before)} → ${value(attribute.after)}`);
    else if (change.action === "update" || change.action === "move")
      lines.push(`${sign}   ${path}: ${value(attribute.before)} → ${value(attribute.after)}`);
    else lines.push(`${sign}   ${path} = ${value(attribute.after ?? attribute.before)}`);
  }
  return lines.join("\n");
}

/** A printed value (JSON text), clipped; the JSON format has every value in full. */
function value(v: string | undefined): string {
  if (v === undefined) return "(absent)";
  return v.length > MAX_VALUE_LENGTH
    ? `${v.slice(0, MAX_VALUE_LENGTH)}… (${v.length - MAX_VALUE_LENGTH} more characters)`
    : v;
}
