import { GcsBackend, HttpBackend, LocalBackend, S3Backend, type TerraformStack } from "../constructs/cdktf";
import { UsageError } from "./cli";

/**
 * Where each stack keeps its Terraform state. One switch for every stack: the `INFRA_BACKEND`
 * environment variable (http | local | s3 | gcs), default http.
 *
 * - http: a terrastate-style server; address = lock = unlock = `<baseUrl>/<key>`, credentials from
 *   TF_HTTP_USERNAME / TF_HTTP_PASSWORD at plan time (never in the synthesized JSON).
 * - local: `terraform.<stack>.tfstate` in the repository root (relative path, so output is
 *   byte-identical across checkouts; outside cdktf.out, so re-synthesizing never loses it).
 * - s3: bucket from INFRA_STATE_BUCKET, region from INFRA_STATE_REGION (default us-east-1), native
 *   S3 lock file (`use_lockfile`), key `<key>.tfstate`.
 * - gcs: bucket from INFRA_STATE_BUCKET, prefix `<key>` (GCS locks natively).
 */
export type BackendKind = "http" | "local" | "s3" | "gcs";
export const BACKEND_KINDS: readonly BackendKind[] = ["http", "local", "s3", "gcs"];

export interface StateSettings {
  /** State key, e.g. `prod/github`. */
  readonly key: string;
  /** Base URL of the http state server, e.g. `https://terrastate.example.org/state`. */
  readonly httpBaseUrl: string;
}

function backendKind(env: NodeJS.ProcessEnv = process.env): BackendKind {
  const kind = env.INFRA_BACKEND ?? "http";
  if (!BACKEND_KINDS.includes(kind as BackendKind)) {
    throw new UsageError(
      `INFRA_BACKEND=${kind} is not a backend (expected one of ${BACKEND_KINDS.join(", ")})`,
    );
  }
  return kind as BackendKind;
}

/**
 * The oldest Terraform that reads every block the stacks write: `removed` (state adoption) and
 * the S3 backend's `use_lockfile` need 1.7 and 1.10.
 */
export const REQUIRED_TERRAFORM = ">= 1.10";

/** Sets where `stack` keeps its state and the Terraform versions that can work on it. */
export function configureState(
  stack: TerraformStack,
  settings: StateSettings,
  env: NodeJS.ProcessEnv = process.env,
): void {
  stack.addOverride("terraform.required_version", REQUIRED_TERRAFORM);
  const kind = backendKind(env);
  const stackName = stack.node.id;
  switch (kind) {
    case "http": {
      const address = `${settings.httpBaseUrl}/${settings.key}`;
      new HttpBackend(stack, { address, lockAddress: address, unlockAddress: address });
      return;
    }
    case "local":
      new LocalBackend(stack, { path: `../../../terraform.${stackName}.tfstate` });
      return;
    case "s3":
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
      new S3Backend(stack, {
        bucket: requireEnv(env, "INFRA_STATE_BUCKET", kind),
        key: `${settings.key}.tfstate`,
        region: env.INFRA_STATE_REGION ?? "us-east-1",
        encrypt: true,
      });
      return;
    case "gcs":
      new GcsBackend(stack, { bucket: requireEnv(env, "INFRA_STATE_BUCKET", kind), prefix: settings.key });
      return;
  }
}

function requireEnv(env: NodeJS.ProcessEnv, name: string, kind: BackendKind): string {
  const value = env[name];
  if (!value) throw new UsageError(`INFRA_BACKEND=${kind} needs ${name} to be set`);
  return value;
}
