import { isBucketName } from './bucket-name';

/** A resource of a MinIO IAM policy statement: a bucket, objects in a bucket, or every bucket. */
export class PolicyResource {
  /** Every bucket and object, `arn:aws:s3:::*` (for `s3:ListAllMyBuckets`, say). */
  public static readonly ALL = new PolicyResource('*', 'any');

  /** The bucket itself, for bucket actions such as `s3:ListBucket`. */
  public static bucket(bucket: string): PolicyResource {
    return new PolicyResource(bucket, 'bucket');
  }

  /**
   * Objects of a bucket whose keys start with `prefix`, for object actions such as `s3:GetObject`.
   *
   * @param prefix a key prefix such as `reports/`; `*` and `?` are wildcards as in MinIO policies
   * @default prefix '' (every object of the bucket)
   */
  public static objects(bucket: string, prefix = ''): PolicyResource {
    return new PolicyResource(`${bucket}/${prefix}*`, 'object');
  }

  private constructor(
    /** The part after `arn:aws:s3:::`. */
    public readonly path: string,
    /** Which actions it serves. */
    public readonly kind: 'bucket' | 'object' | 'any',
  ) {}

  /** The resource ARN. */
  public get arn(): string {
    return `arn:aws:s3:::${this.path}`;
  }

  /** The bucket named, or undefined for {@link PolicyResource.ALL}. */
  public get bucketName(): string | undefined {
    return this.kind === 'any' ? undefined : this.path.split('/')[0];
  }

  /** Whether the bucket part is a valid bucket name (wildcards allowed). @internal */
  public _hasValidBucket(): boolean {
    const bucket = this.bucketName;
    return bucket === undefined || isBucketName(bucket.replace(/[*?]/g, 'a'));
  }
}
