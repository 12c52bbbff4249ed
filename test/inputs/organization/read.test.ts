import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { loadEstate } from "../../../inputs/estate";
import { definitionAt, loadOrganization, organizationAt, readDefinition } from "../../../inputs/organization";
import { DataError, type Diagnostic, formatDiagnostic, sortDiagnostics } from "../../../runtime/diagnostics";
import { ACME_ROOT, acmeCheckout } from "../../support/acme";
import { git } from "../../support/git";
import { REPO_ROOT, tempDir } from "../../support/project";

/** The formatted problems of the definition `text` in a checkout of Acme's people. */
function problemsOf(text: string): string[] {
  const dir = acmeCheckout();
  writeFileSync(join(dir, "organization.yaml"), text);
  const problems: Diagnostic[] = [];
  assert.equal(readDefinition(dir, problems), undefined, "refused");
  return sortDiagnostics(problems).map(formatDiagnostic);
}

describe("the organization's definition", () => {
  test("Void's reads its teams from the estate's GitHub file, so they are declared once", () => {
    const organization = loadOrganization(REPO_ROOT);
    assert.equal(organization.githubFile, "estate/github.yaml");
    assert.deepEqual(
      organization.github.teams.map((t) => t.name),
      loadEstate(REPO_ROOT).github.teams.map((t) => t.name),
    );
  });

  test("Acme's writes its GitHub organization in place, and holds no data set", () => {
    const organization = loadOrganization(ACME_ROOT);
    assert.equal(organization.githubFile, "organization.yaml");
    assert.deepEqual(organization.data, []);
    assert.ok(organization.github.teams.some((t) => t.name === organization.github.operatorTeam));
  });

  test("every problem of the file at once, each at its line and column", () => {
    assert.deepEqual(
      problemsOf(
        "name: Acme\npeople: maintainers/\ngithub: {organization: acme-corp, teams: []}\noverides: X.yaml\ndata: [estate, mirror]\n",
      ),
      [
        "organization.yaml:2:9: people: is not a folder of the repository (expected a relative path of plain names, such as maintainers)",
        "organization.yaml:3:9: github.operator_team: is required (expected a string)",
        "organization.yaml:3:42: github.teams: has too few entries (expected at least 1)",
        'organization.yaml:4:1: overides: unknown key (did you mean "overrides"?) (expected one of: name, people, github, overrides, data)',
        'organization.yaml:5:16: data[1]: "mirror" is not allowed (expected one of: estate, mirrors)',
      ],
    );
  });

  test("the people's folder holds people only, and the files it names keep to their roles", () => {
    assert.deepEqual(
      problemsOf(
        "name: X\npeople: estate\ngithub: estate/github.yaml\noverrides: estate/OVERRIDES.yaml\ndata: [estate]\n",
      ),
      [
        `organization.yaml:2:9: people: "estate" overlaps the data at estate/access.yaml, estate/hosts.yaml, estate/digitalocean.yaml and 9 more (expected a folder that holds people's files only)`,
        `organization.yaml:3:9: github: "estate/github.yaml" is in the people's folder estate/ (expected a file outside it: every YAML file there is someone's)`,
        `organization.yaml:4:12: overrides: "estate/OVERRIDES.yaml" is in the people's folder estate/ (expected a file outside it: every YAML file there is someone's)`,
      ],
    );
    assert.deepEqual(problemsOf("name: X\npeople: crew\ngithub: organization.yaml\n"), [
      'organization.yaml:3:9: github: "organization.yaml" is this definition (expected a file of its own)',
    ]);
  });

  test("with the estate, the teams are the estate's GitHub file's, not a second list", () => {
    assert.deepEqual(
      problemsOf(
        "name: X\npeople: crew\ngithub: {organization: x, operator_team: ops, teams: [{name: ops, description: o}]}\ndata: [estate]\n",
      ),
      [
        "organization.yaml:3:9: github: is not the estate's GitHub organization (expected github: estate/github.yaml, whose teams the estate's repositories grant, so they are declared once)",
      ],
    );
  });

  test("a checkout without one, or whose GitHub file is missing, says what is expected", () => {
    const dir = acmeCheckout();
    rmSync(join(dir, "organization.yaml"));
    assert.throws(
      () => loadOrganization(dir),
      (error: unknown) =>
        error instanceof DataError &&
        /^organization\.yaml: \(file\): does not exist \(expected the organization's definition/.test(
          formatDiagnostic(error.diagnostics[0] as Diagnostic),
        ),
    );
    writeFileSync(join(dir, "organization.yaml"), "name: Acme\npeople: maintainers\ngithub: teams.yaml\n");
    assert.throws(
      () => loadOrganization(dir),
      /teams\.yaml: \(file\): does not exist \(expected the GitHub organization that organization\.yaml names/,
    );
  });

  test("at a commit: read from git objects, leniently for the valves, strictly for the routing", () => {
    const dir = tempDir("organization-at-");
    git(dir, "init", "--quiet");
    mkdirSync(join(dir, "maintainers"));
    writeFileSync(join(dir, "README.md"), "no definition yet\n");
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", "before definitions");
    const before = git(dir, "rev-parse", "HEAD");
    assert.equal(definitionAt(dir, before), undefined);
    assert.throws(
      () => organizationAt(dir, before),
      /organization\.yaml at [0-9a-f]{12}: \(file\): does not exist/,
    );

    writeFileSync(
      join(dir, "organization.yaml"),
      "name: T\npeople: crew\ngithub: {organization: t, operator_team: ops, teams: [{name: ops, description: o}]}\n",
    );
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", "definition");
    const after = git(dir, "rev-parse", "HEAD");
    // The working tree changes nothing: the commit decides.
    writeFileSync(join(dir, "organization.yaml"), "people: elsewhere\n");
    assert.equal(definitionAt(dir, after)?.people, "crew");
    assert.equal(organizationAt(dir, after).github.operatorTeam, "ops");
  });
});
