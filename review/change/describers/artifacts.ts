import { netauthEntity, netauthGroup } from "./access";
import { ansibleHost } from "./inventory";
import { artifactText, prometheusTarget, xmirrorMirror } from "./mirrors";
import { proxiedService, proxyTier, siteFragment } from "./services";
import type { Describer } from "./shared";

/** One describer per entry type of the generated artifacts (`review/diff/artifacts.ts` makes the entries). */
export const ARTIFACT_DESCRIBERS: Readonly<Record<string, Describer>> = {
  netauth_entity: netauthEntity,
  netauth_group: netauthGroup,
  xmirror_mirror: xmirrorMirror,
  prometheus_target: prometheusTarget,
  proxied_service: proxiedService,
  proxy_tier: proxyTier,
  site_fragment: siteFragment,
  ansible_host: ansibleHost,
  artifact_text: artifactText,
};
