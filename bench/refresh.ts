import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MembershipMode } from "@void-linux/infra-constructs/github";
import { synthesize } from "../app/synth";
import { type Inputs, loadInputs } from "../inputs";
import type { Estate } from "../inputs/estate";
import type { Maintainer } from "../inputs/maintainers/model";
import { withScratchDir } from "../runtime/scratch";
import { REPO_ROOT } from "./project";
import { githubRefreshCost } from "./refresh-cost";

/** The github stack's JSON after synthesizing `estate` with `people` and the rest of `live` (the live mirror list). */
function githubStack(live: Inputs, estate: Estate, people: readonly Maintainer[]): unknown {
  const inputs = { ...live, estate, roster: { people } };
  return withScratchDir("bench-refresh-", (dir) => {
    const outdir = join(dir, "cdktf.out");
    synthesize({ root: REPO_ROOT, outdir, spec: {}, inputs, env: {} });
    return JSON.parse(readFileSync(join(outdir, "stacks", "github", "cdk.tf.json"), "utf8"));
  });
}

/** An organization of `count` people in `teams` teams, each person in one, the first of each a maintainer. */
function generatedOrg(
  live: Estate,
  count: number,
  teams: number,
  mode: MembershipMode,
): [Estate, Maintainer[]] {
  const names = Array.from({ length: teams }, (_, i) => `team-${i}`);
  const estate: Estate = {
    ...live,
    github: {
      ...live.github,
      teams: names.map((name) => ({ name, description: name })),
      repositories: [],
      membershipMode: mode,
    },
  };
  const people = Array.from(
    { length: count },
    (_, i): Maintainer => ({
      login: `user-${i}`,
      previously: [],
      name: `User ${i}`,
      teams: { [names[i % teams] as string]: i < teams ? "maintainer" : "member" },
      orgOwner: i < 3,
      sshKeys: [],
      sshKeysListed: false,
      netauthId: `user-${i}`,
      file: `maintainers/user-${i}.yaml`,
    }),
  );
  return [estate, people];
}

/** GitHub API reads of one plan: Void's live data, and a 10,000-person org in 50 teams in both modes. */
export function refreshCostReport(): string[] {
  const inputs = loadInputs(REPO_ROOT);
  const { estate } = inputs;
  const live = inputs.roster.people;
  const line = (what: string, stack: unknown) => {
    const { rest, graphql } = githubRefreshCost(stack);
    return `${what}: ${rest + graphql} reads (${rest} REST, ${graphql} GraphQL), ${((100 * (rest + graphql)) / 5000).toFixed(1)}% of a token's hourly 5,000`;
  };
  return [
    line(`Void (${live.length} people, per-person memberships)`, githubStack(inputs, estate, live)),
    line(
      "Void, per-team member lists",
      githubStack(inputs, { ...estate, github: { ...estate.github, membershipMode: "per-team" } }, live),
    ),
    line(
      "10,000 people in 50 teams, per-person",
      githubStack(inputs, ...generatedOrg(estate, 10_000, 50, "per-person")),
    ),
    line(
      "10,000 people in 50 teams, per-team",
      githubStack(inputs, ...generatedOrg(estate, 10_000, 50, "per-team")),
    ),
  ];
}
