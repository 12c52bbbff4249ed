import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import {
  GithubOrganization,
  type MembershipMode,
  type TeamProps,
  type TeamRole,
} from "@void-linux/infra-constructs/github";

/**
 * What Acme's GitHub organization is built from: the GitHub organization its definition declares
 * (`organization.yaml`, `github:`) and its people (`maintainers/<login>.yaml`), both as the
 * one-file flow validated them (`./people.ts` loads them).
 */
export interface AcmeGithubProps {
  readonly github: {
    readonly organization: string;
    readonly membershipMode?: MembershipMode;
    readonly teams: readonly TeamProps[];
  };
  readonly people: readonly {
    readonly login: string;
    readonly orgOwner: boolean;
    readonly previously: readonly string[];
    readonly teams: Readonly<Record<string, TeamRole>>;
  }[];
}

/** Acme's GitHub organization: its people, its teams and their repositories. */
export class AcmeGithubStack extends TerraformStack {
  readonly organization: GithubOrganization;

  constructor(scope: Construct, id: string, { github, people }: AcmeGithubProps) {
    super(scope, id);
    const org = new GithubOrganization(this, "org", {
      name: github.organization,
      membershipMode: github.membershipMode,
    });
    for (const team of github.teams) org.addTeam(team);
    // Everyone with a file is a member (an owner with org_owner), so deleting the file offboards.
    for (const { login, orgOwner, previously, teams } of people)
      org.addPerson({ login, role: orgOwner ? "admin" : "member", previously, teams });
    const developers = org.team("developers");
    const operators = org.team("operators");

    org
      .addRepository({ name: "website", description: "acme.example", pages: { branch: "main" } })
      .grant(developers, "push");
    org
      .addRepository({
        name: "infra",
        description: "This infrastructure",
        merge: { deleteBranchOnMerge: true },
      })
      .grant(developers, "triage")
      .grant(operators, "maintain");
    this.organization = org;
  }
}
