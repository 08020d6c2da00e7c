import { requireGuid } from '../identity/guid';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsSubdomain } from '../core/names';
import {
  ClusterIssuerSpecAcmeSolvers,
  ClusterIssuerSpecAcmeSolversDns01AzureDnsEnvironment as AzureEnvironmentName,
} from '../imports/cert-manager.io';
import { requireDistinct, requireDnsName } from './dns-names';

const RESOURCE_GROUP_NAME = /^[-\w.()]{0,89}[-\w()]$/;

/** The Azure cloud that hosts a DNS zone. */
export class AzureDnsEnvironment {
  /** Azure public cloud. */
  public static readonly PUBLIC_CLOUD = new AzureDnsEnvironment(AzureEnvironmentName.AZURE_PUBLIC_CLOUD);
  /** Azure operated by 21Vianet (China). */
  public static readonly CHINA_CLOUD = new AzureDnsEnvironment(AzureEnvironmentName.AZURE_CHINA_CLOUD);
  /** Azure Government (US). */
  public static readonly US_GOVERNMENT_CLOUD = new AzureDnsEnvironment(AzureEnvironmentName.AZURE_US_GOVERNMENT_CLOUD);

  private constructor(
    /** The environment as cert-manager names it. */
    public readonly value: AzureEnvironmentName,
  ) {}
}

/** Options of an HTTP-01 solver. */
export interface Http01SolverOptions {
  /**
   * The IngressClass whose controller serves the challenge path on port 80, e.g.
   * `webapprouting.kubernetes.azure.com` (AKS application routing add-on) or `nginx`.
   */
  readonly ingressClassName: string;

  /**
   * DNS zones this solver answers for; names in other zones go to another solver.
   *
   * @default - every name no other solver selects
   */
  readonly dnsZones?: string[];
}

/**
 * Options of a DNS-01 solver on Azure DNS that authenticates with Azure workload identity.
 *
 * cert-manager itself needs the identity, not the workload asking for a certificate:
 * - cert-manager's controller pod carries the label `azure.workload.identity/use: "true"` (Helm value
 *   `podLabels`), and its ServiceAccount the annotation `azure.workload.identity/client-id` (Helm value
 *   `serviceAccount.annotations`) unless {@link AzureDnsSolverOptions.managedIdentityClientId} is set;
 * - the managed identity has a federated credential with subject
 *   `system:serviceaccount:cert-manager:cert-manager` (namespace and ServiceAccount of a default Helm install),
 *   issuer the cluster's OIDC issuer URL and audience `api://AzureADTokenExchange`;
 * - the identity holds the role "DNS Zone Contributor" on the zone.
 *
 * cert-manager only uses these ambient credentials for a ClusterIssuer, which is why ACME issuers here are
 * always ClusterIssuers.
 */
export interface AzureDnsSolverOptions {
  /** The subscription of the DNS zone (a GUID). */
  readonly subscriptionId: string;

  /** The resource group of the DNS zone. */
  readonly resourceGroupName: string;

  /** The DNS zone that receives the `_acme-challenge` TXT records, e.g. `example.com`. */
  readonly hostedZoneName: string;

  /**
   * The Azure cloud of the zone.
   *
   * @default AzureDnsEnvironment.PUBLIC_CLOUD
   */
  readonly environment?: AzureDnsEnvironment;

  /**
   * Client ID of the managed identity to use. Needed only when cert-manager's ServiceAccount does not carry the
   * `azure.workload.identity/client-id` annotation, or carries another identity's.
   *
   * @default - the identity named by cert-manager's ServiceAccount annotation
   */
  readonly managedIdentityClientId?: string;

  /**
   * DNS zones this solver answers for.
   *
   * @default - the hosted zone: names outside it cannot be proven through it anyway
   */
  readonly dnsZones?: string[];
}

/** How an ACME issuer proves control of a name. */
export class AcmeSolver {
  /**
   * HTTP-01: the CA fetches a token over plain HTTP through an Ingress. Cannot prove wildcard names, and the
   * name must resolve publicly to the ingress controller.
   */
  public static http01(options: Http01SolverOptions): AcmeSolver {
    return new AcmeSolver(false, options.dnsZones, (scope, field) => {
      requireDnsSubdomain(scope, `${field}.ingressClassName`, options.ingressClassName);
      return { http01: { ingress: { ingressClassName: options.ingressClassName } } };
    });
  }

  /**
   * DNS-01 on Azure DNS: cert-manager writes a TXT record into the zone. Proves wildcard names and names that
   * are not reachable from the internet.
   */
  public static azureDns(options: AzureDnsSolverOptions): AcmeSolver {
    return new AcmeSolver(true, options.dnsZones ?? [options.hostedZoneName], (scope, field) => {
      requireGuid(scope, `${field}.subscriptionId`, options.subscriptionId);
      if (!RESOURCE_GROUP_NAME.test(options.resourceGroupName)) {
        reject(scope, `${field}.resourceGroupName`, options.resourceGroupName,
          'must be an Azure resource group name of 1 to 90 letters, digits, \'_\', \'-\', \'.\' and parentheses',
          'use the resource group name as shown in the Azure portal; it must not end with \'.\'');
      }
      requireDnsName(scope, `${field}.hostedZoneName`, options.hostedZoneName, false);
      if (options.managedIdentityClientId !== undefined) {
        requireGuid(scope, `${field}.managedIdentityClientId`, options.managedIdentityClientId);
      }
      return {
        dns01: {
          azureDns: {
            subscriptionId: options.subscriptionId,
            resourceGroupName: options.resourceGroupName,
            hostedZoneName: options.hostedZoneName,
            environment: (options.environment ?? AzureDnsEnvironment.PUBLIC_CLOUD).value,
            managedIdentity: options.managedIdentityClientId === undefined
              ? undefined
              : { clientId: options.managedIdentityClientId },
          },
        },
      };
    });
  }

  private constructor(
    /** Whether the solver can prove wildcard names (only DNS-01 can). */
    public readonly provesWildcardNames: boolean,
    private readonly dnsZones: string[] | undefined,
    private readonly renderChallenge: (scope: IConstruct, field: string) => ClusterIssuerSpecAcmeSolvers,
  ) {}

  /** Validates the solver against `scope` (reporting under `field`) and renders it. */
  public render(scope: IConstruct, field: string): ClusterIssuerSpecAcmeSolvers {
    const challenge = this.renderChallenge(scope, field);
    if (this.dnsZones === undefined) return challenge;
    if (this.dnsZones.length === 0) {
      reject(scope, `${field}.dnsZones`, this.dnsZones, 'must not be empty',
        'list at least one zone, or leave dnsZones out to let the solver answer for every name');
    }
    this.dnsZones.forEach((zone, index) => requireDnsName(scope, `${field}.dnsZones[${index}]`, zone, false));
    requireDistinct(scope, `${field}.dnsZones`, this.dnsZones);
    return { ...challenge, selector: { dnsZones: [...this.dnsZones] } };
  }
}

