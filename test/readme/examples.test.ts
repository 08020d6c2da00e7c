import { Testing } from 'cdk8s';
import { buildInternalS3Endpoint } from '../../apps/examples/azure-load-balancer';
import { buildCertManagerTls } from '../../apps/examples/cert-manager';
import { buildKeyVaultFiles } from '../../apps/examples/key-vault-files';
import { buildEncryptedStore } from '../../apps/examples/kms-cluster';
import { buildKeyVaultSecrets } from '../../apps/examples/key-vault-secrets';
import { buildWorkloadIdentity } from '../../apps/examples/workload-identity';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitOpsApp } from '../../lib';
import { addMinioMonitoringFiles } from '../../apps/examples/alerts-and-dashboard';
import { buildAuditedStore } from '../../apps/examples/audit-logs';
import { buildScrapedStore } from '../../apps/examples/metrics-scraping';
import { mintMetricsToken } from '../../apps/examples/prometheus-token';
import { buildAzureBlobTier } from '../../apps/examples/azure-blob-tier';
import { buildBucketsAndPolicies } from '../../apps/examples/buckets-and-policies';
import { buildEntraSignIn } from '../../apps/examples/entra-sign-in';
import { buildMigrationMirror } from '../../apps/examples/migration-mirror';
import { expectValidManifests } from '../support/strict-validator';

/** Synthesizes an example into a fresh app and checks every object against the schemas. */
function synthExample(build: typeof buildWorkloadIdentity): any[] {
  const manifests = Testing.synth(build(Testing.app()));
  expectValidManifests(manifests);
  return manifests;
}

function only(manifests: any[], kind: string, name?: string): any {
  const found = manifests.filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('README examples', () => {
  test('workload identity: the bound Deployment runs as the annotated account with the webhook label', () => {
    const manifests = synthExample(buildWorkloadIdentity);
    const account = only(manifests, 'ServiceAccount');
    expect(account.metadata.annotations['azure.workload.identity/client-id']).toBe('11111111-2222-3333-4444-555555555555');
    const pod = only(manifests, 'Deployment').spec.template;
    expect(pod.metadata.labels['azure.workload.identity/use']).toBe('true');
    expect(pod.spec.serviceAccountName).toBe(account.metadata.name);
  });

  test('Key Vault secrets: the Tenant reads config.env from the Secret that External Secrets keeps', () => {
    const manifests = synthExample(buildKeyVaultSecrets);
    const externalSecret = only(manifests, 'ExternalSecret');
    expect(Object.keys(externalSecret.spec.target.template.data)).toEqual(['config.env']);
    expect(externalSecret.spec.data.map((d: any) => d.remoteRef.key)).toEqual(['lake-root-user', 'lake-root-password']);
    expect(only(manifests, 'Tenant').spec.configuration).toEqual({ name: externalSecret.spec.target.name });
  });

  test('Key Vault files: the Deployment mounts the provider class as the class\'s identity', () => {
    const manifests = synthExample(buildKeyVaultFiles);
    const providerClass = only(manifests, 'SecretProviderClass');
    expect(providerClass.spec.parameters.keyvaultName).toBe('contoso-minio');
    const pod = only(manifests, 'Deployment').spec.template.spec;
    expect(pod.volumes).toEqual([expect.objectContaining({
      csi: expect.objectContaining({ volumeAttributes: { secretProviderClass: providerClass.metadata.name } }),
    })]);
    expect(pod.serviceAccountName).toBe('ingest');
  });

  test('Azure load balancer: the S3 Service is internal, in its subnet, behind a private link service', () => {
    const spec = only(synthExample(buildInternalS3Endpoint), 'Tenant').spec;
    expect(spec.exposeServices).toEqual({ minio: true, console: false });
    expect(spec.serviceMetadata.minioServiceAnnotations).toMatchObject({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': 'snet-minio-frontend',
      'service.beta.kubernetes.io/azure-pls-create': 'true',
    });
  });

  test('cert-manager: internal names from the private CA, public names from Let\'s Encrypt, CA first', () => {
    const manifests = synthExample(buildCertManagerTls);
    expect(only(manifests, 'Certificate', 'lake-internal-tls').spec.dnsNames).toContain('*.lake-hl.lake.svc.cluster.local');
    expect(only(manifests, 'Certificate', 'operator-ca-tls-contoso-minio-ca').metadata.namespace).toBe('minio-operator');
    expect(only(manifests, 'Tenant').spec).toMatchObject({
      requestAutoCert: false,
      externalCertSecret: [
        { name: 'lake-internal-tls', type: 'cert-manager.io/v1' },
        { name: 'lake-public-tls', type: 'kubernetes.io/tls' },
      ],
    });
  });

  test('KMS cluster: three nodes, leave and join Jobs for three, and the tenant pointed at the client Service', () => {
    const manifests = synthExample(buildEncryptedStore);
    expect(only(manifests, 'StatefulSet', 'kms').spec.replicas).toBe(3);
    const jobs = manifests.filter((m) => m.kind === 'Job').map((m) => m.metadata.name);
    expect(jobs).toEqual([expect.stringMatching(/^kms-leave-3-[0-9a-f]{8}$/), expect.stringMatching(/^kms-join-3-[0-9a-f]{8}$/),
      expect.stringMatching(/^kms-restart-[0-9a-f]{8}$/)]);
    const env = only(manifests, 'Tenant').spec.env;
    expect(env.find((e: any) => e.name === 'MINIO_KMS_SERVER').value).toBe('https://kms.vault.svc.cluster.local:7373');
  });

  test('metrics: a PodMonitor scrapes the tenant over HTTPS with its CA and the token from its namespace', () => {
    const endpoint = only(synthExample(buildScrapedStore), 'PodMonitor').spec.podMetricsEndpoints[0];
    expect(endpoint).toMatchObject({
      scheme: 'https',
      path: '/minio/v2/metrics/cluster',
      tlsConfig: { ca: { secret: { name: 'lake-internal-tls', key: 'ca.crt' } }, serverName: 'minio.data.svc' },
      authorization: { type: 'Bearer', credentials: { name: 'lake-metrics-token', key: 'token' } },
    });
  });

  test('metrics token: an HS512 JWT for metrics-reader signed with the secret key', () => {
    const [header, payload, signature] = mintMetricsToken('metrics-reader-secret').split('.');
    expect(createHmac('sha512', 'metrics-reader-secret').update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ iss: 'prometheus', sub: 'metrics-reader' });
  });

  test('alerts and dashboard: synth writes the ARM template and the dashboard beside the manifests', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'monitoring-'));
    const app = new GitOpsApp({ outdir });
    addMinioMonitoringFiles(app);
    app.synth();
    expect(readdirSync(outdir).sort()).toEqual(['minio-alerts.arm.json', 'minio.dashboard.json']);
    const template = JSON.parse(readFileSync(join(outdir, 'minio-alerts.arm.json'), 'utf8'));
    expect(template.resources[0].type).toBe('Microsoft.AlertsManagement/prometheusRuleGroups');
    expect(JSON.parse(readFileSync(join(outdir, 'minio.dashboard.json'), 'utf8')).uid).toBe('minio-aks');
  });

  test('audit logs: the tenant posts to the collector, which admits only its pods', () => {
    const manifests = synthExample(buildAuditedStore);
    const env = only(manifests, 'Tenant').spec.env;
    expect(env).toContainEqual({ name: 'MINIO_AUDIT_WEBHOOK_ENDPOINT', value: 'http://lake-audit.data.svc.cluster.local:8080/minio-audit' });
    expect(only(manifests, 'NetworkPolicy', 'lake-audit').spec.ingress[0].from[0].podSelector.matchLabels).toEqual({ 'v1.min.io/tenant': 'lake' });
    expect(only(manifests, 'Deployment', 'lake-audit').spec.template.spec.containers[0].image).toBe('cr.fluentbit.io/fluent/fluent-bit:5.1.1');
  });

  test('Entra ID sign-in: OpenID settings in env, the client secret in config.env', () => {
    const manifests = synthExample(buildEntraSignIn);
    const env = Object.fromEntries(only(manifests, 'Tenant').spec.env.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({ MINIO_IDENTITY_OPENID_CLAIM_NAME: 'groups', MINIO_IDENTITY_OPENID_CLIENT_ID: '22222222-3333-4444-5555-666666666666' });
    expect(only(manifests, 'ExternalSecret').spec.data.map((d: any) => d.secretKey)).toContain('MINIO_IDENTITY_OPENID_CLIENT_SECRET');
  });

  test('buckets and policies: one provisioning Job, its NetworkPolicy, and the plan for both buckets and the group policy', () => {
    const manifests = synthExample(buildBucketsAndPolicies);
    const script = only(manifests, 'Job').spec.template.spec.containers[0].command[2];
    expect(script).toContain('bucket reports 0 on - - - 5497558138880 lake-reports');
    expect(script).toContain('bucket audit-trail 1 - COMPLIANCE 7y 7YEARS');
    expect(script).toContain('policy 0b6f4e0c-1d2e-4f5a-8b9c-0d1e2f3a4b5c');
    expect(only(manifests, 'NetworkPolicy').metadata.name).toBe('lake-provision');
  });

  test('Azure Blob tier: the service principal secret from Key Vault, the tier and its rules in the plan', () => {
    const manifests = synthExample(buildAzureBlobTier);
    expect(only(manifests, 'ExternalSecret').spec.data).toEqual([{ secretKey: 'client-secret', remoteRef: { key: 'lake-tier-client-secret' } }]);
    const script = only(manifests, 'Job').spec.template.spec.containers[0].command[2];
    expect(script).toContain('tier AZURE-COLD contosominiocold lake-tier lake/ https://contosominiocold.blob.core.windows.net sp 0 aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee 33333333-4444-5555-6666-777777777777');
    expect(script).toContain('"NoncurrentVersionTransition":{"NoncurrentDays":14,"StorageClass":"AZURE-COLD"}');
  });

  test('migration mirror: one pod with Recreate, a dry run first, and a verification Job', () => {
    const manifests = synthExample(buildMigrationMirror);
    const deployment = only(manifests, 'Deployment');
    expect(deployment.spec).toMatchObject({ replicas: 1, strategy: { type: 'Recreate' } });
    expect(deployment.spec.template.spec.initContainers[0].name).toBe('dry-run');
    expect(only(manifests, 'Job').metadata.name).toMatch(/^from-legacy-verify-[0-9a-f]{8}$/);
  });
});
