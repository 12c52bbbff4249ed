import { FastlyProvider } from "@void-linux/infra-constructs/bindings/fastly";
import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { CdnFront } from "@void-linux/infra-constructs/cdn";
import { configureState, type StateSettings } from "@void-linux/infra-constructs/terraform";
import type { CdnFrontSpec } from "../estate/fastly";

export interface FastlyStackProps {
  readonly cdn: CdnFrontSpec;
  readonly state: StateSettings;
}

/**
 * The Fastly root: the CDN service and its TLS subscription. Its DNS records live in the zone of
 * the digitalocean stack, so this stack holds exactly the two Fastly resources.
 */
export class FastlyStack extends TerraformStack {
  readonly front: CdnFront;

  constructor(scope: Construct, id: string, props: FastlyStackProps) {
    super(scope, id);
    configureState(this, props.state);
    new FastlyProvider(this, "fastly");
    this.front = new CdnFront(this, "repo-fastly", props.cdn);
  }
}
