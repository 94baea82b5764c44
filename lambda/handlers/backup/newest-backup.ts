import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/**
 * Age in seconds of the newest object under `prefix`, or undefined when there is none.
 * Backups are few (retention / interval), so listing every page is cheap.
 */
export async function newestBackupAgeSeconds(s3: S3Client, bucket: string, prefix: string, now: Date): Promise<number | undefined> {
  let newest: number | undefined;
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      const modified = object.LastModified?.getTime();
      if (modified !== undefined && (newest === undefined || modified > newest)) newest = modified;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return newest === undefined ? undefined : Math.max(0, Math.round((now.getTime() - newest) / 1000));
}
