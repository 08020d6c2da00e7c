import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  restrictedContainerSecurity, restrictedContainerSecurityContext, restrictedPodSecurity, restrictedPodSecurityContext,
} from '../../lib/core/restricted-security';

describe('one Pod Security "restricted" rule in two forms', () => {
  test('the cdk8s-plus form renders the raw form (the pod-level seccomp profile is carried by the containers)', () => {
    const chart = Testing.chart();
    new kplus.Pod(chart, 'Pod', {
      containers: [{ image: 'example.azurecr.io/app:1.0.0', securityContext: restrictedContainerSecurity(2000) }],
      securityContext: restrictedPodSecurity(2000),
    });
    const pod = Testing.synth(chart)[0];
    expect(pod.spec.containers[0].securityContext).toEqual(restrictedContainerSecurityContext(2000));
    const { seccompProfile, ...podRule } = restrictedPodSecurityContext(2000);
    expect(seccompProfile).toEqual(pod.spec.containers[0].securityContext.seccompProfile);
    expect(pod.spec.securityContext).toEqual(podRule);
  });

  test('the raw form meets the restricted profile for the given user', () => {
    expect(restrictedContainerSecurityContext()).toMatchObject({
      runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(restrictedPodSecurityContext(3000)).toMatchObject({ runAsNonRoot: true, runAsUser: 3000, fsGroup: 3000 });
  });
});
