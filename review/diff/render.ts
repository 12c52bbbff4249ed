import {
  capMarkdown,
  codeBlock,
  DEFAULT_MARKDOWN_LIMIT,
  detail,
  details,
  essential,
  inlineCode,
  type MarkdownBlock,
  summaryTable,
  WARNING_MARKER,
  warningBlock,
} from "../markdown";
import type { Action, Change, DiffReport, HumanLine } from "./model";

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
  if (report.changes.length === 0) return [NO_CHANGES, ...sections.map((s) => s.text)].join("\n\n");
  const totals = totalsOf(report);
  const warnings = report.lines.filter((l) => l.severity === "warning");
  const others = report.lines.filter((l) => l.severity !== "warning");
  const blocks: MarkdownBlock[] = [
    essential(
      `### Review diff: ${totals.create} to create, ${totals.update} to update, ${totals.delete} to delete`,
    ),
    essential(
      summaryTable(
        "Stack",
        ["create", "update", "delete"],
        report.summary.map((s) => ({
          subject: s.stack,
          counts: { create: s.create, update: s.update, delete: s.delete },
          warn: warnings.some((w) => w.stack === s.stack),
        })),
      ),
    ),
    ...sections,
  ];
  if (warnings.length > 0)
    blocks.push(
      essential(
        warningBlock(
          `${warnings.length} deletion${warnings.length === 1 ? "" : "s"} or sensitive change${warnings.length === 1 ? "" : "s"}: review these first`,
          warnings.flatMap((l) => lineMarkdown(l).split("\n")),
        ),
      ),
    );
  if (others.length > 0) blocks.push(essential(others.map(lineMarkdown).join("\n")));
  blocks.push(...detailBlocks(report.changes));
  return capMarkdown(blocks, {
    limit: options.limit ?? DEFAULT_MARKDOWN_LIMIT,
    fullOutputHint: "Run `npm run diff -- --format json` locally for every attribute.",
  });
}

/** The same report for tools: summary, totals, lines with severity and every attribute change. */
export function renderJson(report: DiffReport, approvals?: unknown): string {
  return `${JSON.stringify(
    {
      summary: report.summary,
      totals: totalsOf(report),
      lines: report.lines,
      changes: report.changes.map(({ before: _before, after: _after, ...change }) => change),
      ...(approvals !== undefined && { approvals }),
    },
    null,
    2,
  )}\n`;
}

function totalsOf(report: DiffReport): Record<Action, number> {
  const sum = (action: Action) => report.summary.reduce((n, s) => n + s[action], 0);
  return { create: sum("create"), update: sum("update"), delete: sum("delete") };
}

function lineMarkdown(line: HumanLine): string {
  const marker = line.severity === "warning" ? `${WARNING_MARKER} ` : "";
  const parts = [`- ${marker}${inlineCode(line.stack)}: ${line.text}`];
  for (const item of line.items ?? []) parts.push(`  - ${item}`);
  if (line.ruleDiff) parts.push(indent(codeBlock(line.ruleDiff, "diff"), "  "));
  return parts.join("\n");
}

const indent = (text: string, prefix: string) =>
  text
    .split("\n")
    .map((l) => prefix + l)
    .join("\n");

const SIGN: Record<Action, string> = { create: "+", delete: "-", update: "~" };

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
  const lines = [`${sign} ${change.address} (${change.action})`];
  for (const attribute of change.attributes) {
    const path = attribute.path || "(value)";
    if (change.action === "update")
      lines.push(`${sign}   ${path}: ${value(attribute.before)} → ${value(attribute.after)}`);
    else
      lines.push(
        `${sign}   ${path} = ${value(change.action === "create" ? attribute.after : attribute.before)}`,
      );
  }
  return lines.join("\n");
}

function value(v: unknown): string {
  if (v === undefined) return "(absent)";
  const json = JSON.stringify(v);
  return json.length > MAX_VALUE_LENGTH
    ? `${json.slice(0, MAX_VALUE_LENGTH)}… (${json.length - MAX_VALUE_LENGTH} more characters)`
    : json;
}
