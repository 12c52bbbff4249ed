import type { TeamRole } from "@void-linux/infra-constructs/github";
import { GITHUB_LOGIN } from "@void-linux/infra-constructs/github/login";
import { z } from "zod";
import { refineVisibleText } from "../visible-text";
import { NETAUTH_ID, NETAUTH_ID_EXPECTED } from "./netauth-id";

/**
 * The one schema of a maintainer file. It is the source of the TypeScript type, the runtime
 * validation and the JSON Schema committed as `<people's folder>/schema.json` (see `npm run schema`).
 */

export const TEAM_ROLES = ["member", "maintainer"] as const satisfies readonly TeamRole[];
export type { TeamRole };

export function maintainerSchema(teamNames: readonly [string, ...string[]]) {
  return z.strictObject({
    name: z
      .string()
      // Before trimming, which would drop an invisible character at either end unseen.
      .superRefine(refineVisibleText)
      .trim()
      .min(1)
      .max(100, { error: "is longer than 100 characters (expected a display name)" })
      .describe('Display name, e.g. "Alice Liddell"; visible characters only.'),
    github: z
      .string()
      .regex(GITHUB_LOGIN, {
        error:
          "is not a valid GitHub login (expected 1-39 letters, digits or single hyphens, no hyphen at either end)",
      })
      .describe("GitHub login; must equal the file name without .yaml."),
    github_id: z
      .int()
      .positive()
      .optional()
      .describe(
        "Numeric GitHub user id (logins can be renamed, ids cannot): `gh api users/<login> --jq .id`.",
      ),
    previously: z
      .array(
        z.string().regex(GITHUB_LOGIN, {
          error:
            "is not a valid GitHub login (expected the account's earlier login: 1-39 letters, digits or single hyphens)",
        }),
      )
      .default([])
      .describe(
        "Earlier GitHub logins of this account, oldest first, after a rename on GitHub: the organization and team memberships move to the new login instead of being removed and re-created.",
      ),
    email: z.email({ error: "is not a valid email address (expected name@example.org)" }).optional(),
    netauth: z
      .string()
      .regex(NETAUTH_ID, { error: `is not a NetAuth entity id (expected ${NETAUTH_ID_EXPECTED})` })
      .optional()
      .describe(
        "Your NetAuth entity id, the user name you log in to the machines with; default your account's first GitHub login (the oldest of previously, else github) in lower case, so a rename keeps it.",
      ),
    teams: z
      .partialRecord(z.enum(teamNames), z.enum(TEAM_ROLES))
      .default({})
      .describe("Team name to role: member or maintainer."),
    org_owner: z.boolean().default(false).describe("Organization owner (admin). Reviewed by the operators."),
    ssh_keys: z
      .array(z.string().trim().min(1))
      .default([])
      .describe("OpenSSH public keys: ed25519, ecdsa, or RSA of at least 3072 bits."),
    since: z
      .union([z.string(), z.int()])
      .superRefine(refineVisibleText)
      .optional()
      .describe("Free-form date the person joined, e.g. 2019-03 or 2019."),
  });
}

export type MaintainerFile = z.output<ReturnType<typeof maintainerSchema>>;
