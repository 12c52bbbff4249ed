export * from "./ldap-auth";
export * from "./mount";
export * from "./nomad-role";
export * from "./policy";
export * from "./policy-document";
