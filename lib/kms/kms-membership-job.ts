import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cpu } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { restrictedContainerSecurity, restrictedPodSecurity } from '../core/restricted-security';
import { dropAddressLabel } from '../core/stable-labels';
import { argoCdJobAnnotations, jobFingerprint, JOB_TTL_SECONDS } from '../core/job-lifecycle';
import { MembershipStep, membershipScript } from './membership-script';
import type { MinioKmsCluster } from './minio-kms-cluster';
import { KMS_PORT } from './kms-constants';
import { SecretValue } from '../core/secret-value';

const CA_DIR = '/etc/minkms/ca';

/** Properties of a {@link KmsMembershipJob}. */
export interface KmsMembershipJobProps {
  /** The cluster whose members the Job reconciles. */
  readonly cluster: MinioKmsCluster;
  /** The minkms image, the same as the nodes', so the CLI matches the servers. */
  readonly image: string;
  /** The admin API key, passed to the CLI as MINIO_KMS_API_KEY. */
  readonly adminApiKey: SecretValue;
  /** Which half of a membership change the Job performs. */
  readonly step: MembershipStep;
}

/**
 * A Job that changes the KMS cluster's members to match its nodes (see `MembershipStep`).
 *
 * Its name, `<cluster>-<step>-<nodes>-<digits>`, carries the node count and a fingerprint of its pod template
 * (image, hosts, Secret, CA), so a GitOps engine creates it again whenever the count or the template changes, and
 * an unrelated change leaves it alone. The leave step runs in Argo CD sync wave -1, before the StatefulSet
 * shrinks; the join step in wave 0, with the StatefulSet, because it waits for the new nodes to answer.
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
    this.podLabels = { 'kms.min.io/membership': cluster.name };
    this.script = membershipScript({
      desiredHosts: cluster.nodeHosts,
      port: KMS_PORT,
      step: props.step,
      caFile: cluster.tls.hasCa ? `${CA_DIR}/ca.crt` : undefined,
    });
    const inputs = [props.image, this.script, props.adminApiKey, cluster.tls.hasCa ? cluster.tls.secretName : null];
    this.name = `${cluster.name}-${props.step}-${cluster.replicas}-${jobFingerprint(inputs)}`;

    const job = new kplus.Job(this, 'Resource', {
      metadata: {
        name: this.name,
        namespace: cluster.namespace,
        annotations: argoCdJobAnnotations(props.step === MembershipStep.LEAVE ? -1 : 0),
      },
      podMetadata: { labels: this.podLabels },
      backoffLimit: 6,
      ttlAfterFinished: Duration.seconds(JOB_TTL_SECONDS),
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
