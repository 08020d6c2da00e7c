/** Whether an action acts on a bucket or on the objects in it; MinIO matches them against resources that way. */
export enum ActionScope {
  /** Needs a bucket resource, `arn:aws:s3:::bucket`. */
  BUCKET = 'bucket',
  /** Needs an object resource, `arn:aws:s3:::bucket/key-pattern`. */
  OBJECT = 'object',
  /** `s3:*`, which covers both. */
  ANY = 'any',
}

/**
 * An S3 action of a MinIO IAM policy. The common ones are constants; `S3Action.custom(name, scope)` names any
 * other `s3:` action MinIO knows (minio/pkg policy/action.go lists them).
 */
export class S3Action {
  /** Every S3 action. */
  public static readonly ALL = new S3Action('s3:*', ActionScope.ANY);
  /** Read an object. */
  public static readonly GET_OBJECT = new S3Action('s3:GetObject', ActionScope.OBJECT);
  /** Write an object (also needed for multipart uploads). */
  public static readonly PUT_OBJECT = new S3Action('s3:PutObject', ActionScope.OBJECT);
  /** Delete an object. */
  public static readonly DELETE_OBJECT = new S3Action('s3:DeleteObject', ActionScope.OBJECT);
  /** Read an object's tags. */
  public static readonly GET_OBJECT_TAGGING = new S3Action('s3:GetObjectTagging', ActionScope.OBJECT);
  /** Set an object's tags. */
  public static readonly PUT_OBJECT_TAGGING = new S3Action('s3:PutObjectTagging', ActionScope.OBJECT);
  /** Abort a multipart upload. */
  public static readonly ABORT_MULTIPART_UPLOAD = new S3Action('s3:AbortMultipartUpload', ActionScope.OBJECT);
  /** List the parts of a multipart upload. */
  public static readonly LIST_MULTIPART_UPLOAD_PARTS = new S3Action('s3:ListMultipartUploadParts', ActionScope.OBJECT);
  /** List the objects of a bucket. */
  public static readonly LIST_BUCKET = new S3Action('s3:ListBucket', ActionScope.BUCKET);
  /** List a bucket's object versions. */
  public static readonly LIST_BUCKET_VERSIONS = new S3Action('s3:ListBucketVersions', ActionScope.BUCKET);
  /** List a bucket's unfinished multipart uploads. */
  public static readonly LIST_BUCKET_MULTIPART_UPLOADS = new S3Action('s3:ListBucketMultipartUploads', ActionScope.BUCKET);
  /** Read a bucket's region (most S3 clients ask first). */
  public static readonly GET_BUCKET_LOCATION = new S3Action('s3:GetBucketLocation', ActionScope.BUCKET);
  /** List every bucket (needs the resource `arn:aws:s3:::*`). */
  public static readonly LIST_ALL_MY_BUCKETS = new S3Action('s3:ListAllMyBuckets', ActionScope.BUCKET);

  /** Read-only access to objects and listings. */
  public static readonly READ: readonly S3Action[] = [S3Action.GET_BUCKET_LOCATION, S3Action.LIST_BUCKET, S3Action.GET_OBJECT];
  /** Read and write access to objects, multipart uploads included. */
  public static readonly READ_WRITE: readonly S3Action[] = [
    ...S3Action.READ, S3Action.LIST_BUCKET_MULTIPART_UPLOADS, S3Action.PUT_OBJECT, S3Action.DELETE_OBJECT,
    S3Action.ABORT_MULTIPART_UPLOAD, S3Action.LIST_MULTIPART_UPLOAD_PARTS,
  ];

  /**
   * Another `s3:` action, e.g. `S3Action.custom('s3:GetObjectVersion', ActionScope.OBJECT)`. Its form is checked by
   * the policy that uses it.
   */
  public static custom(name: string, scope: ActionScope): S3Action {
    return new S3Action(name, scope);
  }

  private constructor(
    /** The action as written in the policy, e.g. `s3:GetObject`. */
    public readonly name: string,
    /** Which resources it needs. */
    public readonly scope: ActionScope,
  ) {}
}
