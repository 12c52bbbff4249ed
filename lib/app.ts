import { App } from "../constructs/cdktf";
import { FastlyStack } from "../stacks/fastly";
import { GithubStack } from "../stacks/github";
import type { Inputs } from "./inputs";

/**
 * Every Terraform root of the estate, one stack each. Stack ids are the directory names under
 * `cdktf.out/stacks/` and the names operators pass to `cdktf deploy`.
 */
export function buildApp(outdir: string, inputs: Inputs): App {
  const app = new App({ outdir, skipValidation: false });
  new GithubStack(app, "github", { roster: inputs.roster });
  new FastlyStack(app, "fastly");
  return app;
}
