import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { synthApp } from "../support/app";
import { readEstate } from "../support/estate";

const { github } = readEstate();
const resources = synthApp().stack("github").resource ?? {};

describe("github stack from the adoption data matches void-estate.json", () => {
  test("memberships: the same (team, user, role) triples", () => {
    const ours = Object.values(resources.github_team_membership).map((m) => {
      const team = String(m.team_id).match(/github_team\.team_(.+)\.id/)?.[1];
      return `${team}/${m.username}/${m.role}`;
    });
    const theirs = github.teamMemberships.map(
      (m: Record<string, string>) => `${m.team}/${m.username}/${m.role}`,
    );
    assert.deepEqual(ours.sort(), theirs.sort());
  });

  test("repositories: every managed attribute", () => {
    const byName = new Map(Object.values(resources.github_repository).map((r) => [r.name, r]));
    for (const repo of github.repositories) {
      const ours = byName.get(repo.name);
      assert.ok(ours, `repository ${repo.name} missing`);
      const expected = {
        description: repo.description,
        homepage_url: repo.homepageUrl ?? undefined,
        has_issues: repo.hasIssues,
        vulnerability_alerts: repo.vulnerabilityAlerts ?? undefined,
        allow_merge_commit: repo.allowMergeCommit ?? undefined,
        allow_squash_merge: repo.allowSquashMerge ?? undefined,
        archived: repo.archived ?? undefined,
        topics: repo.topics,
        // Pages sites publish from a branch; provider 6.x names that `legacy` (docs/adoption.md).
        pages: repo.pages ? { ...repo.pages, build_type: "legacy" } : undefined,
      };
      const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, ours[k]]));
      assert.deepEqual(actual, expected, repo.name);
    }
  });

  test("team access: the same (repository, team, permission) triples", () => {
    // Grants reference their repository, so Terraform creates the repository first.
    const repositoryName = (reference: unknown) => {
      const id = String(reference).match(/^\$\{github_repository\.(.+)\.name\}$/)?.[1] ?? "";
      return resources.github_repository[id]?.name;
    };
    const ours = Object.values(resources.github_team_repository).map((g) => {
      const team = String(g.team_id).match(/github_team\.team_(.+)\.id/)?.[1];
      return `${repositoryName(g.repository)}/${team}/${g.permission}`;
    });
    const theirs = github.teamRepositories.map(
      (g: Record<string, string>) => `${g.repository}/${g.team}/${g.permission}`,
    );
    assert.deepEqual(ours.sort(), theirs.sort());
  });
});
