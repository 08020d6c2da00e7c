import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, KeyVaultSecretProviderClass, WorkloadIdentityServiceAccount, restrictedContainerSecurity, restrictedPodSecurity } from 'minio-aks';

export function buildKeyVaultFiles(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-ingest', { namespace: 'lake' });
  const identity = new WorkloadIdentityServiceAccount(chart, 'Identity', {
    name: 'ingest',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });

  // The CSI driver fetches the objects when a pod starts, with that pod's own workload identity token.
  const files = new KeyVaultSecretProviderClass(chart, 'Files', {
    name: 'ingest-credentials',
    vaultUrl: 'https://contoso-minio.vault.azure.net',
    identity,
    objects: [{ name: 'lake-ingest-secret-key', alias: 'secret-key' }, { name: 'lake-ca', alias: 'ca.crt' }],
  });

  const ingest = new kplus.Deployment(chart, 'Ingest', {
    metadata: { name: 'ingest' },
    containers: [{ image: 'contoso.azurecr.io/lake-ingest:2.0.1', securityContext: restrictedContainerSecurity() }],
    // Admitted by a RestrictedNamespace: non-root, no privilege escalation, RuntimeDefault seccomp.
    securityContext: restrictedPodSecurity(),
  });
  identity.bindTo(ingest);
  files.mountOn(ingest, '/etc/lake');
  return chart;
}
