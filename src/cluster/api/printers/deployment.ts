/** printDeployment (printers.go): READY ready/desired, UP-TO-DATE, AVAILABLE; wide containers, images, selector. */
import { selectorFromLabelSelector } from '../labels.ts';
import type { KubeObject, LabelSelector } from '../types.ts';
import { AGE_COLUMN, age, col, containerCells, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { DEPLOYMENT_DOCS } from './descriptions.ts';

export const deploymentPrinter: KindTablePrinter = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'string', DEPLOYMENT_DOCS.updatedReplicas),
    col('Available', 'string', DEPLOYMENT_DOCS.availableReplicas),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', { priority: 1 }),
    col('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 }),
    col('Selector', 'string', DEPLOYMENT_DOCS.selector, { priority: 1 }),
  ],
  cells(o: KubeObject, now) {
    const spec = o.spec ?? {};
    const status = o.status ?? {};
    const [names, images] = containerCells(spec.template?.spec?.containers);
    // metav1.LabelSelectorAsSelector(...).String()
    const selector = selectorFromLabelSelector(spec.selector as LabelSelector | undefined).toString();
    return [
      o.metadata.name ?? '',
      `${status.readyReplicas ?? 0}/${spec.replicas ?? 0}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      age(o, now),
      names,
      images,
      selector,
    ];
  },
};
