import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, MinioTenant, RestrictedNamespace } from '../lib';

/** A synth workload of BENCH_TENANTS production-like tenants, each in its own restricted namespace. */
const count = Number(process.env.BENCH_TENANTS ?? '1');
const app = new GitOpsApp();
for (let i = 0; i < count; i++) {
  const namespace = `tenant-${i}`;
  const chart = new GitOpsChart(app, namespace, { namespace });
  new RestrictedNamespace(chart, namespace);
  new MinioTenant(chart, 'store', {
    configuration: kplus.Secret.fromSecretName(chart, 'Configuration', 'store-config'),
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(1) }],
  });
}
app.synth();
