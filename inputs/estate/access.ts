import { z } from "zod";
import { distinct, fields, name, text } from "./fields";

/** `estate/access.yaml`: NetAuth groups whose members are the members of GitHub teams. */
export const accessSchema = fields({
  groups: z
    .array(
      fields({
        name: name.describe("NetAuth group name, as sshd's AllowGroups and devspace's ACL check it."),
        description: text,
        hostLogin: z
          .boolean()
          .optional()
          .describe(
            "Members may log in to machines (sshd admits the group): joining it, or adding a key for one of its members, is a grant of power the review marks (default false).",
          ),
        teams: distinct(name)
          .min(1)
          .describe("GitHub teams whose members (of any role) belong to the group."),
      }),
    )
    .describe("The access groups."),
}).describe(
  "Who may reach Void's machines: NetAuth groups derived from GitHub teams (npm run access writes NetAuth's import).",
);

export type AccessFile = z.output<typeof accessSchema>;
