import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsChart } from '../../lib/core/gitops-chart';
import { isGuid } from '../../lib/identity/guid';
import { WorkloadIdentityKeys } from '../../lib/identity/azure-workload-identity';
import { WorkloadIdentityServiceAccount, WorkloadIdentityServiceAccountProps } from '../../lib/identity/workload-identity-service-account';
import { expectValidManifests } from '../support/strict-validator';

const CLIENT_ID = '0b9e5e1c-6d0e-4c43-9a3e-2f1f4b7b8c11';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function chart(namespace?: string): GitOpsChart {
  return new GitOpsChart(Testing.app(), 'test', { namespace });
}

function account(c: GitOpsChart, props: Partial<WorkloadIdentityServiceAccountProps> = {}): WorkloadIdentityServiceAccount {
  return new WorkloadIdentityServiceAccount(c, 'Identity', { name: 'minio-kes', namespace: 'minio', clientId: CLIENT_ID, ...props });
}

function deployment(c: GitOpsChart, props: kplus.DeploymentProps = {}): kplus.Deployment {
  return new kplus.Deployment(c, 'App', {
    metadata: { name: 'app', namespace: 'minio' },
    containers: [{ image: 'registry.example/app:1.0.0', securityContext: { user: 1000, group: 1000 } }],
    ...props,
  });
}

describe('WorkloadIdentityServiceAccount', () => {
  test('renders an annotated ServiceAccount without the legacy API token', () => {
    const c = chart();
    account(c, { tenantId: TENANT_ID });
    const manifests = Testing.synth(c);
    expectValidManifests(manifests);
    expect(manifests).toEqual([{
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'minio-kes',
        namespace: 'minio',
        labels: expect.objectContaining({ 'app.kubernetes.io/managed-by': 'minio-aks' }),
        annotations: {
          'azure.workload.identity/client-id': CLIENT_ID,
          'azure.workload.identity/tenant-id': TENANT_ID,
        },
      },
      automountServiceAccountToken: false,
    }]);
  });

  test('omits the tenant annotation when no tenant is given and mounts the API token on request', () => {
    const c = chart();
    account(c, { automountToken: true });
    const [sa] = Testing.synth(c);
    expectValidManifests([sa]);
    expect(sa.metadata.annotations).toEqual({ 'azure.workload.identity/client-id': CLIENT_ID });
    expect(sa.automountServiceAccountToken).toBe(true);
  });

  test('exposes the identity and the federated subject', () => {
    const identity = account(chart(), { tenantId: TENANT_ID });
    expect(identity.federatedSubject).toBe('system:serviceaccount:minio:minio-kes');
    expect(identity.name).toBe('minio-kes');
    expect(identity.serviceAccountName).toBe('minio-kes');
    expect(identity.namespace).toBe('minio');
    expect(identity.clientId).toBe(CLIENT_ID);
    expect(identity.tenantId).toBe(TENANT_ID);
    expect(WorkloadIdentityKeys.TOKEN_AUDIENCE).toBe('api://AzureADTokenExchange');
  });

  test('gives the pod label for objects rendered by hand', () => {
    expect(WorkloadIdentityServiceAccount.podLabels()).toEqual({ 'azure.workload.identity/use': 'true' });
    expect(WorkloadIdentityServiceAccount.POD_LABEL).toEqual({ key: 'azure.workload.identity/use', value: 'true' });
  });

  test('a Deployment bound to it carries the pod label and the serviceAccountName', () => {
    const c = chart();
    const identity = account(c);
    const app = deployment(c);
    identity.bindTo(app);
    const manifests = Testing.synth(c);
    expectValidManifests(manifests);
    const rendered = manifests.find(m => m.kind === 'Deployment');
    expect(rendered.spec.template.metadata.labels['azure.workload.identity/use']).toBe('true');
    expect(rendered.spec.template.spec.serviceAccountName).toBe('minio-kes');
    expect(rendered.spec.template.spec.automountServiceAccountToken).toBe(false);
    // the selector must not pick up the identity label, or pods of other workloads would match
    expect(rendered.spec.selector.matchLabels['azure.workload.identity/use']).toBeUndefined();
  });

  test('binding a workload created with the same account keeps it', () => {
    const c = chart();
    const identity = account(c);
    const app = deployment(c, { serviceAccount: identity.serviceAccount });
    identity.bindTo(app);
    const rendered = Testing.synth(c).find(m => m.kind === 'Deployment');
    expect(rendered.spec.template.spec.serviceAccountName).toBe('minio-kes');
  });

  test('a Pod bound to it carries the label on its own metadata', () => {
    const c = chart();
    const identity = account(c);
    const pod = new kplus.Pod(c, 'Pod', {
      metadata: { name: 'probe', namespace: 'minio' },
      containers: [{ image: 'registry.example/app:1.0.0', securityContext: { user: 1000, group: 1000 } }],
    });
    identity.bindTo(pod);
    const manifests = Testing.synth(c);
    expectValidManifests(manifests);
    const rendered = manifests.find(m => m.kind === 'Pod');
    expect(rendered.metadata.labels['azure.workload.identity/use']).toBe('true');
    expect(rendered.spec.serviceAccountName).toBe('minio-kes');
  });

  describe('rejects', () => {
    test('a name that is not a DNS subdomain', () => {
      expect(() => account(chart(), { name: 'MinIO_KES' })).toThrow(/test\/Identity: name must be a DNS-1123 subdomain .*received 'MinIO_KES'/);
    });

    test('a namespace that is not a DNS label', () => {
      expect(() => account(chart(), { namespace: 'minio.prod' })).toThrow(/namespace must be a DNS-1123 label .*received 'minio.prod'/);
    });

    test('a client ID that is not a GUID', () => {
      expect(() => account(chart(), { clientId: 'kes-identity' })).toThrow(/clientId must be a GUID .*received 'kes-identity'/);
    });

    test('a client ID with braces', () => {
      expect(() => account(chart(), { clientId: `{${CLIENT_ID}}` })).toThrow(/clientId must be a GUID/);
    });

    test('a tenant ID that is not a GUID', () => {
      expect(() => account(chart(), { tenantId: 'contoso.onmicrosoft.com' })).toThrow(/tenantId must be a GUID .*received 'contoso.onmicrosoft.com'/);
    });

    test('binding a workload of another namespace', () => {
      const c = chart();
      const identity = account(c);
      const app = new kplus.Deployment(c, 'Other', {
        metadata: { name: 'other', namespace: 'tools' },
        containers: [{ image: 'registry.example/app:1.0.0' }],
      });
      expect(() => identity.bindTo(app)).toThrow(/test\/Other: metadata.namespace must be 'minio' .*received 'tools'/);
    });

    test('binding a workload without a namespace', () => {
      const c = chart();
      const identity = account(c);
      const app = new kplus.Deployment(c, 'Other', { containers: [{ image: 'registry.example/app:1.0.0' }] });
      expect(() => identity.bindTo(app)).toThrow(/metadata.namespace must be 'minio' .*received nothing/);
    });

    test('binding a workload that runs as another account', () => {
      const c = chart();
      const identity = account(c);
      const other = new kplus.ServiceAccount(c, 'OtherAccount', { metadata: { name: 'other', namespace: 'minio' } });
      const app = deployment(c, { serviceAccount: other });
      expect(() => identity.bindTo(app)).toThrow(/test\/App: serviceAccount is already set.*received 'other'/);
    });
  });
});

describe('isGuid', () => {
  test('accepts both letter cases and refuses other shapes', () => {
    expect(isGuid(CLIENT_ID.toUpperCase())).toBe(true);
    expect(isGuid(CLIENT_ID.replace(/-/g, ''))).toBe(false);
    expect(isGuid(`${CLIENT_ID}0`)).toBe(false);
  });
});
