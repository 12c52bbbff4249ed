import { cpSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, tempDir } from "./project";

/** Another organization's checkout: examples/acme, its people and its definition. */
export const ACME_ROOT = join(REPO_ROOT, "examples", "acme");

/** A scratch copy of Acme's data (`organization.yaml`, `maintainers/`), to change and run the real commands on. */
export function acmeCheckout(): string {
  const dir = tempDir("acme-checkout-");
  cpSync(join(ACME_ROOT, "organization.yaml"), join(dir, "organization.yaml"));
  cpSync(join(ACME_ROOT, "maintainers"), join(dir, "maintainers"), { recursive: true });
  return dir;
}
