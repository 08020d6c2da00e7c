import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AcmeServer, AcmeSolver, GitOpsApp, GitOpsChart, LetsEncryptIssuer, MinioTenant, OperatorCaTrust, PrivateCa,
  TenantCertificate, TenantTls,
} from 'minio-aks';

export function buildCertManagerTls(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-tls', { namespace: 'lake' });
  // Only a CA of our own can sign cluster-internal names such as minio.lake.svc, and the operator must trust it.
  const ca = new PrivateCa(chart, 'PrivateCa', { name: 'contoso-minio-ca' });
  new OperatorCaTrust(chart, 'OperatorTrust', { issuer: ca });
  const internal = new TenantCertificate(chart, 'Internal', { tenantName: 'lake', issuer: ca });
  // DNS-01 on Azure DNS, as HTTP-01 cannot prove wildcard names such as *.s3.contoso.com.
  const letsEncrypt = new LetsEncryptIssuer(chart, 'LetsEncrypt', {
    server: AcmeServer.LETS_ENCRYPT_PRODUCTION, email: 'platform@contoso.com',
    solvers: [AcmeSolver.azureDns({ subscriptionId: '99999999-8888-7777-6666-555555555555',
      resourceGroupName: 'rg-dns', hostedZoneName: 'contoso.com' })],
  });
  const external = new TenantCertificate(chart, 'Public', {
    tenantName: 'lake', issuer: letsEncrypt, domains: ['s3.contoso.com', '*.s3.contoso.com'],
  });

  new MinioTenant(chart, 'lake', {
    configuration: kplus.Secret.fromSecretName(chart, 'Configuration', 'lake-config'),
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(2) }],
    tls: TenantTls.fromCertificates(internal, external),
  });
  return chart;
}
