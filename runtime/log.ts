/**
 * Lines for a GitHub Actions log. The runner reads every line a step prints, on stdout and stderr,
 * as a possible workflow command: `::name props::data` once leading whitespace is trimmed, and the
 * legacy `##[name props]data` anywhere in the line (actions/runner, ActionCommand.TryParseV2 and
 * TryParse). Its comparisons may be culture-aware, where zero-width and other format characters
 * count for nothing, so `\u200B::` or `:\u200B:` must be treated as `::` too.
 *
 * Text from a pull request therefore reaches a log in one of two ways only: as the data or a
 * property of one of our own commands, escaped exactly as the runner unescapes it, or through
 * `logText`, whose lines can start no command at all.
 */

/** The commands this repository prints; `stop-commands`, `add-mask` and kin are never ours. */
type WorkflowCommandName = "error" | "warning" | "notice" | "debug" | "group" | "endgroup";

/** A command's data (after the second `::`): `%`, CR and LF escaped, so it stays one line. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value: as data, and `:` and `,`, which would end the value or the properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * One workflow command line, e.g. `::error file=a.yaml,line=3,title=name::message`. Property names
 * are ours (constants); values and data are escaped. Properties left undefined are omitted.
 */
export function workflowCommand(
  name: WorkflowCommandName,
  properties: Readonly<Record<string, string | number | undefined>> = {},
  data = "",
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${name}${props.length > 0 ? ` ${props.join(",")}` : ""}::${escapeData(data)}`;
}

/** `::group::title`, the title escaped as data. */
export const groupCommand = (title: string) => workflowCommand("group", {}, title);
export const endGroupCommand = () => workflowCommand("endgroup");

/** Characters a culture-aware comparison may ignore: format characters (zero-width, bidi) and kin. */
const IGNORABLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/**
 * Spelled `\u{1b}` (as `formatDiagnostic` does): C0 and C1 controls but the tab (ANSI escapes,
 * NEL), line and paragraph separators, and format characters (bidi controls, zero-width
 * characters, the byte order mark), which would otherwise hide in what a reader sees.
 */
const SHOWN = /(?!\t)[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** `text` with every control, separator and bidi character spelled `\u{…}`: one visible line. */
export function spellControls(text: string): string {
  return text.replace(SHOWN, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** The legacy `##[`, with anything ignorable in between. */
const LEGACY = /#([\p{Cf}\p{Default_Ignorable_Code_Point}]*)#([\p{Cf}\p{Default_Ignorable_Code_Point}]*)\[/gu;

/** Whether the runner could read `line` as a `::command` (whitespace trimmed, ignorables skipped). */
function couldStartCommand(line: string): boolean {
  return /^[\s\u0085]*::/.test(line.replace(IGNORABLE, ""));
}

/**
 * Untrusted text made safe to print as plain log lines: line structure kept (CR, LF and CRLF end
 * lines, as for the runner), other controls and bidi overrides spelled `\u{…}`, every `##[`
 * broken as `##\[`, and a line that could start a `::` command prefixed with `\`. The result has no
 * trailing line ending of its own.
 */
export function logText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const shown = spellControls(line).replace(LEGACY, "#$1#$2\\[");
      return couldStartCommand(shown) ? `\\${shown}` : shown;
    })
    .join("\n");
}
