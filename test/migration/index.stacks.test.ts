import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { Testing } from "@void-linux/infra-constructs/cdktf";
import { addStateMigration } from "@void-linux/infra-constructs/terraform";
import { hashistackMigration } from "../../migration/hashistack";
import { tlsMigration } from "../../migration/tls";
import { adoptionStacks } from "../support/stacks";
import { parse, type StackJson } from "../support/synth";

type Moved = { from: string; to: string };

/** A stack of the adoption estate as it is, and with Void's state adopted as the app applies migration/. */
describe("migration/ maps Void's hand-written addresses onto the stacks", () => {
  let plain: { hashistack: StackJson; tls: StackJson };
  let adopted: { hashistack: StackJson; tls: StackJson };
  before(() => {
    const bare = adoptionStacks();
    plain = {
      hashistack: parse(Testing.synth(bare.hashistack, true)),
      tls: parse(Testing.synth(bare.tls, true)),
    };
    const { hashistack, tls } = adoptionStacks();
    addStateMigration(hashistack, hashistackMigration(hashistack));
    addStateMigration(tls, tlsMigration(tls));
    adopted = { hashistack: parse(Testing.synth(hashistack, true)), tls: parse(Testing.synth(tls, true)) };
  });
  const movesOf = (json: StackJson) => new Map((json.moved as Moved[]).map((m) => [m.from, m.to]));

  it("hashistack: moves Void's addresses to the new ones, changing no resource", () => {
    assert.deepEqual(adopted.hashistack.resource, plain.hashistack.resource);
    const moved = movesOf(adopted.hashistack);
    assert.equal(moved.size, 23);
    assert.equal(moved.get("nomad_acl_policy.guest"), "nomad_acl_policy.policy_anonymous");
    assert.equal(
      moved.get("nomad_acl_policy.restricted_apps_admin"),
      "nomad_acl_policy.policy_apps-restricted-admin",
    );
    assert.equal(
      moved.get("vault_generic_endpoint.nomad_role_restricted_apps_admin"),
      "vault_generic_endpoint.nomad_role_restricted-apps-admin",
    );
    assert.equal(moved.get("vault_mount.secret"), "vault_mount.mount_secret");
  });

  it("hashistack: forgets Void's second owner of the ldap auth path without destroying it", () => {
    assert.deepEqual(adopted.hashistack.removed, [
      { from: "vault_auth_backend.ldap", lifecycle: { destroy: false } },
    ]);
  });

  it("tls: moves Void's addresses, changing no resource", () => {
    const moved = movesOf(adopted.tls);
    assert.equal(
      moved.get('nomad_variable.certs["nomad/jobs/nginx"]'),
      "nomad_variable.variable_mirror_nomad_jobs_nginx",
    );
    assert.equal(moved.get("acme_certificate.voidlinux_org"), "acme_certificate.certificate_voidlinux_org");
    assert.equal(moved.size, 6);
    assert.equal(adopted.tls.removed, undefined);
    assert.deepEqual(adopted.tls.resource, plain.tls.resource);
  });
});
