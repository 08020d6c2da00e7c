import { createHash } from 'node:crypto';
import { ApiObject, Duration, JsonPatch, Lazy, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cpu, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { compareOrdinal } from '../core/ordinal-order';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';
import { podsInNamespace } from '../core/network-peers';
import { restrictedContainerSecurity, restrictedPodSecurity } from '../core/restricted-security';
import { dropAddressLabel, selectByLabels } from '../core/stable-labels';
import { validateResources } from '../core/resources';
import { requireLabels } from '../core/object-metadata';
import { isKmsIdentity } from './api-key';
import { KMS_CLUSTER_LABEL, KMS_PORT, KMS_TLS_DIR } from './kms-constants';
import { HsmKeySource } from './hsm-key-source';
import { KmsMembershipJob } from './kms-membership-job';
import { memberReadinessScript } from './member-readiness';
import { MembershipStep } from './membership-script';
import { KmsRestartJob } from './kms-restart-job';
import { TEMPLATE_ANNOTATION } from './restart-script';
import { KmsTls, KmsTlsBinding } from './kms-tls';
import { KmsUpdateStrategy } from './kms-update-strategy';
import { IKmsClient, IKmsEndpoint } from './kms-endpoint';
import { ImportedKmsCluster, KmsClusterAttributes } from './imported-kms-cluster';
import { PinnedImage } from '../core/pinned-image';
import { redactUnlessIdentity } from '../core/redaction';
import { namespaceOf } from '../core/namespace';
import { SecretValue } from '../core/secret-value';


/** The longest cluster name whose derived names (`<name>-leave-<n>-<digits>`, pod revision labels) stay DNS labels. */
const MAX_NAME = 40;
/** Keeps `<name>-leave-<n>-<digits>` within 63 characters. */
const MAX_REPLICAS = 999;
const DATA_DIR = '/data';
const CONFIG_DIR = '/etc/minkms/config';
const ADMIN_KEY_DIR = '/etc/minkms/admin';
/** The first release that starts without `MINIO_LICENSE` (docs.min.io/enterprise/minio-kms/reference/minkms-server/settings). */
const FIRST_RELEASE_WITHOUT_LICENSE = 'RELEASE.2025-11-12T19-14-51Z';

/** The persistent volume of each node. */
export interface KmsStorageOptions {
  /** Capacity of each node's volume. @default Size.gibibytes(10) */
  readonly size?: Size;
  /** Storage class. @default 'managed-csi-premium' */
  readonly storageClassName?: string;
}

/** Properties of a {@link MinioKmsCluster}. */
export interface MinioKmsClusterProps {
  /** Name of the StatefulSet and prefix of every object. @default - the construct id */
  readonly name?: string;
  /** Namespace of the cluster. @default - the chart's namespace */
  readonly namespace?: string;
  /** The pinned minkms image (`MinkmsImage.release(tag)`), used by the nodes and by the membership Jobs. */
  readonly image: PinnedImage;
  /**
   * Number of nodes. Reads need one node, writes need every node, so more nodes add read availability, not
   * write availability; there is no quorum and hence no odd/even rule.
   *
   * @default 3
   */
  readonly replicas?: number;
  /** Where the HSM key every node shares comes from. */
  readonly hsmKey: HsmKeySource;
  /** The `h1:` identity of the admin API key (public; computed with `minio-aks kms identity`). */
  readonly adminIdentity: string;
  /**
   * The Secret key holding the admin `k1:` API key: the membership Jobs use it, and each node's readiness check
   * reads the cluster status with it (see the README on readiness).
   */
  readonly adminApiKey: SecretValue;
  /**
   * The Secret key holding the MinIO licence, passed to every node as `MINIO_LICENSE`. Releases before
   * RELEASE.2025-11-12T19-14-51Z refuse to start without one; later releases ignore it.
   *
   * @default - no licence, refused for a release that needs one
   */
  readonly license?: SecretValue;
  /** The nodes' TLS certificate. */
  readonly tls: KmsTls;
  /** Each node's persistent volume. @default - 10 GiB on managed-csi-premium */
  readonly storage?: KmsStorageOptions;
  /** Resources of each node. @default - requests 250m CPU / 512 MiB, limits 1 CPU / 1 GiB */
  readonly resources?: kplus.ContainerResources;
  /** How nodes move to a new version. @default KmsUpdateStrategy.allAtOnce() */
  readonly updateStrategy?: KmsUpdateStrategy;
  /** The cluster's DNS domain. @default 'cluster.local' */
  readonly clusterDomain?: string;
}

/**
 * A MinIO KMS (`minkms`) cluster: a StatefulSet of nodes sharing one HSM key, each started with `--host` set to
 * its stable DNS name, behind a headless Service (peers) and a client Service on 7373 that routes only to
 * members, with TLS everywhere, a PodDisruptionBudget, a NetworkPolicy, and leave and join Jobs that remove and
 * add members when `replicas` changes.
 */
export class MinioKmsCluster extends Construct implements IKmsEndpoint {
  /**
   * A cluster defined in another app (or another chart), for tenants that use it. The other app admits them with
   * `allowClients()`; its TLS is assumed to be `<name>-tls` with `ca.crt` unless `tls` says otherwise.
   */
  public static fromClusterAttributes(scope: Construct, id: string, attributes: KmsClusterAttributes): IKmsEndpoint {
    return new ImportedKmsCluster(scope, id, attributes);
  }

  /** Name of the StatefulSet. */
  public readonly name: string;
  /** Namespace of the cluster. */
  public readonly namespace: string;
  /** Number of nodes. */
  public readonly replicas: number;
  /** The cluster DNS domain. */
  public readonly clusterDomain: string;
  /** Name of the headless Service that gives every node a stable DNS name. */
  public readonly headlessServiceName: string;
  /** Name of the client Service. */
  public readonly serviceName: string;
  /** The TLS material of the nodes. */
  public readonly tls: KmsTlsBinding;
  /** The Secret key every node reads `MINIO_KMS_HSM_KEY` from. */
  public readonly hsmKeySecret: SecretValue;
  /** The node StatefulSet. */
  public readonly statefulSet: kplus.StatefulSet;
  /** The Job that removes members before the StatefulSet shrinks. */
  public readonly leaveJob: KmsMembershipJob;
  /** The Job that adds the nodes the StatefulSet creates. */
  public readonly joinJob: KmsMembershipJob;

  private readonly clients: IKmsClient[] = [];

  public constructor(scope: Construct, id: string, props: MinioKmsClusterProps) {
    super(scope, id);
    this.name = requireDnsLabel(this, 'name', props.name ?? id, MAX_NAME);
    if (!/^[a-z]/.test(this.name)) {
      reject(this, 'name', this.name, 'must start with a letter: it names the client Service (a DNS-1035 label)', 'e.g. kms');
    }
    this.namespace = namespaceOf(this, 'namespace', props.namespace);
    this.replicas = props.replicas ?? 3;
    if (!Number.isInteger(this.replicas) || this.replicas < 1 || this.replicas > MAX_REPLICAS) {
      reject(this, 'replicas', props.replicas, `must be a whole number from 1 to ${MAX_REPLICAS}`, 'use 3 nodes for a highly available KMS');
    }
    this.clusterDomain = requireDnsSubdomain(this, 'clusterDomain', props.clusterDomain ?? 'cluster.local');
    if (!isKmsIdentity(props.adminIdentity)) {
      reject(this, 'adminIdentity', redactUnlessIdentity(props.adminIdentity), 'is not a KMS identity (h1: followed by 43 base64url characters)',
        'compute it from the admin API key with `minio-aks kms identity -`; never pass the k1: key itself');
    }
    SecretValue.validate(this, 'adminApiKey', props.adminApiKey);
    const image = PinnedImage.reference(this, 'image', props.image);
    if (props.license !== undefined) {
      SecretValue.validate(this, 'license', props.license);
    } else if (props.image.releaseBefore(FIRST_RELEASE_WITHOUT_LICENSE)) {
      reject(this, 'license', undefined, `is required: minkms ${props.image.tagOrDigest} predates ${FIRST_RELEASE_WITHOUT_LICENSE} and refuses to start without MINIO_LICENSE`,
        `pass the Secret holding your licence, or use ${FIRST_RELEASE_WITHOUT_LICENSE} or later, which needs none`);
    }
    validateResources(this, 'resources', props.resources);
    this.headlessServiceName = `${this.name}-hl`;
    this.serviceName = this.name;

    this.hsmKeySecret = props.hsmKey._bind(this, { statefulSetName: this.name, namespace: this.namespace });
    this.tls = props.tls._bind(this, { name: this.name, namespace: this.namespace, dnsNames: this.certificateDnsNames() });
    const updateStrategy = props.updateStrategy ?? KmsUpdateStrategy.allAtOnce();

    const config = new kplus.ConfigMap(this, 'Config', {
      metadata: { name: `${this.name}-config`, namespace: this.namespace },
      data: { 'config.yaml': this.configFile(props.adminIdentity) },
    });
    const headless = new kplus.Service(this, 'Peers', {
      metadata: { name: this.headlessServiceName, namespace: this.namespace },
      clusterIP: 'None',
      // A new node is ready only once it is a member, so peers and the join Job must reach it by name before.
      publishNotReadyAddresses: true,
      ports: [{ name: 'https', port: KMS_PORT, targetPort: KMS_PORT }],
    });
    this.statefulSet = this.createStatefulSet(image, headless, config, props, updateStrategy);
    // Routes only to ready nodes, which are members (see memberReadinessScript): tenants use it, never pod names.
    const clients = new kplus.Service(this, 'Clients', {
      metadata: { name: this.serviceName, namespace: this.namespace },
      ports: [{ name: 'https', port: KMS_PORT, targetPort: KMS_PORT }],
    });
    dropAddressLabel(this.statefulSet);
    selectByLabels(headless, this.podLabels);
    selectByLabels(clients, this.podLabels);
    if (this.replicas > 1) {
      new k8s.KubePodDisruptionBudget(this, 'Disruptions', {
        metadata: { name: this.name, namespace: this.namespace },
        // Reads survive with one node; keep all but one up so that a drain never takes the KMS away.
        spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: this.podLabels } },
      });
    }
    this.leaveJob = new KmsMembershipJob(this, 'Leave', { cluster: this, image, adminApiKey: props.adminApiKey, step: MembershipStep.LEAVE });
    this.joinJob = new KmsMembershipJob(this, 'Join', { cluster: this, image, adminApiKey: props.adminApiKey, step: MembershipStep.JOIN });
    this.allowClients({ namespace: this.namespace, podLabels: this.joinJob.podLabels });
    const templateDigest = createHash('sha256').update(JSON.stringify(ApiObject.of(this.statefulSet).toJson().spec.template)).digest('hex');
    ApiObject.of(this.statefulSet).metadata.addAnnotation(TEMPLATE_ANNOTATION, templateDigest);
    if (updateStrategy.allAtOnce) {
      new KmsRestartJob(this, 'Restart', { cluster: this, templateDigest, kubectlImage: updateStrategy._kubectlImage(this) });
    }
    this.createNetworkPolicy();
  }

  /** The labels of the node pods. */
  public get podLabels(): Record<string, string> {
    return { [KMS_CLUSTER_LABEL]: this.name };
  }

  /** The stable DNS name of node `ordinal`, which is also the name it is started with (`--host`). */
  public nodeHost(ordinal: number): string {
    return `${this.name}-${ordinal}.${this.headlessServiceName}.${this.namespace}.svc.${this.clusterDomain}`;
  }

  /** The stable DNS names of every node, node 0 first. */
  public get nodeHosts(): string[] {
    return Array.from({ length: this.replicas }, (_, ordinal) => this.nodeHost(ordinal));
  }

  /**
   * The endpoint clients such as MinIO use (`MINIO_KMS_SERVER`): the client Service, which routes only to nodes
   * that are members. Listing node names instead would send requests to a new node before it joins.
   */
  public get clientEndpoint(): string {
    return `https://${this.serviceName}.${this.namespace}.svc.${this.clusterDomain}:${KMS_PORT}`;
  }

  /**
   * Admits the pods of each client to the KMS port through the cluster's NetworkPolicy: a tenant using the cluster
   * (`IMinioTenant`), for example. Clients never admit themselves.
   */
  public allowClients(...clients: IKmsClient[]): void {
    clients.forEach((client, index) => {
      const field = `clients[${index}]`;
      requireDnsLabel(this, `${field}.namespace`, client.namespace);
      requireLabels(this, `${field}.podLabels`, client.podLabels);
      if (Object.keys(client.podLabels).length === 0) {
        reject(this, `${field}.podLabels`, client.podLabels, 'must select the client pods', 'give the labels the client pods carry');
      }
      if (this.admitsClient(client) !== true) this.clients.push({ namespace: client.namespace, podLabels: { ...client.podLabels } });
    });
  }

  /** Whether `allowClients()` admitted `client` (its namespace with the same pod labels). */
  public admitsClient(client: IKmsClient): boolean {
    const key = clientKey(client);
    return this.clients.some((admitted) => clientKey(admitted) === key);
  }

  private certificateDnsNames(): string[] {
    const service = this.name;
    const ns = this.namespace;
    return [
      ...Array.from({ length: this.replicas }, (_, ordinal) => this.nodeHost(ordinal)),
      service, `${service}.${ns}`, `${service}.${ns}.svc`, `${service}.${ns}.svc.${this.clusterDomain}`,
    ];
  }

  private configFile(adminIdentity: string): string {
    const lines = [
      'version: v1',
      'admin:',
      `  identity: ${adminIdentity}`,
      'tls:',
      '  certs:',
      `    - key: ${KMS_TLS_DIR}/tls.key`,
      `      cert: ${KMS_TLS_DIR}/tls.crt`,
    ];
    if (this.tls.hasCa) lines.push(`  ca: ${KMS_TLS_DIR}/ca.crt`);
    return `${lines.join('\n')}\n`;
  }

  private createStatefulSet(image: string, headless: kplus.Service, config: kplus.ConfigMap,
    props: MinioKmsClusterProps, updateStrategy: KmsUpdateStrategy): kplus.StatefulSet {
    const statefulSet = new kplus.StatefulSet(this, 'Nodes', {
      metadata: { name: this.name, namespace: this.namespace },
      service: headless,
      replicas: this.replicas,
      podManagementPolicy: kplus.PodManagementPolicy.PARALLEL,
      strategy: updateStrategy.allAtOnce ? kplus.StatefulSetUpdateStrategy.onDelete() : kplus.StatefulSetUpdateStrategy.rollingUpdate(),
      automountServiceAccountToken: false,
      securityContext: restrictedPodSecurity(),
      podMetadata: {
        labels: this.podLabels,
        // Nodes read config.yaml only at start: a new digest makes a new revision, which the restart Job (or the
        // rolling update) rolls out, so rotating the admin identity reaches every node.
        annotations: { 'kms.min.io/config-sha256': createHash('sha256').update(config.data['config.yaml'] ?? '').digest('hex') },
      },
      select: false,
    });
    statefulSet.select(kplus.LabelSelector.of({ labels: this.podLabels }));
    const container = statefulSet.addContainer({
      name: 'minkms',
      image,
      args: ['server', DATA_DIR, '--config', `${CONFIG_DIR}/config.yaml`, '--host', `$(POD_NAME).${this.headlessServiceName}.${this.namespace}.svc.${this.clusterDomain}:${KMS_PORT}`],
      ports: [{ name: 'https', number: KMS_PORT }],
      envVariables: {
        POD_NAME: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME),
        MINIO_KMS_HSM_KEY: kplus.EnvValue.fromSecretValue({
          secret: kplus.Secret.fromSecretName(this, 'HsmKeySecret', this.hsmKeySecret.secretName),
          key: this.hsmKeySecret.key,
        }),
        ...(props.license === undefined ? {} : {
          MINIO_LICENSE: kplus.EnvValue.fromSecretValue({
            secret: kplus.Secret.fromSecretName(this, 'LicenseSecret', props.license.secretName),
            key: props.license.key,
          }),
        }),
      },
      resources: props.resources ?? {
        cpu: { request: Cpu.millis(250), limit: Cpu.units(1) },
        memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
      },
      liveness: kplus.Probe.fromHttpGet('/v1/health/live', { port: KMS_PORT, scheme: kplus.ConnectionScheme.HTTPS }),
      readiness: kplus.Probe.fromCommand(['/bin/sh', '-c', memberReadinessScript({
        nodeDomain: `${this.headlessServiceName}.${this.namespace}.svc.${this.clusterDomain}`,
        port: KMS_PORT,
        seedHost: this.nodeHost(0),
        apiKeyFile: `${ADMIN_KEY_DIR}/api-key`,
        caFile: this.tls.hasCa ? `${KMS_TLS_DIR}/ca.crt` : undefined,
      })], { periodSeconds: Duration.seconds(10), timeoutSeconds: Duration.seconds(10), failureThreshold: 3 }),
      securityContext: restrictedContainerSecurity(),
    });
    container.mount(CONFIG_DIR, kplus.Volume.fromConfigMap(this, 'ConfigVolume', config, { name: 'config' }), { readOnly: true });
    container.mount(KMS_TLS_DIR, kplus.Volume.fromSecret(this, 'TlsVolume',
      kplus.Secret.fromSecretName(this, 'TlsSecret', this.tls.secretName), { name: 'tls' }), { readOnly: true });
    container.mount('/tmp', kplus.Volume.fromEmptyDir(this, 'TmpVolume', 'tmp', { sizeLimit: Size.mebibytes(64) }));
    container.mount(ADMIN_KEY_DIR, kplus.Volume.fromSecret(this, 'AdminKeyVolume',
      kplus.Secret.fromSecretName(this, 'AdminKeySecret', props.adminApiKey.secretName),
      { name: 'admin-api-key', items: { [props.adminApiKey.key]: { path: 'api-key' } } }), { readOnly: true });
    this.spread(statefulSet);

    const storage = props.storage ?? {};
    const size = storage.size ?? Size.gibibytes(10);
    if (!(size.toKibibytes() > 0)) reject(this, 'storage.size', size.asString(), 'must be greater than zero', 'use e.g. Size.gibibytes(10)');
    const resource = ApiObject.of(statefulSet);
    resource.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/volumeMounts/-', { name: 'data', mountPath: DATA_DIR }));
    // A removed node cannot start again on its old state and `minkms add` needs a fresh node, so the volumes of
    // nodes a scale-down removes go with them (StatefulSetAutoDeletePVC: beta and on by default since Kubernetes
    // 1.27; kubernetes.io/blog/2023/05/04/kubernetes-1-27-statefulset-pvc-auto-deletion-beta).
    resource.addJsonPatch(JsonPatch.add('/spec/persistentVolumeClaimRetentionPolicy', { whenScaled: 'Delete', whenDeleted: 'Retain' }));
    resource.addJsonPatch(JsonPatch.add('/spec/volumeClaimTemplates', [{
      metadata: { name: 'data' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: requireDnsSubdomain(this, 'storage.storageClassName', storage.storageClassName ?? 'managed-csi-premium'),
        // The L1 StatefulSet renders patched values too, and reads quantities from their wrapper.
        resources: { requests: { storage: k8s.Quantity.fromString(size.asString()) } },
      },
    }]));
    return statefulSet;
  }

  private spread(statefulSet: kplus.StatefulSet): void {
    const selector = { matchLabels: this.podLabels };
    const resource = ApiObject.of(statefulSet);
    resource.addJsonPatch(JsonPatch.add('/spec/template/spec/affinity', {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: selector, topologyKey: 'kubernetes.io/hostname' }] },
    }));
    resource.addJsonPatch(JsonPatch.add('/spec/template/spec/topologySpreadConstraints', [{
      maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector,
    }]));
  }

  private createNetworkPolicy(): void {
    new k8s.KubeNetworkPolicy(this, 'NetworkPolicy', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        podSelector: { matchLabels: this.podLabels },
        policyTypes: ['Ingress'],
        ingress: Lazy.any({
          produce: () => [{
            ports: [{ port: k8s.IntOrString.fromNumber(KMS_PORT), protocol: 'TCP' }],
            from: [
              { podSelector: { matchLabels: this.podLabels } },
              ...this.clients.map((client) => podsInNamespace(client.namespace, client.podLabels)),
            ],
          }],
        }),
      },
    });
  }
}

function clientKey(client: IKmsClient): string {
  return JSON.stringify([client.namespace, Object.entries(client.podLabels).sort(([a], [b]) => compareOrdinal(a, b))]);
}
