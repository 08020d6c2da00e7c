import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cpu, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { restrictedContainerSecurity, restrictedPodSecurity } from '../core/restricted-security';
import { dropAddressLabel } from '../core/stable-labels';
import { argoCdJobAnnotations, jobFingerprint, JOB_TTL_SECONDS } from '../core/job-lifecycle';
import type { MinioKmsCluster } from './minio-kms-cluster';
import { restartScript } from './restart-script';

const TIMEOUT_SECONDS = 900;

/** Properties of a {@link KmsRestartJob}. */
export interface KmsRestartJobProps {
  /** The cluster to restart. */
  readonly cluster: MinioKmsCluster;
  /** SHA-256 of the node StatefulSet's pod template, as its `kms.min.io/template-sha256` annotation holds it. */
  readonly templateDigest: string;
  /** The pinned image with a shell and kubectl. */
  readonly kubectlImage: string;
}

/**
 * The Job behind the all-at-once update strategy. Once the StatefulSet carries the node template the Job was made
 * for, it deletes every node pod not on the StatefulSet's current revision at once and waits for all of them to be
 * ready again. Its name, `<cluster>-restart-<digits>`, changes
 * with the node pod template (image, configuration, anything else) and with its own, so a GitOps engine runs it
 * once per change. Its Role names each object it may touch: the StatefulSet and the node pods.
 */
export class KmsRestartJob extends Construct {
  /** Name of the Job. */
  public readonly name: string;
  /** The script the Job runs. */
  public readonly script: string;

  public constructor(scope: Construct, id: string, props: KmsRestartJobProps) {
    super(scope, id);
    const cluster = props.cluster;
    const metadata = (name: string) => ({ name, namespace: cluster.namespace });
    const podNames = Array.from({ length: cluster.replicas }, (_, ordinal) => `${cluster.name}-${ordinal}`);
    this.script = restartScript({
      statefulSetName: cluster.name, podNames, templateDigest: props.templateDigest, timeoutSeconds: TIMEOUT_SECONDS,
    });
    // The script names the template digest, so the name changes with the node template as well as with the Job's.
    this.name = `${cluster.name}-restart-${jobFingerprint([props.kubectlImage, this.script])}`;

    const serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: metadata(`${cluster.name}-restart`),
      automountToken: false,
    });
    new k8s.KubeRole(this, 'Role', {
      metadata: metadata(`${cluster.name}-restart`),
      rules: [
        { apiGroups: ['apps'], resources: ['statefulsets'], resourceNames: [cluster.name], verbs: ['get'] },
        { apiGroups: [''], resources: ['pods'], resourceNames: podNames, verbs: ['get', 'delete'] },
      ],
    });
    new k8s.KubeRoleBinding(this, 'RoleBinding', {
      metadata: metadata(`${cluster.name}-restart`),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${cluster.name}-restart` },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount.name, namespace: cluster.namespace }],
    });
    const job = new kplus.Job(this, 'Resource', {
      metadata: { ...metadata(this.name), annotations: argoCdJobAnnotations(0) },
      backoffLimit: 3,
      ttlAfterFinished: Duration.seconds(JOB_TTL_SECONDS),
      restartPolicy: kplus.RestartPolicy.NEVER,
      serviceAccount,
      // The only workload here that needs the API server.
      automountServiceAccountToken: true,
      securityContext: restrictedPodSecurity(),
      containers: [{
        name: 'restart',
        image: props.kubectlImage,
        command: ['/bin/sh', '-c', this.script],
        // kubectl keeps its discovery cache under $HOME; the root file system is read-only.
        envVariables: { HOME: kplus.EnvValue.fromValue('/tmp') },
        resources: {
          cpu: { request: Cpu.millis(50), limit: Cpu.millis(200) },
          memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
        },
        securityContext: restrictedContainerSecurity(),
      }],
    });
    job.containers[0].mount('/tmp', kplus.Volume.fromEmptyDir(this, 'Tmp', 'tmp', { sizeLimit: Size.mebibytes(64) }));
    dropAddressLabel(job);
  }
}
