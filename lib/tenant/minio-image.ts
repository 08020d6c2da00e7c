import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { IMAGE_DIGEST, requireImageRepository } from '../core/pinned-image';

const RELEASE_TAG = /^RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(\.[a-z0-9-]+)?$/;

/**
 * The MinIO server image of a tenant, always pinned: a `RELEASE.` tag or a digest, never `latest`.
 *
 * Every pool of a tenant runs this one image, because MinIO nodes of different releases may refuse each other
 * (see the RELEASE.2024-07-16 -> 07-26 internode authentication change).
 */
export class MinioImage {
  /** The repository the official images are published to. */
  public static readonly OFFICIAL_REPOSITORY = 'quay.io/minio/minio';

  /** The release this library is tested with. */
  public static readonly DEFAULT = new MinioImage(MinioImage.OFFICIAL_REPOSITORY, 'RELEASE.2025-09-07T16-13-09Z');

  /**
   * An official image at a release tag.
   *
   * @param releaseTag a MinIO release tag, e.g. `RELEASE.2025-09-07T16-13-09Z`
   */
  public static release(releaseTag: string): MinioImage {
    return new MinioImage(MinioImage.OFFICIAL_REPOSITORY, releaseTag);
  }

  /**
   * An image from another repository (a mirror in Azure Container Registry, say), pinned by release tag or digest.
   *
   * @param repository e.g. `myregistry.azurecr.io/minio/minio`
   * @param tagOrDigest a `RELEASE.` tag or a `sha256:` digest
   */
  public static fromRepository(repository: string, tagOrDigest: string): MinioImage {
    return new MinioImage(repository, tagOrDigest);
  }

  private constructor(public readonly repository: string, public readonly tagOrDigest: string) {}

  /** The image reference, validated against `scope`; `field` names the input in error messages. */
  public render(scope: IConstruct, field: string): string {
    requireImageRepository(scope, `${field}.repository`, this.repository, 'quay.io/minio/minio');
    if (IMAGE_DIGEST.test(this.tagOrDigest)) return `${this.repository}@${this.tagOrDigest}`;
    if (!RELEASE_TAG.test(this.tagOrDigest)) {
      reject(scope, `${field}.tag`, this.tagOrDigest, 'must pin a MinIO release',
        'use a RELEASE.YYYY-MM-DDTHH-MM-SSZ tag or a sha256: digest; floating tags such as latest are not allowed');
    }
    return `${this.repository}:${this.tagOrDigest}`;
  }
}
