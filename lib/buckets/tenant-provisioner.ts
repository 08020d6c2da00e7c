import { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-28';
import { reject } from '../core/errors';
import { requireDnsLabel } from '../core/names';
import { namespaceOf } from '../core/namespace';
import { PinnedImage } from '../core/pinned-image';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../core/restricted-security';
import { SecretValue } from '../core/secret-value';
import { claimObjectIdentity } from '../core/unique-objects';
import { argoCdJobAnnotations, jobFingerprint, JOB_TTL_SECONDS } from '../core/job-lifecycle';
import { McImage } from '../mc/mc-image';
import { DNS_EGRESS, mcAlias, mcBaseEnv, tmpVolume } from '../mc/mc-pod';
import { MinioEndpoint, S3Credentials } from '../mc/minio-endpoint';
import { MinioTenant } from '../tenant/minio-tenant';
import type { IMinioTenant } from '../tenant/minio-tenant-reference';
import { AzureBlobTier } from '../tiering/azure-blob-tier';
import { AccessPolicy } from './access-policy';
import { BucketOptions, renderBucket } from './bucket';
import { PlannedTier, provisionScript } from './provision-script';

/** Properties of a {@link TenantProvisioner}. */
export interface TenantProvisionerProps {
  /** The tenant to provision: a `MinioTenant`, or `MinioTenant.fromTenantAttributes(...)`. */
  readonly tenant: IMinioTenant;
  /**
   * A user allowed to create buckets, policies and tiers (the root user, or one with `admin:*` and `s3:*`), as
   * Secret values in the Job's namespace.
   */
  readonly credentials: S3Credentials;
  /**
   * The CA that signed the tenant's certificate, e.g. `SecretValue.fromSecretName('<tenant>-tls', 'ca.crt')`.
   *
   * @default - only the image's public CA bundle
   */
  readonly trustedCa?: SecretValue;
  /** Buckets and their settings. @default - none */
  readonly buckets?: BucketOptions[];
  /** IAM policies, e.g. for Entra ID groups. @default - none */
  readonly policies?: AccessPolicy[];
  /** Remote tiers that lifecycle rules transition to. @default - none */
  readonly tiers?: AzureBlobTier[];
  /** Name prefix of the Job and its NetworkPolicy. @default '<tenant>-provision' */
  readonly name?: string;
  /** Namespace of the Job. @default - the chart's namespace */
  readonly namespace?: string;
  /** The mc image. @default McImage.DEFAULT */
  readonly image?: PinnedImage;
  /** How long the Job waits for the tenant to answer before failing. @default 900 */
  readonly waitSeconds?: number;
}

/**
 * Buckets, IAM policies and remote tiers of a tenant as code, applied by a Job running mc.
 *
 * The Job reads every declared setting and changes only what differs (a second run changes nothing), and it never
 * deletes: a bucket, policy or tier removed from the app stays in MinIO, and buckets are never emptied. Its name
 * ends in a fingerprint of its pod template, so any change to a bucket, policy or tier makes a new Job that runs
 * once (the pattern of the KMS Jobs: finished Jobs are deleted after 5 minutes, and Argo CD runs it as a Sync hook).
 * The credentials reach mc only as `MC_HOST_target`, built by Kubernetes from Secret values.
 */
export class TenantProvisioner extends Construct {
  /** Name of the Job, `<name>-<digits>`. */
  public readonly jobName: string;
  /** Namespace of the Job. */
  public readonly namespace: string;
  /** The script the Job runs. */
  public readonly script: string;

  public constructor(scope: Construct, id: string, props: TenantProvisionerProps) {
    super(scope, id);
    this.namespace = namespaceOf(this, 'namespace', props.namespace);
    if (typeof props.tenant?.name !== 'string') {
      reject(this, 'tenant', props.tenant, 'must be a MinIO tenant', 'pass a MinioTenant or MinioTenant.fromTenantAttributes(...)');
    }
    const name = requireDnsLabel(this, 'name', props.name ?? `${props.tenant.name}-provision`, 54);
    const endpoint = MinioEndpoint.tenant(props.tenant, { credentials: props.credentials, trustedCa: props.trustedCa })._resolve(this, 'tenant');
    const image = PinnedImage.reference(this, 'image', props.image ?? McImage.DEFAULT);
    const waitSeconds = props.waitSeconds ?? 900;
    if (!Number.isInteger(waitSeconds) || waitSeconds < 0 || waitSeconds > 3600) {
      reject(this, 'waitSeconds', waitSeconds, 'must be a whole number from 0 to 3600', 'use e.g. 900');
    }

    const tiers = props.tiers ?? [];
    const tierNames = tiers.map((tier, i) => {
      if (!(tier instanceof AzureBlobTier)) reject(this, `tiers[${i}]`, tier, 'must be an AzureBlobTier', 'create the tier with new AzureBlobTier(...)');
      return tier.tierName;
    });
    requireUnique(this, 'tiers', tierNames, 'tier names');
    tiers.forEach((tier, i) => {
      const secretNamespace = tier._credentials.namespace;
      if (secretNamespace !== undefined && secretNamespace !== this.namespace) {
        reject(this, `tiers[${i}].credentials`, secretNamespace, `are in another namespace than the Job (${this.namespace})`,
          'read the tier credentials through a store in the Job\'s namespace, or a ClusterSecretStore');
      }
    });
    const buckets = (props.buckets ?? []).map((bucket, i) => renderBucket(this, `buckets[${i}]`, bucket, tierNames));
    requireUnique(this, 'buckets', buckets.map((b) => b.name), 'bucket names');
    const policies = (props.policies ?? []).map((policy, i) => {
      if (!(policy instanceof AccessPolicy)) reject(this, `policies[${i}]`, policy, 'must be an AccessPolicy', 'create it with new AccessPolicy(...)');
      const rendered = policy._render(this, `policies[${i}]`);
      // MinIO assigns claim-mapped policies from one claim only: a group policy under a roles claim never applies.
      const claim = props.tenant instanceof MinioTenant ? props.tenant.signInClaim : undefined;
      if (policy.claim !== undefined && claim !== undefined && String(policy.claim) !== String(claim)) {
        reject(this, `policies[${i}]`, policy.name, `is for the ${policy.claim} claim, but the tenant's sign-in maps policies from ${claim}`,
          policy.claim === 'groups' ? 'use entraAppRole, or sign in with claim EntraClaim.GROUPS' : 'use entraGroup, or sign in with claim EntraClaim.ROLES');
      }
      return rendered;
    });
    requireUnique(this, 'policies', policies.map((p) => p.name), 'policy names (one policy per Entra group or app role: put all its statements in one)');
    if (buckets.length + policies.length + tiers.length === 0) {
      reject(this, 'buckets', [], 'and policies and tiers are all empty', 'declare at least one bucket, policy or tier');
    }

    const plannedTiers: PlannedTier[] = tiers.map((tier) => ({
      name: tier.tierName, storageAccount: tier.storageAccount, container: tier.container, prefix: tier.prefix,
      endpoint: tier.endpoint, kind: tier._credentials.kind, tenantId: tier._credentials.tenantId, clientId: tier._credentials.clientId,
    }));
    const { script, tierSecretVariables } = provisionScript({ tiers: plannedTiers, policies, buckets, waitSeconds });
    this.script = script;

    const alias = mcAlias('target', endpoint);
    const tmp = tmpVolume(64);
    const env: k8s.EnvVar[] = [
      ...mcBaseEnv(),
      ...alias.env,
      ...tiers.map((tier, i) => ({
        name: tierSecretVariables[i],
        valueFrom: { secretKeyRef: { name: tier._credentials.secret.secretName, key: tier._credentials.secret.key } },
      })),
    ];
    const podLabels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'provisioner' };
    const podSpec: k8s.PodSpec = {
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      securityContext: restrictedPodSecurityContext(),
      containers: [{
        name: 'provision',
        image,
        command: ['/bin/sh', '-c', script],
        env,
        resources: {
          requests: { cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('64Mi') },
          limits: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromString('256Mi') },
        },
        securityContext: restrictedContainerSecurityContext(),
        volumeMounts: [tmp.mount, ...alias.mounts],
      }],
      volumes: [tmp.volume, ...alias.volumes],
    };
    this.jobName = `${name}-${jobFingerprint(podSpec)}`;
    const job = new k8s.KubeJob(this, 'Resource', {
      metadata: { name: this.jobName, namespace: this.namespace, annotations: argoCdJobAnnotations(1) },
      spec: {
        backoffLimit: 3,
        ttlSecondsAfterFinished: JOB_TTL_SECONDS,
        template: { metadata: { labels: podLabels }, spec: podSpec },
      },
    });
    claimObjectIdentity(this, job);
    const policy = new k8s.KubeNetworkPolicy(this, 'NetworkPolicy', {
      metadata: { name, namespace: this.namespace },
      spec: {
        podSelector: { matchLabels: podLabels },
        policyTypes: ['Ingress', 'Egress'],
        egress: [DNS_EGRESS, endpoint.egress],
      },
    });
    claimObjectIdentity(this, policy);
  }
}

function requireUnique(scope: Construct, field: string, names: string[], what: string): void {
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (seen.has(name)) reject(scope, `${field}[${i}]`, name, `repeats one of the ${what}`, 'declare each once');
    seen.add(name);
  }
}
