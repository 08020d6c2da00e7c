import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cpu, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { restrictedContainerSecurity, restrictedPodSecurity } from '../core/restricted-security';
import { dropAddressLabel } from '../core/stable-labels';
import type { MinioKmsCluster } from './minio-kms-cluster';
import { restartScript } from './restart-script';

/** Properties of a {@link KmsRestartJob}. */
export interface KmsRestartJobProps {
  /** The cluster to restart. */
  readonly cluster: MinioKmsCluster;
  /** The minkms image every node must run. */
  readonly image: string;
  /** A DNS-label-safe form of the version, part of the Job's name. */
  readonly version: string;
  /** The pinned kubectl image. */
  readonly kubectlImage: string;
}

/**
 * The Job behind the all-at-once update strategy: named after the minkms version, so that a GitOps engine runs it
 * once per version change, it deletes every node pod still on another image together, and waits for all of them
 * to be ready on the new one. Its Role names each object it may touch: the StatefulSet and the node pods.
 */
export class KmsRestartJob extends Construct {
  /** Name of the Job. */
  public readonly name: string;

  public constructor(scope: Construct, id: string, props: KmsRestartJobProps) {
    super(scope, id);
    const cluster = props.cluster;
    const prefix = `${cluster.name}-restart-`;
    this.name = `${prefix}${props.version.slice(0, 63 - prefix.length)}`.replace(/-+$/, '');
    const metadata = (name: string) => ({ name, namespace: cluster.namespace });
    const podNames = Array.from({ length: cluster.replicas }, (_, ordinal) => `${cluster.name}-${ordinal}`);

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
      metadata: metadata(this.name),
      backoffLimit: 3,
      restartPolicy: kplus.RestartPolicy.NEVER,
      serviceAccount,
      // The only workload here that needs the API server.
      automountServiceAccountToken: true,
      securityContext: restrictedPodSecurity(),
      containers: [{
        name: 'restart',
        image: props.kubectlImage,
        command: ['/bin/sh', '-c', restartScript({
          statefulSetName: cluster.name,
          podNames,
          containerName: 'minkms',
          image: props.image,
          timeoutSeconds: 900,
        })],
        resources: {
          cpu: { request: Cpu.millis(50), limit: Cpu.millis(200) },
          memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
        },
        securityContext: restrictedContainerSecurity(),
      }],
    });
    dropAddressLabel(job);
  }
}
