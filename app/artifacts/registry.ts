import type { Inputs } from "../../inputs";
import type { ArtifactKind } from "../../review/diff/artifacts";
import { ARTIFACTS_MANIFEST } from "../../review/diff/read";
import { accessJson, netauthAccess } from "./access";
import { inventoryJson } from "./inventory";
import { renderMirrorsJson, renderMirrorsLst, renderPrometheusTargets } from "./mirrors";
import { netauthScript } from "./netauth-script";
import { proxiedServicesJson } from "./services";
import { type Artifact, writeArtifactFiles } from "./write";

/** What an artifact is made from: the checkout's validated data. */
export type ArtifactSources = Pick<Inputs, "estate" | "roster" | "mirrors">;

/**
 * The command that writes an artifact on its own (`npm run <command> -- --out <dir>`), with what
 * that command reads; `synth` writes every artifact, some of them only.
 */
interface CommandSources {
  readonly access: Pick<ArtifactSources, "estate" | "roster">;
  readonly mirrors: Pick<ArtifactSources, "estate" | "mirrors">;
  readonly synth: ArtifactSources;
}

/** One file the app generates besides the Terraform stacks. */
export type GeneratedArtifact = {
  [C in keyof CommandSources]: {
    /** Relative path with `/` separators, the same under `cdktf.out/artifacts/` and under `--out`. */
    readonly path: string;
    /** Its format, which tells the review diff how to read and describe it. */
    readonly kind: ArtifactKind;
    /** The artifact it only restates in another form, if any. */
    readonly derivedFrom?: string;
    readonly command: C;
    readonly render: (sources: CommandSources[C]) => string;
  };
}[keyof CommandSources];

/**
 * Every artifact of the app: the one list synth writes into `cdktf.out/artifacts/`, the review diff
 * compares, and `npm run access` and `npm run mirrors` write. Adding an artifact is one entry here
 * (and, for a new kind, its reader and describer in `review/`).
 */
export const ARTIFACTS: readonly GeneratedArtifact[] = [
  {
    path: "netauth/access.json",
    kind: "netauth-access",
    command: "access",
    render: ({ roster, estate }) => accessJson(roster, estate),
  },
  {
    // The commands that make NetAuth say what access.json says (docs/access.md).
    path: "netauth/reconcile.sh",
    kind: "text",
    derivedFrom: "netauth/access.json",
    command: "access",
    render: ({ roster, estate }) => netauthScript(netauthAccess(roster, estate)),
  },
  {
    path: "v0/mirrors.json",
    kind: "xmirror-mirrors",
    command: "mirrors",
    render: ({ mirrors }) => renderMirrorsJson(mirrors),
  },
  {
    path: "raw/mirrors.lst",
    kind: "text",
    derivedFrom: "v0/mirrors.json",
    command: "mirrors",
    render: ({ mirrors }) => renderMirrorsLst(mirrors),
  },
  {
    path: "metrics/prometheus.json",
    kind: "prometheus-targets",
    derivedFrom: "v0/mirrors.json",
    command: "mirrors",
    render: ({ mirrors }) => renderPrometheusTargets(mirrors),
  },
  {
    // What ansible/inventory.cjs prints for `--list`: the machines as Ansible sees them.
    path: "ansible/inventory.json",
    kind: "ansible-inventory",
    command: "synth",
    render: ({ estate }) => inventoryJson(estate),
  },
  {
    // The proxied services, for consul-template or any other tool that needs the published names.
    path: "v0/services.json",
    kind: "proxied-services",
    command: "mirrors",
    render: ({ estate }) => proxiedServicesJson(estate),
  },
];

/** Every artifact, rendered: what synth writes. */
function renderArtifacts(sources: ArtifactSources): Artifact[] {
  return ARTIFACTS.map((artifact) => ({ path: artifact.path, content: artifact.render(sources) }));
}

/** The artifacts `npm run <command>` writes, rendered from what that command reads. */
export function renderCommandArtifacts<C extends Exclude<keyof CommandSources, "synth">>(
  command: C,
  sources: CommandSources[C],
): Artifact[] {
  return ARTIFACTS.filter((a) => a.command === command).map((artifact) => ({
    path: artifact.path,
    // Its entry's type says it reads only what its command reads.
    content: (artifact.render as (s: CommandSources[C]) => string)(sources),
  }));
}

/**
 * Every artifact under `dir` (synth's `artifacts/`), and `manifest.json` recording each one's kind,
 * so a review reads each file as what it is.
 */
export function writeSynthArtifacts(dir: string, sources: ArtifactSources): void {
  const artifacts = Object.fromEntries(
    ARTIFACTS.map(({ path, kind, derivedFrom }) => [path, { kind, ...(derivedFrom && { derivedFrom }) }]),
  );
  writeArtifactFiles(dir, [
    ...renderArtifacts(sources),
    { path: ARTIFACTS_MANIFEST, content: `${JSON.stringify({ artifacts }, null, 2)}\n` },
  ]);
}
