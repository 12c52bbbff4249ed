import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NomadNamespace, type NomadVariable } from "@void-linux/infra-constructs/nomad";
import { AcmeCertificate, type AcmeCertificateProps } from "@void-linux/infra-constructs/tls";
import { errorOf, synthValidated } from "../../../support/hashi";
import { addressOf, resourcesOf } from "../../../support/synth";

const PROPS: AcmeCertificateProps = {
  email: "ops@example.org",
  commonName: "example.org",
  subjectAlternativeNames: ["*.example.org"],
  dnsChallenges: [{ provider: "digitalocean" }],
  preCheckDelay: 30,
  recursiveNameservers: ["1.1.1.1"],
};

describe("AcmeCertificate", () => {
  it("chains key, account and certificate by reference and delivers chain and key to Nomad", () => {
    let cert: AcmeCertificate | undefined;
    let delivered: NomadVariable | undefined;
    const json = synthValidated((scope) => {
      const web = new NomadNamespace(scope, "web", { name: "web" });
      cert = new AcmeCertificate(scope, "cert", PROPS);
      delivered = cert.deliverToNomad(web, "nomad/jobs/nginx");
    });
    assert.deepEqual(resourcesOf(json, "tls_private_key").account_key_example_org, { algorithm: "RSA" });
    assert.deepEqual(resourcesOf(json, "acme_registration").registration_example_org, {
      account_key_pem: "${tls_private_key.account_key_example_org.private_key_pem}",
      email_address: "ops@example.org",
    });
    assert.deepEqual(resourcesOf(json, "acme_certificate").certificate_example_org, {
      account_key_pem: "${acme_registration.registration_example_org.account_key_pem}",
      common_name: "example.org",
      subject_alternative_names: ["*.example.org"],
      dns_challenge: [{ provider: "digitalocean" }],
      pre_check_delay: 30,
      recursive_nameservers: ["1.1.1.1"],
    });
    assert.deepEqual(resourcesOf(json, "nomad_variable").variable_web_nomad_jobs_nginx, {
      namespace: "web",
      path: "nomad/jobs/nginx",
      items: {
        certificate:
          "${acme_certificate.certificate_example_org.certificate_pem}${acme_certificate.certificate_example_org.issuer_pem}",
        key: "${acme_certificate.certificate_example_org.private_key_pem}",
      },
    });
    assert.equal(json.output, undefined, "no outputs: key and certificate never leave the state");

    assert.ok(cert);
    assert.equal(addressOf(cert.accountKey), "tls_private_key.account_key_example_org");
    assert.equal(addressOf(cert.registration), "acme_registration.registration_example_org");
    assert.equal(addressOf(cert.certificate), "acme_certificate.certificate_example_org");
    assert.deepEqual([...cert.deliveries.keys()], ["web/nomad/jobs/nginx"]);
    const delivery = cert.deliveries.get("web/nomad/jobs/nginx");
    assert.equal(delivery, delivered);
    assert.equal(delivery && addressOf(delivery.resource), "nomad_variable.variable_web_nomad_jobs_nginx");
  });

  it("has no deliveries until one is declared", () => {
    let cert: AcmeCertificate | undefined;
    const json = synthValidated((scope) => {
      cert = new AcmeCertificate(scope, "cert", PROPS);
    });
    assert.equal(cert?.deliveries.size, 0);
    assert.deepEqual(resourcesOf(json, "nomad_variable"), {});
  });

  it("rejects a delivery into a namespace the app does not declare", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        new AcmeCertificate(scope, "cert", PROPS).deliverToNomad(
          NomadNamespace.fromName("web"),
          "nomad/jobs/nginx",
        );
      }),
    );
    assert.match(
      message,
      /\[stack\/cert\/nomad-web-nomad_jobs_nginx\] namespace: nomad_namespace "web" is not declared in this app/,
    );
  });

  it("rejects the same delivery twice", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        const cert = new AcmeCertificate(scope, "cert", PROPS);
        cert.deliverToNomad(NomadNamespace.DEFAULT, "nomad/jobs/a");
        cert.deliverToNomad(NomadNamespace.DEFAULT, "nomad/jobs/a");
      }),
    );
    assert.equal(message, "stack/cert: delivery to nomad/jobs/a in namespace default is declared twice");
  });

  it("rejects bad names, a wildcard common name, duplicates, a bad email and no challenge", () => {
    const build = (props: Partial<AcmeCertificateProps>) =>
      errorOf(() => synthValidated((scope) => new AcmeCertificate(scope, "cert", { ...PROPS, ...props })));
    assert.equal(
      build({ subjectAlternativeNames: ["*.example.org."] }),
      'stack/cert: "*.example.org." is not a DNS name (expected lower-case name or *.name, no trailing dot)',
    );
    assert.equal(
      build({ commonName: "*.example.org", subjectAlternativeNames: [] }),
      'stack/cert: common name "*.example.org" is a wildcard (expected a plain name; put wildcards in subjectAlternativeNames)',
    );
    assert.equal(
      build({ subjectAlternativeNames: ["example.org"] }),
      'stack/cert: name (common or alternative) "example.org" is listed twice (expected each once)',
    );
    assert.equal(build({ email: "ops" }), 'stack/cert: email "ops" is not a mail address');
    assert.equal(
      build({ dnsChallenges: [] }),
      "stack/cert: dnsChallenges is empty (expected at least one DNS-01 solver)",
    );
  });
});
