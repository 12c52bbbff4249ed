import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { renderJson, renderMarkdown, type StackSummary, summarizePlanFiles } from "../../../review/plan";
import { byAddress, plan } from "../../support/plans";

const [demo, quiet] = summarizePlanFiles([plan("real", "demo"), plan("real", "quiet")]) as [
  StackSummary,
  StackSummary,
];
const [github, digitalocean, hashistack] = summarizePlanFiles([
  plan("hand", "github"),
  plan("hand", "digitalocean"),
  plan("hand", "hashistack"),
]) as [StackSummary, StackSummary, StackSummary];

describe("plan summary of the real terraform_data plan", () => {
  test("counts one of every action and hides no-ops", () => {
    assert.deepEqual(demo.counts, {
      delete: 2,
      replace: 2,
      create: 1,
      update: 2,
      import: 0,
      read: 1,
      move: 1,
      forget: 1,
    });
    assert.ok(
      !demo.resources.some(
        (r) => r.address === "terraform_data.keep" || r.address === "terraform_data.mirror[0]",
      ),
    );
    assert.equal(demo.terraformVersion, "1.11.4");
  });

  test("orders destroys and replacements first", () => {
    assert.deepEqual(
      demo.resources.map((r) => `${r.action} ${r.address}`),
      [
        "delete terraform_data.mirror[1]",
        "delete terraform_data.retired",
        "replace terraform_data.blue_green",
        "replace terraform_data.node",
        "create terraform_data.added",
        "update terraform_data.secret",
        "update terraform_data.team",
        "read data.terraform_remote_state.peer",
        "move terraform_data.new_name",
        "forget terraform_data.handed_over",
      ],
    );
  });

  test("replacements name the forcing attributes and their order", () => {
    const node = byAddress(demo, "terraform_data.node");
    assert.deepEqual(node.forcedBy, ["triggers_replace"]);
    assert.equal(node.replaceOrder, "destroy before create");
    assert.equal(byAddress(demo, "terraform_data.blue_green").replaceOrder, "create before destroy");
    const forcing = node.changes.filter((c) => c.forcesReplacement);
    assert.deepEqual(forcing, [
      { path: "triggers_replace", before: '["a-hel-fi"]', after: '["b-hel-fi"]', forcesReplacement: true },
    ]);
  });

  test("deletes, reads, moves and forgets carry their reasons", () => {
    assert.equal(byAddress(demo, "terraform_data.retired").reason, "no longer in the configuration");
    assert.equal(byAddress(demo, "terraform_data.mirror[1]").reason, "its count index no longer exists");
    assert.equal(
      byAddress(demo, "data.terraform_remote_state.peer").reason,
      "its configuration depends on values known only after apply",
    );
    assert.equal(byAddress(demo, "terraform_data.new_name").previousAddress, "terraform_data.old_name");
    assert.deepEqual(byAddress(demo, "terraform_data.handed_over").changes, []);
  });

  test("updates show before -> after, whole lists and unknown values", () => {
    assert.deepEqual(byAddress(demo, "terraform_data.team").changes, [
      { path: "input.members", before: '["bob","carol"]', after: '["bob","dave"]', forcesReplacement: false },
      {
        path: "output",
        before: '{"maintainer":"alice","members":["bob","carol"]}',
        after: "(known after apply)",
        forcesReplacement: false,
      },
    ]);
    assert.deepEqual(byAddress(demo, "terraform_data.added").changes, [
      { path: "input.since", before: undefined, after: '"2026"', forcesReplacement: false },
      { path: "input.owner", before: undefined, after: "(known after apply)", forcesReplacement: false },
      { path: "id", before: undefined, after: "(known after apply)", forcesReplacement: false },
      { path: "output", before: undefined, after: "(known after apply)", forcesReplacement: false },
    ]);
  });

  test("masks sensitive values, including copies Terraform left unmarked", () => {
    assert.deepEqual(byAddress(demo, "terraform_data.secret").changes, [
      { path: "input", before: "(sensitive value)", after: "(sensitive value)", forcesReplacement: false },
      { path: "output", before: "(sensitive value)", after: "(known after apply)", forcesReplacement: false },
    ]);
    const markdown = renderMarkdown([demo, quiet]);
    const json = renderJson([demo, quiet]);
    for (const out of [markdown, json]) assert.doesNotMatch(out, /hunter2/);
  });

  test("the committed real plans carry no absolute paths of the machine that made them", () => {
    for (const stack of ["demo", "quiet"]) {
      const text = readFileSync(plan("real", stack).path, "utf8");
      assert.doesNotMatch(text, /"\/(?:tmp|root|home|work|Users)\//, stack);
    }
  });

  test("a plan without changes says so", () => {
    assert.deepEqual(quiet.resources, []);
    assert.match(renderMarkdown([quiet]), /### Stack `quiet`\n\nNo changes\./);
  });

  test("renders the Markdown: table, warning first, other actions, collapsible details", () => {
    const markdown = renderMarkdown([quiet, demo]);
    const expectedStart = [
      "## Terraform plan summary",
      "",
      "| Stack | Delete | Replace | Create | Update | Read | Move | Forget |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      "| ⚠️ `demo` | 2 | 2 | 1 | 2 | 1 | 1 | 1 |",
      "| `quiet` | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
      "| **Total** | **2** | **2** | **1** | **2** | **1** | **1** | **1** |",
      "",
      "### ⚠️ Stack `demo`",
      "",
      "> [!CAUTION]",
      "> ⚠️ **2 to delete, 2 to replace in demo**",
      "> - removes `terraform_data.mirror[1]` — its count index no longer exists",
      "> - removes `terraform_data.retired` — no longer in the configuration",
      "> - replaces `terraform_data.blue_green` — create before destroy, forced by `triggers_replace`",
      "> - replaces `terraform_data.node` — destroy before create, forced by `triggers_replace`",
      "",
      "- adds `terraform_data.added`",
      "- changes `terraform_data.secret`: input",
      "- changes `terraform_data.team`: input",
      "- reads `data.terraform_remote_state.peer` during apply — its configuration depends on values known only after apply",
      "- moves `terraform_data.old_name` to `terraform_data.new_name`, unchanged",
      "- forgets `terraform_data.handed_over`: Terraform stops managing it, and the object stays",
      "",
      "<details><summary>⚠️ <code>terraform_data.mirror[1]</code>: delete</summary>",
    ].join("\n");
    assert.equal(markdown.slice(0, expectedStart.length), expectedStart);
    assert.match(
      markdown,
      /\| `triggers_replace` \(forces replacement\) \| `\["a-hel-fi"\]` \| `\["b-hel-fi"\]` \|/,
    );
    assert.match(markdown, /\| `input\.owner` \| _\(known after apply\)_ \|/);
    assert.ok(markdown.indexOf("### Stack `quiet`") > markdown.indexOf("### ⚠️ Stack `demo`"));
    assert.equal((markdown.match(/<details>/g) ?? []).length, (markdown.match(/<\/details>/g) ?? []).length);
  });
});

describe("plan summary of provider resources (documented format)", () => {
  test("github: memberships and owners in review order", () => {
    assert.deepEqual(
      github.resources.map((r) => `${r.action} ${r.address}`),
      [
        'delete github_team_membership.team_membership["pkg-committers_bob"]',
        'create github_membership.org_owner["alice"]',
        'create github_team_membership.team_membership["pkg-committers_alice"]',
        'update github_repository.repositories["void-docs"]',
        'update github_team_membership.team_membership["void-ops_Vaelatern"]',
      ],
    );
    assert.deepEqual(
      byAddress(github, 'github_team_membership.team_membership["void-ops_Vaelatern"]').changes,
      [{ path: "role", before: '"member"', after: '"maintainer"', forcesReplacement: false }],
    );
    assert.equal(
      byAddress(github, 'github_team_membership.team_membership["pkg-committers_bob"]').reason,
      "its for_each key no longer exists",
    );
  });

  test("digitalocean: a record replaced because its type changed", () => {
    const www = byAddress(digitalocean, "digitalocean_record.www");
    assert.equal(www.action, "replace");
    assert.deepEqual(www.forcedBy, ["type"]);
    assert.deepEqual(
      www.changes.map((c) => [c.path, c.before, c.after, c.forcesReplacement]),
      [
        ["fqdn", '"www.voidlinux.org"', "(known after apply)", false],
        ["id", '"163050001"', "(known after apply)", false],
        ["ttl", "1800", "(known after apply)", false],
        ["type", '"A"', '"CNAME"', true],
        ["value", '"185.199.109.153"', '"void-linux.github.io."', false],
      ],
    );
    const markdown = renderMarkdown([digitalocean]);
    assert.match(
      markdown,
      /> - removes DNS record `repo-us\.voidlinux\.org` CNAME → `b-hel-fi\.m\.voidlinux\.org\.` · `digitalocean_record\.repo_us` — no longer in the configuration\n/,
    );
    assert.match(
      markdown,
      /> - changes DNS record `www\.voidlinux\.org` CNAME: type A → CNAME, .* · `digitalocean_record\.www` — replaced, destroy before create, forced by `type`\n/,
    );
    assert.match(markdown, /\| `value` \| `"b-hel-fi\.m\.voidlinux\.org\."` \|/);
  });

  test("hashistack: sensitive Vault values stay masked, policy text gets a line diff", () => {
    assert.deepEqual(byAddress(hashistack, "vault_generic_endpoint.nomad_role_apps_admin").changes[0], {
      path: "data_json",
      before: "(sensitive value)",
      after: "(sensitive value)",
      forcesReplacement: false,
    });
    assert.deepEqual(
      byAddress(hashistack, "vault_ldap_auth_backend.ldap").changes.map((c) => c.path),
      ["token_max_ttl"],
    );
    const markdown = renderMarkdown([hashistack]);
    const json = renderJson([hashistack]);
    for (const out of [markdown, json]) {
      assert.doesNotMatch(out, /s3cr3t-bind-pw|anonymous/);
    }
    assert.match(
      markdown,
      /```diff\n@@ -1,\d+ \+1,\d+ @@\n path "secret\/\*" \{\n[^`]*\+path "secret\/metadata\/\*" \{\n\+ {2}capabilities = \["list"\]\n\+\}\n```/,
    );
  });

  test("hashistack: imports and drift are reported", () => {
    const build = byAddress(hashistack, "nomad_namespace.build");
    assert.equal(build.action, "import");
    assert.equal(build.importId, "build");
    assert.deepEqual(hashistack.drift, ["vault_policy.secrets_admin"]);
    const markdown = renderMarkdown([hashistack]);
    assert.match(markdown, /^- adopts `nomad_namespace\.build` \(id `build`\), as it is$/m);
    assert.match(
      markdown,
      /^Changed outside Terraform since the last apply: changes the rules of Vault policy `void-secrets-admin` · `vault_policy\.secrets_admin`\.$/m,
    );
  });

  test("JSON output has totals, the destructive flag and masked values for tools", () => {
    const parsed = JSON.parse(renderJson([github, digitalocean, hashistack]));
    assert.equal(parsed.destructive, true);
    assert.deepEqual(parsed.totals, {
      delete: 2,
      replace: 1,
      create: 3,
      update: 6,
      import: 1,
      read: 0,
      move: 0,
      forget: 0,
    });
    assert.deepEqual(
      parsed.stacks.map((s: StackSummary) => s.stack),
      ["github", "digitalocean", "hashistack"],
    );
    assert.equal(parsed.stacks[2].resources[0].changes[0].before, "(sensitive value)");
  });
});
