export { AcmeCertificate, type AcmeCertificateProps, type AcmeDnsChallenge } from "./acme-certificate";
