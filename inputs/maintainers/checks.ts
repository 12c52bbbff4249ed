import { unknownMessage } from "@void-linux/infra-constructs/core";
import type { SshKey } from "@void-linux/infra-constructs/ssh-key";
import { type Diagnostic, fileDiagnostic } from "../../runtime/diagnostics";
import { laterClaims } from "../claims";
import type { YamlSource } from "../yaml-source";
import { defaultNetauthId, NETAUTH_ID, NETAUTH_ID_EXPECTED, netauthIdOf } from "./netauth-id";
import type { MaintainerFile } from "./schema";

/**
 * One maintainer file's fields that passed the schema, with its SSH keys parsed. A file with
 * schema problems still has its valid fields checked, so every problem shows in one round.
 */
export interface FileFields {
  readonly source: YamlSource;
  /** File name without `.yaml`. */
  readonly stem: string;
  readonly data: Partial<MaintainerFile>;
  readonly sshKeys: readonly (SshKey | { problem: string })[];
}

/** A maintainer file that passed the schema as a whole. */
export interface CheckedFile extends FileFields {
  readonly data: MaintainerFile;
}

export interface RosterRules {
  /** Team names declared by the organization. */
  readonly teams: readonly string[];
  /** Owners needed so the organization can never be locked out. */
  readonly minOwners: number;
  /** Lower-cased names no login may take → what each is (see `reserved.ts`). */
  readonly reserved: ReadonlyMap<string, string>;
}

type FileCheck = (file: FileFields, rules: RosterRules) => Diagnostic[];
type RosterCheck = (files: readonly CheckedFile[], rules: RosterRules, dir: string) => Diagnostic[];

/** The file is named after the login it declares, so a reviewer sees who is added from the path alone. */
const loginMatchesFileName: FileCheck = ({ source, stem, data }) =>
  data.github === undefined || data.github === stem
    ? []
    : [
        source.diagnostic(
          ["github"],
          `"${data.github}" differs from the file name (expected "${stem}", or rename the file to ${data.github}.yaml)`,
        ),
      ];

/** A person named like a team, group or system account would be taken for it in NetAuth and on hosts. */
const loginIsNotReserved: FileCheck = ({ source, data }, rules) => {
  const what = data.github === undefined ? undefined : rules.reserved.get(data.github.toLowerCase());
  return what === undefined
    ? []
    : [
        source.diagnostic(
          ["github"],
          `"${data.github}" is reserved: it is ${what} (expected a person's own GitHub login; no one may share a name with a team, group or system account)`,
        ),
      ];
};

/**
 * The first login stands in for the NetAuth id unless the file names one; a login that is not a usable
 * id (too long, a leading digit) needs `netauth:`, and an id given must not be a reserved name
 * (`netauth: root` would log in as root).
 */
const netauthIdIsUsable: FileCheck = ({ source, data }, rules) => {
  if (data.github === undefined) return [];
  const fallback = defaultNetauthId({ github: data.github, previously: data.previously });
  if (data.netauth === undefined)
    return NETAUTH_ID.test(fallback.id)
      ? []
      : [
          source.diagnostic(
            fallback.field,
            `"${fallback.id}" cannot be your NetAuth id (expected ${NETAUTH_ID_EXPECTED}; add netauth: with the user name you log in to the machines with)`,
          ),
        ];
  const what = rules.reserved.get(data.netauth);
  return what === undefined || data.netauth === fallback.id
    ? []
    : [
        source.diagnostic(
          ["netauth"],
          `"${data.netauth}" is reserved: it is ${what} (expected your own user name on the machines)`,
        ),
      ];
};

/** An earlier login is another name of this account: not its current one, each once. */
const previousLoginsAreEarlier: FileCheck = ({ source, data }) =>
  laterClaims(
    [data.github, ...(data.previously ?? [])].map((login, i) => ({ login, i })),
    ({ login }) => login?.toLowerCase(),
    ({ i }, first) =>
      source.diagnostic(
        ["previously", i - 1],
        first.i === 0
          ? "is the current login (expected only the logins the account had before)"
          : "is listed twice (expected each earlier login once)",
      ),
  );

const sshKeysAreAccepted: FileCheck = ({ source, sshKeys }) =>
  sshKeys.flatMap((key, i) => ("problem" in key ? [source.diagnostic(["ssh_keys", i], key.problem)] : []));

/** GitHub logins are case-insensitive: `Alice` and `alice` are one account. */
const loginsAreUnique: RosterCheck = (files) =>
  laterClaims(
    files,
    (file) => file.data.github.toLowerCase(),
    (file, first) =>
      file.source.diagnostic(
        ["github"],
        `"${file.data.github}" is already declared by ${first.source.file} (logins are compared case-insensitively; expected one file per person)`,
      ),
  );

/** A github_id names one account: two files claiming it would be one person twice, or a takeover. */
const githubIdsAreUnique: RosterCheck = (files) =>
  laterClaims(
    files,
    (file) => file.data.github_id,
    (file, first) =>
      file.source.diagnostic(
        ["github_id"],
        `${file.data.github_id} is already the github_id of ${first.source.file} (expected each account once: \`gh api users/${file.data.github} --jq .id\`)`,
      ),
  );

/**
 * A login now in use is nobody's earlier login, and an earlier login belongs to one account: state
 * held under it moves to exactly one person.
 */
const previousLoginsAreFree: RosterCheck = (files) => {
  const current = new Map(files.map((file) => [file.data.github.toLowerCase(), file]));
  const taken = files.flatMap((file) =>
    file.data.previously.flatMap((login, i) => {
      const holder = current.get(login.toLowerCase());
      return holder && holder !== file
        ? [
            file.source.diagnostic(
              ["previously", i],
              `"${login}" is the login of ${holder.source.file} (expected only logins no one holds now; remove it once the rename is applied)`,
            ),
          ]
        : [];
    }),
  );
  // Within one file, a repeat is the file check's to report.
  const twice = laterClaims(
    files.flatMap((file) => {
      const keys = file.data.previously.map((login) => login.toLowerCase());
      return file.data.previously
        .map((login, i) => ({ file, login, i }))
        .filter(({ i }) => keys.indexOf(keys[i] ?? "") === i);
    }),
    ({ login }) => login.toLowerCase(),
    ({ file, login, i }, first) =>
      file.source.diagnostic(
        ["previously", i],
        `"${login}" is already an earlier login of ${first.file.source.file} (expected each earlier login in one file)`,
      ),
  );
  return [...taken, ...twice];
};

/** One entity id, one person: two files with one id would share a login on every machine. */
const netauthIdsAreUnique: RosterCheck = (files) => {
  // A second file of one login is loginsAreUnique's to report.
  const logins = new Set<string>();
  const firstOfLogin = files.filter((file) => {
    const login = file.data.github.toLowerCase();
    return logins.has(login) ? false : Boolean(logins.add(login));
  });
  return laterClaims(
    firstOfLogin,
    (file) => netauthIdOf(file.data),
    (file, first) =>
      file.source.diagnostic(
        file.data.netauth === undefined ? defaultNetauthId(file.data).field : ["netauth"],
        `NetAuth id "${netauthIdOf(file.data)}" is already ${first.source.file}'s (expected one entity per person; set netauth: to your own user name)`,
      ),
  );
};

/** A shared key means shared access: every key identifies exactly one person, once. */
const sshKeysAreUnique: RosterCheck = (files) =>
  laterClaims(
    files.flatMap((file) => file.sshKeys.flatMap((key, i) => ("problem" in key ? [] : [{ file, key, i }]))),
    ({ key }) => key.fingerprint,
    ({ file, key, i }, first) =>
      file.source.diagnostic(
        ["ssh_keys", i],
        `key ${key.fingerprint} is already listed at ${first.file.source.file} ssh_keys[${first.i}] (expected each key once)`,
      ),
  );

/** Someone in no team and not an owner would get no access at all: offboard by deleting the file. */
const everyoneBelongsSomewhere: RosterCheck = (files) =>
  files.flatMap(({ source, data }) =>
    Object.keys(data.teams).length > 0 || data.org_owner
      ? []
      : [
          source.diagnostic(
            source.has(["teams"]) ? ["teams"] : [],
            "is in no team and not an org owner (expected at least one team; to offboard, delete the file)",
            { key: true },
          ),
        ],
  );

/** Every team needs someone who can approve its members' files. */
const everyTeamHasAMaintainer: RosterCheck = (files, rules, dir) => {
  const led = new Set(
    files.flatMap((f) =>
      Object.entries(f.data.teams)
        .filter(([, r]) => r === "maintainer")
        .map(([t]) => t),
    ),
  );
  return rules.teams
    .filter((team) => !led.has(team))
    .map((team) => {
      const members = files.filter((f) => f.data.teams[team]).map((f) => f.source.file);
      const who = members.length > 0 ? `; its members: ${members.join(", ")}` : "";
      return fileDiagnostic(
        dir,
        `team "${team}" has no maintainer${who} (expected at least one file with "teams: { ${team}: maintainer }")`,
        { field: `teams.${team}` },
      );
    });
};

/** The lock-out guard: losing the last owners would leave nobody able to repair the organization. */
const enoughOrgOwners: RosterCheck = (files, rules, dir) => {
  const count = files.filter((f) => f.data.org_owner).length;
  return count >= rules.minOwners
    ? []
    : [
        fileDiagnostic(
          dir,
          `only ${count} org owner${count === 1 ? "" : "s"} (expected at least ${rules.minOwners}, so the organization cannot be locked out)`,
          { field: "org_owner" },
        ),
      ];
};

export const FILE_CHECKS: readonly FileCheck[] = [
  loginMatchesFileName,
  loginIsNotReserved,
  previousLoginsAreEarlier,
  netauthIdIsUsable,
  sshKeysAreAccepted,
];
export const ROSTER_CHECKS: readonly RosterCheck[] = [
  loginsAreUnique,
  githubIdsAreUnique,
  previousLoginsAreFree,
  netauthIdsAreUnique,
  sshKeysAreUnique,
  everyoneBelongsSomewhere,
  everyTeamHasAMaintainer,
  enoughOrgOwners,
];

/** Message for a team name the organization does not declare. */
export function unknownTeamMessage(team: string, teams: readonly string[]): string {
  return unknownMessage(`team "${team}"`, team, teams);
}
