import { z } from "zod";
import { distinct, fields, name, text } from "./fields";

const disposition = z.enum(["read", "write", "deny"]);
const named = z.record(z.string(), disposition).optional();
const namedKeys = z.record(z.string(), z.enum(["read", "write", "deny", "list"])).optional();

/** `estate/consul.yaml`: Consul's ACL policies (the base module provides the agents' own). */
export const consulSchema = fields({
  policies: z
    .array(
      fields({
        name,
        description: text.optional(),
        rules: fields({
          acl: disposition.optional(),
          operator: disposition.optional(),
          mesh: disposition.optional(),
          peering: disposition.optional(),
          keyring: disposition.optional(),
          agent: named,
          agentPrefix: named,
          event: named,
          eventPrefix: named,
          key: namedKeys,
          keyPrefix: namedKeys,
          node: named,
          nodePrefix: named,
          query: named,
          queryPrefix: named,
          service: named,
          servicePrefix: named,
          session: named,
          sessionPrefix: named,
        }).describe("Rules by resource; named resources map a name (or prefix) to read, write or deny."),
        datacenters: distinct(name).optional(),
      }),
    )
    .describe("ACL policies."),
}).describe("Void's Consul ACL policies.");

export type ConsulFile = z.output<typeof consulSchema>;
