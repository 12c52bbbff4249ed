import { App, DISABLE_STACK_TRACE_IN_METADATA } from "../constructs/cdktf";
import { DigitalOceanStack } from "../stacks/digitalocean";
import { FastlyStack } from "../stacks/fastly";
import { GithubStack } from "../stacks/github";
import { HashistackStack } from "../stacks/hashistack";
import { TlsStack } from "../stacks/tls";
import type { Inputs } from "./inputs";

/**
 * Every Terraform root of the estate, one stack each. Stack ids are the directory names under
 * `cdktf.out/stacks/` and the names operators pass to `cdktf deploy`.
 */
export function buildApp(outdir: string, inputs: Inputs): App {
  // Without stack traces, annotations carry no absolute paths: output is identical across checkouts.
  const app = new App({ outdir, context: { [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  new GithubStack(app, "github", { roster: inputs.roster });
  new FastlyStack(app, "fastly");
  new DigitalOceanStack(app, "digitalocean", { mirrorList: inputs.mirrors });
  const hashistack = new HashistackStack(app, "hashistack");
  new TlsStack(app, "tls", { namespaces: hashistack.namespaces });
  return app;
}
