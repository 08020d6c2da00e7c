import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parse } from 'yaml';
import { GitOpsChart } from '../../lib/core/gitops-chart';
import { IAzureWorkloadIdentity } from '../../lib/identity/azure-workload-identity';
import { WorkloadIdentityServiceAccount } from '../../lib/identity/workload-identity-service-account';
import {
  KeyVaultObjectType,
  KeyVaultSecretProviderClass,
  KeyVaultSecretProviderClassProps,
} from '../../lib/secrets/key-vault-secret-provider-class';
import { expectValidManifests } from '../support/strict-validator';

const CLIENT_ID = '0b9e5e1c-6d0e-4c43-9a3e-2f1f4b7b8c11';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const VERSION = '4387e9f3d6e14c459867679a90fd0f79';

interface Fixture {
  readonly chart: GitOpsChart;
  readonly identity: WorkloadIdentityServiceAccount;
}

function fixture(tenantId: string | null = TENANT_ID): Fixture {
  const chart = new GitOpsChart(Testing.app(), 'test');
  const identity = new WorkloadIdentityServiceAccount(chart, 'Identity', {
    name: 'minio-kms', namespace: 'minio', clientId: CLIENT_ID, tenantId: tenantId ?? undefined,
  });
  return { chart, identity };
}

function providerClass(f: Fixture, props: Partial<KeyVaultSecretProviderClassProps> = {}): KeyVaultSecretProviderClass {
  return new KeyVaultSecretProviderClass(f.chart, 'Csi', {
    name: 'kms-hsm-key',
    vaultUrl: 'https://kv-minio.vault.azure.net/',
    identity: f.identity,
    objects: [{ name: 'minio-kms-hsm-key' }],
    ...props,
  });
}

function deployment(f: Fixture, namespace = 'minio'): kplus.Deployment {
  return new kplus.Deployment(f.chart, 'Kms', {
    metadata: { name: 'kms', namespace },
    containers: [{ name: 'kms', image: 'quay.io/minio/aistor/minkms:RELEASE.2025-01-01T00-00-00Z', securityContext: { user: 1000, group: 1000 } }],
  });
}

function manifests(f: Fixture): any[] {
  const all = Testing.synth(f.chart);
  expectValidManifests(all);
  return all;
}

function rendered(f: Fixture): any {
  return manifests(f).find(m => m.kind === 'SecretProviderClass');
}

describe('KeyVaultSecretProviderClass', () => {
  test('renders a v1 SecretProviderClass for workload identity', () => {
    const f = fixture();
    providerClass(f);
    expect(rendered(f)).toEqual({
      apiVersion: 'secrets-store.csi.x-k8s.io/v1',
      kind: 'SecretProviderClass',
      metadata: { name: 'kms-hsm-key', namespace: 'minio', labels: expect.objectContaining({ 'app.kubernetes.io/managed-by': 'minio-aks' }) },
      spec: {
        provider: 'azure',
        parameters: {
          keyvaultName: 'kv-minio',
          cloudName: 'AzurePublicCloud',
          tenantID: TENANT_ID,
          clientID: CLIENT_ID,
          usePodIdentity: 'false',
          useVMManagedIdentity: 'false',
          objects: 'array:\n  - |\n    objectName: "minio-kms-hsm-key"\n    objectType: "secret"\n',
        },
      },
    });
  });

  test('objects parse as the provider reads them, with aliases, versions and types', () => {
    const f = fixture();
    providerClass(f, {
      objects: [
        { name: 'null' },
        { name: 'kms-tls', type: KeyVaultObjectType.CERTIFICATE, alias: 'tls.crt', version: VERSION },
        { name: 'kms-signing', type: KeyVaultObjectType.KEY, alias: 'signing.pem' },
      ],
    });
    const outer = parse(rendered(f).spec.parameters.objects);
    expect(Object.keys(outer)).toEqual(['array']);
    expect(outer.array.map((entry: string) => parse(entry))).toEqual([
      { objectName: 'null', objectType: 'secret' },
      { objectName: 'kms-tls', objectType: 'cert', objectAlias: 'tls.crt', objectVersion: VERSION },
      { objectName: 'kms-signing', objectType: 'key', objectAlias: 'signing.pem' },
    ]);
  });

  test('renders the same objects string for the same input', () => {
    const render = (): string => {
      const f = fixture();
      providerClass(f, { objects: [{ name: 'a' }, { name: 'b', alias: 'b.txt' }] });
      return rendered(f).spec.parameters.objects;
    };
    expect(render()).toBe(render());
  });

  test('syncs mounted objects into a Kubernetes Secret', () => {
    const f = fixture();
    providerClass(f, {
      objects: [{ name: 'kms-tls-crt', alias: 'tls.crt' }, { name: 'kms-tls-key', alias: 'tls.key' }],
      secretObjects: [{
        secretName: 'kms-tls',
        type: 'kubernetes.io/tls',
        data: [{ key: 'tls.crt', object: 'tls.crt' }, { key: 'tls.key', object: 'tls.key' }],
      }, {
        secretName: 'kms-ca',
        data: [{ key: 'ca.crt', object: 'tls.crt' }],
      }],
    });
    expect(rendered(f).spec.secretObjects).toEqual([
      { secretName: 'kms-tls', type: 'kubernetes.io/tls', data: [{ key: 'tls.crt', objectName: 'tls.crt' }, { key: 'tls.key', objectName: 'tls.key' }] },
      { secretName: 'kms-ca', type: 'Opaque', data: [{ key: 'ca.crt', objectName: 'tls.crt' }] },
    ]);
  });

  test('takes the cloud from the vault URL and the tenant from the class when the identity has none', () => {
    const f = fixture(null);
    providerClass(f, { vaultUrl: 'https://kv-minio.vault.usgovcloudapi.net', tenantId: TENANT_ID });
    const parameters = rendered(f).spec.parameters;
    expect(parameters.cloudName).toBe('AzureUSGovernmentCloud');
    expect(parameters.tenantID).toBe(TENANT_ID);
  });

  test('mounts read-only into every container of a bound workload', () => {
    const f = fixture();
    const kms = deployment(f);
    f.identity.bindTo(kms);
    const csi = providerClass(f);
    csi.mountOn(kms, '/mnt/hsm');
    const spec = manifests(f).find(m => m.kind === 'Deployment').spec.template.spec;
    expect(spec.serviceAccountName).toBe('minio-kms');
    expect(spec.volumes).toEqual([{
      name: 'kms-hsm-key',
      csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'kms-hsm-key' } },
    }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'kms-hsm-key', mountPath: '/mnt/hsm', readOnly: true }]);
  });

  test('mounts into a single container under a chosen volume name', () => {
    const f = fixture();
    const kms = deployment(f);
    f.identity.bindTo(kms);
    const csi = providerClass(f);
    csi.mountOn(kms.containers[0], '/mnt/hsm', { volumeName: 'hsm' });
    const spec = manifests(f).find(m => m.kind === 'Deployment').spec.template.spec;
    expect(spec.volumes[0].name).toBe('hsm');
    expect(spec.containers[0].volumeMounts[0]).toEqual({ name: 'hsm', mountPath: '/mnt/hsm', readOnly: true });
    expect(csi.volume('hsm')).toBe(csi.volume('hsm'));
  });

  test('gives the volume as a plain spec for pods rendered by hand', () => {
    const csi = providerClass(fixture());
    expect(csi.volumeSpec()).toEqual({
      name: 'kms-hsm-key',
      csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'kms-hsm-key' } },
    });
  });

  describe('rejects', () => {
    test('a name that is not a DNS subdomain', () => {
      expect(() => providerClass(fixture(), { name: 'KMS' })).toThrow(/test\/Csi: name must be a DNS-1123 subdomain .*received 'KMS'/);
    });

    test('a vault URL outside the Key Vault domains', () => {
      expect(() => providerClass(fixture(), { vaultUrl: 'https://kv-minio.example.com' })).toThrow(/vaultUrl must be a Key Vault URL ending in one of .*received 'https:\/\/kv-minio.example.com'/);
    });

    test('an invalid vault name', () => {
      expect(() => providerClass(fixture(), { vaultUrl: 'https://kv--minio.vault.azure.net' })).toThrow(/vaultUrl names vault 'kv--minio', whose name must not contain consecutive hyphens/);
    });

    test('an identity whose client ID is not a GUID', () => {
      const identity: IAzureWorkloadIdentity = { clientId: 'kms', tenantId: TENANT_ID, serviceAccountName: 'minio-kms', namespace: 'minio' };
      expect(() => providerClass(fixture(), { identity })).toThrow(/identity.clientId must be a GUID .*received 'kms'/);
    });

    test('an identity whose account name is not a DNS subdomain', () => {
      const identity: IAzureWorkloadIdentity = { clientId: CLIENT_ID, tenantId: TENANT_ID, serviceAccountName: 'Kms', namespace: 'minio' };
      expect(() => providerClass(fixture(), { identity })).toThrow(/identity.serviceAccountName must be a DNS-1123 subdomain .*received 'Kms'/);
    });

    test('an identity whose namespace is not a DNS label', () => {
      const identity: IAzureWorkloadIdentity = { clientId: CLIENT_ID, tenantId: TENANT_ID, serviceAccountName: 'kms', namespace: 'mi.nio' };
      expect(() => providerClass(fixture(), { identity })).toThrow(/identity.namespace must be a DNS-1123 label .*received 'mi.nio'/);
    });

    test('no tenant', () => {
      expect(() => providerClass(fixture(null))).toThrow(/tenantId must be given when the identity names no tenant \(received nothing\)/);
    });

    test('a tenant that differs from the identity\'s', () => {
      expect(() => providerClass(fixture(), { tenantId: CLIENT_ID })).toThrow(new RegExp(`tenantId must match the identity's tenant '${TENANT_ID}' \\(received '${CLIENT_ID}'\\)`));
    });

    test('a tenant that is not a GUID', () => {
      expect(() => providerClass(fixture(null), { tenantId: 'contoso' })).toThrow(/tenantId must be a GUID .*received 'contoso'/);
    });

    test('no objects', () => {
      expect(() => providerClass(fixture(), { objects: [] })).toThrow(/objects must list at least one Key Vault object \(received \[\]\)/);
    });

    test('an object name Key Vault cannot hold', () => {
      expect(() => providerClass(fixture(), { objects: [{ name: 'kms/hsm' }] })).toThrow(/objects\[0\].name may contain only letters, digits and hyphens \(received 'kms\/hsm'\)/);
    });

    test('an object version that is not 32 hexadecimal digits', () => {
      expect(() => providerClass(fixture(), { objects: [{ name: 'a', version: 'v1' }] })).toThrow(/objects\[0\].version must be 32 hexadecimal digits \(received 'v1'\)/);
    });

    test.each(['../etc/passwd', 'a b', '..', 'a"b'])('the alias %p', (alias) => {
      expect(() => providerClass(fixture(), { objects: [{ name: 'a', alias }] })).toThrow(/objects\[0\].alias must be a file name/);
    });

    test('two objects written to the same file', () => {
      expect(() => providerClass(fixture(), { objects: [{ name: 'a' }, { name: 'b', alias: 'a' }] })).toThrow(/objects\[1\] would be written to a file another object already uses \(received 'a'\)/);
    });

    test('a synced Secret name that is not a DNS subdomain', () => {
      expect(() => providerClass(fixture(), { secretObjects: [{ secretName: 'Kms', data: [{ key: 'k', object: 'minio-kms-hsm-key' }] }] })).toThrow(/secretObjects\[0\].secretName must be a DNS-1123 subdomain .*received 'Kms'/);
    });

    test('a synced Secret without keys', () => {
      expect(() => providerClass(fixture(), { secretObjects: [{ secretName: 'kms', data: [] }] })).toThrow(/secretObjects\[0\].data must hold at least one key/);
    });

    test('a synced key that is not a Secret key', () => {
      expect(() => providerClass(fixture(), { secretObjects: [{ secretName: 'kms', data: [{ key: 'a/b', object: 'minio-kms-hsm-key' }] }] })).toThrow(/secretObjects\[0\].data\[0\].key must be a Secret key .*received 'a\/b'/);
    });

    test('a synced key naming no mounted object', () => {
      expect(() => providerClass(fixture(), { secretObjects: [{ secretName: 'kms', data: [{ key: 'k', object: 'missing' }] }] })).toThrow(/secretObjects\[0\].data\[0\].object must be the file name of a mounted object \(minio-kms-hsm-key\) \(received 'missing'\)/);
    });

    test('the same Secret synced twice', () => {
      const data = [{ key: 'k', object: 'minio-kms-hsm-key' }];
      expect(() => providerClass(fixture(), { secretObjects: [{ secretName: 'kms', data }, { secretName: 'kms', data }] })).toThrow(/secretObjects must not sync the same Secret twice \(received 'kms'\)/);
    });

    test('syncing a MinIO Tenant config.env', () => {
      expect(() => providerClass(fixture(), {
        objects: [{ name: 'minio-config-env' }],
        secretObjects: [{ secretName: 'minio-configuration', data: [{ key: 'config.env', object: 'minio-config-env' }] }],
      })).toThrow(/secretObjects\[0\].data\[0\].key would make a MinIO Tenant configuration Secret that exists only while a pod mounts this class, but the operator reads it before any pod starts \(received 'config.env'\): render config.env with TenantConfigurationSecret/);
    });

    test('a relative mount path', () => {
      const f = fixture();
      const kms = deployment(f);
      f.identity.bindTo(kms);
      expect(() => providerClass(f).mountOn(kms, 'mnt/hsm')).toThrow(/mountOn.path must be an absolute path without ':' \(received 'mnt\/hsm'\)/);
    });

    test('a volume name that is not a DNS label', () => {
      expect(() => providerClass(fixture(), { name: 'kms.hsm' }).volume()).toThrow(/volumeName must be a DNS-1123 label .*received 'kms.hsm'/);
    });

    test('mounting on a workload that does not run as the identity', () => {
      const f = fixture();
      const kms = deployment(f);
      expect(() => providerClass(f).mountOn(kms, '/mnt/hsm')).toThrow(/test\/Kms: serviceAccount must be 'minio-kms', the identity of SecretProviderClass 'kms-hsm-key', as the CSI driver authenticates with the pod's own service account \(received 'default'\)/);
    });

    test('mounting on a workload of another namespace', () => {
      const f = fixture();
      const kms = deployment(f, 'tools');
      expect(() => providerClass(f).mountOn(kms, '/mnt/hsm')).toThrow(/test\/Kms: metadata.namespace must be 'minio' to mount SecretProviderClass 'kms-hsm-key'.*received 'tools'/);
    });

    test('mounting on a workload without containers', () => {
      const f = fixture();
      const empty = new kplus.Deployment(f.chart, 'Empty', { metadata: { name: 'empty', namespace: 'minio' }, serviceAccount: f.identity.serviceAccount });
      expect(() => providerClass(f).mountOn(empty, '/mnt/hsm')).toThrow(/test\/Empty: containers must hold at least one container/);
    });
  });
});
