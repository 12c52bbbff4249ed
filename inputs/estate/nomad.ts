import {
  NAMESPACE_CAPABILITIES,
  VARIABLE_CAPABILITIES,
} from "@void-linux/infra-constructs/nomad/policy-document";
import { z } from "zod";
import { datacenterName, distinct, fields, name, text } from "./fields";

const coarse = z.enum(["deny", "read", "write"]);

/** A namespace by name, or a glob such as `*` that matches several. */
const namespacePattern = z.string().regex(/^[A-Za-z0-9*][A-Za-z0-9*._-]{0,99}$/, {
  error: "is not a namespace name or glob (expected a name such as apps, or a glob such as *)",
});

/** `estate/nomad.yaml`: Nomad's datacenters, namespaces, scheduler and ACL policies. */
export const nomadSchema = fields({
  datacenters: distinct(datacenterName)
    .min(1)
    .describe("The datacenters clients join; machines and jobs name them."),
  namespaces: z
    .array(
      fields({
        name: name,
        description: text.optional(),
        meta: z.record(z.string(), z.string()).optional(),
      }),
    )
    .min(1)
    .describe("The namespaces jobs run in."),
  scheduler: fields({
    algorithm: z.enum(["binpack", "spread"]).optional(),
    memoryOversubscription: z.boolean().optional(),
    preemption: distinct(z.enum(["system", "batch", "service", "sysbatch"])).optional(),
  }).describe("The scheduler configuration."),
  policies: z
    .array(
      fields({
        name: name,
        description: text,
        namespaces: z
          .array(
            fields({
              namespace: namespacePattern,
              policy: z.enum(["deny", "read", "write", "scale"]).optional(),
              capabilities: distinct(z.enum(NAMESPACE_CAPABILITIES)).optional(),
              variables: z
                .array(
                  fields({
                    path: z.string().min(1).describe("Variable path or glob, e.g. nomad/jobs/nginx."),
                    capabilities: distinct(z.enum(VARIABLE_CAPABILITIES)).min(1),
                  }),
                )
                .optional(),
            }),
          )
          .optional()
          .describe("Rules per namespace (or glob)."),
        node: coarse.optional(),
        agent: coarse.optional(),
        operator: coarse.optional(),
        quota: coarse.optional(),
        plugin: z.enum(["deny", "read", "list"]).optional(),
        jobAcl: fields({
          namespace: name,
          job: name,
          group: name.optional(),
          task: name.optional(),
        })
          .optional()
          .describe("Attach the policy to a job's workload identity."),
      }),
    )
    .describe("ACL policies."),
}).describe("Void's Nomad: datacenters, namespaces, scheduler and ACL policies.");

export type NomadFile = z.output<typeof nomadSchema>;
