import { App } from "../../runtime/cdktf";
import { AcmeGithubStack } from "./github";
import { AcmeHashistackStack } from "./hashistack";
import { AcmeInternalStack } from "./internal";
import { AcmeWebStack } from "./web";

/**
 * A made-up organization, Acme, built from the same constructs as Void's estate: nothing here
 * knows about Void. One stack per Terraform root, each applied on its own; the GitHub
 * organization's teams and people are `organization` (`./people.ts` reads them).
 */
export function acmeApp(outdir: string, organization: ConstructorParameters<typeof AcmeGithubStack>[2]): App {
  const app = new App({ outdir });
  new AcmeWebStack(app, "web");
  new AcmeInternalStack(app, "internal");
  new AcmeGithubStack(app, "github", organization);
  new AcmeHashistackStack(app, "hashistack");
  return app;
}
