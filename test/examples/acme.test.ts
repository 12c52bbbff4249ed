import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { acmeApp } from "../../examples/acme/app";
import { acmeOrganization } from "../../examples/acme/people";
import { DESCRIBERS } from "../../review/change";
import { STACKS } from "../../stacks";
import { ACME_ROOT } from "../support/acme";
import { synthApp } from "../support/app";
import { tempDir } from "../support/project";
import type { StackJson } from "../support/synth";

/** Another organization's app, synthesized as its own `cdktf synth` would. */
const outdir = join(tempDir("acme-"), "cdktf.out");
acmeApp(outdir, acmeOrganization(ACME_ROOT)).synth();
const voidApp = synthApp();
const VOID_STACKS = STACKS.stacks.map((stack) => stack.id);
const stacks = readdirSync(join(outdir, "stacks"));
const text = (name: string) => readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8");
const stack = (name: string) => JSON.parse(text(name)) as StackJson;
// biome-ignore lint/suspicious/noExplicitAny: resource bodies are free-form Terraform JSON
const resource = (json: StackJson, type: string, id: string): any => {
  const found = json.resource?.[type]?.[id];
  assert.ok(found, `${type}.${id} exists (have: ${Object.keys(json.resource?.[type] ?? {}).join(", ")})`);
  return found;
};

describe("the constructs build an organization that is not Void", () => {
  test("every stack synthesizes, and nothing of Void leaks into the output", () => {
    assert.deepEqual(stacks.sort(), ["github", "hashistack", "internal", "web"]);
    for (const name of stacks) assert.doesNotMatch(text(name), /void|repo-|\.m\.|netauth/i, name);
  });

  test("each stack keeps its state under its own key in S3, and the output holds no path of this machine", () => {
    for (const name of stacks) {
      assert.deepEqual(stack(name).terraform?.backend, {
        s3: {
          bucket: "acme-terraform-state",
          key: `acme/${name}.tfstate`,
          region: "eu-north-1",
          encrypt: true,
          use_lockfile: true,
        },
      });
      assert.ok(!text(name).includes(outdir) && !text(name).includes(process.cwd()), name);
    }
  });

  test("web: a Route53 zone, EC2 hosts named freely, a proxy tier and a service in front of it", () => {
    const web = stack("web");
    assert.equal(resource(web, "aws_route53_zone", "zone_acme_example").name, "acme.example");
    assert.equal(resource(web, "aws_instance", "instance_web1").tags.Name, "web1.hosts.acme.example");
    const tier = resource(web, "aws_route53_record", "public_proxy_a");
    assert.deepEqual(tier.records, [
      "${aws_instance.instance_web1.public_ip}",
      "${aws_instance.instance_web2.public_ip}",
    ]);
    const status = resource(web, "aws_route53_record", "public_status_cname");
    assert.deepEqual([status.name, status.records], ["status.acme.example", ["proxy.acme.example."]]);
    const mirror = resource(web, "aws_route53_record", "public_mirror-eu_cname");
    assert.deepEqual(mirror.records, ["web1.hosts.acme.example."]);
    assert.ok(web.resource?.fastly_tls_subscription?.["tls_acme-downloads"]);
    assert.deepEqual(resource(web, "aws_route53_record", "public_dl_cname").records, [
      "dualstack.n.sni.global.fastly.net.",
    ]);
  });

  test("internal: a second zone on Google Cloud DNS, its hosts on Compute Engine", () => {
    const internal = stack("internal");
    assert.equal(
      resource(internal, "google_dns_managed_zone", "zone_acme-build_example").dns_name,
      "acme-build.example.",
    );
    assert.deepEqual(resource(internal, "google_dns_record_set", "internal_builder1_a").rrdatas, [
      "${google_compute_instance.instance_builder1.network_interface[0].access_config[0].nat_ip}",
    ]);
    assert.deepEqual(resource(internal, "google_dns_record_set", "internal__ci__tcp_srv").rrdatas, [
      "10 5 8443 builder1.acme-build.example.",
    ]);
  });

  test("github: its own organization, teams, and grants that wait for their repository", () => {
    const github = stack("github");
    assert.deepEqual(github.provider?.github, [{ owner: "acme-corp" }]);
    assert.equal(resource(github, "github_team", "team_operators").privacy, "secret");
    const grant = resource(github, "github_team_repository", "team_repo_infra_operators");
    assert.deepEqual(
      [grant.repository, grant.permission],
      ["${github_repository.repo_infra.name}", "maintain"],
    );
    assert.equal(resource(github, "github_repository", "repo_website").pages.build_type, "legacy");
  });

  test("hashistack: a Nomad namespace and policy, a Vault role and the policy that reads it", () => {
    const hashistack = stack("hashistack");
    assert.match(resource(hashistack, "nomad_acl_policy", "policy_web-deploy").rules_hcl, /namespace "web"/);
    assert.match(
      resource(hashistack, "vault_policy", "policy_ci-deploy").policy,
      /path "nomad\/creds\/web-deployer"/,
    );
    const role = resource(hashistack, "vault_generic_endpoint", "nomad_role_web-deployer");
    assert.deepEqual(role.depends_on, ["vault_mount.mount_nomad"]);
  });
});

test("the review diff describes only resource types that the constructs create", () => {
  const emitted = new Set(
    [...stacks.map(stack), ...VOID_STACKS.map((name) => voidApp.stack(name))].flatMap((json) =>
      Object.keys(json.resource ?? {}),
    ),
  );
  assert.deepEqual(
    Object.keys(DESCRIBERS).filter((type) => !emitted.has(type)),
    [],
  );
});
