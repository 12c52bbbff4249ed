import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { output, sentences } from "../../../support/review-diff";

const service = (job: string, names: string[], fields: Record<string, unknown> = {}) => ({
  service: null,
  job,
  namespace: "apps",
  datacenters: ["VOID"],
  tier: "omniproxy",
  names,
  meta: { nginx_enable: "true", nginx_names: names.join(" ") },
  ...fields,
});

function services(list: ReturnType<typeof service>[], members = ["d-hel-fi.m.voidlinux.org"]) {
  return output(
    {},
    {
      "v0/services.json": [
        "proxied-services",
        {
          zone: "voidlinux.org",
          tiers: [
            {
              tier: "omniproxy",
              name: "omniproxy.voidlinux.org",
              job: "nginx",
              namespace: "mirror",
              datacenter: "VOID-MIRROR",
              members,
            },
          ],
          services: list,
          fragments: [],
        },
      ],
    },
  );
}

describe("the proxied services", () => {
  test("a service published, a name added, one withdrawn, a tier member added", () => {
    const base = services([
      service("grafana", ["grafana.voidlinux.org"]),
      service("devspace", ["devspace-sftp.voidlinux.org"], { service: "devspace-sftp" }),
      service("pad", ["pad.voidlinux.org"]),
    ]);
    const head = services(
      [
        service("grafana", ["grafana.voidlinux.org", "grafana.s.voidlinux.org"]),
        service("devspace", ["devspace-sftp.voidlinux.org"], { service: "devspace-sftp" }),
        service("devspace", ["devspace.voidlinux.org"]),
      ],
      ["d-hel-fi.m.voidlinux.org", "a-fra-de.m.voidlinux.org"],
    );
    assert.deepEqual(sentences(base, head), [
      "! stops publishing `pad.voidlinux.org` (job `pad` in `apps`)",
      "publishes `devspace.voidlinux.org` (job `devspace` in `apps`) through `omniproxy`",
      "adds `a-fra-de.m.voidlinux.org` to proxy tier `omniproxy`",
      "publishes `grafana.s.voidlinux.org` for job `grafana` in `apps`",
    ]);
  });
});
