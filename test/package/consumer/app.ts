import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, MinioTenant, RestrictedNamespace } from 'minio-aks';

// The same estate through a plain cdk8s App and through GitOpsApp: both must work with the package's cdk8s peer.
function buildStorage(app: App): void {
  const chart = new GitOpsChart(app, 'storage', { namespace: 'storage' });
  new RestrictedNamespace(chart, 'storage');
  new MinioTenant(chart, 'store', {
    configuration: kplus.Secret.fromSecretName(chart, 'Config', 'store-config'),
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(1) }],
  });
}

const plain = new App({ outdir: 'dist-plain' });
buildStorage(plain);
plain.synth();

const gitops = new GitOpsApp({ outdir: 'dist-gitops' });
buildStorage(gitops);
gitops.synth();
