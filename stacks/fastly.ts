import { FastlyProvider } from "../bindings/fastly";
import { type Construct, TerraformStack } from "../constructs/cdktf";
import { CdnFront } from "../constructs/cdn";
import { REPO_FASTLY } from "../estate/fastly";
import { TERRASTATE_BASE_URL } from "../estate/state";
import { configureState } from "../lib/backend";

/**
 * Void's Fastly root: the CDN service for repo-fastly.voidlinux.org and its TLS subscription. Its
 * two DNS records live in the voidlinux.org zone of the digitalocean stack (see
 * `REPO_FASTLY_DNS_RECORDS`), so this stack holds exactly the two Fastly resources.
 */
export class FastlyStack extends TerraformStack {
  readonly repo: CdnFront;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureState(this, { key: "prod/fastly", httpBaseUrl: TERRASTATE_BASE_URL });
    new FastlyProvider(this, "fastly");
    this.repo = new CdnFront(this, "repo-fastly", REPO_FASTLY);
  }
}
