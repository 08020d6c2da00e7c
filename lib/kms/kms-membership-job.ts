import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cpu } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { restrictedContainerSecurity, restrictedPodSecurity } from '../core/restricted-security';
import { dropAddressLabel } from '../core/stable-labels';
import { membershipJobName, membershipScript } from './membership-script';
import type { MinioKmsCluster } from './minio-kms-cluster';
import { KMS_PORT } from './kms-constants';
import { SecretKeyReference } from './secret-key-reference';

const CA_DIR = '/etc/minkms/ca';

/** Properties of a {@link KmsMembershipJob}. */
export interface KmsMembershipJobProps {
  /** The cluster whose members the Job reconciles. */
  readonly cluster: MinioKmsCluster;
  /** The minkms image, the same as the nodes', so the CLI matches the servers. */
  readonly image: string;
  /** The admin API key, passed to the CLI as MINIO_KMS_API_KEY. */
  readonly adminApiKey: SecretKeyReference;
}

/**
 * The Job that makes the KMS cluster's members exactly its nodes: it waits until every node answers, adds new
 * nodes through node 0 and removes nodes beyond the count. It is named after the node count, so a GitOps engine
 * creates it again, and it runs again, whenever `replicas` changes; an unchanged count leaves it alone.
 * It talks only to minkms, never to the Kubernetes API, so its pod has no service account token.
 */
export class KmsMembershipJob extends Construct {
  /** Name of the Job. */
  public readonly name: string;
  /** Labels of the Job's pod, admitted to the KMS port by the cluster's NetworkPolicy. */
  public readonly podLabels: Record<string, string>;
  /** The script the Job runs. */
  public readonly script: string;

  public constructor(scope: Construct, id: string, props: KmsMembershipJobProps) {
    super(scope, id);
    const cluster = props.cluster;
    this.name = membershipJobName(cluster.name, cluster.replicas);
    this.podLabels = { 'kms.min.io/membership': cluster.name };
    this.script = membershipScript({
      desiredHosts: cluster.nodeHosts,
      port: KMS_PORT,
      caFile: cluster.tls.hasCa ? `${CA_DIR}/ca.crt` : undefined,
    });

    const job = new kplus.Job(this, 'Resource', {
      metadata: { name: this.name, namespace: cluster.namespace },
      podMetadata: { labels: this.podLabels },
      backoffLimit: 6,
      restartPolicy: kplus.RestartPolicy.NEVER,
      automountServiceAccountToken: false,
      securityContext: restrictedPodSecurity(),
      containers: [{
        name: 'membership',
        image: props.image,
        command: ['/bin/sh', '-c', this.script],
        envVariables: {
          MINIO_KMS_API_KEY: kplus.EnvValue.fromSecretValue({
            secret: kplus.Secret.fromSecretName(this, 'ApiKeySecret', props.adminApiKey.secretName),
            key: props.adminApiKey.key,
          }),
        },
        resources: {
          cpu: { request: Cpu.millis(50), limit: Cpu.millis(200) },
          memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
        },
        securityContext: restrictedContainerSecurity(),
      }],
    });
    dropAddressLabel(job);
    const container = job.containers[0];
    container.mount('/tmp', kplus.Volume.fromEmptyDir(this, 'Tmp', 'tmp', { sizeLimit: Size.mebibytes(16) }));
    if (cluster.tls.hasCa) {
      const tlsSecret = kplus.Secret.fromSecretName(this, 'TlsSecret', cluster.tls.secretName);
      container.mount(CA_DIR, kplus.Volume.fromSecret(this, 'Ca', tlsSecret, { name: 'ca', items: { 'ca.crt': { path: 'ca.crt' } } }), { readOnly: true });
    }
  }
}
