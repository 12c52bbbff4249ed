import { join } from "node:path";
import {
  Aspects,
  type IAspect,
  type IConstruct,
  LocalBackend,
  TerraformBackend,
  TerraformStack,
} from "../cdktf";

/**
 * A stack's local state file, relative to the directory Terraform runs it in
 * (`<outdir>/stacks/<stack>/`): `terraform.<stack>.tfstate` beside the outdir, where a re-synth
 * never removes it. Relative, so the synthesized JSON is the same on every machine.
 */
export function localStatePath(stack: TerraformStack): string {
  return `../../../terraform.${stack.node.id}.tfstate`;
}

/**
 * A stack without a backend gets cdktf's local backend at synth, whose path is absolute: the
 * directory of the machine that synthesized, written into the JSON (and into every review diff
 * made elsewhere). This aspect rewrites that default to {@link localStatePath}, the same file when
 * synthesizing from the directory above the outdir; a path someone chose is left alone.
 */
class RelativeDefaultState implements IAspect {
  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const backend = node.node.findAll().find(TerraformBackend.isBackend);
    if (!(backend instanceof LocalBackend)) return;
    const cdktfDefault = join(process.cwd(), `terraform.${node.node.id}.tfstate`);
    if (backend.toTerraform().terraform.backend.local.path === cdktfDefault)
      node.addOverride("terraform.backend.local.path", localStatePath(node));
  }
}

const adopted = new WeakSet<TerraformStack>();

/** Makes `stack`'s default local state relative (once per stack); every stack the library places a resource in gets it. */
export function relativeDefaultState(stack: TerraformStack): void {
  if (adopted.has(stack)) return;
  adopted.add(stack);
  Aspects.of(stack).add(new RelativeDefaultState());
}
