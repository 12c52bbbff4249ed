import { absoluteName, relativeName, withoutTrailingDot } from "../constructs/dns";
import { VOID_ZONE } from "../estate/dns";
import { MACHINE_SUBDOMAIN } from "../estate/hosts";
import { HASHI_UIS, PROXIED_SERVICES, PROXY_TIERS, type ProxyTierName } from "../estate/services";

/** Host name as nginx and Consul meta spell it: absolute, no trailing dot. */
function hostName(name: string): string {
  const relative = relativeName(VOID_ZONE, name);
  if ("problem" in relative) throw new Error(relative.problem);
  return withoutTrailingDot(absoluteName(VOID_ZONE, relative.name));
}

/**
 * The proxied-services artifact (`services/proxied.json` next to the mirror list): the proxy
 * tiers, every service consul-template publishes with the `nginx_names` meta it must carry, and
 * the fixed site-fragment names. Deterministic: estate order, two-space indent, final newline.
 */
export function proxiedServicesJson(): string {
  const document = {
    zone: VOID_ZONE,
    tiers: (Object.entries(PROXY_TIERS) as [ProxyTierName, (typeof PROXY_TIERS)[ProxyTierName]][]).map(
      ([tier, spec]) => ({
        tier,
        name: hostName(tier),
        job: spec.job,
        namespace: spec.namespace,
        datacenter: spec.datacenter,
        members: spec.members.map((member) => hostName(`${member}.${MACHINE_SUBDOMAIN}`)),
      }),
    ),
    services: PROXIED_SERVICES.map((service) => {
      const names = service.names.map(hostName);
      return {
        service: service.service ?? null,
        job: service.job,
        namespace: service.namespace,
        datacenters: service.datacenters,
        tier: service.tier,
        names,
        meta: { nginx_enable: "true", nginx_names: names.join(" ") },
      };
    }),
    fragments: HASHI_UIS.map((ui) => ({
      name: hostName(ui.name),
      tier: ui.tier,
      upstream: ui.upstream,
      fragment: ui.fragment,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
