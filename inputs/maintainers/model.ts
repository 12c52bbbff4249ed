import type { SshKey } from "@void-linux/infra-constructs/ssh-key";
import type { TeamRole } from "./schema";

/** A validated maintainer: what every later stage (constructs, diff, CODEOWNERS) works from. */
export interface Maintainer {
  readonly login: string;
  /** Earlier GitHub logins of the same account, oldest first, lower-cased. */
  readonly previously: readonly string[];
  readonly name: string;
  readonly githubId?: number;
  readonly email?: string;
  /** The NetAuth entity id: the file's `netauth`, else the account's first login in lower case. */
  readonly netauthId: string;
  /** Team name to role, in team-name order. */
  readonly teams: Readonly<Record<string, TeamRole>>;
  readonly orgOwner: boolean;
  readonly sshKeys: readonly SshKey[];
  /** Whether the file has `ssh_keys:` at all (even empty): only then are its keys NetAuth's whole list. */
  readonly sshKeysListed: boolean;
  readonly since?: string;
  /** Repository-relative path of the file this came from. */
  readonly file: string;
}

/** Every maintainer, sorted by lower-cased login so no output depends on file order. */
export interface Roster {
  readonly people: readonly Maintainer[];
}
