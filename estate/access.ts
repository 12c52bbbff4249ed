/**
 * Who may reach Void's machines, as NetAuth groups derived from GitHub teams. Hosts fetch a
 * person's SSH keys from NetAuth (sshd's `AuthorizedKeysCommand`), there is no VPN, and the
 * devspace SFTP service admits more people than host logins do. `npm run access` turns the
 * maintainer files into NetAuth's import from these groups.
 */
import type { VoidTeam } from "./github";

interface AccessGroup {
  /** NetAuth group name, as sshd's AllowGroups and devspace's ACL check it. */
  readonly name: string;
  readonly description: string;
  /** GitHub teams whose members (of any role) belong to the group. */
  readonly teams: readonly string[];
}

export interface AccessEstate {
  readonly groups: readonly AccessGroup[];
}

export const ACCESS: AccessEstate = {
  groups: [
    {
      name: "host-login",
      description: "SSH login to the machines (netlogon hosts)",
      teams: ["void-ops"] satisfies VoidTeam[],
    },
    {
      name: "devspace",
      description: "SFTP uploads to devspace.voidlinux.org",
      teams: [
        "pkg-committers",
        "xbps-developers",
        "void-ops",
        "doc-writers",
        "webmasters",
        "runit-devs",
      ] satisfies VoidTeam[],
    },
  ],
};
