import { IConstruct } from 'constructs';
import { reject } from './errors';

/** A content digest, which pins an image whatever its tag. */
const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;
/** A tag, as opencontainers/distribution-spec spec.md defines `<reference>` tags: at most 128 characters. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Tags that move to new builds by design. */
const FLOATING = /^(latest|stable|edge|main|master)$/i;
/** `RELEASE.YYYY-MM-DDTHH-MM-SSZ` tags (MinIO, minkms), which order as strings. */
const RELEASE_TAG = /^RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/;
/** A repository: the spec's `<name>` components, after an optional registry host and port. */
const REPOSITORY = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/** Which tags an image accepts besides digests, for presets whose publisher follows a tag scheme. */
export interface ImageTagRule {
  /** Tags that pin a release of this image. */
  readonly pattern: RegExp;
  /** A pinned tag to suggest in errors. */
  readonly example: string;
}

/**
 * The rule for images of MinIO's own releases (the server, mc): a `RELEASE.<timestamp>` tag, optionally with a build
 * suffix such as `.fips`.
 */
export function minioReleaseTagRule(example: string): ImageTagRule {
  return { pattern: /^RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(\.[a-z0-9-]+)?$/, example };
}

/** Any tag that does not float (`latest`, `stable`, ...). */
const ANY_FIXED_TAG: ImageTagRule = { pattern: TAG, example: '1.2.3' };

/**
 * A container image pinned by tag or digest, so the same manifests always run the same software. Every image the
 * library runs is one: presets such as `MinioImage.release(tag)` and `MinkmsImage.release(tag)`, or
 * `PinnedImage.fromRepository(repository, tagOrDigest)` for any other image.
 *
 * One rule for all: a `sha256:` digest, or a tag that does not float (`latest`, `stable`, `edge`, `main`, `master`
 * are refused), and for presets a tag of the publisher's release scheme. It is checked by the construct that runs the
 * image, so the error carries that construct's path. `withRegistry()` moves an image to a mirror (e.g. Azure
 * Container Registry) and keeps its tag and rule.
 */
export class PinnedImage {
  /**
   * An image from `repository`, pinned by a tag that does not float or by a `sha256:` digest.
   *
   * @param repository e.g. `contoso.azurecr.io/tools/kubectl`, without tag or digest
   * @param tagOrDigest e.g. `1.34.1` or `sha256:...`
   */
  public static fromRepository(repository: string, tagOrDigest: string): PinnedImage {
    return new PinnedImage(repository, tagOrDigest, ANY_FIXED_TAG);
  }

  /**
   * An image whose tags follow `rule`, for presets.
   *
   * @param rule the tags that pin a release of this image
   */
  public static withTagRule(repository: string, tagOrDigest: string, rule: ImageTagRule): PinnedImage {
    return new PinnedImage(repository, tagOrDigest, rule);
  }

  /**
   * The reference of `image`, validated for `scope`: a `PinnedImage` whose repository and tag pass the rule.
   *
   * @param field the input's name in error messages, e.g. `image`
   */
  public static reference(scope: IConstruct, field: string, image: PinnedImage): string {
    if (!(image instanceof PinnedImage)) {
      reject(scope, field, image, 'must be a PinnedImage', 'use a preset such as MinioImage.release(tag), or PinnedImage.fromRepository(repository, tagOrDigest)');
    }
    return image.render(scope, field);
  }

  private constructor(
    /** The repository, registry included. */
    public readonly repository: string,
    /** The tag or `sha256:` digest. */
    public readonly tagOrDigest: string,
    private readonly rule: ImageTagRule,
  ) {}

  /**
   * The same image from a mirror registry: `quay.io/minio/minio` with registry `contoso.azurecr.io` becomes
   * `contoso.azurecr.io/minio/minio`. An image without a registry host (Docker Hub) gets the registry in front.
   *
   * @param registry a registry host, with an optional port
   */
  public withRegistry(registry: string): PinnedImage {
    const [first, ...rest] = this.repository.split('/');
    const hasRegistry = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const path = hasRegistry ? rest.join('/') : this.repository;
    return new PinnedImage(`${registry}/${path}`, this.tagOrDigest, this.rule);
  }

  /** The same image from another repository (a mirror with another path), with the same tag and rule. */
  public withRepository(repository: string): PinnedImage {
    return new PinnedImage(repository, this.tagOrDigest, this.rule);
  }

  /** The image reference, validated for `scope`; `field` names the input in error messages, e.g. `image`. */
  public render(scope: IConstruct, field: string): string {
    if (!REPOSITORY.test(this.repository)) {
      reject(scope, `${field}.repository`, this.repository, 'is not a valid image repository',
        'give a lower-case repository such as quay.io/minio/minio, without tag or digest');
    }
    if (IMAGE_DIGEST.test(this.tagOrDigest)) return `${this.repository}@${this.tagOrDigest}`;
    if (!TAG.test(this.tagOrDigest) || !this.rule.pattern.test(this.tagOrDigest) || FLOATING.test(this.tagOrDigest)) {
      reject(scope, `${field}.tag`, this.tagOrDigest, 'must pin a release',
        `use a tag such as ${this.rule.example} or a sha256: digest; floating tags such as latest are not allowed`);
    }
    return `${this.repository}:${this.tagOrDigest}`;
  }

  /**
   * Whether the tag is a `RELEASE.<timestamp>` tag older than `release` (same form). Digests and other tags cannot
   * be dated, so they are never reported older.
   */
  public releaseBefore(release: string): boolean {
    return RELEASE_TAG.test(this.tagOrDigest) && this.tagOrDigest < release;
  }
}
