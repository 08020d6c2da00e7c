import * as pulumi from '@pulumi/pulumi';
import * as alertsmanagement from '@pulumi/azure-native/alertsmanagement';
import * as monitor from '@pulumi/azure-native/monitor';
import { AlertRuleSet } from '../observability/alert-rule';
import { azurePrometheusRuleGroup } from '../observability/azure-rule-group';
import { requireDataCollectionEndpointName } from './azure-names';

/** Arguments of a {@link ManagedPrometheus}. */
export interface ManagedPrometheusArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  /** @default - the resource group's location */
  readonly location?: pulumi.Input<string>;
  /** The AKS cluster whose metrics the workspace receives, and the rules' second scope. */
  readonly clusterId: pulumi.Input<string>;
  /** The `cluster` label on that cluster's metrics: the cluster's resource name unless the scrape settings change it. */
  readonly clusterName: pulumi.Input<string>;
  /** Alert rules (lib/observability), one Azure Prometheus rule group per set. @default - none */
  readonly alertRuleSets?: readonly AlertRuleSet[];
  /** Action group the alerts notify. @default - none: alerts show in Azure Monitor only */
  readonly actionGroupId?: pulumi.Input<string>;
  /** Name of the data collection endpoint, at most 44 characters. @default - the component name with a random suffix */
  readonly dataCollectionEndpointName?: string;
}

/** The stream the metrics add-on sends and the rule forwards (`prometheusForwarder`, Azure's AKS onboarding templates). */
const PROMETHEUS_STREAM = 'Microsoft-PrometheusMetrics';
/**
 * Azure requires this name for the association that points a cluster at its data collection endpoint (the azurerm
 * provider fills it in itself for endpoint associations; Microsoft's AKS onboarding templates name it so).
 */
export const CONFIGURATION_ACCESS_ENDPOINT = 'configurationAccessEndpoint';

/**
 * Azure Monitor managed Prometheus for the cluster: the Azure Monitor workspace, a data collection endpoint and
 * rule forwarding the metrics add-on's stream into the workspace, both associated with the cluster, and the
 * platform's alert rules as Prometheus rule groups scoped to the workspace and the cluster. The cluster itself needs
 * `azureMonitorProfile.metrics.enabled` (set by {@link AksCluster.create}).
 */
export class ManagedPrometheus extends pulumi.ComponentResource {
  public readonly workspaceId: pulumi.Output<string>;
  /** The PromQL query endpoint of the workspace (Grafana's data source URL). */
  public readonly queryEndpoint: pulumi.Output<string>;
  public readonly ruleGroups: alertsmanagement.PrometheusRuleGroup[];

  public constructor(name: string, args: ManagedPrometheusArgs, opts?: pulumi.ComponentResourceOptions) {
    super('minio-aks:azure:ManagedPrometheus', name, {}, opts);
    if (args.dataCollectionEndpointName !== undefined) {
      requireDataCollectionEndpointName(`ManagedPrometheus ${name}`, 'dataCollectionEndpointName', args.dataCollectionEndpointName);
    }
    const child = { parent: this };
    const workspace = new monitor.AzureMonitorWorkspace(name, {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
    }, child);
    const endpoint = new monitor.DataCollectionEndpoint(name, {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      dataCollectionEndpointName: args.dataCollectionEndpointName,
      kind: 'Linux',
    }, child);
    const rule = new monitor.DataCollectionRule(name, {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      kind: 'Linux',
      dataCollectionEndpointId: endpoint.id,
      dataSources: { prometheusForwarder: [{ name: 'PrometheusDataSource', streams: [PROMETHEUS_STREAM], labelIncludeFilter: {} }] },
      destinations: { monitoringAccounts: [{ name: 'MonitoringAccount', accountResourceId: workspace.id }] },
      dataFlows: [{ streams: [PROMETHEUS_STREAM], destinations: ['MonitoringAccount'] }],
    }, child);
    new monitor.DataCollectionRuleAssociation(`${name}-endpoint`, {
      associationName: CONFIGURATION_ACCESS_ENDPOINT,
      resourceUri: args.clusterId,
      dataCollectionEndpointId: endpoint.id,
    }, child);
    new monitor.DataCollectionRuleAssociation(`${name}-rule`, {
      associationName: `${name}-prometheus`,
      resourceUri: args.clusterId,
      dataCollectionRuleId: rule.id,
    }, child);
    this.ruleGroups = (args.alertRuleSets ?? []).map((set) => {
      const group = azurePrometheusRuleGroup<pulumi.Input<string>>(set, {
        workspaceId: workspace.id,
        clusterId: args.clusterId,
        clusterName: args.clusterName,
        actionGroupId: args.actionGroupId,
      });
      return new alertsmanagement.PrometheusRuleGroup(`${name}-${set.name}`, {
        ...group,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
      }, { parent: this, dependsOn: [rule] });
    });
    this.workspaceId = workspace.id;
    this.queryEndpoint = workspace.metrics.apply((metrics) => metrics.prometheusQueryEndpoint ?? '');
    this.registerOutputs({ workspaceId: this.workspaceId, queryEndpoint: this.queryEndpoint });
  }
}
