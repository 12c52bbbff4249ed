import { buildApp } from "../../app/app";
import type { EstateStacks } from "../../stacks";
import { adoptionInputs } from "./app";
import { tempDir } from "./project";

/** Every stack built from the adoption data as the app builds them, without the adoption of old state. */
export function adoptionStacks(): EstateStacks {
  return buildApp(tempDir("stacks-"), {}, adoptionInputs(), {}).stacks;
}
