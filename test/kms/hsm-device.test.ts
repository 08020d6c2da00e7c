import { Testing } from 'cdk8s';
import {
  GitOpsChart,
  HsmDevice,
  HsmDeviceProps,
  HsmDeviceType,
  HsmMirroringOptions,
  HsmMirroringPolicy,
  HsmSecretsOperator,
  SecretValue,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';
import { find } from './kms-fixtures';

const OPERATOR = HsmSecretsOperator.fromHelmRelease('hsm', 'hsm-system');
const PICO = { vendorId: '20a0', productId: '4230' };
const MIRRORING: HsmMirroringOptions = {
  primaryNode: 'aks-hsm-0',
  targetNodes: ['aks-hsm-1', 'aks-hsm-2'],
};

/** A chart in namespace `minio-kms` holding one Pico HSM device built from `overrides`. */
function deviceChart(overrides: Partial<HsmDeviceProps> = {}) {
  const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'minio-kms' });
  const device = new HsmDevice(chart, 'Hsm', {
    operator: OPERATOR,
    name: 'kms-hsm',
    deviceType: HsmDeviceType.PICO_HSM,
    usbDevices: [PICO],
    pkcs11: { libraryPath: '/usr/lib/opensc-pkcs11.so', pin: SecretValue.fromSecretName('kms-hsm-pin', 'pin'), tokenLabel: 'PicoHSM' },
    ...overrides,
  });
  return { chart, device };
}

function synthDevice(overrides: Partial<HsmDeviceProps> = {}): any {
  const manifests = Testing.synth(deviceChart(overrides).chart);
  expectValidManifests(manifests);
  expect(manifests.map((m) => m.kind)).toEqual(['HSMDevice']);
  return find(manifests, 'HSMDevice');
}

describe('HsmDevice', () => {
  test('a mirrored Pico HSM in the operator\'s namespace, with the PIN by reference', () => {
    const { chart, device } = deviceChart({ mirroring: MIRRORING });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(manifests).toEqual([{
      apiVersion: 'hsm.j5t.io/v1alpha1',
      kind: 'HSMDevice',
      metadata: { name: 'kms-hsm', namespace: 'hsm-system', labels: expect.objectContaining({ 'app.kubernetes.io/component': 'hsm-device' }) },
      spec: {
        deviceType: 'PicoHSM',
        discovery: { autoDiscovery: false, usb: [{ vendorId: '20a0', productId: '4230' }] },
        pkcs11: {
          libraryPath: '/usr/lib/opensc-pkcs11.so',
          pinSecret: { name: 'kms-hsm-pin', key: 'pin' },
          tokenLabel: 'PicoHSM',
          autoProvision: false,
        },
        maxDevices: 10,
        mirroring: { policy: 'ReadOnly', primaryNode: 'aks-hsm-0', targetNodes: ['aks-hsm-1', 'aks-hsm-2'], syncInterval: 60, autoFailover: true },
      },
    }]);
    expect(device.name).toBe('kms-hsm');
    expect(device.operator).toBe(OPERATOR);
    expect(manifests).toMatchSnapshot();
  });

  test('never puts a PIN or a PIN Secret namespace into the manifest', () => {
    const spec = synthDevice().spec;
    expect(spec.pkcs11.pinSecret).toEqual({ name: 'kms-hsm-pin', key: 'pin' });
    expect(spec.pkcs11).not.toHaveProperty('pin');
  });

  test('leaves slotId to the CRD default, since the agent selects tokens by label', () => {
    expect(synthDevice().spec.pkcs11).not.toHaveProperty('slotId');
  });

  test('active mirroring with a custom interval, no failover and no preferred primary', () => {
    const mirroring = synthDevice({
      mirroring: { policy: HsmMirroringPolicy.ACTIVE, targetNodes: ['aks-hsm-1'], syncIntervalSeconds: 300, autoFailover: false },
    }).spec.mirroring;
    expect(mirroring).toEqual({ policy: 'Active', targetNodes: ['aks-hsm-1'], syncInterval: 300, autoFailover: false });
  });

  test('no mirroring leaves the field out (the operator\'s policy None)', () => {
    expect(synthDevice().spec).not.toHaveProperty('mirroring');
  });

  test('pins discovery to one node by the only selector the discovery agent honours', () => {
    expect(synthDevice({ node: 'aks-hsm-0' }).spec.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'aks-hsm-0' });
  });

  test('auto-discovery, a device picked by serial, the other types and a per-node limit', () => {
    const spec = synthDevice({
      deviceType: HsmDeviceType.SMARTCARD_HSM,
      autoDiscovery: true,
      usbDevices: [{ vendorId: '04E6', productId: '5816', serialNumber: 'DECM0102330' }],
      maxDevicesPerNode: 1,
      pkcs11: { libraryPath: '/usr/lib/opensc-pkcs11.so', pin: SecretValue.fromSecretName('pin', 'user-pin'), autoProvision: true },
    }).spec;
    expect(spec.deviceType).toBe('SmartCard-HSM');
    expect(spec.discovery).toEqual({ autoDiscovery: true, usb: [{ vendorId: '04e6', productId: '5816', serialNumber: 'DECM0102330' }] });
    expect(spec.maxDevices).toBe(1);
    expect(spec.pkcs11).toEqual({ libraryPath: '/usr/lib/opensc-pkcs11.so', pinSecret: { name: 'pin', key: 'user-pin' }, autoProvision: true });
    expect(HsmDeviceType.GENERIC.value).toBe('Generic');
  });

  test('auto-discovery alone needs no USB selector', () => {
    expect(synthDevice({ usbDevices: [], autoDiscovery: true }).spec.discovery).toEqual({ autoDiscovery: true });
  });
});

describe('HsmDevice rejects what the operator cannot run', () => {
  test.each<[string, Partial<HsmDeviceProps>, RegExp]>([
    ['mirroring without a target node', { mirroring: { primaryNode: 'aks-hsm-0', targetNodes: [] } },
      /test\/Hsm: mirroring\.targetNodes must name at least one node: a mirror on no other node keeps nothing readable when the primary is down \(received \[\]\)/],
    ['the primary among the targets', { mirroring: { primaryNode: 'aks-hsm-1', targetNodes: ['aks-hsm-1', 'aks-hsm-2'] } },
      /test\/Hsm: mirroring\.primaryNode is also a target node.*\(received 'aks-hsm-1'\): remove the primary from targetNodes/],
    ['a target named twice', { mirroring: { targetNodes: ['aks-hsm-1', 'aks-hsm-1'] } },
      /test\/Hsm: mirroring\.targetNodes names 'aks-hsm-1' twice/],
    ['a target that is no node name', { mirroring: { targetNodes: ['AKS_HSM_1'] } },
      /test\/Hsm: mirroring\.targetNodes\[0\] is not a Kubernetes node name \(a DNS-1123 subdomain\) \(received 'AKS_HSM_1'\)/],
    ['a primary that is no node name', { mirroring: { primaryNode: 'node 0', targetNodes: ['aks-hsm-1'] } },
      /test\/Hsm: mirroring\.primaryNode is not a Kubernetes node name/],
    ['a sync interval of zero', { mirroring: { ...MIRRORING, syncIntervalSeconds: 0 } },
      /test\/Hsm: mirroring\.syncIntervalSeconds must be a whole number of seconds from 1 to 2147483647 \(the operator's int32\) \(received 0\)/],
    ['a negative sync interval', { mirroring: { ...MIRRORING, syncIntervalSeconds: -60 } },
      /mirroring\.syncIntervalSeconds must be a whole number .*\(received -60\)/],
    ['a fractional sync interval', { mirroring: { ...MIRRORING, syncIntervalSeconds: 1.5 } },
      /mirroring\.syncIntervalSeconds must be a whole number .*\(received 1\.5\)/],
    ['a sync interval beyond int32', { mirroring: { ...MIRRORING, syncIntervalSeconds: 2 ** 31 } },
      /mirroring\.syncIntervalSeconds must be a whole number .*\(received 2147483648\)/],
    ['mirroring with discovery pinned to one node', { node: 'aks-hsm-0', mirroring: MIRRORING },
      /test\/Hsm: node pins discovery to one node, so the mirror nodes' devices are never found \(received 'aks-hsm-0'\)/],
    ['a node name unusable as the hostname label', { node: 'n'.repeat(64) },
      /test\/Hsm: node is not a node name usable as the kubernetes\.io\/hostname label/],
    ['a device name too long for the operator\'s labels', { name: 'h'.repeat(64) },
      /test\/Hsm: name must be a DNS-1123 subdomain of at most 63 characters \(the operator puts it in the label hsm\.j5t\.io\/device\)/],
    ['an invalid device name', { name: 'Kms_Hsm' }, /test\/Hsm: name must be a DNS-1123 subdomain/],
    ['no way to find the device', { usbDevices: [] },
      /test\/Hsm: usbDevices is empty and autoDiscovery is off, so no device would ever be found \(received \[\]\)/],
    ['a vendor ID that is not four hex digits', { usbDevices: [{ vendorId: '0x20a0', productId: '4230' }] },
      /test\/Hsm: usbDevices\[0\]\.vendorId must be four hex digits \(received '0x20a0'\)/],
    ['an empty product ID, which would match any device', { usbDevices: [{ vendorId: '20a0', productId: '' }] },
      /test\/Hsm: usbDevices\[0\]\.productId must be four hex digits \(received ''\)/],
    ['a blank serial number', { usbDevices: [{ ...PICO, serialNumber: ' ' }] },
      /test\/Hsm: usbDevices\[0\]\.serialNumber is blank/],
    ['no devices per node', { maxDevicesPerNode: 0 },
      /test\/Hsm: maxDevicesPerNode must be a whole number of devices from 1 to 2147483647 \(the operator's int32\) \(received 0\)/],
    ['a relative PKCS#11 module path', { pkcs11: { libraryPath: 'opensc-pkcs11.so', pin: SecretValue.fromSecretName('p', 'pin') } },
      /test\/Hsm: pkcs11\.libraryPath must be the absolute path of a PKCS#11 module file \(received 'opensc-pkcs11\.so'\)/],
    ['a blank PKCS#11 module path', { pkcs11: { libraryPath: '', pin: SecretValue.fromSecretName('p', 'pin') } },
      /test\/Hsm: pkcs11\.libraryPath must be the absolute path/],
    ['a PIN Secret name that is no Secret name', { pkcs11: { libraryPath: '/usr/lib/opensc-pkcs11.so', pin: SecretValue.fromSecretName('Pin_Secret', 'pin') } },
      /test\/Hsm: pkcs11\.pin\.secretName must be a DNS-1123 subdomain/],
    ['a PIN Secret key that is no Secret key', { pkcs11: { libraryPath: '/usr/lib/opensc-pkcs11.so', pin: SecretValue.fromSecretName('p', 'user pin') } },
      /test\/Hsm: pkcs11\.pin\.key is not a valid Secret key/],
    ['a token label with surrounding spaces', { pkcs11: { libraryPath: '/usr/lib/opensc-pkcs11.so', pin: SecretValue.fromSecretName('p', 'pin'), tokenLabel: 'PicoHSM ' } },
      /test\/Hsm: pkcs11\.tokenLabel is blank or has leading or trailing spaces/],
    ['a token label longer than PKCS#11 allows', { pkcs11: { libraryPath: '/usr/lib/opensc-pkcs11.so', pin: SecretValue.fromSecretName('p', 'pin'), tokenLabel: 'é'.repeat(17) } },
      /test\/Hsm: pkcs11\.tokenLabel is longer than the 32 bytes a PKCS#11 token label holds/],
    ['an operator namespace that is no namespace', { operator: HsmSecretsOperator.fromDeployment('hsm-secrets-operator-controller-manager', 'HSM') },
      /test\/Hsm: operator\.namespace is not a namespace name .*\(received 'HSM'\)/],
  ])('%s', (_case, overrides, message) => {
    expect(() => deviceChart(overrides)).toThrow(message);
  });
});
