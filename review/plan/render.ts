import { shorten } from "../../runtime/values";
import {
  capMarkdown,
  codeBlock,
  details,
  escapeHtml,
  essential,
  inlineCode,
  type MarkdownBlock,
  detail as markdownDetail,
  sentenceItem,
  summaryTable,
  table,
  WARNING_MARKER,
  warningBlock,
} from "../markdown";
import { textDiff, WHOLE_TEXT } from "../text-diff";
import {
  DESTRUCTIVE_ACTIONS,
  isDestructive,
  PLAN_ACTIONS,
  type PlanAction,
  type PlanLine,
  type ResourceSummary,
  type StackSummary,
  TABLE_ACTIONS,
  totalsOf,
} from "./model";
import { type AttributeChange, SENSITIVE, UNKNOWN } from "./values";

export interface RenderOptions {
  /** Maximum length of the Markdown; default 60,000 characters. */
  readonly limit?: number;
}

/** Longest value printed in a table cell; longer ones are shortened with their length noted. */
const MAX_VALUE_CHARS = 200;
/** Changed attribute names listed inline after an update, before "and N more". */
const MAX_INLINE_ATTRIBUTES = 5;
/** Non-destructive actions listed in the always-kept part of a stack; the rest collapse. */
const MAX_LISTED_ACTIONS = 100;
/** Drifted addresses listed by name, before "and N more". */
const MAX_DRIFT_NAMES = 10;

/**
 * The plan summary as Markdown: a count table over all stacks, then one section per stack (stacks
 * that destroy something first), each listing destroys and replacements under a warning before the
 * other actions, then a collapsible attribute diff per resource. Details are dropped first when the
 * text would exceed the limit.
 */
export function renderMarkdown(stacks: readonly StackSummary[], options: RenderOptions = {}): string {
  const ordered = [...stacks].sort((a, b) => rank(a) - rank(b));
  const blocks: MarkdownBlock[] = [essential("## Terraform plan summary")];
  if (stacks.length === 0) return "## Terraform plan summary\n\nNo plans given.";

  // The four everyday actions always have a column; the rarer ones only when they occur.
  const columns = PLAN_ACTIONS.filter(
    (a) => TABLE_ACTIONS.includes(a) || stacks.some((s) => s.counts[a] > 0),
  );
  blocks.push(
    essential(
      summaryTable(
        "Stack",
        columns,
        ordered.map((s) => ({
          subject: inlineCode(s.stack),
          counts: s.counts,
          warn: isDestructive(s) || s.errored,
        })),
      ),
    ),
  );
  for (const stack of ordered) blocks.push(...stackBlocks(stack));
  return capMarkdown(blocks, {
    limit: options.limit,
    fullOutputHint: "Every change is in the JSON summary (`npm run plan-summary -- --format json`).",
  });
}

/** The same summary for tools: stacks in the order given, values already masked. */
export function renderJson(stacks: readonly StackSummary[]): string {
  return `${JSON.stringify({ destructive: stacks.some(isDestructive), totals: totalsOf(stacks), stacks }, null, 2)}\n`;
}

/** Destructive stacks first, then stacks with changes, then the quiet ones. */
export function rank(stack: StackSummary): number {
  if (isDestructive(stack) || stack.errored) return 0;
  return stack.resources.length > 0 ? 1 : 2;
}

function stackBlocks(stack: StackSummary): MarkdownBlock[] {
  const marker = isDestructive(stack) || stack.errored ? `${WARNING_MARKER} ` : "";
  const head = [`### ${marker}Stack ${inlineCode(stack.stack)}`];
  if (stack.errored) {
    head.push(
      warningBlock(`The plan of ${stack.stack} errored`, [
        "What it lists is incomplete; fix the error and plan again.",
      ]),
    );
  }
  const entry = entryOf(stack);
  const warnings = stack.lines.filter((l) => l.severity === "warning");
  if (warnings.length > 0)
    head.push(
      warningBlock(
        `${reviewFirst(stack.counts, warnings).join(", ")} in ${stack.stack}`,
        warnings.flatMap((l) => entryLines(l, entry)),
      ),
    );
  const others = stack.lines.filter((l) => l.severity !== "warning");
  const listed = others.slice(0, MAX_LISTED_ACTIONS);
  const folded = others.slice(MAX_LISTED_ACTIONS);
  if (listed.length > 0) head.push(listed.flatMap((l) => entryLines(l, entry)).join("\n"));
  if (stack.resources.length === 0) head.push("No changes.");
  if (stack.drift.length > 0) head.push(driftLine(stack));

  return [
    essential(head.join("\n\n")),
    ...(folded.length > 0
      ? [
          markdownDetail(
            details(`${folded.length} more changes`, folded.flatMap((l) => entryLines(l, entry)).join("\n")),
          ),
        ]
      : []),
    ...stack.resources.filter((r) => r.changes.length > 0).map((r) => markdownDetail(resourceDetails(r))),
  ];
}

/**
 * What the warning block of a plan holds, counted: what it destroys (from the counts of objects),
 * then the grants of power and the other removals (from the sentences).
 */
export function reviewFirst(
  counts: Readonly<Record<PlanAction, number>>,
  warnings: readonly PlanLine[],
): string[] {
  const grants = warnings.filter((l) => l.sensitive).length;
  const removals = warnings.filter((l) => !l.sensitive && !DESTRUCTIVE_ACTIONS.includes(l.action)).length;
  return [
    ...DESTRUCTIVE_ACTIONS.filter((a) => counts[a] > 0).map((a) => `${thousands(counts[a])} to ${a}`),
    ...(grants > 0 ? [`${thousands(grants)} grant${grants === 1 ? "" : "s"} of power`] : []),
    ...(removals > 0 ? [`${thousands(removals)} removal${removals === 1 ? "" : "s"}`] : []),
  ];
}

/** A sentence as a list item, its grouped sentences below it. */
const entryLines = (line: PlanLine, entry: (line: PlanLine) => string) =>
  sentenceItem(entry(line), line.items);

/**
 * A function giving each sentence of a stack with what only the plan knows of its object: its
 * address when the sentence does not name it, and after a dash Terraform's reason, how a
 * replacement happens and what forces it, the id an import adopts, the address it moved from.
 * `(drifted)` follows a change of an object that drifted.
 */
export function entryOf(stack: StackSummary): (line: PlanLine) => string {
  const resources = new Map(stack.resources.map((r) => [r.address, r]));
  const drifted = new Set(stack.drift);
  return (line) => {
    const addresses = line.items ? [] : line.addresses;
    const named = addresses.filter((a) => !line.text.includes(inlineCode(a))).map(inlineCode);
    const only = line.addresses.length === 1 ? resources.get(line.addresses[0] ?? "") : undefined;
    const facts = only ? planFacts(only, line.text) : "";
    const note = line.addresses.some((a) => drifted.has(a)) ? DRIFTED : "";
    return `${line.text}${named.length > 0 ? ` · ${named.join(", ")}` : ""}${facts ? ` — ${facts}` : ""}${note}`;
  };
}

/** Appended to a change of an object that drifted: the change may be putting the drift back. */
const DRIFTED = " _(drifted)_";

/** What only a plan knows of one object's change, in words; empty when the sentence says it all. */
function planFacts(r: ResourceSummary, sentence: string): string {
  switch (r.action) {
    case "replace": {
      const forced = r.forcedBy.length > 0 ? `, forced by ${r.forcedBy.map(inlineCode).join(", ")}` : "";
      const reason = r.reason && r.forcedBy.length === 0 ? `: ${r.reason}` : "";
      // "replaces `x` — destroy before create", "changes DNS record … — replaced, destroy before create".
      return `${sentence.startsWith("replaces ") ? "" : "replaced, "}${r.replaceOrder}${forced}${reason}`;
    }
    case "import": {
      const id =
        r.importId !== undefined && !sentence.includes(inlineCode(r.importId))
          ? `id ${inlineCode(r.importId)}`
          : "";
      const then = r.alsoUpdates ? `then updated${attributeList(r.changes)}` : "";
      return [id, then].filter((p) => p !== "").join(", ");
    }
    case "update":
      return r.previousAddress && !sentence.includes(inlineCode(r.previousAddress))
        ? `moved from ${inlineCode(r.previousAddress)}`
        : "";
    case "delete":
    case "read":
      return r.reason ?? "";
    default:
      return "";
  }
}

function attributeList(changes: readonly AttributeChange[]): string {
  if (changes.length === 0) return "";
  const shown = changes.slice(0, MAX_INLINE_ATTRIBUTES).map((c) => inlineCode(c.path));
  const more = changes.length - shown.length;
  return `: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

function driftLine(stack: StackSummary): string {
  const entry = entryOf({ ...stack, resources: [], drift: [] });
  const shown = stack.driftLines.slice(0, MAX_DRIFT_NAMES).map(entry).join("; ");
  const more =
    stack.driftLines.length > MAX_DRIFT_NAMES ? ` and ${stack.driftLines.length - MAX_DRIFT_NAMES} more` : "";
  return `Changed outside Terraform since the last apply: ${shown}${more}.`;
}

/** 12,345: grouped by thousands, the same wherever it runs (no locale). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * One side of an attribute change as Markdown: `null`, an italic masked or unknown value, a note
 * for multi-line text (shown as a line diff instead), or the value as code, clipped to `max`.
 */
export function valueText(side: string | undefined, max = MAX_VALUE_CHARS): string {
  if (side === undefined) return "`null`";
  if (side === SENSITIVE || side === UNKNOWN) return `_${side}_`;
  return multiline(side) ? "(multi-line text, diff below)" : inlineCode(clipped(side, max));
}

/** A collapsible before → after table of one resource, with line diffs for multi-line text. */
function resourceDetails(r: ResourceSummary): string {
  const marker = DESTRUCTIVE_ACTIONS.includes(r.action) ? `${WARNING_MARKER} ` : "";
  const summary = `${marker}<code>${escapeHtml(r.address)}</code>: ${r.action}`;
  const textDiffs: string[] = [];
  const cell = (side: string | undefined) => valueText(side);
  const name = (c: AttributeChange) =>
    `${inlineCode(c.path)}${c.forcesReplacement ? " (forces replacement)" : ""}`;
  for (const c of r.changes) {
    if (multiline(c.before) || multiline(c.after)) textDiffs.push(lineDiff(c));
  }
  let body: string;
  if (r.action === "create" || r.action === "read") {
    body = table(
      ["Attribute", "Value"],
      r.changes.map((c) => [name(c), cell(c.after)]),
    );
  } else if (r.action === "delete") {
    body = table(
      ["Attribute", "Value before"],
      r.changes.map((c) => [name(c), cell(c.before)]),
    );
  } else {
    body = table(
      ["Attribute", "Before", "After"],
      r.changes.map((c) => [name(c), cell(c.before), cell(c.after)]),
    );
  }
  return details(summary, [body, ...textDiffs].join("\n\n"));
}

/** A JSON string literal holding more than one line (policies, scripts, VCL). */
export function multiline(text: string | undefined): boolean {
  if (text === undefined) return false;
  return text.startsWith('"') && text.includes("\\n");
}

/** The line diff of a multi-line attribute: its path, then a `diff` code block. */
export function lineDiff(c: AttributeChange): string {
  // Only literal text is diffed; a masked or unknown side contributes no lines.
  const decode = (text: string | undefined) => (text?.startsWith('"') ? (JSON.parse(text) as string) : "");
  const diff = textDiff(decode(c.before), decode(c.after), WHOLE_TEXT);
  return `${inlineCode(c.path)}:\n\n${codeBlock(diff, "diff")}`;
}

/** A value cut for one line, saying how long it really is. */
function clipped(text: string, max = MAX_VALUE_CHARS): string {
  return text.length <= max ? text : `${shorten(text, max)} (${text.length} chars)`;
}
