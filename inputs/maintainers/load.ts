import { compareText } from "@void-linux/infra-constructs/core";
import { parseSshKey, type SshKey } from "@void-linux/infra-constructs/ssh-key";
import { DataError, type Diagnostic, errorsOf } from "../../runtime/diagnostics";
import { INPUT_LIMITS } from "../../runtime/input-file";
import { isRecord } from "../../runtime/values";
import { peopleDirectory } from "../files";
import { parseDocumentWith } from "../schema-issues";
import { readYamlDirectory } from "../yaml-files";
import type { FieldPath, YamlSource } from "../yaml-source";
import {
  type CheckedFile,
  FILE_CHECKS,
  type FileFields,
  ROSTER_CHECKS,
  type RosterRules,
  unknownTeamMessage,
} from "./checks";
import type { Maintainer, Roster } from "./model";
import { netauthIdOf } from "./netauth-id";
import { teamNames } from "./reserved";
import { type MaintainerFile, maintainerSchema } from "./schema";

interface LoadRosterOptions {
  /** Directory holding `<login>.yaml` files. */
  readonly dir: string;
  /** The people's folder as the organization's definition names it, repository-relative: how messages name `dir`. */
  readonly folder: string;
  /** Team names the organization declares. */
  readonly teams: readonly string[];
  /**
   * Lower-cased names no login may take → what each is (`reservedLogins` of the organization).
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

  const files = readYamlDirectory(
    {
      ...peopleDirectory(options.folder),
      dir: options.dir,
      display: options.folder,
      maxBytes: INPUT_LIMITS.maintainerFile,
    },
    diagnostics,
  );
  if (!files) throw new DataError(diagnostics);
  for (const { source, stem } of files) {
    const parsed = parseDocumentWith(source, schema, diagnostics, {
      documents: files.length,
      unknownKey: (path, key) =>
        path.length === 1 && path[0] === "teams"
          ? unknownTeamMessage(key, rules.teams)
          : path.length === 0 && rules.teams.includes(key)
            ? teamOutsideTeams(source, key)
            : undefined,
      issue: (issue) => emptyTeams(source, issue.path as FieldPath, rules.teams),
    });
    // The file checks run on whatever fields are valid, so a file's problems all show at once.
    const data = parsed ?? validFields(schema, source.toJS());
    const fields: FileFields = {
      source,
      stem,
      data,
      sshKeys: (data.ssh_keys ?? []).map((key) => parseSshKey(key)),
    };
    diagnostics.push(...FILE_CHECKS.flatMap((check) => check(fields, rules)));
    if (parsed) checked.push({ ...fields, data: parsed });
  }
  diagnostics.push(...ROSTER_CHECKS.flatMap((check) => check(checked, rules, options.folder)));

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

/** `teams:` with nothing under it: its entries lost their indent, or were never written. */
function emptyTeams(source: YamlSource, path: FieldPath, teams: readonly string[]): Diagnostic[] | undefined {
  if (path.length !== 1 || path[0] !== "teams" || !source.has(path)) return undefined;
  const value = (source.toJS() as Record<string, unknown>).teams;
  return value === null
    ? [
        source.diagnostic(
          path,
          `is empty (expected the teams indented under it, such as \`  ${teams[0]}: member\`)`,
          { key: true },
        ),
      ]
    : undefined;
}

/** A team written as a top-level key: almost always a `teams:` entry that lost its indent. */
function teamOutsideTeams(source: YamlSource, team: string): string {
  const line = source.lineText(source.position([team], { key: true }).line).trim();
  return source.has(["teams"])
    ? `is a team, not a field (indent \`${line}\` under \`teams:\`)`
    : `is a team, not a field (expected \`teams:\` with \`${line}\` indented under it)`;
}

function toMaintainer({ source, data, sshKeys }: CheckedFile): Maintainer {
  return {
    login: data.github,
    previously: data.previously.map((login) => login.toLowerCase()),
    name: data.name,
    githubId: data.github_id,
    email: data.email,
    netauthId: netauthIdOf(data),
    teams: Object.fromEntries(
      Object.entries(data.teams)
        .flatMap(([team, role]) => (role ? [[team, role] as const] : []))
        .sort(([a], [b]) => compareText(a, b)),
    ),
    orgOwner: data.org_owner,
    sshKeys: sshKeys.filter((k): k is SshKey => !("problem" in k)),
    sshKeysListed: source.has(["ssh_keys"]),
    since: data.since === undefined ? undefined : String(data.since),
    file: source.file,
  };
}

const byLogin = (a: Maintainer, b: Maintainer) => compareText(a.login.toLowerCase(), b.login.toLowerCase());

function nonEmpty(teams: readonly string[]): readonly [string, ...string[]] {
  if (teams.length === 0) throw new Error("loadRoster: the organization declares no teams");
  return teams as readonly [string, ...string[]];
}
