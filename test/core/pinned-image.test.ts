import { Testing } from 'cdk8s';
import {
  ConfigurationError,
  GitOpsChart,
  KesImage,
  KmsUpdateStrategy,
  MinioImage,
  MinkmsImage,
  PinnedImage,
} from '../../lib';
import { kmsChart } from '../kms/kms-fixtures';
import { tenantChart, tenantOf } from '../tenant/tenant-fixtures';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const scope = () => new GitOpsChart(Testing.app(), 'x');

describe('PinnedImage', () => {
  test('renders a tag or a digest', () => {
    expect(PinnedImage.fromRepository('docker.io/alpine/k8s', '1.34.1').render(scope(), 'image')).toBe('docker.io/alpine/k8s:1.34.1');
    expect(PinnedImage.fromRepository('docker.io/alpine/k8s', DIGEST).render(scope(), 'image')).toBe(`docker.io/alpine/k8s@${DIGEST}`);
  });

  test('a mirror registry replaces the registry host and keeps the path, tag and rule', () => {
    const mirrored = MinioImage.release('RELEASE.2025-09-07T16-13-09Z').withRegistry('contoso.azurecr.io');
    expect(mirrored.render(scope(), 'image')).toBe('contoso.azurecr.io/minio/minio:RELEASE.2025-09-07T16-13-09Z');
    expect(PinnedImage.fromRepository('alpine/k8s', '1.34.1').withRegistry('contoso.azurecr.io:5000').render(scope(), 'image'))
      .toBe('contoso.azurecr.io:5000/alpine/k8s:1.34.1');
    expect(MinkmsImage.release('RELEASE.2026-07-17T11-53-00Z').withRegistry('contoso.azurecr.io').render(scope(), 'image'))
      .toBe('contoso.azurecr.io/minio/aistor/minkms:RELEASE.2026-07-17T11-53-00Z');
    expect(() => MinioImage.release('latest').withRegistry('contoso.azurecr.io').render(scope(), 'image')).toThrow(/must pin a release/);
  });

  test.each([
    ['MinIO', () => MinioImage.release('latest'), 'RELEASE.2025-09-07T16-13-09Z'],
    ['MinIO without a release tag', () => MinioImage.release('2025'), 'RELEASE.2025-09-07T16-13-09Z'],
    ['minkms', () => MinkmsImage.release('stable'), 'RELEASE.2026-07-17T11-53-00Z'],
    ['KES', () => KesImage.release('edge'), '2025-03-12T09-35-18Z'],
    ['any image', () => PinnedImage.fromRepository('docker.io/alpine/k8s', 'latest'), '1.2.3'],
  ])('%s: the same rule and error for a floating tag', (_what, image, example) => {
    const render = () => image().render(scope(), 'image');
    expect(render).toThrow(ConfigurationError);
    expect(render).toThrow(new RegExp(`^x: image\\.tag must pin a release \\(received '[^']+'\\): use a tag such as ${example.replace(/\./g, '\\.')} or a sha256: digest`));
  });

  test('an invalid repository', () => {
    expect(() => PinnedImage.fromRepository('Docker.io/Alpine', '1').render(scope(), 'image'))
      .toThrow(/x: image\.repository is not a valid image repository \(received 'Docker.io\/Alpine'\)/);
  });

  test('every construct refuses something that is not a PinnedImage, with its path', () => {
    expect(() => tenantChart({ image: 'quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z' as any }))
      .toThrow(/test\/store: image must be a PinnedImage/);
    expect(() => kmsChart({ image: 'quay.io/minio/aistor/minkms:RELEASE.2026-07-17T11-53-00Z' as any }))
      .toThrow(/test\/kms: image must be a PinnedImage/);
    expect(() => kmsChart({ updateStrategy: KmsUpdateStrategy.allAtOnce({ kubectlImage: 'docker.io/alpine/k8s:1.34.1' as any }) }))
      .toThrow(/test\/kms: updateStrategy\.kubectlImage must be a PinnedImage/);
  });

  test('a mirrored tenant image reaches the Tenant', () => {
    const { chart } = tenantChart({ image: MinioImage.DEFAULT.withRegistry('contoso.azurecr.io') });
    expect(tenantOf(Testing.synth(chart)).spec.image).toBe('contoso.azurecr.io/minio/minio:RELEASE.2025-09-07T16-13-09Z');
  });
});
