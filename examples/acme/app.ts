import { App } from "@void-linux/infra-constructs/cdktf";
import { AcmeGithubStack } from "./github";
import { AcmeHashistackStack } from "./hashistack";
import { AcmeInternalStack } from "./internal";
import { AcmeWebStack } from "./web";

/**
 * A made-up organization, Acme, built from the same constructs as Void's estate: nothing here
 * knows about Void. One stack per Terraform root, each applied on its own.
 */
export function acmeApp(outdir: string): App {
  const app = new App({ outdir });
  new AcmeWebStack(app, "web");
  new AcmeInternalStack(app, "internal");
  new AcmeGithubStack(app, "github");
  new AcmeHashistackStack(app, "hashistack");
  return app;
}
