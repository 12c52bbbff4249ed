import { DataDigitaloceanImage } from "@cdktf/provider-digitalocean/lib/data-digitalocean-image";
import { Project } from "@cdktf/provider-digitalocean/lib/project";
import { ProjectResources } from "@cdktf/provider-digitalocean/lib/project-resources";
import { SshKey } from "@cdktf/provider-digitalocean/lib/ssh-key";
import { Vpc } from "@cdktf/provider-digitalocean/lib/vpc";
import sshpk from "sshpk";
import { Construct, Lazy, TerraformStack, Token } from "../cdktf";
import { terraformId } from "../dns";
import { claimLogicalId } from "../terraform/logical-id";
import { check } from "../validation";

export interface DigitalOceanVpcProps {
  /** VPC name, unique per account. */
  readonly name: string;
  /** Region slug, e.g. `sfo3`. */
  readonly region: string;
  /** Private range in CIDR notation; default: DigitalOcean picks one. */
  readonly ipRange?: string;
  /** Default none. */
  readonly description?: string;
}

/** A DigitalOcean VPC that droplets join. */
export class DigitalOceanVpc extends Construct {
  readonly id: string;
  readonly region: string;

  constructor(scope: Construct, id: string, props: DigitalOceanVpcProps) {
    super(scope, id);
    check(
      this,
      props.ipRange === undefined || /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(props.ipRange),
      () => `ipRange "${props.ipRange}" is not an IPv4 CIDR block (expected e.g. 10.10.10.0/24)`,
    );
    const vpc = new Vpc(this, "vpc", props);
    claimLogicalId(vpc, terraformId("vpc", props.name), { owner: this, what: `vpc ${props.name}` });
    this.id = vpc.id;
    this.region = props.region;
  }
}

export interface DigitalOceanSshKeyProps {
  /** Key name shown in the DigitalOcean console. */
  readonly name: string;
  /** OpenSSH public key line (`ssh-ed25519 AAAA... comment`). */
  readonly publicKey: string;
}

/** An SSH public key registered with DigitalOcean, installed into droplets that list it. */
export class DigitalOceanSshKey extends Construct {
  readonly fingerprint: string;

  constructor(scope: Construct, id: string, props: DigitalOceanSshKeyProps) {
    super(scope, id);
    let parsed = true;
    try {
      sshpk.parseKey(props.publicKey, "ssh");
    } catch {
      parsed = false;
    }
    check(
      this,
      parsed,
      `publicKey of ${props.name} is not an OpenSSH public key (expected "<type> <base64> [comment]")`,
    );
    const key = new SshKey(this, "key", props);
    claimLogicalId(key, terraformId("ssh_key", props.name), { owner: this, what: `ssh key ${props.name}` });
    this.fingerprint = key.fingerprint;
  }
}

/** DigitalOcean project environments. */
export type DigitalOceanEnvironment = "Development" | "Staging" | "Production";

export interface DigitalOceanProjectProps {
  readonly name: string;
  /** Default none. */
  readonly description?: string;
  /** Free text; default none. */
  readonly purpose?: string;
  /** Default none. */
  readonly environment?: DigitalOceanEnvironment;
}

/**
 * A DigitalOcean project plus its `digitalocean_project_resources` membership list, which other
 * constructs extend with {@link DigitalOceanProject.addResource}.
 */
export class DigitalOceanProject extends Construct {
  readonly id: string;
  private readonly urns: string[] = [];

  constructor(scope: Construct, id: string, props: DigitalOceanProjectProps) {
    super(scope, id);
    const project = new Project(this, "project", props);
    const name = terraformId("project", props.name);
    claimLogicalId(project, name, { owner: this, what: `project ${props.name}` });
    const members = new ProjectResources(this, "resources", {
      project: project.id,
      resources: Lazy.listValue({ produce: () => this.urns }),
    });
    claimLogicalId(members, terraformId("project_resources", props.name), {
      owner: this,
      what: `project ${props.name}`,
    });
    this.id = project.id;
  }

  /** Adds a resource (by its `urn` attribute) to the project. */
  addResource(urn: string): this {
    this.urns.push(urn);
    return this;
  }
}

/** A droplet image: a public slug (`ubuntu-24-04-x64`) or a custom image looked up by name. */
export type DropletImage = { readonly slug: string } | { readonly name: string };

/**
 * Resolves an image to the value a droplet's `image` takes. A custom image is looked up by name
 * with one data source per stack, shared by every droplet that uses it.
 */
export function dropletImage(scope: Construct, image: DropletImage): string {
  if ("slug" in image) return image.slug;
  const stack = TerraformStack.of(scope);
  const id = terraformId("image", image.name);
  let data = stack.node.tryFindChild(id) as DataDigitaloceanImage | undefined;
  if (!data) {
    data = new DataDigitaloceanImage(stack, id, { name: image.name });
    data.overrideLogicalId(id);
  }
  return Token.asString(data.id);
}
