import { Testing } from 'cdk8s';
import { HsmDevice, HsmDeviceType, HsmKeySource, HsmSecretsOperator, HsmSecretsOperatorKeyOptions, SecretValue } from '../../lib';
import { buildHsmBackedKms } from '../../apps/examples/hsm-mirrored-key';
import { expectValidManifests } from '../support/strict-validator';
import { find, kmsChart } from './kms-fixtures';

const OPERATOR = HsmSecretsOperator.fromHelmRelease('hsm', 'hsm-system');

function hsmKeyChart(options: Partial<HsmSecretsOperatorKeyOptions> = {}) {
  return kmsChart({ hsmKey: HsmKeySource.fromHsmSecretsOperator({ operator: OPERATOR, hsmPath: 'minio-kms-hsm', ...options }) });
}

describe('HsmKeySource.fromHsmSecretsOperator', () => {
  const manifests = Testing.synth(hsmKeyChart().chart);
  const hsmSecret = find(manifests, 'HSMSecret', 'minio-kms-hsm');

  test('everything it synthesizes passes strict schema validation', () => {
    expectValidManifests(manifests);
  });

  test('parentRef names the operator\'s manager Deployment and namespace, not the KMS', () => {
    expect(hsmSecret.spec.parentRef).toEqual({ group: 'apps', kind: 'Deployment', name: 'hsm-hsm-secrets-operator-controller-manager', namespace: 'hsm-system' });
  });

  test('the HSMSecret lives beside the KMS, which reads the Secret it syncs', () => {
    expect(hsmSecret.metadata.namespace).toBe('minio-kms');
    expect(hsmSecret.spec).toMatchObject({ secretName: 'kms-hsm-key', secretType: 'Opaque', autoSync: true, syncInterval: 30 });
    const env = find(manifests, 'StatefulSet', 'kms').spec.template.spec.containers[0].env;
    expect(env.find((e: any) => e.name === 'MINIO_KMS_HSM_KEY').valueFrom.secretKeyRef).toEqual({ name: 'kms-hsm-key', key: 'hsm-key' });
  });

  test('the operator of a mirrored HsmDevice is the one the HSMSecret names', () => {
    const { chart } = kmsChart();
    const device = new HsmDevice(chart, 'Hsm', {
      operator: HsmSecretsOperator.fromDeployment('hsm-operator', 'hsm'),
      name: 'kms-hsm',
      deviceType: HsmDeviceType.PICO_HSM,
      usbDevices: [{ vendorId: '20a0', productId: '4230' }],
      pkcs11: { libraryPath: '/usr/lib/opensc-pkcs11.so', pin: SecretValue.fromSecretName('kms-hsm-pin', 'pin') },
      mirroring: { primaryNode: 'aks-hsm-0', targetNodes: ['aks-hsm-1'] },
    });
    const { chart: kms } = kmsChart({ hsmKey: HsmKeySource.fromHsmSecretsOperator({ operator: device.operator, hsmPath: 'minio-kms-hsm' }) });
    expect(find(Testing.synth(kms), 'HSMSecret').spec.parentRef).toMatchObject({ name: 'hsm-operator', namespace: 'hsm' });
    expect(find(Testing.synth(chart), 'HSMDevice').metadata.namespace).toBe('hsm');
  });
});

describe('HsmSecretsOperator', () => {
  test.each([
    ['hsm', undefined, 'hsm-hsm-secrets-operator-controller-manager'],
    ['hsm-secrets-operator', undefined, 'hsm-secrets-operator-controller-manager'],
    ['prod-hsm-secrets-operator', undefined, 'prod-hsm-secrets-operator-controller-manager'],
    ['hsm', 'vault-hsm', 'vault-hsm-controller-manager'],
    ['r'.repeat(62), undefined, `${'r'.repeat(62)}-controller-manager`],
    ['r'.repeat(50), undefined, `${'r'.repeat(50)}-hsm-secrets-controller-manager`],
  ])('Helm release %s (fullnameOverride %s) runs as %s', (release, fullnameOverride, deployment) => {
    const operator = HsmSecretsOperator.fromHelmRelease(release, 'hsm-system', fullnameOverride === undefined ? {} : { fullnameOverride });
    expect(operator.deploymentName).toBe(deployment);
    expect(operator.namespace).toBe('hsm-system');
  });

  test('cuts a 63-character name the way Helm does: one trailing dash only', () => {
    expect(HsmSecretsOperator.fromHelmRelease('x', 'ns', { fullnameOverride: `${'a'.repeat(61)}--b` }).deploymentName)
      .toBe(`${'a'.repeat(61)}--controller-manager`);
  });
});

describe('HsmKeySource.fromHsmSecretsOperator rejects', () => {
  test.each<[string, () => ReturnType<typeof hsmKeyChart>, RegExp]>([
    ['an operator Deployment name that is no object name',
      () => kmsChart({ hsmKey: HsmKeySource.fromHsmSecretsOperator({ operator: HsmSecretsOperator.fromDeployment('HSM Operator', 'hsm'), hsmPath: 'p' }) }),
      /test\/kms: hsmKey\.operator\.deploymentName is not a Deployment name \(a DNS-1123 subdomain\) \(received 'HSM Operator'\)/],
    ['an operator namespace that is no namespace name',
      () => kmsChart({ hsmKey: HsmKeySource.fromHsmSecretsOperator({ operator: HsmSecretsOperator.fromDeployment('hsm', 'hsm.system'), hsmPath: 'p' }) }),
      /test\/kms: hsmKey\.operator\.namespace is not a namespace name/],
    ['an HSM path too long for the label of the synced Secret', () => hsmKeyChart({ hsmPath: 'p'.repeat(64) }),
      /test\/kms: hsmKey\.hsmPath must be a DNS-1123 subdomain of at most 63 characters \(it names the HSMSecret and labels the synced Secret\)/],
    ['an HSM path with a slash', () => hsmKeyChart({ hsmPath: 'minio/kms' }), /test\/kms: hsmKey\.hsmPath must be a DNS-1123 subdomain/],
    ['a sync interval beyond int32', () => hsmKeyChart({ syncIntervalSeconds: 2 ** 31 }),
      /test\/kms: hsmKey\.syncIntervalSeconds must be a whole number of seconds from 1 to 2147483647 \(the operator's int32\) \(received 2147483648\)/],
    ['a fractional sync interval', () => hsmKeyChart({ syncIntervalSeconds: 0.5 }), /hsmKey\.syncIntervalSeconds must be a whole number .*\(received 0\.5\)/],
    ['an invalid Secret key', () => hsmKeyChart({ key: 'hsm key' }), /test\/kms: hsmKey\.key is not a valid Secret key/],
  ])('%s', (_case, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('README example: a KMS whose HSM key comes from a mirrored HSM', () => {
  const manifests = Testing.synth(buildHsmBackedKms(Testing.app()));

  test('synthesizes valid manifests', () => {
    expectValidManifests(manifests);
  });

  test('the device sits in the operator\'s namespace and the HSMSecret names that operator', () => {
    const device = find(manifests, 'HSMDevice', 'kms-pico');
    expect(device.metadata.namespace).toBe('hsm-system');
    expect(device.spec.mirroring.targetNodes).toHaveLength(2);
    expect(find(manifests, 'HSMSecret', 'minio-kms-hsm').spec.parentRef)
      .toEqual({ group: 'apps', kind: 'Deployment', name: 'hsm-hsm-secrets-operator-controller-manager', namespace: 'hsm-system' });
  });
});
