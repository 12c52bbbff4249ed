import { GcsBackend, HttpBackend, LocalBackend, S3Backend, type TerraformStack } from "../constructs/cdktf";
import { UsageError } from "./cli";

/**
 * Where every stack keeps its Terraform state, chosen once for the whole app from the
 * `INFRA_BACKEND` environment variable (http | local | s3 | gcs), default http.
 *
 * - http: a terrastate-style server; address = lock = unlock = `<baseUrl>/<key>`, credentials from
 *   TF_HTTP_USERNAME / TF_HTTP_PASSWORD at plan time (never in the synthesized JSON).
 * - local: `terraform.<stack>.tfstate` in the repository root (relative path, so output is
 *   byte-identical across checkouts; outside cdktf.out, so re-synthesizing never loses it).
 * - s3: bucket from INFRA_STATE_BUCKET, region from INFRA_STATE_REGION (default us-east-1), native
 *   S3 lock file (`use_lockfile`), key `<key>.tfstate`.
 * - gcs: bucket from INFRA_STATE_BUCKET, prefix `<key>` (GCS locks natively).
 */
export type StateBackend =
  | { readonly kind: "http"; readonly baseUrl: string }
  | { readonly kind: "local" }
  | { readonly kind: "s3"; readonly bucket: string; readonly region: string }
  | { readonly kind: "gcs"; readonly bucket: string };

export const BACKEND_KINDS: readonly StateBackend["kind"][] = ["http", "local", "s3", "gcs"];

/** The backend `env` asks for; `httpBaseUrl` is the organization's state server. */
export function stateBackendFromEnv(env: NodeJS.ProcessEnv, httpBaseUrl: string): StateBackend {
  const kind = env.INFRA_BACKEND ?? "http";
  const bucket = () => {
    const value = env.INFRA_STATE_BUCKET;
    if (!value) throw new UsageError(`INFRA_BACKEND=${kind} needs INFRA_STATE_BUCKET to be set`);
    return value;
  };
  switch (kind) {
    case "http":
      return { kind, baseUrl: httpBaseUrl };
    case "local":
      return { kind };
    case "s3":
      return { kind, bucket: bucket(), region: env.INFRA_STATE_REGION ?? "us-east-1" };
    case "gcs":
      return { kind, bucket: bucket() };
    default:
      throw new UsageError(
        `INFRA_BACKEND=${kind} is not a backend (expected one of ${BACKEND_KINDS.join(", ")})`,
      );
  }
}

export interface StateSettings {
  /** State key, e.g. `prod/github`. */
  readonly key: string;
  readonly backend: StateBackend;
}

/**
 * The oldest Terraform that reads every block the stacks write: `removed` (state adoption) and
 * the S3 backend's `use_lockfile` need 1.7 and 1.10.
 */
export const REQUIRED_TERRAFORM = ">= 1.10";

/** Sets where `stack` keeps its state and the Terraform versions that can work on it. */
export function configureState(stack: TerraformStack, { key, backend }: StateSettings): void {
  stack.addOverride("terraform.required_version", REQUIRED_TERRAFORM);
  switch (backend.kind) {
    case "http": {
      const address = `${backend.baseUrl}/${key}`;
      new HttpBackend(stack, { address, lockAddress: address, unlockAddress: address });
      return;
    }
    case "local":
      new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
      return;
    case "s3":
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: `${key}.tfstate`,
        region: backend.region,
        encrypt: true,
      });
      return;
    case "gcs":
      new GcsBackend(stack, { bucket: backend.bucket, prefix: key });
      return;
  }
}
