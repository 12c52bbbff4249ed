import { Mount } from "@cdktf/provider-vault/lib/mount";
import { Construct, type ITerraformDependable } from "../cdktf";
import { check } from "../core";
import { declare } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import type { RegistryModule } from "../terraform/registry-module";

/** Mount paths are written without the trailing slash Vault lists them with (`secret/` → `secret`). */
function normalizeMountPath(path: string): string {
  return path.replace(/\/+$/, "");
}

/** Anything that names a Vault secrets-engine mount. */
export interface IVaultMount {
  /** Mount path without trailing slash. */
  readonly mountPath: string;
  /** What to depend on so the mount exists first. @default none (a mount managed elsewhere) */
  readonly dependable?: ITerraformDependable;
}

export interface VaultMountProps {
  /** Mount path, e.g. `secret`; also its address `vault_mount.mount_<path>`. */
  readonly path: string;
  /** Secrets engine type, e.g. `kv`, `kv-v2`, `nomad`. */
  readonly type: string;
  /** Shown by `vault secrets list`. @default empty */
  readonly description?: string;
  /** Lease TTL in seconds of secrets that ask for none. @default the system's */
  readonly defaultLeaseTtlSeconds?: number;
  /** Maximum lease TTL in seconds. @default the system's */
  readonly maxLeaseTtlSeconds?: number;
  /** Engine options, e.g. `{ version: "2" }` for KV. @default none */
  readonly options?: Readonly<Record<string, string>>;
}

/** A Vault secrets engine mounted at a path. */
export class VaultMount extends Construct implements IVaultMount {
  /** A mount by path; where a declared mount is required (Nomad roles) the path is checked at synth. */
  static fromPath(path: string): IVaultMount {
    return { mountPath: normalizeMountPath(path) };
  }

  /** A mount that `module` creates (listed in its `provides.vault_mount`); dependents wait for the module. */
  static fromModule(module: RegistryModule, path: string): IVaultMount {
    return {
      mountPath: module.provided(Mount.tfResourceType, normalizeMountPath(path)).name,
      dependable: module,
    };
  }

  readonly mountPath: string;
  readonly dependable: ITerraformDependable;
  /** The `vault_mount` resource. */
  readonly resource: Mount;

  constructor(scope: Construct, id: string, props: VaultMountProps) {
    super(scope, id);
    const path = normalizeMountPath(props.path);
    check(this, /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(path), `mount path "${props.path}" is invalid`);
    check(this, !["sys", "auth", "identity", "cubbyhole"].includes(path.split("/")[0]), () => {
      return `mount path "${path}" is reserved by Vault`;
    });
    this.mountPath = path;
    this.resource = new Mount(this, "resource", {
      path,
      type: props.type,
      description: props.description,
      defaultLeaseTtlSeconds: props.defaultLeaseTtlSeconds,
      maxLeaseTtlSeconds: props.maxLeaseTtlSeconds,
      options: props.options ? { ...props.options } : undefined,
    });
    const resource = this.resource;
    claimLogicalId(resource, logicalId("mount", path));
    this.dependable = resource;
    declare(this, Mount.tfResourceType, path);
  }
}
