import { App, DISABLE_STACK_TRACE_IN_METADATA } from "@void-linux/infra-constructs/cdktf";
import type { Inputs } from "../inputs";
import { UsageError } from "../runtime/errors";
import { skipTokenStackTraces } from "../runtime/stack-traces";
import { type EstateStacks, STACKS } from "../stacks";
import { stateBackendFromEnv } from "./backend";

/** How an app adopts an older state, if any; what it is built from is the checkout's data ({@link Inputs}). */
export interface AppSpec {
  /** Adds `moved`/`removed` blocks that map an older state's addresses onto the stacks; default none. */
  readonly adopt?: (stacks: EstateStacks) => void;
}

/**
 * Every Terraform root of the estate, one stack per entry of the stack registry (`stacks/registry.ts`),
 * built from the validated data files. Stack ids are the directory names under `cdktf.out/stacks/`
 * and the names operators pass to `cdktf deploy`.
 */
export function buildApp(
  outdir: string,
  { adopt }: AppSpec,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
): { readonly app: App; readonly stacks: EstateStacks } {
  skipTokenStackTraces();
  const { state } = inputs.estate;
  const undeclared = STACKS.stacks.filter(
    ({ stateKey }) => !state.projects.includes(stateKey.split("/")[0] ?? ""),
  );
  if (undeclared.length > 0)
    throw new UsageError(
      undeclared
        .map(
          ({ id, stateKey }) =>
            `stack ${id}: state key ${stateKey} is in no project of the state server (expected one of ${state.projects.join(", ")}: estate/state.ts)`,
        )
        .join("\n"),
    );
  // Without stack traces, annotations carry no absolute paths: output is identical across checkouts.
  const app = new App({ outdir, context: { [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  const stacks = STACKS.build(app, inputs, stateBackendFromEnv(env, state.httpBaseUrl));
  adopt?.(stacks);
  return { app, stacks };
}
