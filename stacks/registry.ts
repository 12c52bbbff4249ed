import { DigitalOceanStack } from "./digitalocean";
import { FastlyStack } from "./fastly";
import { GithubStack } from "./github";
import { HashistackStack } from "./hashistack";
import { type BuiltStacks, type Secret, StackRegistry, type StackVariable } from "./stack-registry";
import { TlsStack } from "./tls";

/**
 * Void's stacks: every Terraform root, one entry each. The app builds them from here, in this order,
 * and `npm run stacks` writes them into the workflows (apply.yml's choice of stack, drift.yml's
 * matrices, the credentials of every Terraform step), `.github/scripts/stacks.sh` and the docs;
 * `npm run lint:workflows` and the tests fail while any of those disagrees. Adding a stack is one
 * entry here and its file in `stacks/` (README, "Adding a stack").
 *
 * This is code, not a data file: each entry names the code that builds its stack (checked by the
 * compiler against the stack's props and the stacks it uses), and it decides which secret reaches
 * which Terraform process, so it changes only with a reviewed change of code, planned after merge.
 */

const secret = (name: string, plan: string, apply: string): Secret => ({ name, plan, apply });

/** The terrastate user (HTTP Basic auth, checked against the NetAuth group `terrastate-<project>`). */
const TERRASTATE: readonly StackVariable[] = [
  {
    env: "TF_HTTP_USERNAME",
    secret: secret(
      "TF_HTTP_USERNAME",
      "a terrastate user who may read the states (NetAuth group `terrastate-<project>`)",
      "a terrastate user who may lock and write the states (NetAuth group `terrastate-<project>`)",
    ),
  },
  {
    env: "TF_HTTP_PASSWORD",
    secret: secret("TF_HTTP_PASSWORD", "that user's password", "that user's password"),
  },
];

const DIGITALOCEAN_TOKEN = secret(
  "DIGITALOCEAN_TOKEN",
  "a read-only API token",
  "a read and write API token (the zone's records, droplets, VPC, SSH keys, projects)",
);
const NOMAD_ADDR: StackVariable = { env: "NOMAD_ADDR", value: "https://nomad.voidlinux.org" };
const NOMAD_TOKEN: StackVariable = {
  env: "NOMAD_TOKEN",
  secret: secret(
    "NOMAD_TOKEN",
    "a Nomad ACL management token: Nomad lists ACL policies to no narrower token, so it is the strongest read credential",
    "a Nomad ACL management token (namespaces, scheduler, ACL policies, variables)",
  ),
};

export const STACKS = StackRegistry.withStateEnv(TERRASTATE)
  .add("github", {
    stateKey: "prod/github",
    holds: "organization members and owners, teams, memberships, repositories, team access",
    env: [
      {
        env: "GITHUB_TOKEN",
        secret: secret(
          "TF_GITHUB_TOKEN",
          "a fine-grained token or app of the organization: members and administration read, repository administration read (not the job's own token)",
          "the same with write access: organization members and administration, repository administration",
        ),
      },
    ],
    build: (scope, id, { inputs, state }) =>
      new GithubStack(scope, id, { github: inputs.estate.github, roster: inputs.roster, state }),
  })
  .add("fastly", {
    stateKey: "prod/fastly",
    holds: "the repo-fastly CDN service and its TLS subscription",
    env: [
      {
        env: "FASTLY_API_KEY",
        secret: secret(
          "FASTLY_API_KEY",
          "an API token with the `global:read` scope",
          "an API token with the `global` scope",
        ),
      },
    ],
    build: (scope, id, { inputs, state }) => new FastlyStack(scope, id, { cdn: inputs.estate.fastly, state }),
  })
  .add("digitalocean", {
    stateKey: "prod/digitalocean",
    holds: "the voidlinux.org zone and its records, the droplets, VPC, SSH keys, Spaces bucket, project",
    env: [
      { env: "DIGITALOCEAN_TOKEN", secret: DIGITALOCEAN_TOKEN },
      {
        env: "SPACES_ACCESS_KEY_ID",
        secret: secret(
          "SPACES_ACCESS_KEY_ID",
          "a Spaces key limited to reading the bucket",
          "a Spaces key that may manage the bucket",
        ),
      },
      {
        env: "SPACES_SECRET_ACCESS_KEY",
        secret: secret("SPACES_SECRET_ACCESS_KEY", "that key's secret", "that key's secret"),
      },
    ],
    build: (scope, id, { inputs: { estate, mirrors }, state }) =>
      new DigitalOceanStack(scope, id, {
        dns: estate.dns,
        hosts: estate.hosts,
        services: estate.services,
        cdn: estate.fastly,
        mirrorList: mirrors,
        state,
      }),
  })
  .add("hashistack", {
    stateKey: "prod/hashistack",
    holds: "Nomad namespaces and ACLs, Consul and Vault policies, LDAP auth, base modules",
    env: [
      NOMAD_ADDR,
      NOMAD_TOKEN,
      { env: "CONSUL_HTTP_ADDR", value: "https://consul.voidlinux.org" },
      {
        env: "CONSUL_HTTP_TOKEN",
        secret: secret(
          "CONSUL_HTTP_TOKEN",
          'a Consul token with `acl = "read"`',
          'a Consul token with `acl = "write"`',
        ),
      },
      { env: "VAULT_ADDR", value: "https://vault.voidlinux.org" },
      {
        env: "VAULT_TOKEN",
        secret: secret(
          "VAULT_TOKEN",
          "a Vault token with read and list policies on the managed paths",
          "a Vault token that may write the managed paths (policies, mounts, LDAP auth, Nomad roles)",
        ),
      },
    ],
    build: (scope, id, { inputs, state }) =>
      new HashistackStack(scope, id, { hashistack: inputs.estate.hashistack, state }),
  })
  .add("tls", {
    stateKey: "tls/letsencrypt",
    holds: "the wildcard certificate and the Nomad variables that deliver it",
    // The ACME provider's DNS-01 challenge writes TXT records with DigitalOcean's token.
    env: [NOMAD_ADDR, NOMAD_TOKEN, { env: "DO_AUTH_TOKEN", secret: DIGITALOCEAN_TOKEN }],
    build: (scope, id, { inputs, state }, { hashistack }) =>
      new TlsStack(scope, id, { tls: inputs.estate.tls, namespaces: hashistack.namespaces, state }),
  });

/** Every Terraform root of the estate, by name, as the app builds them. */
export type EstateStacks = BuiltStacks<typeof STACKS>;
