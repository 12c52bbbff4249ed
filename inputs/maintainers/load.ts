import { DataError, type Diagnostic, errorsOf } from "../../runtime/diagnostics";
import { INPUT_LIMITS } from "../../runtime/input-file";
import type { SshKey } from "../../runtime/ssh-key";
import { parseSshKey } from "../../runtime/ssh-key";
import { compareText } from "../../runtime/values";
import { MAINTAINER_FILE, MAINTAINERS_DIR } from "../files";
import { parseDocumentWith } from "../schema-issues";
import { readYamlDirectory } from "../yaml-files";
import { type CheckedFile, FILE_CHECKS, ROSTER_CHECKS, type RosterRules, unknownTeamMessage } from "./checks";
import type { Maintainer, Roster } from "./model";
import { maintainerSchema } from "./schema";

interface LoadRosterOptions {
  /** Directory holding `<login>.yaml` files; messages name it `maintainers`. */
  readonly dir: string;
  /** Team names the organization declares. */
  readonly teams: readonly string[];
}

export interface LoadedRoster {
  readonly roster: Roster;
  /** Problems that do not block (none are produced today; kept so callers print them uniformly). */
  readonly warnings: readonly Diagnostic[];
}

/** What the directory holds besides people: the JSON Schema generated for editors. */
const GENERATED = new Set(["schema.json"]);

/**
 * Reads, validates and cross-checks every maintainer file. Reports every problem in every file at
 * once by throwing one {@link DataError}; returns the roster only when the data is sound.
 */
export function loadRoster(options: LoadRosterOptions): LoadedRoster {
  const rules: RosterRules = { teams: options.teams, minOwners: 2 };
  const schema = maintainerSchema(nonEmpty(options.teams));
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedFile[] = [];

  const files = readYamlDirectory(
    {
      dir: options.dir,
      display: MAINTAINERS_DIR,
      fileName: MAINTAINER_FILE,
      expected: "<github-login>.yaml",
      what: "a maintainer file",
      maxBytes: INPUT_LIMITS.maintainerFile,
      ignore: GENERATED,
    },
    diagnostics,
  );
  if (!files) throw new DataError(diagnostics);
  for (const { source, stem } of files) {
    const data = parseDocumentWith(source, schema, diagnostics, {
      documents: files.length,
      unknownKey: (path, key) =>
        path.length === 1 && path[0] === "teams" ? unknownTeamMessage(key, rules.teams) : undefined,
    });
    if (!data) continue;
    const entry: CheckedFile = { source, stem, data, sshKeys: data.ssh_keys.map((key) => parseSshKey(key)) };
    diagnostics.push(...FILE_CHECKS.flatMap((check) => check(entry)));
    checked.push(entry);
  }
  diagnostics.push(...ROSTER_CHECKS.flatMap((check) => check(checked, rules, MAINTAINERS_DIR)));

  if (errorsOf(diagnostics).length > 0) throw new DataError(diagnostics);
  return { roster: { people: checked.map(toMaintainer).sort(byLogin) }, warnings: diagnostics };
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
