import { k8s } from 'cdk8s-plus-28';

/**
 * The NetworkPolicy peer for the pods carrying `podLabels` in `namespace`. The namespace is matched on
 * `kubernetes.io/metadata.name`, the label the API server sets on every namespace to its name (Kubernetes docs,
 * "Well-Known Labels, Annotations and Taints"), so no namespace needs labelling by hand.
 */
export function podsInNamespace(namespace: string, podLabels: Readonly<Record<string, string>>): k8s.NetworkPolicyPeer {
  return {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
    podSelector: { matchLabels: { ...podLabels } },
  };
}
