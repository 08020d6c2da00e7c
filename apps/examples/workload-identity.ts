import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, WorkloadIdentityServiceAccount, restrictedContainerSecurity, restrictedPodSecurity } from 'minio-aks';

export function buildWorkloadIdentity(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-reporting', { namespace: 'lake' });

  // The managed identity's federated credential must name identity.federatedSubject,
  // here system:serviceaccount:lake:usage-reporter, with audience api://AzureADTokenExchange.
  const identity = new WorkloadIdentityServiceAccount(chart, 'Identity', {
    name: 'usage-reporter',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });

  const reporter = new kplus.Deployment(chart, 'Reporter', {
    metadata: { name: 'usage-reporter' },
    containers: [{ image: 'contoso.azurecr.io/usage-reporter:1.4.2', securityContext: restrictedContainerSecurity() }],
    // Admitted by a RestrictedNamespace: non-root, no privilege escalation, RuntimeDefault seccomp.
    securityContext: restrictedPodSecurity(),
  });
  // Without the pod label azure.workload.identity/use the webhook injects no token, whatever the account says.
  identity.bindTo(reporter);
  return chart;
}
