import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { namespaceOf } from '../core/namespace';
import { requireDnsSubdomain } from '../core/names';
import { federatedSubjectOf, IAzureWorkloadIdentity, WorkloadIdentityKeys } from './azure-workload-identity';
import { requireGuid } from './guid';

import { ImportedWorkloadIdentity, WorkloadIdentityAttributes } from './imported-workload-identity';
/**
 * Properties of a {@link WorkloadIdentityServiceAccount}.
 */
export interface WorkloadIdentityServiceAccountProps {
  /** Name of the ServiceAccount; it is part of the federated credential's subject. */
  readonly name: string;

  /**
   * Namespace of the ServiceAccount; it is part of the federated credential's subject.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * Client ID of the user-assigned managed identity (or app registration) the pods act as.
   *
   * A plain string so that a Pulumi program can pass a resolved output; it must be a GUID.
   */
  readonly clientId: string;

  /**
   * Tenant of the identity, written to the `azure.workload.identity/tenant-id` annotation.
   *
   * @default - no annotation: the webhook uses the cluster's tenant, and stores or provider classes that need
   * a tenant must be given one themselves
   */
  readonly tenantId?: string;

  /**
   * Whether pods using this account get the legacy API-server token mounted.
   *
   * Workload identity does not need it: the webhook adds its own projected token volume (audience
   * `api://AzureADTokenExchange`) whatever this setting says. Turn it on only for workloads that call the
   * Kubernetes API.
   *
   * @default false
   */
  readonly automountToken?: boolean;
}

/**
 * A ServiceAccount annotated for AKS workload identity, plus the means to bind workloads to it.
 *
 * The Azure side (a federated identity credential on the managed identity) must name
 * {@link WorkloadIdentityServiceAccount.federatedSubject} with the cluster's OIDC issuer and the audience
 * `api://AzureADTokenExchange`. Pods only receive a token when their template carries the label
 * `azure.workload.identity/use: "true"`: {@link bindTo} adds it for cdk8s-plus workloads, and
 * {@link WorkloadIdentityServiceAccount.podLabels} gives it to objects rendered by hand.
 */
export class WorkloadIdentityServiceAccount extends Construct implements IAzureWorkloadIdentity {
  /** A workload identity ServiceAccount defined elsewhere (another app, a Helm chart), checked when imported. */
  public static fromServiceAccountAttributes(scope: Construct, id: string, attributes: WorkloadIdentityAttributes): IAzureWorkloadIdentity {
    return new ImportedWorkloadIdentity(scope, id, attributes);
  }

  /** The pod label the workload identity webhook selects pods by. */
  public static readonly POD_LABEL = Object.freeze({ key: WorkloadIdentityKeys.USE_LABEL, value: 'true' });

  /** The pod labels a workload using any workload identity needs, for pod templates rendered by hand. */
  public static podLabels(): Record<string, string> {
    return { [WorkloadIdentityServiceAccount.POD_LABEL.key]: WorkloadIdentityServiceAccount.POD_LABEL.value };
  }

  /** Name of the ServiceAccount. */
  public readonly name: string;

  /** Namespace of the ServiceAccount. */
  public readonly namespace: string;

  /** @see IAzureWorkloadIdentity.serviceAccountName */
  public readonly serviceAccountName: string;

  /** @see IAzureWorkloadIdentity.clientId */
  public readonly clientId: string;

  /** @see IAzureWorkloadIdentity.tenantId */
  public readonly tenantId?: string;

  /** Subject of the federated identity credential: `system:serviceaccount:NAMESPACE:NAME`. */
  public readonly federatedSubject: string;

  /** The cdk8s-plus ServiceAccount, for APIs that take a `kplus.IServiceAccount`. */
  public readonly serviceAccount: kplus.ServiceAccount;

  public constructor(scope: Construct, id: string, props: WorkloadIdentityServiceAccountProps) {
    super(scope, id);
    this.name = requireDnsSubdomain(this, 'name', props.name);
    this.namespace = namespaceOf(this, 'namespace', props.namespace);
    this.serviceAccountName = this.name;
    this.clientId = requireGuid(this, 'clientId', props.clientId);
    this.tenantId = props.tenantId === undefined ? undefined : requireGuid(this, 'tenantId', props.tenantId);
    this.federatedSubject = federatedSubjectOf(this);

    const annotations: Record<string, string> = { [WorkloadIdentityKeys.CLIENT_ID_ANNOTATION]: this.clientId };
    if (this.tenantId !== undefined) {
      annotations[WorkloadIdentityKeys.TENANT_ID_ANNOTATION] = this.tenantId;
    }
    this.serviceAccount = new kplus.ServiceAccount(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace, annotations },
      automountToken: props.automountToken ?? false,
    });
  }

  /**
   * Makes `workload`'s pods run as this ServiceAccount and receive a workload identity token.
   *
   * Sets the pod template label `azure.workload.identity/use: "true"` and the pod's service account.
   * The workload must live in this account's namespace (a pod can only use a ServiceAccount of its own
   * namespace) and must not already use another account.
   */
  public bindTo(workload: kplus.AbstractPod): void {
    const workloadNamespace = workload.metadata.namespace;
    if (workloadNamespace !== this.namespace) {
      reject(workload, 'metadata.namespace', workloadNamespace,
        `must be '${this.namespace}' to use ServiceAccount '${this.name}', as pods can only use a service account of their own namespace`,
        `create the workload in namespace '${this.namespace}' or use a WorkloadIdentityServiceAccount in '${workloadNamespace ?? 'its namespace'}'`);
    }
    const current = workload.serviceAccount;
    if (current !== undefined && current.name !== this.name) {
      reject(workload, 'serviceAccount', current.name,
        `is already set, so it cannot also run as '${this.name}'`,
        'drop the serviceAccount property or bind the workload to the identity it already uses');
    }
    // cdk8s-plus only accepts a service account in the constructor, but reads the field when it renders the
    // pod spec; assigning it here lets an identity be bound to a workload that already exists.
    (workload as { serviceAccount?: kplus.IServiceAccount }).serviceAccount = this.serviceAccount;
    workload.podMetadata.addLabel(WorkloadIdentityServiceAccount.POD_LABEL.key, WorkloadIdentityServiceAccount.POD_LABEL.value);
  }
}
