import {
  DEFAULT_MARKDOWN_LIMIT,
  escapeHtml,
  inlineCode,
  sentenceItem,
  table,
  WARNING_MARKER,
} from "../markdown";
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
import { entryOf, lineDiff, multiline, rank, reviewFirst, thousands, valueText } from "./render";

/**
 * The plan summary as the body of one pull request comment, read on a phone as often as on a
 * desk: short lines, a table of four numbers per stack, long parts folded. Every destruction is
 * listed before any other change, across all stacks, and drift (objects changed outside
 * Terraform) apart from the changes. What does not fit the limit is cut from the end, in that
 * order: attribute details first, then the other changes, the destructions last; each cut says
 * how much it left out.
 */

export interface CommentOptions {
  /** Maximum length of the Markdown; default 60,000 characters. */
  readonly limit?: number;
}

/** What the comment says, and all it says, when no stack changes and nothing drifted. */
export const NO_CHANGES = "No changes in any stack.";

/** The actions without a column in the count table: a line under it. */
const RARE_ACTIONS = PLAN_ACTIONS.filter((a) => !TABLE_ACTIONS.includes(a));
/** Values longer than this are clipped: a long unbroken value does not wrap on a phone. */
const MAX_VALUE_CHARS = 100;
/** Consecutive instances of one resource with the same change make one entry from this many on. */
const GROUP_MIN = 3;
/** Instance keys per source line of a grouped entry. */
const KEYS_PER_LINE = 8;
/** Non-destructive entries shown per stack; the rest fold into a details block. */
const MAX_VISIBLE = 20;
/** Drifted addresses named per stack before "and N more". */
const MAX_DRIFT_NAMES = 10;
/** Room kept for the notes of what was left out and the blank lines between parts. */
const RESERVE = 800;
/** Stands for an address while comparing the lines of instances. */
const PLACEHOLDER = "\u0000";

/** One list item: a sentence (with what only the plan knows), or the same sentence of several instances of one resource. */
interface Entry {
  readonly line: string;
  /** The instance keys of a grouped entry, as code. */
  readonly keys: readonly string[];
  /** How many changes it stands for. */
  readonly count: number;
}

/** A character budget shared by every part of the comment. Once something did not fit, nothing more does. */
class Room {
  /** Set by the first refusal: nothing after it is taken, so nothing after it needs rendering. */
  full = false;
  constructor(private left: number) {}

  /** Takes room for `text` and a line break if there is room, in order. */
  take(text: string): boolean {
    if (this.full || text.length + 1 > this.left) {
      this.full = true;
      return false;
    }
    this.left -= text.length + 1;
    return true;
  }
}

/** Whether the plans change nothing, drift nowhere and all succeeded: the comment is one line. */
export function changesNothing(stacks: readonly StackSummary[]): boolean {
  return stacks.every((s) => s.resources.length === 0 && s.drift.length === 0 && !s.errored);
}

/** The comment's Markdown for the plans of one pull request, one summary per stack. */
export function renderPlanComment(stacks: readonly StackSummary[], options: CommentOptions = {}): string {
  if (changesNothing(stacks)) return NO_CHANGES;
  const limit = options.limit ?? DEFAULT_MARKDOWN_LIMIT;
  const ordered = [...stacks].sort((a, b) => rank(a) - rank(b));
  const head = headOf(ordered);
  const drift = driftSection(ordered);
  const room = new Room(limit - [...head, ...drift].join("\n\n").length - RESERVE);
  const parts = [...head];

  const first = ordered
    .map((s) => ({ stack: s, entries: entriesOf(s, "warning") }))
    .filter((s) => s.entries.length > 0);
  if (first.length > 0) parts.push(cautionBlock(first, room));

  const others = ordered
    .map((s) => ({ stack: s, entries: entriesOf(s, "info") }))
    .filter((s) => s.entries.length > 0);
  if (others.length > 0) parts.push(changesSection(others, room, first.length > 0));

  parts.push(...drift);
  const { blocks, omitted } = attributeDetails(ordered, room);
  parts.push(...blocks);
  if (omitted > 0)
    parts.push(
      `> [!NOTE]\n> The attributes of ${thousands(omitted)} ${omitted === 1 ? "resource are" : "resources are"} left out to fit one comment; the plan run's log has every change.`,
    );
  return parts.join("\n\n");
}

/** The count table (stacks that change something), the quiet stacks, rare actions and errors. */
function headOf(stacks: readonly StackSummary[]): string[] {
  const changed = stacks.filter((s) => s.resources.length > 0 || s.errored);
  const quiet = stacks.filter((s) => !changed.includes(s));
  if (changed.length === 0) return [NO_CHANGES];
  const row = (subject: string, counts: (a: PlanAction) => number, bold = false) => [
    subject,
    ...TABLE_ACTIONS.map((a) => (bold ? `**${thousands(counts(a))}**` : thousands(counts(a)))),
  ];
  const rows = changed.map((s) =>
    row(
      `${isDestructive(s) || s.errored ? `${WARNING_MARKER} ` : ""}${inlineCode(s.stack)}`,
      (a) => s.counts[a],
    ),
  );
  if (changed.length > 1)
    rows.push(row("**Total**", (a) => changed.reduce((n, s) => n + s.counts[a], 0), true));
  const head = [table(["Stack", "Delete", "Replace", "Create", "Update"], rows)];
  if (quiet.length > 0) head.push(`No changes in ${quiet.map((s) => inlineCode(s.stack)).join(", ")}.`);
  const rare = RARE_ACTIONS.map((a) => [a, stacks.reduce((n, s) => n + s.counts[a], 0)] as const).filter(
    ([, n]) => n > 0,
  );
  if (rare.length > 0)
    head.push(`Not in the table: ${rare.map(([a, n]) => `${thousands(n)} ${a}`).join(", ")}.`);
  for (const s of changed.filter((s) => s.errored))
    head.push(
      `> [!CAUTION]\n> ${WARNING_MARKER} **The plan of ${inlineCode(s.stack)} errored.** What it lists is incomplete; fix the error and plan again.`,
    );
  return head;
}

/** Every deletion, removal and grant of power of every stack, in one red block. */
function cautionBlock(stacks: readonly { stack: StackSummary; entries: Entry[] }[], room: Room): string {
  const totals = reviewFirst(
    totalsOf(stacks.map((s) => s.stack)),
    stacks.flatMap((s) => s.stack.lines.filter((l) => l.severity === "warning")),
  );
  const lines = ["[!CAUTION]", `${WARNING_MARKER} **${totals.join(", ")}**`];
  let omitted = 0;
  for (const { stack, entries } of stacks) {
    const label = `**${inlineCode(stack.stack)}**`;
    if (!room.take(`> ${label}`)) {
      omitted += countOf(entries);
      continue;
    }
    const listed = listEntries(entries, room, "> ");
    lines.push("", label, ...listed.lines);
    omitted += listed.omitted;
  }
  if (omitted > 0)
    lines.push(`- … and ${thousands(omitted)} more, left out to fit one comment: see the plan run's log`);
  return lines
    .flatMap((l) => l.split("\n"))
    .map((l) => (l === "" ? ">" : `> ${l}`))
    .join("\n");
}

/** The other changes, stack by stack; past the first few, a stack's list folds. */
function changesSection(
  stacks: readonly { stack: StackSummary; entries: Entry[] }[],
  room: Room,
  afterCaution: boolean,
): string {
  const parts = [afterCaution ? "#### Other changes" : "#### Changes"];
  let omitted = 0;
  for (const { stack, entries } of stacks) {
    const label = `**${inlineCode(stack.stack)}**`;
    if (!room.take(label)) {
      omitted += countOf(entries);
      continue;
    }
    const visible = listEntries(entries.slice(0, MAX_VISIBLE), room);
    const lines = [label, ...visible.lines];
    omitted += visible.omitted;
    const folded = entries.slice(MAX_VISIBLE);
    const open = `<details><summary>${thousands(countOf(folded))} more in <code>${escapeHtml(stack.stack)}</code></summary>`;
    if (folded.length > 0 && !room.take(`${open}\n\n\n\n</details>`)) omitted += countOf(folded);
    else if (folded.length > 0) {
      const rest = listEntries(folded, room);
      const cut = rest.omitted > 0 ? [`- … and ${thousands(rest.omitted)} more: see the plan run's log`] : [];
      lines.push("", open, "", ...rest.lines, ...cut, "", "</details>");
    }
    parts.push(lines.join("\n"));
  }
  if (omitted > 0) {
    const what =
      parts.length === 1 ? `${thousands(omitted)} changes` : `… and ${thousands(omitted)} more changes`;
    parts.push(`${what}, left out to fit one comment: see the plan run's log.`);
  }
  return parts.join("\n\n");
}

/**
 * List items within the room, in order, each line costing its length plus `prefix` (the quote of a
 * block). The entries that do not fit are counted, not shown; a grouped entry cut short says so.
 */
function listEntries(
  entries: readonly Entry[],
  room: Room,
  prefix = "",
): { lines: string[]; omitted: number } {
  const lines: string[] = [];
  let omitted = 0;
  for (const entry of entries) {
    const { line } = entry;
    if (!room.take(`${prefix}${line}`)) {
      omitted += entry.count;
      continue;
    }
    lines.push(line);
    for (let i = 0; i < entry.keys.length; i += KEYS_PER_LINE) {
      const keys = `  ${entry.keys.slice(i, i + KEYS_PER_LINE).join(" ")}`;
      if (!room.take(`${prefix}${keys}`)) {
        lines.push(`  … and ${thousands(entry.keys.length - i)} more, left out to fit one comment`);
        break;
      }
      lines.push(keys);
    }
  }
  return { lines, omitted };
}

const countOf = (entries: readonly Entry[]) => entries.reduce((n, e) => n + e.count, 0);

/** Objects changed outside Terraform, per stack, in words, apart from the changes. */
function driftSection(stacks: readonly StackSummary[]): string[] {
  const drifted = stacks.filter((s) => s.driftLines.length > 0);
  if (drifted.length === 0) return [];
  const lines = drifted.flatMap((s) => {
    const entry = entryOf({ ...s, resources: [], drift: [] });
    const more = s.driftLines.length - MAX_DRIFT_NAMES;
    return [
      ...s.driftLines.slice(0, MAX_DRIFT_NAMES).map((l) => `- ${inlineCode(s.stack)}: ${entry(l)}`),
      ...(more > 0 ? [`- ${inlineCode(s.stack)}: … and ${thousands(more)} more`] : []),
    ];
  });
  return [
    [
      "#### Drift",
      "",
      "Changed outside Terraform since the last apply, not by this pull request. A change above marked _(drifted)_ may be putting such a change back.",
      "",
      ...lines,
    ].join("\n"),
  ];
}

/** Per stack, one folded block of each resource's attributes, before → after; as many as fit. */
function attributeDetails(
  stacks: readonly StackSummary[],
  room: Room,
): { blocks: string[]; omitted: number } {
  const blocks: string[] = [];
  let omitted = 0;
  for (const stack of stacks) {
    const resources = stack.resources.filter((r) => r.changes.length > 0);
    if (resources.length === 0) continue;
    const open = `<details><summary>Attributes in <code>${escapeHtml(stack.stack)}</code>: ${thousands(resources.length)} ${resources.length === 1 ? "resource" : "resources"}</summary>`;
    const close = "</details>";
    if (!room.take(`${open}\n\n\n\n${close}`)) {
      omitted += resources.length;
      continue;
    }
    const shown: string[] = [];
    for (const r of resources) {
      const text = room.full ? undefined : resourceAttributes(r);
      if (text === undefined || !room.take(`${text}\n`)) omitted++;
      else shown.push(text);
    }
    if (shown.length > 0) blocks.push([open, ...shown, close].join("\n\n"));
  }
  return { blocks, omitted };
}

/** One resource's attributes as a list: `path`: before → after (or the one side that exists). */
function resourceAttributes(r: ResourceSummary): string {
  const marker = DESTRUCTIVE_ACTIONS.includes(r.action) ? `${WARNING_MARKER} ` : "";
  const value = (side: string | undefined) => valueText(side, MAX_VALUE_CHARS);
  const items = r.changes.map((c) => {
    const name = `${inlineCode(c.path)}${c.forcesReplacement ? " (forces replacement)" : ""}`;
    if (multiline(c.before) || multiline(c.after)) return `- ${name}: multi-line text, diff below`;
    if (r.action === "create" || r.action === "read") return `- ${name}: ${value(c.after)}`;
    if (r.action === "delete") return `- ${name}: ${value(c.before)}`;
    return `- ${name}: ${value(c.before)} → ${value(c.after)}`;
  });
  const diffs = r.changes.filter((c) => multiline(c.before) || multiline(c.after)).map(lineDiff);
  return [`${marker}**${r.action}** ${inlineCode(r.address)}\n${items.join("\n")}`, ...diffs].join("\n\n");
}

/**
 * A stack's sentences of one severity as list entries, in the summary's order. Consecutive
 * sentences about instances of one resource (`x["a"]`, `x["b"]`, …) that differ only in the
 * instance become one entry that names the resource once and lists the instance keys.
 */
function entriesOf(stack: StackSummary, severity: PlanLine["severity"]): Entry[] {
  const entry = entryOf(stack);
  const entries: Entry[] = [];
  let run: { base: string; template: string; keys: string[]; lines: string[] } | undefined;
  const flush = () => {
    if (!run) return;
    if (run.keys.length >= GROUP_MIN) {
      const line = run.template.replace(
        inlineCode(PLACEHOLDER),
        `${inlineCode(run.base)} ×${thousands(run.keys.length)}`,
      );
      entries.push({ line, keys: keyRanges(run.keys), count: run.keys.length });
    } else {
      for (const line of run.lines) entries.push({ line, keys: [], count: 1 });
    }
    run = undefined;
  };
  for (const l of stack.lines.filter((l) => l.severity === severity)) {
    const line = sentenceItem(entry(l), l.items).join("\n");
    const address = l.addresses.length === 1 && !l.items ? (l.addresses[0] ?? "") : "";
    const instance = /^(.*[^\s])(\[(?:"(?:[^"\\]|\\.)*"|[0-9]+|\(sensitive key\))\])$/.exec(address);
    const template = line.replaceAll(inlineCode(address), inlineCode(PLACEHOLDER));
    if (!instance?.[1] || !instance[2] || template === line) {
      flush();
      entries.push({ line, keys: [], count: Math.max(1, l.addresses.length) });
      continue;
    }
    if (run && (run.base !== instance[1] || run.template !== template)) flush();
    run ??= { base: instance[1], template, keys: [], lines: [] };
    run.keys.push(instance[2]);
    run.lines.push(line);
  }
  flush();
  return entries;
}

/**
 * Instance keys as code, consecutive count indexes as one range: `[250]`–`[1249]` rather than a
 * thousand keys.
 */
function keyRanges(keys: readonly string[]): string[] {
  const shown: string[] = [];
  let range: { first: string; last: string; index: number; size: number } | undefined;
  const close = () => {
    if (!range) return;
    if (range.size >= 3) shown.push(`${inlineCode(range.first)}–${inlineCode(range.last)}`);
    else shown.push(...(range.size === 2 ? [range.first, range.last] : [range.first]).map(inlineCode));
    range = undefined;
  };
  for (const key of keys) {
    const index = /^\[([0-9]{1,9})\]$/.exec(key)?.[1];
    if (index !== undefined && range && Number(index) === range.index + 1) {
      range = { ...range, last: key, index: Number(index), size: range.size + 1 };
      continue;
    }
    close();
    if (index === undefined) shown.push(inlineCode(key));
    else range = { first: key, last: key, index: Number(index), size: 1 };
  }
  close();
  return shown;
}
