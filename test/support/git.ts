import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

/** Runs git in `cwd` as a fixed test author; fails the test on error; returns stdout, trimmed. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
    },
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

/** A minimal `estate/github.yaml` naming `operatorTeam` among `teams`, for repositories made in tests. */
export function githubEstateFile(operatorTeam: string, teams: readonly string[]): string {
  const listed = teams.map((team) => `  - name: ${team}\n    description: The ${team} team\n`).join("");
  return `organization: test-org\noperator_team: ${operatorTeam}\nteams:\n${listed}`;
}

/**
 * A minimal `organization.yaml` for repositories made in tests: people in `maintainers/`, the
 * teams in `estate/github.yaml` (see {@link githubEstateFile}), the override file `OVERRIDES.yaml`.
 */
export const ORGANIZATION_DEFINITION =
  "name: Test\npeople: maintainers\ngithub: estate/github.yaml\noverrides: OVERRIDES.yaml\n";
