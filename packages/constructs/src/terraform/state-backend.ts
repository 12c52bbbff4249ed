import { GcsBackend, HttpBackend, LocalBackend, S3Backend, type TerraformStack } from "../cdktf";
import { localStatePath } from "./local-state";

/**
 * Where state lives: a state server over http, a local file, an S3 bucket or a GCS bucket. A
 * stack given none keeps a local file all the same (see `local-state.ts`).
 */
export type StateBackend =
  | { readonly kind: "http"; readonly baseUrl: string }
  | { readonly kind: "local" }
  | { readonly kind: "s3"; readonly bucket: string; readonly region: string }
  | { readonly kind: "gcs"; readonly bucket: string };

export interface StateSettings {
  /** State key, e.g. `prod/github`. */
  readonly key: string;
  /** Where the state lives. */
  readonly backend: StateBackend;
}

/**
 * The oldest Terraform that reads every block the stacks write: `removed` (state adoption) and
 * the S3 backend's `use_lockfile` need 1.7 and 1.10.
 */
const REQUIRED_TERRAFORM = ">= 1.10";

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
      new LocalBackend(stack, { path: localStatePath(stack) });
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
