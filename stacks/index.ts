import type { DigitalOceanStack } from "./digitalocean";
import type { FastlyStack } from "./fastly";
import type { GithubStack } from "./github";
import type { HashistackStack } from "./hashistack";
import type { TlsStack } from "./tls";

/** Every Terraform root of the estate, as the app builds them. */
export interface EstateStacks {
  readonly github: GithubStack;
  readonly fastly: FastlyStack;
  readonly digitalocean: DigitalOceanStack;
  readonly hashistack: HashistackStack;
  readonly tls: TlsStack;
}
