import { join } from "node:path";
import type { z } from "zod";
import { DataError, type Diagnostic, errorsOf, fileDiagnostic } from "../../runtime/diagnostics";
import { INPUT_LIMITS, listInputDirectory, readInputText } from "../../runtime/input-file";
import type { SshKey } from "../../runtime/ssh-key";
import { parseSshKey } from "../../runtime/ssh-key";
import { unknownMessage } from "../../runtime/suggest";
import { compareText, isRecord } from "../../runtime/values";
import { MAINTAINER_FILE, MAINTAINERS_DIR } from "../files";
import { type FieldPath, YamlSource } from "../yaml-source";
import {
  type CheckedFile,
  FILE_CHECKS,
  type FileFields,
  ROSTER_CHECKS,
  type RosterRules,
  unknownTeamMessage,
} from "./checks";
import type { Maintainer, Roster } from "./model";
import { teamNames } from "./reserved";
import { type MaintainerFile, maintainerSchema } from "./schema";

interface LoadRosterOptions {
  /** Directory holding `<login>.yaml` files; messages name it `maintainers`. */
  readonly dir: string;
  /** Team names the organization declares. */
  readonly teams: readonly string[];
  /**
   * Lower-cased names no login may take → what each is (`reservedLogins` of the estate).
   * @default the team names
   */
  readonly reserved?: ReadonlyMap<string, string>;
}

export interface LoadedRoster {
  readonly roster: Roster;
  /** Problems that do not block (none are produced today; kept so callers print them uniformly). */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Reads, validates and cross-checks every maintainer file. Reports every problem in every file at
 * once by throwing one {@link DataError}; returns the roster only when the data is sound.
 */
export function loadRoster(options: LoadRosterOptions): LoadedRoster {
  const rules: RosterRules = {
    teams: options.teams,
    minOwners: 2,
    reserved: new Map([...teamNames(options.teams), ...(options.reserved ?? [])]),
  };
  const schema = maintainerSchema(nonEmpty(options.teams));
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedFile[] = [];

  for (const name of listInputDirectory(options.dir, MAINTAINERS_DIR)) {
    if (name === "schema.json") continue;
    const file = `${MAINTAINERS_DIR}/${name}`;
    if (!MAINTAINER_FILE.test(name)) {
      diagnostics.push(fileDiagnostic(file, "is not a maintainer file (expected <github-login>.yaml)"));
      continue;
    }
    let text: string;
    try {
      text = readInputText(join(options.dir, name), file, INPUT_LIMITS.maintainerFile);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      diagnostics.push(...error.diagnostics);
      continue;
    }
    const source = new YamlSource(file, text);
    const syntax = source.syntaxProblems();
    if (syntax.length > 0) {
      diagnostics.push(...syntax);
      continue;
    }
    const raw = source.toJS() ?? {};
    const parsed = schema.safeParse(raw);
    if (!parsed.success)
      diagnostics.push(
        ...parsed.error.issues.flatMap((issue) => describeIssue(source, issue, rules, schema)),
      );
    // The file checks run on whatever fields are valid, so a file's problems all show at once.
    const data = parsed.success ? parsed.data : validFields(schema, raw);
    const fields: FileFields = {
      source,
      stem: name.slice(0, -".yaml".length),
      data,
      sshKeys: (data.ssh_keys ?? []).map((key) => parseSshKey(key)),
    };
    diagnostics.push(...FILE_CHECKS.flatMap((check) => check(fields, rules)));
    if (parsed.success) checked.push({ ...fields, data: parsed.data });
  }
  diagnostics.push(...ROSTER_CHECKS.flatMap((check) => check(checked, rules, MAINTAINERS_DIR)));

  if (errorsOf(diagnostics).length > 0) throw new DataError(diagnostics);
  return { roster: { people: checked.map(toMaintainer).sort(byLogin) }, warnings: diagnostics };
}

/** The fields of `raw` that pass their own part of the schema. */
function validFields(schema: ReturnType<typeof maintainerSchema>, raw: unknown): Partial<MaintainerFile> {
  if (!isRecord(raw)) return {};
  const valid: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const result = field.safeParse(raw[key]);
    if (result.success) valid[key] = result.data;
  }
  return valid as Partial<MaintainerFile>;
}

function describeIssue(
  source: YamlSource,
  issue: z.core.$ZodIssue,
  rules: RosterRules,
  schema: ReturnType<typeof maintainerSchema>,
): Diagnostic[] {
  const path = issue.path as FieldPath;
  switch (issue.code) {
    case "unrecognized_keys": {
      const inTeams = path.length === 1 && path[0] === "teams";
      const known = Object.keys(schema.shape);
      return issue.keys.map((key) =>
        source.diagnostic(
          [...path, key],
          inTeams
            ? unknownTeamMessage(key, rules.teams)
            : path.length === 0 && rules.teams.includes(key)
              ? teamOutsideTeams(source, key)
              : unknownMessage("key", key, known),
          { key: true },
        ),
      );
    }
    case "invalid_type":
      if (path.length === 1 && path[0] === "teams" && source.has(path) && valueAt(source, path) === null)
        return [
          source.diagnostic(
            path,
            `is empty (expected the teams indented under it, such as \`  ${rules.teams[0]}: member\`)`,
            { key: true },
          ),
        ];
      if (!source.has(path)) {
        const { line, col } = source.position(path.slice(0, -1));
        return [
          { ...source.diagnostic(path, `is required (expected ${describeType(issue.expected)})`), line, col },
        ];
      }
      return [source.diagnostic(path, `has the wrong type (expected ${describeType(issue.expected)})`)];
    case "invalid_value":
      return [
        source.diagnostic(
          path,
          `"${String(valueAt(source, path))}" is not allowed (expected one of: ${issue.values.join(", ")})`,
        ),
      ];
    case "too_small":
      return [
        source.diagnostic(
          path,
          issue.origin === "string"
            ? "must not be empty"
            : `is too small (expected ${issue.inclusive === false ? "more than" : "at least"} ${issue.minimum})`,
        ),
      ];
    case "too_big":
      return [
        source.diagnostic(
          path,
          issue.origin === "number" || issue.origin === "int"
            ? `is too large (expected at most ${issue.maximum})`
            : issue.message,
        ),
      ];
    case "invalid_union": {
      const expected = issue.errors.flatMap((branch) =>
        branch.flatMap((i) =>
          i.code === "invalid_type" && i.path.length === 0 ? [describeType(i.expected)] : [],
        ),
      );
      return [
        source.diagnostic(path, `has the wrong type (expected ${[...new Set(expected)].join(" or ")})`),
      ];
    }
    default:
      return [source.diagnostic(path, issue.message)];
  }
}

/** A team written as a top-level key: almost always a `teams:` entry that lost its indent. */
function teamOutsideTeams(source: YamlSource, team: string): string {
  const line = source.lineText(source.position([team], { key: true }).line).trim();
  return source.has(["teams"])
    ? `is a team, not a field (indent \`${line}\` under \`teams:\`)`
    : `is a team, not a field (expected \`teams:\` with \`${line}\` indented under it)`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of keys to values",
  record: "a mapping of keys to values",
};

const describeType = (expected: string) => TYPE_NAMES[expected] ?? expected;

function valueAt(source: YamlSource, path: FieldPath): unknown {
  let value: unknown = source.toJS();
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

function toMaintainer({ source, data, sshKeys }: CheckedFile): Maintainer {
  return {
    login: data.github,
    name: data.name,
    githubId: data.github_id,
    email: data.email,
    teams: Object.fromEntries(
      Object.entries(data.teams)
        .flatMap(([team, role]) => (role ? [[team, role] as const] : []))
        .sort(([a], [b]) => compareText(a, b)),
    ),
    orgOwner: data.org_owner,
    sshKeys: sshKeys.filter((k): k is SshKey => !("problem" in k)),
    since: data.since === undefined ? undefined : String(data.since),
    file: source.file,
  };
}

const byLogin = (a: Maintainer, b: Maintainer) => compareText(a.login.toLowerCase(), b.login.toLowerCase());

function nonEmpty(teams: readonly string[]): readonly [string, ...string[]] {
  if (teams.length === 0) throw new Error("loadRoster: the organization declares no teams");
  return teams as readonly [string, ...string[]];
}
