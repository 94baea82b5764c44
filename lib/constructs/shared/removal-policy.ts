import { RemovalPolicy } from 'aws-cdk-lib';
import type { DataConfig } from '../../config';

/** Config's `retain` / `destroy` as a CDK removal policy. */
export function removalPolicyOf(data: DataConfig): RemovalPolicy {
  return data.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}
