import { z } from "zod";
import { distinct, fields, name, text } from "./fields";

/**
 * `estate/access.yaml`: NetAuth groups whose members are the members of GitHub teams, and what
 * each group grants on Void's machines, so that reviews can tell a grant of power from any other
 * change by the data alone.
 */
export const accessSchema = fields({
  primaryGroup: name.describe(
    "The NetAuth group every person's entity has as its primary group (netauth entity update --primary-group).",
  ),
  groups: z
    .array(
      fields({
        name: name.describe("NetAuth group name, as sshd's AllowGroups and services' ACLs check it."),
        description: text,
        teams: distinct(name)
          .min(1)
          .describe("GitHub teams whose members (of any role) belong to the group."),
        hostLogin: distinct(name)
          .min(1)
          .optional()
          .describe(
            "Machine roles (estate/hosts.yaml) whose sshd admits the group: SSH login to every machine with one of them. A grant of power.",
          ),
        services: distinct(name)
          .min(1)
          .optional()
          .describe("Services (estate/services/) that admit only members of the group."),
      }),
    )
    .describe(
      "The access groups. The NetAuth import makes each group's members exactly these teams' members.",
    ),
}).describe(
  "Who may reach Void's machines and services: NetAuth groups derived from GitHub teams (npm run access writes the NetAuth import).",
);

export type AccessFile = z.output<typeof accessSchema>;
export type AccessGroup = AccessFile["groups"][number];

/** Whether membership of `group` lets a person log in to machines: reviewed as a grant of power. */
export function grantsHostLogin(group: AccessGroup): boolean {
  return (group.hostLogin?.length ?? 0) > 0;
}
