import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { CHANGES_CODE, prData } from "../../cli/pr-data";
import { synthApp } from "../support/app";
import { git } from "../support/git";
import { run } from "../support/project";
import { pullRequest } from "../support/pull-requests";
import type { StackJson } from "../support/synth";

/**
 * An operator's everyday change is one data file, planned before it merges: `pr-data` takes it into
 * a clone of main (exit 0), and main's code synthesizes the change from it, as plan-pr.yml then
 * plans it. A change to code is taken not at all (exit 10), and is planned after it merges.
 */

/** Replaces `from` (which must be there) with `to` in a file of the project. */
function edit(dir: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(dir, path), "utf8");
  assert.ok(text.includes(from), `${path} holds ${JSON.stringify(from)}`);
  writeFileSync(join(dir, path), text.replace(from, to));
}

/** The pull request of `change`, taken into main by `pr-data`, and main's synthesis of the result. */
async function planned(change: (dir: string) => void, changed: string) {
  const { dir, head } = pullRequest(change);
  assert.deepEqual(git(dir, "diff", "--name-only", "main", head).split("\n"), [changed], "a one-file commit");
  const result = await run(prData, dir, ["--head", head]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, new RegExp(`^took 1 data file from ${head.slice(0, 12)}\n`));
  git(dir, "add", "--all");
  assert.equal(
    git(dir, "diff", "--cached", "--name-only", head),
    "",
    "main's checkout now holds the pull request's tree",
  );
  return synthApp({ root: dir });
}

const resources = (stack: StackJson, type: string) =>
  Object.values((stack.resource?.[type] ?? {}) as Record<string, Record<string, unknown>>);

const K_HEL_FI = [
  "# yaml-language-server: $schema=../schemas/machine.schema.json",
  "ipv4: 203.0.113.10",
  "ipv6: 2001:db8::10",
  "mesh: 192.168.99.130",
  "nomad_datacenter: VOID",
  "roles:",
  "  - hashiworker",
  "",
].join("\n");

describe("pr-data: one-file data commits are planned before they merge, with main's code", () => {
  test("a new machine: its addresses are published", async () => {
    const app = await planned(
      (d) => writeFileSync(join(d, "estate/machines/k-hel-fi.yaml"), K_HEL_FI),
      "estate/machines/k-hel-fi.yaml",
    );
    const records = resources(app.stack("digitalocean"), "digitalocean_record");
    assert.ok(records.some((r) => r.name === "k-hel-fi.m" && r.type === "A" && r.value === "203.0.113.10"));
    assert.ok(
      records.some((r) => r.name === "k-hel-fi.m" && r.type === "AAAA" && r.value === "2001:db8::10"),
    );
  });

  test("a retired machine: its file deleted, its records go", async () => {
    const app = await planned(
      (d) => rmSync(join(d, "estate/machines/j-hel-fi.yaml")),
      "estate/machines/j-hel-fi.yaml",
    );
    const records = resources(app.stack("digitalocean"), "digitalocean_record");
    assert.ok(records.length > 0);
    assert.ok(!records.some((r) => String(r.name).startsWith("j-hel-fi")));
  });

  test("a repository with team access", async () => {
    const app = await planned(
      (d) =>
        writeFileSync(
          join(d, "estate/repositories/void-release-tools.yaml"),
          [
            "# yaml-language-server: $schema=../schemas/repository.schema.json",
            "description: Tools to cut Void's releases",
            "access:",
            "  pkg-committers: push",
            "",
          ].join("\n"),
        ),
      "estate/repositories/void-release-tools.yaml",
    );
    const github = app.stack("github");
    assert.ok(resources(github, "github_repository").some((r) => r.name === "void-release-tools"));
    assert.ok(
      resources(github, "github_team_repository").some(
        (r) =>
          r.permission === "push" &&
          String(r.repository).includes("void-release-tools") &&
          String(r.team_id).includes("pkg-committers"),
      ),
    );
  });

  test("a Nomad policy", async () => {
    const app = await planned(
      (d) =>
        edit(
          d,
          "estate/nomad.yaml",
          "policies:\n",
          [
            "policies:",
            "  - name: release-reader",
            "    description: Read the release jobs",
            "    namespaces:",
            "      - namespace: build",
            "        policy: read",
            "",
          ].join("\n"),
        ),
      "estate/nomad.yaml",
    );
    const policy = resources(app.stack("hashistack"), "nomad_acl_policy").find(
      (r) => r.name === "release-reader",
    );
    assert.equal(policy?.description, "Read the release jobs");
    assert.match(String(policy?.rules_hcl), /namespace "build" \{\n {2}policy = "read"\n\}/);
  });

  test("a CNAME to a name outside Void", async () => {
    const app = await planned(
      (d) =>
        edit(
          d,
          "estate/dns.yaml",
          "aliases:\n",
          "aliases:\n  - name: status\n    target: stats.uptimerobot.com.\n",
        ),
      "estate/dns.yaml",
    );
    const records = resources(app.stack("digitalocean"), "digitalocean_record");
    assert.ok(
      records.some((r) => r.name === "status" && r.type === "CNAME" && r.value === "stats.uptimerobot.com."),
    );
  });

  test("a change to code is not taken, and is planned after it merges", async () => {
    const { dir, head } = pullRequest((d) => {
      writeFileSync(join(d, "estate/machines/k-hel-fi.yaml"), K_HEL_FI);
      writeFileSync(join(d, "estate/fastly.ts"), "export const FASTLY = process.env;\n");
    });
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, CHANGES_CODE);
    assert.equal(
      result.stdout,
      "the pull request changes code (estate/fastly.ts): it is planned after it merges\n",
    );
    assert.equal(git(dir, "status", "--porcelain"), "", "nothing is taken");
  });
});
