import type { StateBackend } from "@void-linux/infra-constructs/terraform";
import { UsageError } from "../runtime/errors";

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
const BACKEND_KINDS: readonly StateBackend["kind"][] = ["http", "local", "s3", "gcs"];

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
