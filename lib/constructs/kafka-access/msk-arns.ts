import { Fn } from 'aws-cdk-lib';

/**
 * MSK IAM resource ARNs derived from a cluster ARN
 * (`arn:<partition>:kafka:<region>:<account>:cluster/<clusterName>/<clusterUuid>`) with
 * Fn::Split / Fn::Select, so they work for literal ARNs and for deploy-time tokens alike.
 */
export class MskArns {
  private readonly prefix: string;
  private readonly nameAndUuid: string;

  constructor(readonly clusterArn: string) {
    const colonParts = Fn.split(':', clusterArn);
    const slashParts = Fn.split('/', clusterArn);
    this.prefix = Fn.join(
      ':',
      [0, 1, 2, 3, 4].map((i) => Fn.select(i, colonParts)),
    );
    this.nameAndUuid = Fn.join('/', [Fn.select(1, slashParts), Fn.select(2, slashParts)]);
  }

  /** ARN of one topic: `…:topic/<clusterName>/<clusterUuid>/<topic>`. */
  topic(topicName: string): string {
    return Fn.join('', [this.prefix, ':topic/', this.nameAndUuid, '/', topicName]);
  }

  /** ARN of one consumer group: `…:group/<clusterName>/<clusterUuid>/<groupId>`. */
  group(groupId: string): string {
    return Fn.join('', [this.prefix, ':group/', this.nameAndUuid, '/', groupId]);
  }
}
