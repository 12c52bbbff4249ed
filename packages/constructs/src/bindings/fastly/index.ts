/** Hand-written typed bindings for the fastly/fastly Terraform provider (no prebuilt package exists). */
export * from "./provider";
export * from "./service-vcl";
export * from "./tls-subscription";
