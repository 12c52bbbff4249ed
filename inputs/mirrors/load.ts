import { DataError, type Diagnostic, errorsOf } from "../../runtime/diagnostics";
import { INPUT_LIMITS, readInputText } from "../../runtime/input-file";
import { isRecord } from "../../runtime/values";
import { describeIssue } from "../schema-issues";
import { fieldName, YamlSource } from "../yaml-source";
import { type MirrorEntry, mirrorListSchema, showValue } from "./schema";
import { parseMirrorUrl } from "./url";

/**
 * Reads and validates a mirror list; `display` is how messages name the file. Every problem in the
 * file is collected and thrown as one {@link DataError}; entries come back in file order only when
 * the whole file is sound.
 */
export function loadMirrorList(file: string, display = file): MirrorEntry[] {
  return parseMirrorList(readInputText(file, display, INPUT_LIMITS.mirrorList), display);
}

/** {@link loadMirrorList} on text already in memory; `file` is the name used in messages. */
export function parseMirrorList(text: string, file: string): MirrorEntry[] {
  const source = new YamlSource(file, text);
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) throw new DataError(syntax);

  const data = source.toJS();
  if (data === null || data === undefined) {
    throw new DataError([source.diagnostic([], "is empty (expected a YAML list of mirror entries)")]);
  }
  const parsed = mirrorListSchema.safeParse(data);
  const diagnostics = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) =>
        // Every field of the schema words its own problems.
        describeIssue(source, issue, { schema: mirrorListSchema, ownMessages: true }),
      );
  const reported = new Set(diagnostics.map((d) => d.field));
  diagnostics.push(
    ...yaml11Differences(source, data).filter((d) => !reported.has(d.field)),
    ...duplicateMirrors(source, data),
  );
  if (errorsOf(diagnostics).length > 0 || !parsed.success) throw new DataError(diagnostics);
  return parsed.data;
}

/**
 * xmirror reads the file with PyYAML, which speaks YAML 1.1: there `yes`, `on` and `no` are
 * booleans and `2024-01-01` is a date. A value that YAML 1.1 reads differently from YAML 1.2 would
 * make xmirror publish something other than what we validated, so it must be written unambiguously.
 */
function yaml11Differences(source: YamlSource, data: unknown): Diagnostic[] {
  const reading = source.yaml11Reading();
  if ("problem" in reading)
    return [
      source.diagnostic(
        [],
        `YAML 1.1 parsers such as xmirror's PyYAML cannot read this file: ${reading.problem}`,
      ),
    ];
  const old = reading.value;
  if (!Array.isArray(data) || !Array.isArray(old)) return [];
  const diagnostics: Diagnostic[] = [];
  data.forEach((entry, index) => {
    if (!isRecord(entry) || !isRecord(old[index])) return;
    for (const [key, value] of Object.entries(entry)) {
      const seenByXmirror = old[index][key];
      if (Object.is(value, seenByXmirror)) continue;
      diagnostics.push(
        source.diagnostic(
          [index, key],
          `${showValue(value)} is read as ${seenByXmirror instanceof Date ? "a date" : showValue(seenByXmirror)} by YAML 1.1 parsers such as xmirror's PyYAML (expected an unambiguous value: quote text, write booleans as true or false)`,
        ),
      );
    }
  });
  return diagnostics;
}

/**
 * Two entries for the same mirror: same host and path, ignoring scheme and trailing slash. They would be one Prometheus target and two rows of the xmirror menu.
 */
function duplicateMirrors(source: YamlSource, data: unknown): Diagnostic[] {
  if (!Array.isArray(data)) return [];
  const first = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  data.forEach((entry, index) => {
    const url = isRecord(entry) ? entry.base_url : undefined;
    if (typeof url !== "string") return;
    const parsed = parseMirrorUrl(url);
    if ("problem" in parsed) return;
    const key = `${parsed.host}${parsed.path.replace(/\/$/, "")}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    const { line } = source.position([earlier, "base_url"]);
    diagnostics.push(
      source.diagnostic(
        [index, "base_url"],
        `${JSON.stringify(url)} is the same mirror as ${fieldName([earlier, "base_url"])} on line ${line} (expected each mirror listed once)`,
      ),
    );
  });
  return diagnostics;
}
