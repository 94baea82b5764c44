import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag renders findings with this function; reusing it keeps computed ids exact.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/** A cdk-nag finding we accept on purpose, with the reason an auditor reads. */
export interface NagAcknowledgement {
  /**
   * Rule id, as narrow as the rule allows: `AwsSolutions-IAM5[Action::ssmmessages:CreateControlChannel]`
   * rather than `AwsSolutions-IAM5`.
   */
  readonly id: string;
  /** Why the finding is acceptable here (what the resource is, why the rule does not apply). */
  readonly reason: string;
}

const RULE_ID = /^AwsSolutions-[A-Z]+\d+(\[.+\])?$/;
const MIN_REASON_LENGTH = 40;

/**
 * The ONE place acknowledgements go through, so the list stays auditable
 * (`grep -rn "acknowledge(" lib/`). Rejects vague entries: the id must be a single AwsSolutions
 * rule (granular where the rule reports findings) and the reason must explain itself.
 *
 * Acknowledgements apply to the construct and everything below it, so pass the narrowest
 * construct that owns the finding.
 */
export function acknowledge(construct: IConstruct, ...acks: NagAcknowledgement[]): void {
  for (const ack of acks) {
    if (!RULE_ID.test(ack.id)) {
      throw new Error(`cdk-nag acknowledgement '${ack.id}' at ${construct.node.path} is not an AwsSolutions rule id`);
    }
    if (ack.reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(
        `cdk-nag acknowledgement '${ack.id}' at ${construct.node.path} needs a real reason (at least ${MIN_REASON_LENGTH} characters)`,
      );
    }
    Validations.of(construct).acknowledge({ id: ack.id, reason: ack.reason });
  }
}

/**
 * The granular id cdk-nag's IAM5 rule reports for a wildcard resource, e.g.
 * `AwsSolutions-IAM5[Resource::arn:aws:kafka:eu-west-1:<AWS::AccountId>:group/c/*\/g-*]`.
 * Rendered by cdk-nag's own `flattenCfnReference` from the resource as `scope`'s stack resolves it.
 * At construction time that rendering is final only for resources built from literals and pseudo
 * parameters; for one holding a cross-stack reference use `acknowledgeWildcardResource`.
 */
export function wildcardResourceFindingId(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/**
 * Acknowledges the IAM5 finding for the wildcard `resource` on `construct`, computing its id at
 * validation time: a resource holding a cross-stack reference (e.g. a bucket ARN from another
 * stack) renders its final form only once the app is prepared.
 */
export function acknowledgeWildcardResource(construct: IConstruct, resource: string, reason: string): void {
  construct.node.addValidation({
    validate: () => {
      acknowledge(construct, { id: wildcardResourceFindingId(construct, resource), reason });
      return [];
    },
  });
}
