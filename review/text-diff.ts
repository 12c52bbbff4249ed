import { structuredPatch } from "diff";

interface TextDiffOptions {
  /** Unchanged lines shown around each change. @default 2 */
  readonly context?: number;
  /** Lines kept before the rest is summed up in one `… N more lines`. @default no limit */
  readonly maxLines?: number;
}

/** The one line diff of the review tools: unified `@@` hunks of ` `/`-`/`+` lines, no file headers. */
export function textDiff(before: string, after: string, options: TextDiffOptions = {}): string {
  const { context = 2, maxLines = Number.POSITIVE_INFINITY } = options;
  const patch = structuredPatch("before", "after", withNewline(before), withNewline(after), "", "", {
    context,
  });
  const lines = patch.hunks.flatMap((hunk) => [
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    ...hunk.lines.filter((line) => !line.startsWith("\\")),
  ]);
  if (lines.length <= maxLines) return lines.join("\n");
  return [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more lines`].join("\n");
}

/** Every line of a text, changed or not: for texts short enough to read whole (plan attributes). */
export const WHOLE_TEXT: TextDiffOptions = { context: Number.MAX_SAFE_INTEGER };

function withNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}
