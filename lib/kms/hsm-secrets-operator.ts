import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { isDnsLabel, isDnsSubdomain } from '../core/names';

/** Options of {@link HsmSecretsOperator.fromHelmRelease}. */
export interface HsmSecretsOperatorHelmOptions {
  /**
   * The chart's `fullnameOverride` value, when the release sets one.
   *
   * @default - the chart derives the name from the release name
   */
  readonly fullnameOverride?: string;
}

/** The chart name the operator's Helm chart derives its object names from (helm/hsm-secrets-operator/Chart.yaml). */
const CHART_NAME = 'hsm-secrets-operator';

/**
 * One running instance of the HSM Secrets Operator (hsm.j5t.io), identified the way the operator identifies
 * itself: the name of its manager Deployment and the namespace it runs in.
 *
 * An HSMSecret is handled only by the instance its `spec.parentRef` names; without a match every instance ignores
 * it and the Secret never appears (evanjarrett/hsm-secrets-operator, internal/controller/hsmsecret_controller.go,
 * `shouldHandleSecret`: compares `parentRef.name` with the manager's `OPERATOR_NAME` and `parentRef.namespace`
 * with the manager's own namespace; kind and group are not compared). HSMDevices belong in the same namespace,
 * because the operator runs their discovery DaemonSet with its own ServiceAccount and reads the PIN Secret there.
 */
export class HsmSecretsOperator {
  /**
   * An instance installed with the operator's Helm chart. The chart names the manager Deployment
   * `<fullname>-controller-manager` and passes that name as `OPERATOR_NAME`, where `<fullname>` is
   * `fullnameOverride`, else the release name when it contains `hsm-secrets-operator`, else
   * `<release>-hsm-secrets-operator`, cut to 63 characters (helm/hsm-secrets-operator/templates/_helpers.tpl and
   * templates/deployment.yaml). A `nameOverride` changes the rule: use {@link fromDeployment} then.
   *
   * @param releaseName the Helm release name
   * @param namespace the namespace the release is installed in
   */
  public static fromHelmRelease(releaseName: string, namespace: string, options: HsmSecretsOperatorHelmOptions = {}): HsmSecretsOperator {
    const fullname = options.fullnameOverride ?? (releaseName.includes(CHART_NAME) ? releaseName : `${releaseName}-${CHART_NAME}`);
    return new HsmSecretsOperator(`${trimOneTrailingDash(fullname.slice(0, 63))}-controller-manager`, namespace);
  }

  /**
   * An instance by the name of its manager Deployment (the manager's `OPERATOR_NAME`) and its namespace.
   *
   * Installs without `OPERATOR_NAME` (the kustomize manifests in config/ of the operator's repository) fall back to
   * the pod's host name, which changes with every pod: install with the Helm chart, or set `OPERATOR_NAME`.
   */
  public static fromDeployment(deploymentName: string, namespace: string): HsmSecretsOperator {
    return new HsmSecretsOperator(deploymentName, namespace);
  }

  private constructor(
    /** Name of the operator's manager Deployment, which the operator matches `parentRef.name` against. */
    public readonly deploymentName: string,
    /** Namespace the operator runs in. */
    public readonly namespace: string,
  ) {}

  /**
   * Rejects a name or namespace no Deployment can have.
   *
   * @internal
   */
  public _validate(scope: IConstruct, field: string): void {
    if (!isDnsSubdomain(this.deploymentName)) {
      reject(scope, `${field}.deploymentName`, this.deploymentName,
        'is not a Deployment name (a DNS-1123 subdomain)', 'give the name of the operator\'s manager Deployment, e.g. \'hsm-secrets-operator-controller-manager\'');
    }
    if (!isDnsLabel(this.namespace)) {
      reject(scope, `${field}.namespace`, this.namespace,
        'is not a namespace name (a DNS-1123 label of at most 63 characters)', 'give the namespace the operator runs in');
    }
  }
}

/** Helm's `trimSuffix "-"`: removes one trailing dash, not all of them. */
function trimOneTrailingDash(value: string): string {
  return value.endsWith('-') ? value.slice(0, -1) : value;
}
