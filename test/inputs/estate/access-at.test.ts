import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { hostLoginGroupsAt } from "../../../inputs/estate/access-at";
import { git } from "../../support/git";
import { tempDir } from "../../support/project";

describe("the access groups a commit lets log in to machines", () => {
  test("the base commit's host-login groups, read from git objects, leniently", () => {
    const repo = tempDir("void-context-");
    git(repo, "init", "--quiet");
    mkdirSync(join(repo, "estate"));
    const commit = (text: string) => {
      writeFileSync(join(repo, "estate", "access.yaml"), text);
      git(repo, "add", ".");
      git(repo, "commit", "--quiet", "-m", "access");
      return git(repo, "rev-parse", "HEAD").trim();
    };
    const flagged = commit(
      "groups:\n  - name: wheel\n    host_login: [netlogon]\n    teams: [ops]\n  - name: users\n    teams: [all]\n",
    );
    // The organization in effect at the commit (its own definition has none: the checkout's).
    const withEstate = {
      name: "T",
      people: "maintainers",
      github: "estate/github.yaml",
      data: ["estate" as const],
    };
    assert.deepEqual(hostLoginGroupsAt(flagged, repo, withEstate), [{ name: "wheel", teams: ["ops"] }]);
    assert.deepEqual(hostLoginGroupsAt(flagged, repo, { ...withEstate, data: [] }), [], "no estate: nothing");
    assert.deepEqual(hostLoginGroupsAt(commit("groups: [\n"), repo, withEstate), [], "not YAML: nothing");
    git(repo, "rm", "--quiet", "estate/access.yaml");
    git(repo, "commit", "--quiet", "-m", "gone");
    assert.deepEqual(hostLoginGroupsAt(git(repo, "rev-parse", "HEAD").trim(), repo, withEstate), []);
  });
});
