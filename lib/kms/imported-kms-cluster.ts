import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';
import { ICertificateIssuer } from '../tls/issuer';
import { KMS_PORT } from './kms-constants';
import { IKmsClient, IKmsEndpoint, KmsCertificateAuthority } from './kms-endpoint';

/** A MinIO KMS cluster defined elsewhere, as `MinioKmsCluster.fromClusterAttributes()` takes it. */
export interface KmsClusterAttributes {
  /** Name of the cluster (its StatefulSet and client Service). */
  readonly name: string;
  /** Namespace of the cluster. */
  readonly namespace: string;
  /** The cluster's DNS domain. @default 'cluster.local' */
  readonly clusterDomain?: string;
  /**
   * The issuer of the node certificate. A ClusterIssuer lets tenants in other namespaces trust the KMS CA without
   * a CA Secret of their own.
   *
   * @default - none: tenants in other namespaces pass the CA Secret themselves (`caSecret`)
   */
  readonly issuer?: ICertificateIssuer;
  /** The TLS Secret of the nodes, in the cluster's namespace. @default '<name>-tls' */
  readonly tlsSecretName?: string;
  /** Whether the TLS Secret carries the CA as `ca.crt`. @default true */
  readonly tlsSecretHasCa?: boolean;
}

/** A MinIO KMS cluster defined in another app: its addresses and CA, checked when imported. */
export class ImportedKmsCluster extends Construct implements IKmsEndpoint {
  public readonly name: string;
  public readonly namespace: string;
  public readonly clientEndpoint: string;
  public readonly tls: KmsCertificateAuthority;

  public constructor(scope: Construct, id: string, attributes: KmsClusterAttributes) {
    super(scope, id);
    // The same rules as MinioKmsCluster: the name is a DNS-1035 label because it names the client Service.
    this.name = requireDnsLabel(this, 'name', attributes.name);
    if (!/^[a-z]/.test(this.name)) {
      reject(this, 'name', this.name, 'must start with a letter: it names the client Service (a DNS-1035 label)', 'e.g. kms');
    }
    this.namespace = requireDnsLabel(this, 'namespace', attributes.namespace);
    const clusterDomain = requireDnsSubdomain(this, 'clusterDomain', attributes.clusterDomain ?? 'cluster.local');
    this.clientEndpoint = `https://${this.name}.${this.namespace}.svc.${clusterDomain}:${KMS_PORT}`;
    const issuer = attributes.issuer;
    if (issuer?.isAcme) {
      reject(this, 'issuer', issuer.issuerRef.name, 'is an ACME issuer, which cannot issue the KMS node certificate',
        'give the CA issuer (e.g. the PrivateCa) that issued the KMS certificate');
    }
    this.tls = {
      secretName: requireDnsSubdomain(this, 'tlsSecretName', attributes.tlsSecretName ?? `${this.name}-tls`),
      hasCa: attributes.tlsSecretHasCa ?? true,
      issuer,
    };
  }

  /** Unknown here: the app that defines the cluster admits clients with `allowClients()`. */
  public admitsClient(_client: IKmsClient): undefined {
    return undefined;
  }
}
