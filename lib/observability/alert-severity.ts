/**
 * How bad an alert is, once for Azure Monitor and once for Prometheus-style routing.
 *
 * Azure alert severities run from 0 (Critical) to 4 (Verbose): Sev0 Critical, Sev1 Error, Sev2 Warning,
 * Sev3 Informational, Sev4 Verbose (learn.microsoft.com, @azure/arm-cloudhealth `KnownAlertSeverity`; a
 * prometheusRuleGroups rule's `severity` "must be between 0 and 4", azure-rest-api-specs PrometheusRuleGroups.json
 * 2023-03-01). The `severity` label carries the same level for Alertmanager routes.
 */
export class AlertSeverity {
  /** Sev0: data is at risk or the service is down now. */
  public static readonly CRITICAL = new AlertSeverity(0, 'critical');
  /** Sev1: the service is degraded; act today. */
  public static readonly ERROR = new AlertSeverity(1, 'error');
  /** Sev2: a problem that will grow if left alone. */
  public static readonly WARNING = new AlertSeverity(2, 'warning');
  /** Sev3: worth knowing. */
  public static readonly INFORMATIONAL = new AlertSeverity(3, 'info');
  /** Sev4: detail. */
  public static readonly VERBOSE = new AlertSeverity(4, 'verbose');

  private constructor(
    /** The Azure Monitor severity, 0 (most severe) to 4. */
    public readonly azureSeverity: number,
    /** The value of the `severity` label. */
    public readonly label: string,
  ) {}
}
