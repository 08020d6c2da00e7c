import { Duration } from 'cdk8s';
import {
  azureRuleGroupArmTemplate, GitOpsApp, LabelMatcher, minioAlertRules, minioGrafanaDashboard, MinioMetricsVersion,
} from 'minio-aks';

export function addMinioMonitoringFiles(app: GitOpsApp): void {
  const metricsVersion = MinioMetricsVersion.V2; // the version the scrape collects
  const alerts = minioAlertRules({
    metricsVersion,
    minioSelector: [LabelMatcher.equals('namespace', 'data')],
    certificateSelector: [LabelMatcher.equals('exported_namespace', 'data')],
    capacityWarningFreeRatio: 0.25,
    fillForecastHorizon: Duration.days(7),
    labels: { team: 'storage' },
  });
  // Written beside the manifests on every synth, and removed from dist/ once no longer added.
  app.addFile('minio-alerts.arm.json', `${JSON.stringify(azureRuleGroupArmTemplate(alerts), null, 2)}\n`);
  app.addFile('minio.dashboard.json', `${JSON.stringify(minioGrafanaDashboard({ metricsVersion }), null, 2)}\n`);
}
