import { ICertificateIssuer } from '../tls/issuer';

/**
 * A group of pods that a KMS admits to its port: the namespace they run in and labels that select them. A tenant
 * (`IMinioTenant`) is one, so `kms.allowClients(tenant)` admits it.
 */
export interface IKmsClient {
  /** Namespace of the client pods. */
  readonly namespace: string;
  /** Labels every client pod carries. */
  readonly podLabels: Record<string, string>;
}

/** How a KMS client comes to trust the KMS nodes' certificates. */
export interface KmsCertificateAuthority {
  /** The Secret, in the KMS's namespace, holding the node certificate (and `ca.crt` when `hasCa`). */
  readonly secretName: string;
  /** Whether that Secret carries the issuing CA as `ca.crt`. */
  readonly hasCa: boolean;
  /**
   * The issuer of the node certificate. A ClusterIssuer lets a client in another namespace get the same CA as
   * `ca.crt` of a certificate of its own, since a Secret cannot be read across namespaces.
   */
  readonly issuer?: ICertificateIssuer;
}

/**
 * What a KMS client such as a MinIO tenant needs of a MinIO KMS cluster: where to reach it, which CA to trust, and
 * whether it admits the client. Implemented by `MinioKmsCluster`, and by `MinioKmsCluster.fromClusterAttributes()`
 * for a cluster defined in another app.
 *
 * A client never changes the KMS: the cluster's NetworkPolicy admits a client only through an explicit
 * `MinioKmsCluster.allowClients(client)` on the KMS side. A policy in the client's own namespace could not do it: a
 * NetworkPolicy selects pods of its own namespace only, and ingress to the KMS pods is decided by the policies that
 * select them (kubernetes.io/docs/concepts/services-networking/network-policies).
 */
export interface IKmsEndpoint {
  /** Name of the cluster; names derived for its clients start with it. */
  readonly name: string;
  /** Namespace of the cluster. */
  readonly namespace: string;
  /** The URL clients use (`MINIO_KMS_SERVER`): a Service that routes only to nodes that are members. */
  readonly clientEndpoint: string;
  /** The node certificate and its CA. */
  readonly tls: KmsCertificateAuthority;
  /**
   * Whether the KMS admits `client` to its port: `true` or `false` when this app defines the KMS, `undefined` when
   * it cannot know (the KMS is defined elsewhere).
   */
  admitsClient(client: IKmsClient): boolean | undefined;
}
