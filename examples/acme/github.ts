import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { GithubOrganization } from "@void-linux/infra-constructs/github";

/** Acme's GitHub organization: owners, two teams (member lists per team) and their repositories. */
export class AcmeGithubStack extends TerraformStack {
  readonly organization: GithubOrganization;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // One authoritative member list per team: cheaper to refresh than one resource per person.
    const org = new GithubOrganization(this, "org", { name: "acme-corp", membershipMode: "per-team" });
    org.addOwner("acme-admin");
    const developers = org.addTeam({ name: "developers", description: "Everyone who ships code" });
    const operators = org.addTeam({ name: "operators", description: "Runs production", privacy: "secret" });
    developers.addMember("wile-e", "maintainer").addMember("roadrunner");
    operators.addMember("acme-admin", "maintainer");

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
