import * as pulumi from '@pulumi/pulumi';
import * as apiextensions from '@pulumi/kubernetes/apiextensions';
import * as appsv1 from '@pulumi/kubernetes/apps/v1';
import * as batchv1 from '@pulumi/kubernetes/batch/v1';
import * as corev1 from '@pulumi/kubernetes/core/v1';
import * as networkingv1 from '@pulumi/kubernetes/networking/v1';
import * as policyv1 from '@pulumi/kubernetes/policy/v1';
import * as rbacv1 from '@pulumi/kubernetes/rbac/v1';

/** A @pulumi/kubernetes resource class that takes a whole manifest as its arguments. */
// `any`: each class declares its own args type; the manifest is what cdk8s rendered for that kind.
export type KubernetesResourceClass = new (name: string, manifest: any, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/**
 * The typed classes for the built-in kinds the library synthesizes: they carry the provider's await logic (a
 * StatefulSet is ready when its pods are, a Job when it completes).
 */
const TYPED: Record<string, KubernetesResourceClass> = {
  'v1/Namespace': corev1.Namespace,
  'v1/ServiceAccount': corev1.ServiceAccount,
  'v1/Secret': corev1.Secret,
  'v1/ConfigMap': corev1.ConfigMap,
  'v1/Service': corev1.Service,
  'v1/PersistentVolumeClaim': corev1.PersistentVolumeClaim,
  'apps/v1/Deployment': appsv1.Deployment,
  'apps/v1/StatefulSet': appsv1.StatefulSet,
  'apps/v1/DaemonSet': appsv1.DaemonSet,
  'batch/v1/Job': batchv1.Job,
  'batch/v1/CronJob': batchv1.CronJob,
  'policy/v1/PodDisruptionBudget': policyv1.PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': networkingv1.NetworkPolicy,
  'rbac.authorization.k8s.io/v1/Role': rbacv1.Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': rbacv1.RoleBinding,
  'rbac.authorization.k8s.io/v1/ClusterRole': rbacv1.ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': rbacv1.ClusterRoleBinding,
};

/** The class that registers objects of `apiVersion` and `kind`: a typed one, or a CustomResource for the rest. */
export function kubernetesResourceClass(apiVersion: string, kind: string): KubernetesResourceClass {
  return TYPED[`${apiVersion}/${kind}`] ?? (apiextensions.CustomResource as unknown as KubernetesResourceClass);
}
