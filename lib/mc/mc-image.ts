import { minioReleaseTagRule, PinnedImage } from '../core/pinned-image';

const MC_RELEASE = minioReleaseTagRule('RELEASE.2025-08-13T08-35-41Z');

/**
 * Presets for the MinIO client (`mc`) image that the provisioning Job, the mirror and its verification run: a
 * {@link PinnedImage} that accepts only `RELEASE.` tags or digests.
 *
 * The official image (minio/mc Dockerfile.release at RELEASE.2025-08-13T08-35-41Z) is `ubi9/ubi-micro` with the CA
 * bundle and `/usr/bin/mc` added, entrypoint `mc`. The library's scripts need only a POSIX shell besides mc (no
 * grep, sed, awk or jq), because ubi-micro carries few tools.
 */
export class McImage {
  /** The repository the official images are published to. */
  public static readonly OFFICIAL_REPOSITORY = 'quay.io/minio/mc';

  /** The last mc release published as an image (later releases are source only). */
  public static readonly DEFAULT = McImage.release('RELEASE.2025-08-13T08-35-41Z');

  /**
   * An official image at a release tag; `.withRegistry('contoso.azurecr.io')` for a mirror.
   *
   * @param releaseTag an mc release tag, e.g. `RELEASE.2025-08-13T08-35-41Z`
   */
  public static release(releaseTag: string): PinnedImage {
    return PinnedImage.withTagRule(McImage.OFFICIAL_REPOSITORY, releaseTag, MC_RELEASE);
  }

  /**
   * An image from another repository, pinned by release tag or digest.
   *
   * @param repository e.g. `contoso.azurecr.io/minio/mc`
   * @param tagOrDigest a `RELEASE.` tag or a `sha256:` digest
   */
  public static fromRepository(repository: string, tagOrDigest: string): PinnedImage {
    return PinnedImage.withTagRule(repository, tagOrDigest, MC_RELEASE);
  }

  private constructor() {}
}
