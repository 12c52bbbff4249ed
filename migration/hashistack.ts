import type { StateMigration } from "@void-linux/infra-constructs/terraform";
import type { HashistackStack } from "../stacks/hashistack";
import { movesByName, resourcesOf } from "./move";

/**
 * Void's addresses (terraform/hashistack at 2244e1e) that this code names differently, and where
 * each went; the stack emits `moved` blocks so adopting it changes no object. The tables know only
 * the names that existed then: a namespace, policy or role added since has no old address, and is
 * simply created.
 */
const LEGACY = {
  namespaces: {
    monitoring: "monitoring",
    infrastructure: "infrastructure",
    apps: "apps",
    "apps-restricted": "apps_restricted",
    build: "build",
    mirror: "mirror",
  },
  nomadPolicies: {
    anonymous: "guest",
    "apps-admin": "apps_admin",
    "apps-restricted-admin": "restricted_apps_admin",
    "certs-admin": "certs_admin",
    "buildbot-worker-admin": "buildbot_worker_admin",
    "buildsync-admin": "buildsync_admin",
    "buildsync-buildbot-admin": "buildsync_buildbot_admin",
    "popcorn-admin": "popcorn_admin",
  },
  vaultPolicies: {
    "void-secrets-admin": "secrets_admin",
    "void-nomad-apps-admin": "apps_admin",
    "void-nomad-restricted-apps-admin": "restricted_apps_admin",
  },
  nomadRoles: {
    "apps-admin": "nomad_role_apps_admin",
    "restricted-apps-admin": "nomad_role_restricted_apps_admin",
  },
  ldapGroups: { dante: "dante", "nomad-apps-admin": "nomad_apps_admin" },
  consulPolicies: { "void-node-exporter": "node_exporter" },
  kvMount: { secret: "secret" },
  /** `vault_auth_backend.ldap` doubled `vault_ldap_auth_backend.ldap`'s mount; it is forgotten, not destroyed. */
  forgotten: ["vault_auth_backend.ldap"],
} as const satisfies Record<string, Readonly<Record<string, string>> | readonly string[]>;

/** Moves Void's namespaces, policies, mount, roles and LDAP groups; forgets the doubled auth mount. */
export function hashistackMigration(stack: HashistackStack): StateMigration {
  const tables = [
    [LEGACY.namespaces, resourcesOf(stack.namespaces)],
    [LEGACY.nomadPolicies, resourcesOf(stack.nomadPolicies)],
    [LEGACY.consulPolicies, resourcesOf(stack.consulPolicies)],
    [LEGACY.kvMount, resourcesOf(new Map([[stack.kvMount.mountPath, stack.kvMount]]))],
    [LEGACY.nomadRoles, resourcesOf(stack.nomadRoles)],
    [LEGACY.vaultPolicies, resourcesOf(stack.vaultPolicies)],
    [LEGACY.ldapGroups, stack.ldap.groups],
  ] as const;
  return {
    moved: tables.flatMap(([table, resources]) => movesByName(table, resources)),
    forgotten: LEGACY.forgotten,
  };
}
