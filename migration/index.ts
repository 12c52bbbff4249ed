/**
 * The adoption of Void's hand-written Terraform state: `moved` and `removed` blocks that map every
 * old address onto the stacks, so the first apply renames instead of replacing. Nothing else in
 * the project knows the old names; once every stack has been applied, delete this folder and its
 * one use in app/void.ts, and the project keeps working with its own addresses.
 */
import { addStateMigration } from "@void-linux/infra-constructs/terraform";
import type { EstateStacks } from "../stacks";
import { digitalOceanMigration } from "./digitalocean";
import { fastlyMigration } from "./fastly";
import { githubMigration } from "./github";
import { hashistackMigration } from "./hashistack";
import { tlsMigration } from "./tls";

export function adoptVoidState(stacks: EstateStacks): void {
  addStateMigration(stacks.github, githubMigration(stacks.github));
  addStateMigration(stacks.fastly, fastlyMigration(stacks.fastly));
  addStateMigration(stacks.digitalocean, digitalOceanMigration(stacks.digitalocean));
  addStateMigration(stacks.hashistack, hashistackMigration(stacks.hashistack));
  addStateMigration(stacks.tls, tlsMigration(stacks.tls));
}
