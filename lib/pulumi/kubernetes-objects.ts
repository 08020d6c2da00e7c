import * as pulumi from '@pulumi/pulumi';
import * as k8s from '@pulumi/kubernetes/provider';
import { App } from 'cdk8s';
import { PlannedObject, planApply } from './apply-plan';
import { kubernetesResourceClass } from './resource-classes';

/**
 * Kinds whose deletion loses data or access. Namespaces are among them: deleting one deletes the
 * PersistentVolumeClaims that StatefulSets and the MinIO Operator create in it, which Pulumi does not track.
 */
const PROTECTED_KINDS = new Set(['Namespace', 'Secret', 'PersistentVolumeClaim', 'StatefulSet', 'Tenant']);

/** Arguments of {@link KubernetesObjects}. */
export interface KubernetesObjectsArgs {
  /** The cdk8s app, built with the same constructs `cdk8s synth` runs (GitOpsApp or App). */
  readonly app: App;
  /** The cluster to apply to. @default - the ambient kubeconfig */
  readonly provider?: k8s.Provider;
  /**
   * Resources every object waits for, such as the federated credentials and role assignments its workloads sign in
   * with. A component's own `dependsOn` does not hold back the resources created inside it (pulumi/pulumi issue 8721).
   *
   * @default - none
   */
  readonly waitFor?: readonly pulumi.Resource[];
  /**
   * Whether stateful and secret-holding objects (Namespaces, Secrets, PersistentVolumeClaims, StatefulSets,
   * Tenants) are `protect`ed, so `pulumi destroy` or a removed construct cannot delete them by accident.
   *
   * @default true
   */
  readonly protect?: boolean;
}

/**
 * Applies a synthesized cdk8s app with Pulumi: every object becomes a @pulumi/kubernetes resource (the typed class
 * for core kinds, `apiextensions.CustomResource` for custom resources) that waits for what it needs (see
 * {@link planApply}). The manifests are the ones `cdk8s synth` writes for the same app: one code path serves both.
 *
 * Build the app from resolved values: combine the Azure outputs with `pulumi.all(...).apply(...)` and create this
 * component inside the callback, so the constructs validate real ids.
 */
export class KubernetesObjects extends pulumi.ComponentResource {
  /** The registered resources by object key (`Kind[.group] namespace/name`), in apply order. */
  public readonly resources: ReadonlyMap<string, pulumi.CustomResource>;
  /** The plan the resources follow. */
  public readonly plan: readonly PlannedObject[];

  public constructor(name: string, args: KubernetesObjectsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('minio-aks:kubernetes:Objects', name, {}, opts);
    this.plan = planApply(args.app);
    const resources = new Map<string, pulumi.CustomResource>();
    for (const object of this.plan) {
      const manifest = object.manifest;
      const metadata = manifest.metadata ?? {};
      const logicalName = metadata.namespace === undefined ? metadata.name : `${metadata.namespace}/${metadata.name}`;
      const ResourceClass = kubernetesResourceClass(manifest.apiVersion, manifest.kind);
      resources.set(object.key, new ResourceClass(logicalName, withSecretData(manifest), {
        parent: this,
        provider: args.provider,
        // Objects that wait for others wait for these through them.
        dependsOn: object.dependsOn.length === 0 ? [...(args.waitFor ?? [])] : object.dependsOn.map((key) => resources.get(key)!),
        protect: (args.protect ?? true) && PROTECTED_KINDS.has(manifest.kind),
      }));
    }
    this.resources = resources;
    this.registerOutputs({});
  }
}

/** A Secret's data as Pulumi secrets, so that no value of it is shown or stored in plain text. */
function withSecretData(manifest: Record<string, any>): Record<string, any> {
  if (manifest.kind !== 'Secret' || manifest.apiVersion !== 'v1') return manifest;
  const wrapped = { ...manifest };
  for (const field of ['data', 'stringData']) {
    if (manifest[field] !== undefined) wrapped[field] = pulumi.secret(manifest[field]);
  }
  return wrapped;
}
