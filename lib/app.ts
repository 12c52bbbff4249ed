import { App, DISABLE_STACK_TRACE_IN_METADATA } from "../constructs/cdktf";
import type { Estate } from "../estate";
import { DigitalOceanStack } from "../stacks/digitalocean";
import { FastlyStack } from "../stacks/fastly";
import { GithubStack } from "../stacks/github";
import { HashistackStack } from "../stacks/hashistack";
import { TlsStack } from "../stacks/tls";
import { type StateSettings, stateBackendFromEnv } from "./backend";
import type { Inputs } from "./inputs";

/**
 * Every Terraform root of the estate, one stack each, built from the estate and the validated
 * data files. Stack ids are the directory names under `cdktf.out/stacks/` and the names operators
 * pass to `cdktf deploy`.
 */
export function buildApp(outdir: string, estate: Estate, inputs: Inputs, env: NodeJS.ProcessEnv): App {
  // Without stack traces, annotations carry no absolute paths: output is identical across checkouts.
  const app = new App({ outdir, context: { [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  const backend = stateBackendFromEnv(env, estate.state.httpBaseUrl);
  const state = (stack: string): StateSettings => {
    const key = estate.state.keys[stack];
    if (key === undefined) throw new Error(`estate.state.keys has no key for stack ${stack}`);
    return { key, backend };
  };
  new GithubStack(app, "github", { github: estate.github, roster: inputs.roster, state: state("github") });
  new FastlyStack(app, "fastly", { cdn: estate.fastly, state: state("fastly") });
  new DigitalOceanStack(app, "digitalocean", {
    dns: estate.dns,
    hosts: estate.hosts,
    services: estate.services,
    cdn: estate.fastly,
    mirrorList: inputs.mirrors,
    state: state("digitalocean"),
  });
  const hashistack = new HashistackStack(app, "hashistack", {
    hashistack: estate.hashistack,
    state: state("hashistack"),
  });
  new TlsStack(app, "tls", { tls: estate.tls, namespaces: hashistack.namespaces, state: state("tls") });
  return app;
}
