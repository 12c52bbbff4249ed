import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Scratch } from "./scratch";

/**
 * One pull request of everyday changes, on the frozen adoption data: Alice joins as an org owner
 * and a committer, ericonr becomes a maintainer of doc-writers and leaves runit-devs, an external
 * CNAME, a repository with team access and a Nomad policy. The review diff describes it from two
 * syntheses; `test/fixtures/plan/hand/review-*` hold Terraform's plans of the same change.
 */
export function everydayChange(): { readonly root: string; readonly base: string; readonly head: string } {
  const scratch = new Scratch();
  const base = scratch.synthBase();
  const edit = (file: string, change: (text: string) => string) =>
    scratch.write(file, change(readFileSync(join(scratch.dir, file), "utf8")));
  scratch.write(
    "maintainers/alice.yaml",
    "name: Alice Liddell\ngithub: alice\norg_owner: true\nteams:\n  pkg-committers: member\n",
  );
  edit("maintainers/ericonr.yaml", (text) =>
    text.replace("doc-writers: member", "doc-writers: maintainer").replace("  runit-devs: member\n", ""),
  );
  edit("estate/dns.yaml", (text) =>
    text.replace("aliases:\n", "aliases:\n  - name: status\n    target: stats.uptimerobot.com.\n"),
  );
  scratch.write(
    "estate/repositories/void-release-tools.yaml",
    "description: Tools to cut Void releases\naccess:\n  pkg-committers: push\n",
  );
  edit("estate/nomad.yaml", (text) =>
    text.replace(
      "policies:\n",
      "policies:\n  - name: release-admin\n    description: Cut releases\n    namespaces:\n      - namespace: build\n        policy: write\n",
    ),
  );
  return { root: scratch.dir, base, head: scratch.synth() };
}
