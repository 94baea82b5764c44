import { App, AppProps } from 'aws-cdk-lib';
import * as cdkJson from '../../cdk.json';

/**
 * An App that synthesizes like `cdk synth` does (feature flags from cdk.json) but
 * skips asset bundling, so tests are fast and snapshots deterministic.
 */
export function testApp(context: Record<string, unknown> = {}, props: Omit<AppProps, 'context'> = {}): App {
  return new App({
    ...props,
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
  });
}
