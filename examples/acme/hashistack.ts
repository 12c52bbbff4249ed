import { VaultProvider } from "@cdktf/provider-vault/lib/provider";
import { ConsulProvider } from "@void-linux/infra-constructs/bindings/consul";
import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { ConsulAclPolicy, ConsulAclRole } from "@void-linux/infra-constructs/consul";
import {
  NomadAclPolicy,
  NomadAclRole,
  NomadNamespace,
  nomadProvider,
} from "@void-linux/infra-constructs/nomad";
import { VaultMount, VaultNomadRole, VaultPolicy } from "@void-linux/infra-constructs/vault";

/** Acme's Nomad namespace, deploy policy and role, a Consul role for metrics, and the Vault role and policy that hand out its tokens. */
export class AcmeHashistackStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    nomadProvider(this, "nomad-provider");
    new VaultProvider(this, "vault-provider");
    new ConsulProvider(this, "consul-provider");

    const web = new NomadNamespace(this, "web", { name: "web", description: "Public services" });
    const deploy = new NomadAclPolicy(this, "web-deploy", {
      name: "web-deploy",
      description: "Deploy and operate jobs in web",
      namespaces: [{ namespace: web, policy: "write" }],
    });
    new NomadAclRole(this, "web-operators", { name: "web-operators", policies: [deploy] });
    const metrics = new ConsulAclPolicy(this, "metrics", {
      name: "metrics",
      rules: { service: { prometheus: "write" }, nodePrefix: { "": "read" } },
    });
    new ConsulAclRole(this, "monitoring", { name: "monitoring", policies: [metrics] });
    const nomad = new VaultMount(this, "nomad", { path: "nomad", type: "nomad" });
    const role = new VaultNomadRole(this, "web-deployer", {
      mount: nomad,
      name: "web-deployer",
      policies: [deploy],
    });
    new VaultPolicy(this, "ci-deploy", {
      name: "ci-deploy",
      rules: [
        { path: role.credentialsPath, capabilities: ["read"], description: "Nomad tokens for deploys" },
      ],
    });
  }
}
