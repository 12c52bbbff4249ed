import { App } from "@void-linux/infra-constructs/cdktf";
import { configureState, type StateBackend } from "@void-linux/infra-constructs/terraform";
import { AcmeGithubStack } from "./github";
import { AcmeHashistackStack } from "./hashistack";
import { AcmeInternalStack } from "./internal";
import { AcmeWebStack } from "./web";

/** Where every stack keeps its state: one S3 bucket, with S3's native lock file. */
const STATE: StateBackend = { kind: "s3", bucket: "acme-terraform-state", region: "eu-north-1" };

/**
 * A made-up organization, Acme, built from the same constructs as Void's estate: nothing here
 * knows about Void. One stack per Terraform root, each applied on its own, each with its own
 * state key; the GitHub organization's teams and people are `organization` (`./people.ts` reads
 * them through this repository's one-file flow; an app elsewhere passes its own).
 */
export function acmeApp(outdir: string, organization: ConstructorParameters<typeof AcmeGithubStack>[2]): App {
  const app = new App({ outdir });
  const stacks = [
    new AcmeWebStack(app, "web"),
    new AcmeInternalStack(app, "internal"),
    new AcmeGithubStack(app, "github", organization),
    new AcmeHashistackStack(app, "hashistack"),
  ];
  for (const stack of stacks) configureState(stack, { key: `acme/${stack.node.id}`, backend: STATE });
  return app;
}
