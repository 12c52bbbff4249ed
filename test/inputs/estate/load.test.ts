import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { synth } from "../../../cli/synth";
import { validate } from "../../../cli/validate";
import { loadEstate, readEstate } from "../../../inputs/estate";
import { formatDiagnostic } from "../../../runtime/diagnostics";
import { ADOPTION_APP, synthApp } from "../../support/app";
import { run, scratchProject } from "../../support/project";

/** Replaces `from` (which must be there) with `to` in a file of the project. */
function edit(dir: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(dir, path), "utf8");
  assert.ok(text.includes(from), `${path} holds ${JSON.stringify(from)}`);
  writeFileSync(join(dir, path), text.replace(from, to));
}

const problemsOf = (dir: string) => readEstate(dir).problems.map(formatDiagnostic).sort();

describe("the estate's data files", () => {
  test("load into the model: machines, repositories and services named by their files, in name order", () => {
    const estate = loadEstate(scratchProject());
    const machines = Object.keys(estate.hosts.machines);
    assert.deepEqual(machines, [...machines].sort());
    assert.deepEqual(estate.hosts.machines["a-lej-de"]?.guests, { vm3: { ipv4: "148.251.199.113" } });
    const xbps = estate.github.repositories.find((r) => r.name === "xbps");
    assert.deepEqual(xbps?.merge, { allowMergeCommit: false, allowSquashMerge: false });
    assert.equal("allowRebaseMerge" in (xbps?.merge ?? {}), false, "left-out fields stay absent");
    assert.ok(estate.services.proxied.some((s) => s.service === undefined && s.job === "promtail"));
  });

  test("every problem in every file at once, each at its line and column, with a did-you-mean", () => {
    const dir = scratchProject();
    // d-hel-fi is named by proxies, mirrors and services: a broken file is still a declared machine.
    edit(dir, "estate/machines/d-hel-fi.yaml", "ipv4: 135.181.160.58", "ipv4: 135.181.160.580");
    edit(dir, "estate/repositories/xbps.yaml", "topics:", "homepage_ur: https://voidlinux.org\ntopics:");
    edit(dir, "estate/github.yaml", "operator_team: void-ops\n", "");
    edit(dir, "estate/nomad.yaml", "memory_oversubscription: true", "memory_oversubscription: yes please");
    edit(dir, "estate/dns.yaml", "  - name: netauth\n", "  - nme: netauth\n");
    assert.deepEqual(problemsOf(dir), [
      "estate/dns.yaml:26:5: aliases[0].name: is required (expected a string)",
      'estate/dns.yaml:26:5: aliases[0].nme: unknown key (did you mean "name"?) (expected one of: name, target)',
      "estate/github.yaml:4:1: operator_team: is required (expected a string)",
      "estate/machines/d-hel-fi.yaml:2:7: ipv4: is not an IPv4 address (expected four numbers such as 192.0.2.10)",
      "estate/nomad.yaml:23:28: scheduler.memory_oversubscription: has the wrong type (expected true or false)",
      'estate/repositories/xbps.yaml:4:1: homepage_ur: unknown key (did you mean "homepage_url"?) (expected one of: description, homepage_url, topics, archived, visibility, has_issues, has_discussions, has_wiki, has_projects, has_downloads, web_commit_signoff_required, vulnerability_alerts, merge, pages, access)',
    ]);
  });

  test("a droplet's image is one of two shapes: the problem of the closer one is reported", () => {
    const dir = scratchProject();
    edit(
      dir,
      "estate/machines/a-sfo3-us.yaml",
      "    name: void-linux-20200730RC1",
      "    nam: void-linux-20200730RC1",
    );
    assert.deepEqual(problemsOf(dir), [
      'estate/machines/a-sfo3-us.yaml:7:5: droplet.image.nam: unknown key (did you mean "name"?) (expected one of: name, slug)',
      "estate/machines/a-sfo3-us.yaml:7:5: droplet.image.name: is required (expected a string)",
    ]);
  });

  test("a directory holds only its entities' files, and a missing file is named", () => {
    const dir = scratchProject();
    writeFileSync(join(dir, "estate", "machines", "README.md"), "notes\n");
    writeFileSync(join(dir, "estate", "machines", "K-HEL-FI.yaml"), "roles: [prod]\n");
    mkdirSync(join(dir, "estate", "services", "sub.yaml"));
    rmSync(join(dir, "estate", "tls.yaml"));
    assert.deepEqual(problemsOf(dir), [
      "estate/machines/K-HEL-FI.yaml: (file): is not a machine file (expected <machine>.yaml, a lower-case DNS label)",
      "estate/machines/README.md: (file): is not a machine file (expected <machine>.yaml, a lower-case DNS label)",
      "estate/services/sub.yaml: (file): is a directory (expected a regular file)",
      "estate/tls.yaml: (file): does not exist (expected a file)",
    ]);
  });

  test("the people's files are checked against the estate's teams in the same run", async () => {
    const dir = scratchProject();
    edit(dir, "estate/machines/a-hel-fi.yaml", "  - hashiworker\n", "  - hashiwork\n");
    writeFileSync(
      join(dir, "maintainers", "newcomer.yaml"),
      "name: New Comer\ngithub: newcomer\nteams:\n  pkg-comitters: member\n",
    );
    const result = await run(validate, dir);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^estate\/machines\/a-hel-fi\.yaml:9:5: roles\[2\]: unknown role "hashiwork"/m,
    );
    assert.match(result.stderr, /^maintainers\/newcomer\.yaml:4:3: teams\.pkg-comitters: unknown team/m);
    assert.match(result.stderr, /\n\n2 problems found; nothing was written\.\n$/);
  });

  test("synth refuses a hostile estate file by name and writes nothing", async () => {
    const dir = scratchProject();
    symlinkSync("/etc/passwd", join(dir, "estate", "machines", "k-hel-fi.yaml"));
    const result = await run(synth(ADOPTION_APP), dir, [], { INFRA_BACKEND: "http" });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^estate\/machines\/k-hel-fi\.yaml: \(file\): is a symbolic link/);
    assert.equal(existsSync(join(dir, "cdktf.out")), false);
  });

  test("a CNAME to a name outside the zone is published as written", () => {
    const dir = scratchProject();
    edit(
      dir,
      "estate/dns.yaml",
      "verifications:",
      "  - name: status\n    target: stats.uptimerobot.com.\nverifications:",
    );
    const records = synthApp({ root: dir }).stack("digitalocean").resource?.digitalocean_record ?? {};
    assert.deepEqual(
      Object.values(records)
        .filter((r) => r.name === "status")
        .map((r) => [r.type, r.value]),
      [["CNAME", "stats.uptimerobot.com."]],
    );
  });
});
