/**
 * printDaemonSet (printers.go): DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE from the status,
 * NODE SELECTOR from the pod template; wide adds containers, images and the selector.
 */
import { selectorFromLabelSelector } from '../labels.ts';
import type { KubeObject, LabelSelector } from '../types.ts';
import { AGE_COLUMN, age, col, containerCells, formatLabels, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { DAEMONSET_DOCS } from './descriptions.ts';

export const daemonSetPrinter: KindTablePrinter = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', DAEMONSET_DOCS.desiredNumberScheduled),
    col('Current', 'integer', DAEMONSET_DOCS.currentNumberScheduled),
    col('Ready', 'integer', DAEMONSET_DOCS.numberReady),
    col('Up-to-date', 'integer', DAEMONSET_DOCS.updatedNumberScheduled),
    col('Available', 'integer', DAEMONSET_DOCS.numberAvailable),
    col('Node Selector', 'string', DAEMONSET_DOCS.nodeSelector),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', { priority: 1 }),
    col('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 }),
    col('Selector', 'string', DAEMONSET_DOCS.selector, { priority: 1 }),
  ],
  cells(o: KubeObject, now) {
    const status = o.status ?? {};
    const template = o.spec?.template?.spec ?? {};
    const [names, images] = containerCells(template.containers);
    // metav1.FormatLabelSelector: `<none>` for an empty selector.
    const sel = selectorFromLabelSelector(o.spec?.selector as LabelSelector | undefined).toString() || '<none>';
    return [
      o.metadata.name ?? '',
      status.desiredNumberScheduled ?? 0,
      status.currentNumberScheduled ?? 0,
      status.numberReady ?? 0,
      status.updatedNumberScheduled ?? 0,
      status.numberAvailable ?? 0,
      formatLabels(template.nodeSelector),
      age(o, now),
      names,
      images,
      sel,
    ];
  },
};
