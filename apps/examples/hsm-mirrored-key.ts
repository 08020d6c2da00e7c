import { App } from 'cdk8s';
import {
  GitOpsApp, GitOpsChart, HsmDevice, HsmDeviceType, HsmKeySource, HsmMirroringPolicy, HsmSecretsOperator, KmsTls,
  MinioKmsCluster, MinkmsImage, PrivateCa, SecretValue,
} from 'minio-aks';

export function buildHsmBackedKms(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'vault', { namespace: 'vault' });
  const ca = new PrivateCa(chart, 'Ca', { name: 'vault-ca' });

  // The operator installed with `helm install hsm ... -n hsm-system`; the device goes into its namespace.
  const hsm = new HsmDevice(chart, 'Hsm', {
    operator: HsmSecretsOperator.fromHelmRelease('hsm', 'hsm-system'),
    name: 'kms-pico',
    deviceType: HsmDeviceType.PICO_HSM,
    usbDevices: [{ vendorId: '20a0', productId: '4230' }],
    pkcs11: { libraryPath: '/usr/lib/opensc-pkcs11.so', pin: SecretValue.fromSecretName('kms-pico-pin', 'pin') },
    mirroring: {
      policy: HsmMirroringPolicy.READ_ONLY,
      primaryNode: 'aks-hsm-12345678-vmss000000',
      targetNodes: ['aks-hsm-12345678-vmss000001', 'aks-hsm-12345678-vmss000002'],
    },
  });

  new MinioKmsCluster(chart, 'kms', {
    image: MinkmsImage.release('RELEASE.2026-07-17T11-53-00Z'),
    // The HSM secret `minio-kms-hsm` holds the hsm: key under `hsm-key`; the operator keeps Secret kms-hsm-key.
    hsmKey: HsmKeySource.fromHsmSecretsOperator({ operator: hsm.operator, hsmPath: 'minio-kms-hsm' }),
    adminIdentity: 'h1:J23aac6Xcu3NUDAo2E7NT-XUt_CDmoXgRPlg3Ie0MdE',
    adminApiKey: SecretValue.fromSecretName('kms-admin', 'api-key'),
    tls: KmsTls.fromIssuer(ca),
  });
  return chart;
}
