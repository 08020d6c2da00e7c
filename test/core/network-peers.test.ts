import { podsInNamespace } from '../../lib/core/network-peers';

describe('podsInNamespace', () => {
  test('selects the namespace by the name label the API server sets, and the pods by a copy of their labels', () => {
    const labels = { app: 'fluent-bit' };
    const peer = podsInNamespace('logging', labels);
    expect(peer).toEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'logging' } },
      podSelector: { matchLabels: { app: 'fluent-bit' } },
    });
    expect(peer.podSelector!.matchLabels).not.toBe(labels);
  });
});
