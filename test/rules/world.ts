import { type Inputs, loadInputs } from "../../inputs";
import type { Estate } from "../../inputs/estate";
import { synthApp } from "../support/app";
import type { StackJson } from "../support/synth";

/** Everything a rule looks at: the data as loaded, and the app synthesized from it. */
export interface World {
  /** Checkout the data files were read from. */
  readonly root: string;
  readonly estate: Estate;
  readonly inputs: Inputs;
  /** The synthesized `cdk.tf.json` of each stack, by name. */
  readonly stacks: ReadonlyMap<string, StackJson>;
}

/** Loads and synthesizes a checkout's data the way `npm run synth` does; data errors throw. */
export function buildWorld(root: string): World {
  const inputs = loadInputs(root);
  const { files } = synthApp({ root });
  const stacks = new Map(
    [...files].flatMap(([path, text]) => {
      const name = /^stacks\/([^/]+)\/cdk\.tf\.json$/.exec(path)?.[1];
      return name ? [[name, JSON.parse(text) as StackJson] as const] : [];
    }),
  );
  return { root, estate: inputs.estate, inputs, stacks };
}

/** The resources of `type` in `stack`, by logical id. */
export function resources(
  world: World,
  stack: string,
  type: string,
): Record<string, Record<string, unknown>> {
  return world.stacks.get(stack)?.resource?.[type] ?? {};
}

/** A copy of `world` whose stack `name` went through `edit`, for fixtures that break an output rule. */
export function withStack(world: World, name: string, edit: (stack: StackJson) => void): World {
  const stack = structuredClone(world.stacks.get(name) ?? {});
  edit(stack);
  return { ...world, stacks: new Map([...world.stacks, [name, stack]]) };
}
