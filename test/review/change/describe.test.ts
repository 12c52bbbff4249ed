import assert from "node:assert/strict";
import { test } from "node:test";
import { noActions, ruleDiff } from "../../../review/change";
import {
  compareOutputs,
  type DiffReport,
  renderMarkdown,
  reviewDiff,
  type StackJson,
  type SynthOutput,
} from "../../../review/diff";

/** A stack with the given resources, as cdktf writes it (with `//` metadata that must be ignored). */
function stack(
  resources: Record<string, Record<string, Record<string, unknown>>>,
  extra: StackJson = {},
): StackJson {
  const withMetadata = Object.fromEntries(
    Object.entries(resources).map(([type, byId]) => [
      type,
      Object.fromEntries(
        Object.entries(byId).map(([id, body]) => [id, { "//": { metadata: { path: `s/${id}` } }, ...body }]),
      ),
    ]),
  );
  return { resource: withMetadata, ...extra };
}

/** An output of one stack, `s`. */
const output = (stack: StackJson): SynthOutput => ({ stacks: new Map([["s", stack]]) });
const diff = (base: StackJson, head: StackJson): DiffReport => reviewDiff(output(base), output(head));
const texts = (report: DiffReport) =>
  report.lines.map((l) => `${l.severity === "warning" ? "! " : ""}${l.text}`);

const DOMAIN = { digitalocean_domain: { zone: { name: "example.org" } } };

test("DNS records: added, changed, and several removals grouped and listed", () => {
  const base = stack({
    ...DOMAIN,
    digitalocean_record: {
      a: { domain: "${digitalocean_domain.zone.name}", name: "www", type: "A", value: "192.0.2.1" },
      b: {
        domain: "${digitalocean_domain.zone.name}",
        name: "old",
        type: "CNAME",
        value: "www.example.org.",
      },
      c: { domain: "${digitalocean_domain.zone.name}", name: "@", type: "TXT", value: "v=spf1 -all" },
    },
  });
  const head = stack({
    ...DOMAIN,
    digitalocean_record: {
      a: { domain: "${digitalocean_domain.zone.name}", name: "www", type: "A", value: "192.0.2.2", ttl: 60 },
      d: { domain: "example.org", name: "repo-xx", type: "CNAME", value: "repo-fi.example.org." },
    },
  });
  const report = diff(base, head);
  assert.deepEqual(texts(report), [
    "! removes 2 DNS records",
    "adds DNS record `repo-xx.example.org` CNAME → `repo-fi.example.org.`",
    "changes DNS record `www.example.org` A: `192.0.2.1` → `192.0.2.2`, TTL (none) → 60",
  ]);
  assert.deepEqual(report.lines[0].items, [
    "removes DNS record `example.org` TXT → `v=spf1 -all`",
    "removes DNS record `old.example.org` CNAME → `www.example.org.`",
  ]);
  assert.match(
    renderMarkdown(report),
    /^> {3}- removes DNS record `old\.example\.org` CNAME → `www\.example\.org\.`$/m,
  );
});

test("Route 53 and Cloud DNS record sets read their own attribute names", () => {
  const report = diff(
    stack({}),
    stack({
      aws_route53_record: {
        r: { zone_id: "Z1", name: "mirror.example.org", type: "AAAA", records: ["2001:db8::1"], ttl: 300 },
      },
      google_dns_record_set: {
        g: { managed_zone: "z", name: "mx.example.org.", type: "MX", rrdatas: ["10 a.", "20 b."] },
      },
    }),
  );
  assert.deepEqual(texts(report), [
    "adds DNS record `mirror.example.org` AAAA → `2001:db8::1`",
    "adds DNS record `mx.example.org` MX → `10 a., 20 b.`",
  ]);
});

test("policy rule changes are sensitive and carry a small unified diff", () => {
  const rules = 'namespace "apps" {\n  policy = "read"\n}\n';
  const report = diff(
    stack({
      nomad_acl_policy: { p: { name: "apps-admin", rules_hcl: rules } },
      consul_acl_policy: { c: { name: "exporter", rules: 'service "x" {\n  policy = "read"\n}\n' } },
    }),
    stack({
      nomad_acl_policy: { p: { name: "apps-admin", rules_hcl: rules.replace('"read"', '"write"') } },
      vault_policy: { v: { name: "secrets", policy: 'path "secret/*" {\n  capabilities = ["read"]\n}\n' } },
    }),
  );
  assert.deepEqual(texts(report), [
    "! removes Consul ACL policy `exporter`",
    "! adds Vault policy `secrets`",
    "! changes the rules of Nomad ACL policy `apps-admin`",
  ]);
  assert.equal(
    report.lines[2].ruleDiff,
    ["@@ -1,3 +1,3 @@", ' namespace "apps" {', '-  policy = "read"', '+  policy = "write"', " }"].join("\n"),
  );
  assert.ok(report.lines.every((l) => l.sensitive));
  const markdown = renderMarkdown(report);
  assert.match(
    markdown,
    /^> {3}```diff\n> {3}@@ -1,3 \+1,3 @@\n> {4}namespace "apps" \{\n> {3}- {2}policy = "read"$/m,
  );
});

test("rule diffs are capped so one policy cannot flood the comment", () => {
  const long = Array.from({ length: 100 }, (_, i) => `line ${i}`).join("\n");
  const lines = ruleDiff("", long).split("\n");
  assert.equal(lines.length, 41);
  assert.equal(lines.at(-1), "… 61 more lines");
});

test("roles and groups spell out the policies they grant, following references", () => {
  const report = diff(
    stack({
      vault_policy: { policy_admin: { name: "admin", policy: "" } },
      vault_ldap_auth_backend_group: { g: { groupname: "ops", policies: ["default"] } },
      nomad_acl_role: { r: { name: "deployer", policy: [{ name: "apps" }] } },
    }),
    stack({
      vault_policy: { policy_admin: { name: "admin", policy: "" } },
      vault_ldap_auth_backend_group: {
        g: { groupname: "ops", policies: ["${vault_policy.policy_admin.name}"] },
      },
      vault_generic_endpoint: {
        e: { path: "nomad/role/apps", data_json: '{"policies":["anonymous","apps"]}' },
      },
    }),
  );
  assert.deepEqual(texts(report), [
    "! removes Nomad ACL role `deployer`",
    "! writes Vault `nomad/role/apps` granting `anonymous`, `apps`",
    "! LDAP group `ops` now grants `admin` and no longer grants `default`",
  ]);
});

test("repositories, team access and org membership", () => {
  const team = { github_team: { team_docs: { name: "docs" } } };
  const report = diff(
    stack({
      ...team,
      github_repository: { repo_a: { name: "a" }, repo_gone: { name: "gone" } },
      github_team_repository: {
        t: { team_id: "${github_team.team_docs.id}", repository: "a", permission: "push" },
      },
      github_membership: { m: { username: "Erin", role: "admin" } },
    }),
    stack({
      ...team,
      github_repository: { repo_a: { name: "a", archived: true }, repo_new: { name: "new" } },
      github_team_repository: {
        t: { team_id: "${github_team.team_docs.id}", repository: "a", permission: "admin" },
      },
      github_membership: { m: { username: "Erin", role: "member" } },
    }),
  );
  assert.deepEqual(texts(report), [
    "! deletes repository `gone`",
    "! changes docs on `a`: push → admin",
    "! demotes @Erin from org owner to member",
    "adds repository `new`",
    "archives repository `a`",
  ]);
});

test("unknown resources, modules, providers and the backend get generic lines", () => {
  const base: StackJson = {
    resource: { thing_x: { one: { size: 1, nested: { deep: [1, 2] } } } },
    terraform: {
      backend: { http: { address: "https://state/a" } },
      required_providers: { x: { source: "o/x", version: "1.0.0" } },
    },
  };
  const head: StackJson = {
    resource: { thing_x: { one: { size: 2, nested: { deep: [1, 3] } } } },
    module: { net: { source: "o/net/aws", version: "2.0.0" } },
    provider: { x: [{ region: "eu" }] },
    terraform: {
      backend: { s3: { bucket: "b" } },
      required_providers: { x: { source: "o/x", version: "1.1.0" } },
    },
  };
  const report = diff(base, head);
  assert.deepEqual(texts(report), [
    "! moves state from the http backend to s3",
    "adds module `net` (o/net/aws@2.0.0)",
    "adds the `x` provider configuration",
    "changes `thing_x.one`: nested, size",
    "changes provider `o/x`: 1.0.0 → 1.1.0",
  ]);
  assert.deepEqual(report.summary, [{ stack: "s", counts: { ...noActions(), create: 1, update: 1 } }]);
  const thing = compareOutputs(output(base), output(head)).find((c) => c.address === "thing_x.one");
  assert.deepEqual(thing?.attributes, [
    { path: "nested.deep", before: "[1,2]", after: "[1,3]" },
    { path: "size", before: "1", after: "2" },
  ]);
});

test("construct paths in metadata are not changes", () => {
  const base = stack({ thing_x: { one: { size: 1 } } });
  const head = structuredClone(base);
  (head.resource as Record<string, Record<string, Record<string, unknown>>>).thing_x.one["//"] = {
    metadata: { path: "moved" },
  };
  assert.equal(renderMarkdown(diff(base, head)), "No changes.");
});

test("people are named, escaped so no name injects markup or mentions; newcomers are welcomed", () => {
  const team = { github_team: { team_core: { name: "core" } } };
  const member = (username: string, role = "member") => ({
    team_id: "${github_team.team_core.id}",
    username,
    role,
  });
  const base = stack({ ...team, github_team_membership: { m_bob: member("bob") } });
  const head = stack({
    ...team,
    github_team_membership: {
      m_bob: member("bob"),
      m_eve: member("eve"),
      m_carl: member("carl", "maintainer"),
    },
  });
  const people = new Map([
    ["eve", "Eve <img src=x> **x** [a](http://evil.example) @Gottox ＠void-ops"],
    ["carl", "carl"],
  ]);
  const report = reviewDiff(output(base), output(head), { people });
  assert.deepEqual(texts(report), [
    "! welcomes @carl to core (maintainer)",
    "welcomes Eve &lt;img src=x&gt; \\*\\*x\\*\\* \\[a\\](http:\u2060//evil.example) @\u2060Gottox ＠\u2060void-ops (@eve) to core (member)",
  ]);
});

test("joining the operators' team is marked like any grant of power", () => {
  const team = { github_team: { team_ops: { name: "ops" } } };
  const head = stack({
    ...team,
    github_team_membership: {
      m: { team_id: "${github_team.team_ops.id}", username: "otto", role: "member" },
    },
  });
  const report = reviewDiff(output(stack(team)), output(head), { operatorTeam: "ops" });
  assert.deepEqual(texts(report), ["! welcomes @otto to ops (member)"]);
});
