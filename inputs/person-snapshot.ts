import { GITHUB_LOGIN } from "@void-linux/infra-constructs/github/login";
import { DataError, type Diagnostic, fileDiagnostic } from "../runtime/diagnostics";
import { decodeInputBytes, INPUT_LIMITS } from "../runtime/input-file";
import { isRecord } from "../runtime/values";
import type { Maintainer } from "./maintainers/model";
import { TEAM_ROLES, type TeamRole } from "./maintainers/schema";
import { YamlSource } from "./yaml-source";

/**
 * What the safety valves and the approval routing know of a person: the fields that decide who
 * they are and what power they hold. A validated {@link Maintainer} is one.
 */
export type PersonSnapshot = Pick<Maintainer, "login" | "name" | "githubId" | "teams" | "orgOwner" | "file"> &
  Partial<Pick<Maintainer, "previously">> & {
    /** The SSH public keys the file lists, each as `<type> <base64>` (its comment left out). */
    readonly publicKeys?: readonly string[];
    /** The file's `netauth:` entity id, when it sets one. */
    readonly netauth?: string;
  };

export interface RosterSnapshot {
  readonly people: readonly PersonSnapshot[];
}

/** `<login>` of a person's file's repository path `<folder>/<login>.yaml`. */
const stemOf = (file: string) => file.slice(file.lastIndexOf("/") + 1).replace(/\.yaml$/, "");

/**
 * A person from the text of a maintainer file (`file`, its repository path in the people's
 * folder), read leniently: the base branch was validated when it merged, and the rules may have
 * changed since. Undefined when the text is not a usable mapping.
 */
export function snapshotOf(file: string, text: string): PersonSnapshot | undefined {
  const source = new YamlSource(file, text);
  if (source.syntaxProblems().length > 0) return undefined;
  const data = source.toJS() as Record<string, unknown> | null;
  if (data === null || typeof data !== "object") return undefined;
  const teams = Object.fromEntries(
    Object.entries((data.teams as Record<string, unknown> | undefined) ?? {}).filter(
      (entry): entry is [string, TeamRole] => (TEAM_ROLES as readonly unknown[]).includes(entry[1]),
    ),
  );
  const login = typeof data.github === "string" ? data.github : stemOf(file);
  const previously = Array.isArray(data.previously)
    ? data.previously.filter((l): l is string => typeof l === "string").map((l) => l.toLowerCase())
    : [];
  const publicKeys = Array.isArray(data.ssh_keys)
    ? data.ssh_keys.filter((k): k is string => typeof k === "string").map(keyIdentity)
    : [];
  return {
    login,
    previously,
    name: typeof data.name === "string" ? data.name : login,
    githubId: typeof data.github_id === "number" ? data.github_id : undefined,
    teams,
    orgOwner: data.org_owner === true,
    file,
    publicKeys,
    ...(typeof data.netauth === "string" ? { netauth: data.netauth } : {}),
  };
}

/** A key line's type and data (`ssh-ed25519 AAAA…`): what logs in, whatever its comment says. */
const keyIdentity = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(" ");

/** What a GitHub team's slug can be. */
const TEAM_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * A person's file as a change proposes it, read strictly: only what can be read without doubt
 * becomes a person. Every field that decides power must be exactly what the schema allows (the
 * login equal to the file name, team names GitHub allows with roles `member` or `maintainer`,
 * `org_owner` a boolean, `github_id` a positive whole number, `ssh_keys` a list of lines,
 * `netauth` a name); anything else is a problem, so the approval routing refuses the file rather
 * than guess what it grants. `file` is its repository path in the people's folder.
 */
export function readPersonFile(
  file: string,
  bytes: Uint8Array,
): { readonly person: PersonSnapshot } | { readonly problems: readonly Diagnostic[] } {
  let text: string;
  try {
    text = decodeInputBytes(bytes, file, INPUT_LIMITS.maintainerFile);
  } catch (error) {
    if (error instanceof DataError) return { problems: error.diagnostics };
    throw error;
  }
  const source = new YamlSource(file, text);
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) return { problems: syntax };
  const data = source.toJS();
  if (!isRecord(data))
    return {
      problems: [fileDiagnostic(file, "is not a mapping of fields (expected `github: <login>` and so on)")],
    };
  const stem = stemOf(file);
  const problems: Diagnostic[] = [];
  const problem = (path: (string | number)[], message: string) =>
    problems.push(source.diagnostic(path, message));
  if (data.github !== undefined && data.github !== stem)
    problem(["github"], `${JSON.stringify(data.github)} differs from the file name (expected "${stem}")`);
  if (data.teams !== undefined && !isRecord(data.teams))
    problem(["teams"], "is not a mapping (expected `<team>: member` or `<team>: maintainer` lines)");
  for (const [team, role] of Object.entries(isRecord(data.teams) ? data.teams : {}))
    if (!TEAM_NAME.test(team))
      problem(["teams", team], "is not a team's name (expected letters, digits, ., _ or -)");
    else if (!(TEAM_ROLES as readonly unknown[]).includes(role))
      problem(
        ["teams", team],
        `${JSON.stringify(role)} is not a role (expected one of: ${TEAM_ROLES.join(", ")})`,
      );
  if (data.org_owner !== undefined && typeof data.org_owner !== "boolean")
    problem(["org_owner"], "is not a boolean (expected true or false)");
  if (
    data.github_id !== undefined &&
    !(typeof data.github_id === "number" && Number.isSafeInteger(data.github_id) && data.github_id > 0)
  )
    problem(["github_id"], "is not a GitHub account id (expected a positive whole number)");
  if (
    data.previously !== undefined &&
    !(
      Array.isArray(data.previously) &&
      data.previously.every((l) => typeof l === "string" && GITHUB_LOGIN.test(l))
    )
  )
    problem(["previously"], "is not a list of GitHub logins (expected the person's earlier logins)");
  if (
    data.ssh_keys !== undefined &&
    !(Array.isArray(data.ssh_keys) && data.ssh_keys.every((k) => typeof k === "string"))
  )
    problem(["ssh_keys"], "is not a list of SSH public keys (expected one `ssh-ed25519 AAAA…` line per key)");
  if (data.netauth !== undefined && typeof data.netauth !== "string")
    problem(["netauth"], "is not a NetAuth entity id (expected a name such as `alice`)");
  if (problems.length > 0) return { problems };
  return { person: snapshotOf(file, text) as PersonSnapshot };
}
