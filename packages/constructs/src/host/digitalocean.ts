import { DataDigitaloceanImage } from "@cdktf/provider-digitalocean/lib/data-digitalocean-image";
import { Droplet } from "@cdktf/provider-digitalocean/lib/droplet";
import { Project } from "@cdktf/provider-digitalocean/lib/project";
import { ProjectResources } from "@cdktf/provider-digitalocean/lib/project-resources";
import { SshKey } from "@cdktf/provider-digitalocean/lib/ssh-key";
import { Vpc } from "@cdktf/provider-digitalocean/lib/vpc";
import { Construct, Lazy, TerraformStack, Token } from "../cdktf";
import { check } from "../core";
import { terraformId, withoutTrailingDot } from "../dns/names";
import { parseSshKey } from "../ssh-key";
import { claimLogicalId } from "../terraform/logical-id";
import type { MachineFactory } from "./machine";

export interface DigitalOceanVpcProps {
  /** VPC name, unique per account. */
  readonly name: string;
  /** Region slug, e.g. `ams3`. */
  readonly region: string;
  /** Private range in CIDR notation. @default DigitalOcean picks one */
  readonly ipRange?: string;
  /** Shown in DigitalOcean's console. @default none */
  readonly description?: string;
}

/** A DigitalOcean VPC that droplets join. */
export class DigitalOceanVpc extends Construct {
  readonly resource: Vpc;
  readonly region: string;

  constructor(scope: Construct, id: string, props: DigitalOceanVpcProps) {
    super(scope, id);
    check(
      this,
      props.ipRange === undefined || /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(props.ipRange),
      () => `ipRange "${props.ipRange}" is not an IPv4 CIDR block (expected e.g. 10.10.10.0/24)`,
    );
    this.resource = new Vpc(this, "vpc", props);
    claimLogicalId(this.resource, terraformId("vpc", props.name));
    this.region = props.region;
  }
}

export interface DigitalOceanSshKeyProps {
  /** Key name shown in the DigitalOcean console. */
  readonly name: string;
  /** OpenSSH public key line (`ssh-ed25519 AAAA... comment`). */
  readonly publicKey: string;
  /** Weakest RSA key accepted; keys already registered may predate today's rules. @default 3072 */
  readonly minRsaBits?: number;
}

/** An SSH public key registered with DigitalOcean, installed into droplets that list it. */
export class DigitalOceanSshKey extends Construct {
  readonly name: string;
  readonly resource: SshKey;

  constructor(scope: Construct, id: string, props: DigitalOceanSshKeyProps) {
    super(scope, id);
    const parsed = parseSshKey(props.publicKey, { minRsaBits: props.minRsaBits });
    check(
      this,
      !("problem" in parsed),
      () => `publicKey of ${props.name} ${"problem" in parsed ? parsed.problem : ""}`,
    );
    this.name = props.name;
    this.resource = new SshKey(this, "key", { name: props.name, publicKey: props.publicKey });
    claimLogicalId(this.resource, terraformId("ssh_key", props.name));
  }
}

/** DigitalOcean project environments. */
export type DigitalOceanEnvironment = "Development" | "Staging" | "Production";

export interface DigitalOceanProjectProps {
  /** Project name, unique per account. */
  readonly name: string;
  /** Shown in DigitalOcean's console. @default none */
  readonly description?: string;
  /** What the project is for, free text. @default none */
  readonly purpose?: string;
  /** The stage DigitalOcean files the project under. @default none */
  readonly environment?: DigitalOceanEnvironment;
  /**
   * The account's default project. Written explicitly, because provider 2.71 sends it on every
   * update (older releases never did). @default false
   */
  readonly isDefault?: boolean;
}

/**
 * A DigitalOcean project plus its `digitalocean_project_resources` membership list, which other
 * constructs extend with {@link DigitalOceanProject.addResource}.
 */
export class DigitalOceanProject extends Construct {
  readonly project: Project;
  readonly members: ProjectResources;
  private readonly urns: string[] = [];

  constructor(scope: Construct, id: string, props: DigitalOceanProjectProps) {
    super(scope, id);
    this.project = new Project(this, "project", { ...props, isDefault: props.isDefault ?? false });
    claimLogicalId(this.project, terraformId("project", props.name));
    this.members = new ProjectResources(this, "resources", {
      project: this.project.id,
      resources: Lazy.listValue({ produce: () => this.urns }),
    });
    claimLogicalId(this.members, terraformId("project_resources", props.name));
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
function dropletImage(scope: Construct, image: DropletImage): string {
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

export interface DigitalOceanDropletProps {
  /** Region slug, e.g. `ams3`; must match the VPC's region. */
  readonly region: string;
  /** Size slug, e.g. `s-1vcpu-1gb`. */
  readonly size: string;
  /** The image: a public one by slug, or a custom image by name. */
  readonly image: DropletImage;
  /** VPC the droplet joins. @default the region's default VPC */
  readonly vpc?: DigitalOceanVpc;
  /** Keys installed for root. @default none */
  readonly sshKeys?: readonly DigitalOceanSshKey[];
  /** Project the droplet joins. @default none (the account's default project) */
  readonly project?: DigitalOceanProject;
  /**
   * Public IPv6 and an AAAA record. Written explicitly: provider 2.71 replaces a droplet whose
   * IPv6 is turned off. @default false
   */
  readonly ipv6?: boolean;
}

/** A DigitalOcean droplet named after the host's absolute name. */
export function digitalOceanDroplet(props: DigitalOceanDropletProps): MachineFactory {
  return ({ scope, name, fqdn }) => {
    check(
      scope,
      !props.vpc || props.vpc.region === props.region,
      () =>
        `droplet region ${props.region} differs from its VPC's region ${props.vpc?.region} (expected the same region)`,
    );
    const droplet = new Droplet(scope, "droplet", {
      name: withoutTrailingDot(fqdn),
      region: props.region,
      size: props.size,
      image: dropletImage(scope, props.image),
      vpcUuid: props.vpc?.resource.id,
      sshKeys: props.sshKeys?.map((key) => key.resource.fingerprint),
      ipv6: props.ipv6 ?? false,
    });
    claimLogicalId(droplet, terraformId("droplet", name));
    props.project?.addResource(droplet.urn);
    return {
      resource: droplet,
      ipv4: droplet.ipv4Address,
      ipv6: props.ipv6 ? droplet.ipv6Address : undefined,
    };
  };
}
