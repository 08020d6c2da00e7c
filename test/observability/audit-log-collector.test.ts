import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AuditLogCollector, FluentBitImage, GitOpsChart, KeyVaultSecretStore, MinioTenant, SecretSetting, TenantConfigurationSecret,
  WorkloadIdentityServiceAccount,
} from '../../lib';
import { renderMinioEnvironment } from '../support/operator-rendering';
import { expectValidManifests } from '../support/strict-validator';
import { VALID_POOL } from '../tenant/tenant-fixtures';

const TOKEN_VALUE = 'Bearer audit-secret-value';

/** A chart whose tenant configuration (root credentials) Key Vault fills through External Secrets. */
function vaultConfiguredChart() {
  const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
  const reader = new WorkloadIdentityServiceAccount(chart, 'Reader', {
    name: 'vault-reader', clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });
  const store = new KeyVaultSecretStore(chart, 'Vault', { name: 'vault', vaultUrl: 'https://contoso.vault.azure.net', identity: reader });
  const configuration = new TenantConfigurationSecret(chart, 'Configuration', {
    name: 'store-config', store, rootUser: 'root-user', rootPassword: 'root-password',
  });
  return { chart, configuration };
}

function platform() {
  const { chart, configuration } = vaultConfiguredChart();
  const collector = new AuditLogCollector(chart, 'minio-audit');
  const tenant = new MinioTenant(chart, 'store', { configuration, pools: [VALID_POOL], auditWebhook: collector.webhook() });
  collector.allowTenants(tenant);
  return { chart, collector, tenant, manifests: Testing.synth(chart) };
}

describe('AuditLogCollector', () => {
  const { manifests } = platform();
  const of = (kind: string) => manifests.find((m) => m.kind === kind && m.metadata.name === 'minio-audit');
  const deployment = of('Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];

  test('passes strict validation', () => {
    expectValidManifests(manifests);
  });

  test('runs the pinned Fluent Bit 5.1.1 image, restricted, with probes, requests and limits', () => {
    expect(container.image).toBe('cr.fluentbit.io/fluent/fluent-bit:5.1.1');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] },
      runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/api/v1/health', port: 'health' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/api/v1/health', port: 'health' });
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits).toBeDefined();
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  test('receives with the http input and writes JSON lines to stdout for Container Insights', () => {
    const config = of('ConfigMap').data['fluent-bit.conf'];
    expect(config).toMatch(/\[INPUT\]\n\s+Name\s+http\n\s+Listen\s+0\.0\.0\.0\n\s+Port\s+8080/);
    expect(config).toMatch(/\[OUTPUT\]\n\s+Name\s+stdout\n\s+Match\s+\*\n\s+Format\s+json_lines/);
    expect(config).toMatch(/Health_Check\s+On/);
    // Filters run between input and output, in order.
    expect(config.indexOf('[INPUT]')).toBeLessThan(config.indexOf('[FILTER]'));
    expect(config.lastIndexOf('[FILTER]')).toBeLessThan(config.indexOf('[OUTPUT]'));
    expect(container.command).toEqual(['/fluent-bit/bin/fluent-bit', '--config', '/etc/minio-audit/fluent-bit.conf']);
  });

  test('removes the credential fields of each audit event before writing it', () => {
    const config: string = of('ConfigMap').data['fluent-bit.conf'];
    const filters = config.split('\n\n').filter((block) => block.startsWith('[FILTER]'));
    expect(filters).toHaveLength(6);
    expect(filters[0]).toMatch(/Operation\s+lift\n\s+Nested_under\s+requestHeader\n\s+Add_prefix\s+minio_aks_0__/);
    expect(filters[1]).toMatch(/Name\s+modify[\s\S]*Remove\s+minio_aks_0__Authorization\n\s+Remove\s+minio_aks_0__X-Amz-Security-Token/);
    expect(filters[2]).toMatch(/Operation\s+nest\n\s+Wildcard\s+minio_aks_0__\*\n\s+Nest_under\s+requestHeader\n\s+Remove_prefix\s+minio_aks_0__/);
    expect(filters[3]).toMatch(/Nested_under\s+requestQuery/);
    expect(filters[4]).toMatch(/Remove\s+minio_aks_1__X-Amz-Signature\n\s+Remove\s+minio_aks_1__X-Amz-Security-Token\n\s+Remove\s+minio_aks_1__Signature/);
  });

  test('admits only the tenant pods to the webhook port and allows no egress', () => {
    const policy = of('NetworkPolicy');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.egress).toBeUndefined();
    expect(policy.spec.ingress).toEqual([{
      from: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'objects' } },
        podSelector: { matchLabels: { 'v1.min.io/tenant': 'store' } },
      }],
      ports: [{ port: 8080, protocol: 'TCP' }],
    }]);
  });

  test('has a Service and, with two replicas, a PodDisruptionBudget', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(of('Service').spec.ports).toEqual([{ name: 'webhook', port: 8080, targetPort: 'webhook', protocol: 'TCP' }]);
    expect(of('PodDisruptionBudget').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: deployment.spec.selector.matchLabels } });
  });

  test('the tenant posts one event per request to the collector', () => {
    const env = Object.fromEntries(manifests.find((m) => m.kind === 'Tenant').spec.env.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({
      MINIO_AUDIT_WEBHOOK_ENABLE: 'on',
      MINIO_AUDIT_WEBHOOK_ENDPOINT: 'http://minio-audit.objects.svc.cluster.local:8080/minio-audit',
      MINIO_AUDIT_WEBHOOK_BATCH_SIZE: '1',
      MINIO_AUDIT_WEBHOOK_QUEUE_SIZE: '100000',
    });
  });

  test('a single replica gets no PodDisruptionBudget; a collector admitting no tenant fails to synthesize', () => {
    const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
    new AuditLogCollector(chart, 'lonely', { replicas: 1, image: FluentBitImage.release('5.0.8') });
    expect(() => Testing.synth(chart)).toThrow(/test\/lonely: tenants must name at least one tenant/);
  });

  test('refuses bad replicas and floating image tags', () => {
    const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
    expect(() => new AuditLogCollector(chart, 'a', { replicas: 0 })).toThrow(/test\/a: replicas must be a whole number from 1 to 10 \(received 0\)/);
    expect(() => new AuditLogCollector(chart, 'b', { image: FluentBitImage.release('latest') })).toThrow(/test\/b: image/);
  });
});

describe('the audit path carries no credential in any manifest', () => {
  test('a webhook token reaches MinIO through config.env only', () => {
    const { chart, configuration } = vaultConfiguredChart();
    new MinioTenant(chart, 'store', {
      configuration,
      pools: [VALID_POOL],
      auditWebhook: { endpoint: 'https://audit.example.com/minio', authToken: SecretSetting.fromKeyVault('audit-token'), queueSize: 5000 },
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const minio = renderMinioEnvironment(manifests, 'store', { 'root-user': 'admin', 'root-password': 'pw-123456', 'audit-token': TOKEN_VALUE });
    expect(minio.get('MINIO_AUDIT_WEBHOOK_AUTH_TOKEN')).toEqual({ value: TOKEN_VALUE, source: 'config.env' });
    expect(minio.get('MINIO_AUDIT_WEBHOOK_QUEUE_SIZE')?.value).toBe('5000');
    expect(JSON.stringify(manifests)).not.toContain('audit-secret-value');
  });

  test('no object of the Fluent Bit pipeline holds a Secret, a token or a key', () => {
    const { manifests } = platform();
    const audit = manifests.filter((m) => m.metadata.name === 'minio-audit');
    expect(audit.map((m) => m.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'NetworkPolicy', 'PodDisruptionBudget', 'Service']);
    const text = JSON.stringify(audit);
    expect(text).not.toMatch(/secretKeyRef|"secret":|client_secret|password|Bearer|auth_token/i);
    expect(text).not.toContain("\"kind\":\"Secret\"");
  });

  test('refuses an endpoint with credentials or a bad scheme, and sizes below 1', () => {
    const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
    const configuration = kplus.Secret.fromSecretName(chart, 'Config', 'store-config');
    const build = (id: string, auditWebhook: any) => new MinioTenant(chart, id, { namespace: id, configuration, pools: [VALID_POOL], auditWebhook });
    expect(() => build('a', { endpoint: 'https://user:pw@audit.example.com' }))
      .toThrow(/test\/a: auditWebhook\.endpoint must be an http or https URL without credentials \(received 'a URL with credentials'\)/);
    expect(() => build('b', { endpoint: 'ftp://audit' })).toThrow(/test\/b: auditWebhook\.endpoint must be an http or https URL/);
    expect(() => build('c', { endpoint: 'http://audit', batchSize: 0 })).toThrow(/test\/c: auditWebhook\.batchSize must be a whole number of at least 1/);
    expect(() => build('d', { endpoint: 'http://audit', authToken: 'plain' })).toThrow(/test\/d: auditWebhook\.authToken must be a SecretSetting/);
    expect(() => new MinioTenant(chart, 'e', {
      namespace: 'e', configuration, pools: [VALID_POOL], env: { MINIO_AUDIT_WEBHOOK_ENDPOINT: kplus.EnvValue.fromValue('http://other') },
      auditWebhook: { endpoint: 'http://audit' },
    })).toThrow(/test\/e: env\.MINIO_AUDIT_WEBHOOK_ENDPOINT is also set by auditWebhook/);
  });
});
