import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { REPO_ROOT, tempDir } from "../support/project";
import {
  anchorsOf,
  guidesOf,
  isCodeName,
  missesOf,
  OTHER_TOOLS,
  type Repository,
  readMarkdown,
  repositoryOf,
} from "./code-names";

const REPOSITORY = repositoryOf(REPO_ROOT);

describe("the guides cite only code that exists", () => {
  test("every name, path, npm script and link that the README and docs/ cite exists", () => {
    const misses = guidesOf(REPO_ROOT).flatMap((doc) =>
      missesOf(doc, readFileSync(join(REPO_ROOT, doc), "utf8"), REPOSITORY).map(
        (miss) => `${doc}:${miss.line}: ${miss.cited}: ${miss.problem}`,
      ),
    );
    assert.deepEqual(misses, []);
  });

  test("every name of another tool that the check lets pass is one a guide cites", () => {
    const cited = new Set(
      guidesOf(REPO_ROOT).flatMap((doc) =>
        readMarkdown(readFileSync(join(REPO_ROOT, doc), "utf8")).spans.map(
          (span) => /^[\w$]+/.exec(span.text)?.[0],
        ),
      ),
    );
    assert.deepEqual(
      [...OTHER_TOOLS.keys()].filter((name) => !cited.has(name)),
      [],
      "names no guide cites any more: delete them from OTHER_TOOLS",
    );
  });

  test("the guides cite code at all (the check reads them)", () => {
    const cited = guidesOf(REPO_ROOT).flatMap((doc) =>
      missesOf(doc, readFileSync(join(REPO_ROOT, doc), "utf8"), {
        ...REPOSITORY,
        names: new Set(),
        scripts: new Set(),
      }),
    );
    for (const kind of ["npm run validate", "npm run inventory", "ESTATE_CHECKS", "inventoryJson"])
      assert.ok(
        cited.some((miss) => miss.cited === kind),
        `${kind} is cited, and missed once nothing declares it`,
      );
  });
});

describe("the check catches stale code names and leaves ordinary words alone", () => {
  /** A repository of its own: a few files, a package.json, no code but the names given. */
  function repository(names: readonly string[]): Repository {
    const root = tempDir();
    mkdirSync(join(root, "estate", "machines"), { recursive: true });
    writeFileSync(join(root, "estate", "machines", "a-hel-fi.yaml"), "");
    mkdirSync(join(root, "docs"));
    writeFileSync(join(root, "docs", "dns.md"), "# DNS, machines & names\n\n## Everyday tasks\n");
    return {
      root,
      names: new Set(names),
      scripts: new Set(["validate", "lint:workflows", "@acme/lib build"]),
    };
  }
  const repo = repository([
    "CERTIFICATE_CONSUMERS",
    "proxiedServicesJson",
    "DnsZone",
    "MirrorEntry",
    "membershipMode",
  ]);
  const cited = (markdown: string) =>
    missesOf("README.md", markdown, repo).map((m) => `${m.line}: ${m.cited}`);

  test("a constant, a function, a class or an option no code has is a miss, at its line", () => {
    assert.deepEqual(
      cited(
        [
          "Add it to `VAULT_LDAP_GROUPS`, then call `jobSecretsReader(job)`.",
          '`REPO_FASTLY_DNS_RECORDS` and `CdnFrontier.records` and `membershipModes: "per-team"`.',
          'Known: `CERTIFICATE_CONSUMERS`, `proxiedServicesJson(estate)`, `new DnsZone(this)`, `MirrorEntry.url`, `membershipMode: "per-team"`.',
        ].join("\n"),
      ),
      [
        "1: VAULT_LDAP_GROUPS",
        "1: jobSecretsReader",
        "2: REPO_FASTLY_DNS_RECORDS",
        "2: CdnFrontier",
        "2: membershipModes",
      ],
    );
  });

  test("a path under a top-level folder must exist; a placeholder names a family in a folder that exists", () => {
    assert.deepEqual(
      cited(
        "`estate/machines/a-hel-fi.yaml`, `estate/machines/<name>.yaml`, `estate/machines/*.yaml`, `estate/machines/`\n" +
          "`estate/machines/b-hel-fi.yaml`, `estate/services/<name>.yaml`, `estate/a-hel-fi.yaml/`\n" +
          "not ours: `cdktf.out/stacks/x`, `terraform/le/*.tf`, `nomad/jobs/<job>`",
      ),
      ["2: estate/machines/b-hel-fi.yaml", "2: estate/services/<name>.yaml", "2: estate/a-hel-fi.yaml/"],
    );
  });

  test("npm run names a script of package.json, in prose code or in a fenced block", () => {
    assert.deepEqual(
      cited(
        "`npm run validate` and `npm run --silent lint:workflows -- --x` and `npm run env`\n" +
          "```sh\nnpm run validate\nnpm run inventroy -- --list\n```\n`npm run -s synth`",
      ),
      ["4: npm run inventroy", "6: npm run synth"],
    );
  });

  test("npm run -w names a script of that workspace", () => {
    assert.deepEqual(
      cited(
        "`npm run build -w @acme/lib` and `npm run build --workspace=@acme/lib`\n`npm run build -w @acme/app`, `npm run build`",
      ),
      ["2: npm run build -w @acme/app", "2: npm run build"],
    );
  });

  test("a relative link goes to a file that exists and a heading it has", () => {
    assert.deepEqual(
      cited(
        "[dns](docs/dns.md), [tasks](docs/dns.md#everyday-tasks), [top](docs/dns.md#dns-machines--names)\n" +
          "[gone](docs/gone.md), [no such part](docs/dns.md#adding-a-machine), [web](https://example.org/x.md)",
      ),
      ["2: docs/gone.md", "2: docs/dns.md#adding-a-machine"],
    );
  });

  test("ordinary words, YAML, commands and other tools' names are not code names", () => {
    assert.deepEqual(
      cited(
        "`prod`, `member`, `Host`, `World`, `EU`, `GET /orgs/{owner}`, `org_owner: true`, `url.QueryEscape`,\n" +
          "`- { name: irc, target: i-hel-fi }`, `terraform plan -lock=false`, `NODE_OPTIONS=--x`, `TF_CLI_ARGS_*`,\n" +
          "`BASH_ENV`, `toJSON(secrets)`, `a-hel-fi.m`, `x[0]`, `No changes.`",
      ),
      [],
    );
    for (const word of ["prod", "Host", "EU", "org_owner", "a-hel-fi"]) assert.ok(!isCodeName(word), word);
    for (const name of ["SOME_CONSTANT", "someFunction", "DnsZone", "IHost"])
      assert.ok(isCodeName(name), name);
  });

  test("anchors follow GitHub's: lower case, punctuation dropped, spaces as hyphens, repeats numbered", () => {
    assert.deepEqual(
      [
        ...anchorsOf(
          "# The estate's data files\n## `npm run x`: A/B\n```sh\n# not a heading\n```\n## Again\n## Again\n",
        ),
      ],
      ["the-estates-data-files", "npm-run-x-ab", "again", "again-1"],
    );
  });
});
