/**
 * kubectl describe's describers (staging/src/k8s.io/kubectl/pkg/describe/describe.go), one per
 * kind. Each writes its whole output through one describe tabwriter, as tabbedString does.
 */
import type { ApiServer } from '../../cluster/api/apiserver.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import { describeService } from './service.ts';

export interface DescribeContext {
  api: ApiServer;
  now: number;
  /** Collects API warnings of the requests a describer makes. */
  warn(w: readonly string[]): void;
  showEvents: boolean;
}

export type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

export const DESCRIBERS: Record<string, Describer> = {
  Service: describeService,
};
