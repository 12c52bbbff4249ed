import { App, DISABLE_STACK_TRACE_IN_METADATA } from "@void-linux/infra-constructs/cdktf";
import type { StateSettings } from "@void-linux/infra-constructs/terraform";
import type { Inputs } from "../inputs";
import { skipTokenStackTraces } from "../runtime/stack-traces";
import type { EstateStacks } from "../stacks";
import { DigitalOceanStack } from "../stacks/digitalocean";
import { FastlyStack } from "../stacks/fastly";
import { GithubStack } from "../stacks/github";
import { HashistackStack } from "../stacks/hashistack";
import { TlsStack } from "../stacks/tls";
import { stateBackendFromEnv } from "./backend";

/** How an app adopts an older state, if any; what it is built from is the checkout's data ({@link Inputs}). */
export interface AppSpec {
  /** Adds `moved`/`removed` blocks that map an older state's addresses onto the stacks; default none. */
  readonly adopt?: (stacks: EstateStacks) => void;
}

/**
 * Every Terraform root of the estate, one stack each, built from the validated data files. Stack ids are the directory names under `cdktf.out/stacks/` and the names operators
 * pass to `cdktf deploy`.
 */
export function buildApp(
  outdir: string,
  { adopt }: AppSpec,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
): { readonly app: App; readonly stacks: EstateStacks } {
  const { estate } = inputs;
  skipTokenStackTraces();
  // Without stack traces, annotations carry no absolute paths: output is identical across checkouts.
  const app = new App({ outdir, context: { [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  const backend = stateBackendFromEnv(env, estate.state.httpBaseUrl);
  const state = (stack: string): StateSettings => {
    const key = estate.state.keys[stack];
    if (key === undefined) throw new Error(`estate.state.keys has no key for stack ${stack}`);
    return { key, backend };
  };
  const github = new GithubStack(app, "github", {
    github: estate.github,
    roster: inputs.roster,
    state: state("github"),
  });
  const fastly = new FastlyStack(app, "fastly", { cdn: estate.fastly, state: state("fastly") });
  const digitalocean = new DigitalOceanStack(app, "digitalocean", {
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
  const tls = new TlsStack(app, "tls", {
    tls: estate.tls,
    namespaces: hashistack.namespaces,
    state: state("tls"),
  });
  const stacks: EstateStacks = { github, fastly, digitalocean, hashistack, tls };
  adopt?.(stacks);
  return { app, stacks };
}
