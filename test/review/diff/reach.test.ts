import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type DiffReport, renderMarkdown, reviewDiff, unreachedNote } from "../../../review/diff";
import { output } from "../../support/review-diff";

const member = (username: string) => ({ team_id: "42", username, role: "member" });
const github = (logins: string[]) =>
  output({
    github: {
      resource: { github_team_membership: Object.fromEntries(logins.map((l) => [`m_${l}`, member(l)])) },
    },
  });

describe("what a change does not reach", () => {
  test("no output changes at all: the change says so, naming the files", () => {
    const report = reviewDiff(github(["bob"]), github(["bob"]));
    assert.equal(
      unreachedNote(report, ["maintainers/bob.yaml"], "maintainers"),
      "The change reaches no output of the app: no stack and no generated artifact changes (`maintainers/bob.yaml`).",
    );
    assert.equal(unreachedNote(report, [], "maintainers"), "");
  });

  test("a person's file that no sentence is about reached nothing, whatever else changed", () => {
    const report: DiffReport = reviewDiff(github(["bob"]), github(["bob", "alice"]));
    assert.equal(unreachedNote(report, ["maintainers/alice.yaml"], "maintainers"), "");
    assert.equal(
      unreachedNote(
        report,
        ["maintainers/alice.yaml", "maintainers/Carol.yaml", "estate/dns.yaml"],
        "maintainers",
      ),
      "@Carol's file (`maintainers/Carol.yaml`) changes in a way that reaches no output of the app.",
    );
    // Only the people's folder holds people: the same name elsewhere is no one's file.
    assert.equal(
      unreachedNote(report, ["crew/Carol.yaml", "people/Carol.yaml"], "people"),
      "@Carol's file (`people/Carol.yaml`) changes in a way that reaches no output of the app.",
    );
  });

  test("the base writes no artifacts (older code): only the stacks are compared, and the comment says so", () => {
    const head = github(["bob"]);
    const report = reviewDiff({ stacks: head.stacks }, head);
    assert.equal(report.artifactsNotCompared, true);
    assert.match(renderMarkdown(report), /^No changes\.\n\nThe base writes no artifacts/);
  });
});
