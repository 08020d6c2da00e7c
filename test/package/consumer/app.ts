import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  GitOpsApp, GitOpsChart, HsmKeySource, KmsTls, MinioKmsCluster, MinioTenant, MinkmsImage, PrivateCa, RestrictedNamespace,
  SecretValue,
} from 'minio-aks';

// The same estate through a plain cdk8s App and through GitOpsApp: both must work with the package's cdk8s peer.
function buildStorage(app: App): void {
  const chart = new GitOpsChart(app, 'storage', { namespace: 'storage' });
  new RestrictedNamespace(chart, 'storage');
  new MinioTenant(chart, 'store', {
    configuration: kplus.Secret.fromSecretName(chart, 'Config', 'store-config'),
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(1) }],
  });
}

// A KMS cluster with the default all-at-once update strategy: its membership and restart Jobs and its readiness
// probe run the .sh files the package ships in dist-lib/.
function buildKms(app: App): void {
  const chart = new GitOpsChart(app, 'kms', { namespace: 'minio-kms' });
  new MinioKmsCluster(chart, 'kms', {
    image: MinkmsImage.release('RELEASE.2026-07-17T11-53-00Z'),
    hsmKey: HsmKeySource.fromSecret(SecretValue.fromSecretName('kms-hsm-key', 'hsm-key')),
    adminApiKey: SecretValue.fromSecretName('kms-admin', 'api-key'),
    adminIdentity: 'h1:J23aac6Xcu3NUDAo2E7NT-XUt_CDmoXgRPlg3Ie0MdE',
    tls: KmsTls.fromIssuer(new PrivateCa(chart, 'Ca', { name: 'kms-ca' })),
  });
}

const plain = new App({ outdir: 'dist-plain' });
buildStorage(plain);
buildKms(plain);
plain.synth();

const gitops = new GitOpsApp({ outdir: 'dist-gitops' });
buildStorage(gitops);
buildKms(gitops);
gitops.synth();
