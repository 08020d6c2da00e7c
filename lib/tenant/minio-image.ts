import { minioReleaseTagRule, PinnedImage } from '../core/pinned-image';

const MINIO_RELEASE = minioReleaseTagRule('RELEASE.2025-09-07T16-13-09Z');

/**
 * Presets for the MinIO server image of a tenant: a {@link PinnedImage} that accepts only `RELEASE.` tags or
 * digests.
 *
 * Every pool of a tenant runs one image, because MinIO nodes of different releases may refuse each other (see the
 * RELEASE.2024-07-16 -> 07-26 internode authentication change).
 */
export class MinioImage {
  /** The repository the official images are published to. */
  public static readonly OFFICIAL_REPOSITORY = 'quay.io/minio/minio';

  /** The release this library is tested with: the last one published as an image. */
  public static readonly DEFAULT = MinioImage.release('RELEASE.2025-09-07T16-13-09Z');

  /**
   * An official image at a release tag; `.withRegistry('contoso.azurecr.io')` for a mirror.
   *
   * @param releaseTag a MinIO release tag, e.g. `RELEASE.2025-09-07T16-13-09Z`
   */
  public static release(releaseTag: string): PinnedImage {
    return PinnedImage.withTagRule(MinioImage.OFFICIAL_REPOSITORY, releaseTag, MINIO_RELEASE);
  }

  /**
   * An image from another repository (a mirror in Azure Container Registry, say), pinned by release tag or digest.
   *
   * @param repository e.g. `myregistry.azurecr.io/minio/minio`
   * @param tagOrDigest a `RELEASE.` tag or a `sha256:` digest
   */
  public static fromRepository(repository: string, tagOrDigest: string): PinnedImage {
    return PinnedImage.withTagRule(repository, tagOrDigest, MINIO_RELEASE);
  }

  private constructor() {}
}
