// main.ts in a project of your own: `npx tsc && node main.js` (or `npx cdk8s synth`) writes dist/storage.k8s.yaml.
import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, MinioTenant, RestrictedNamespace } from 'minio-aks';

const app = new GitOpsApp(); // writes to dist/, or to $CDK8S_OUTDIR
const chart = new GitOpsChart(app, 'storage', { namespace: 'storage' }); // the file is storage.k8s.yaml
new RestrictedNamespace(chart, 'storage');
new MinioTenant(chart, 'store', {
  configuration: kplus.Secret.fromSecretName(chart, 'Config', 'store-config'), // config.env with the root credentials
  pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(1) }],
});
app.synth();
