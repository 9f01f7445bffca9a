/** printReplicaSet and printReplicationController (printers.go): DESIRED, CURRENT, READY; wide containers, images, selector. */
import { selectorFromLabelSelector } from '../labels.ts';
import type { KubeObject, LabelSelector } from '../types.ts';
import { AGE_COLUMN, age, col, containerCells, formatLabels, NAME_COLUMN, type KindTablePrinter, type TableColumn } from './columns.ts';
import { RC_DOCS, RS_DOCS } from './descriptions.ts';

function columns(docs: typeof RS_DOCS | typeof RC_DOCS): TableColumn[] {
  return [
    NAME_COLUMN,
    col('Desired', 'integer', docs.specReplicas),
    col('Current', 'integer', docs.statusReplicas),
    col('Ready', 'integer', docs.readyReplicas),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', { priority: 1 }),
    col('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 }),
    col('Selector', 'string', docs.selector, { priority: 1 }),
  ];
}

function counts(o: KubeObject, now: number): (string | number)[] {
  return [o.metadata.name ?? '', o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, age(o, now)];
}

export const replicaSetPrinter: KindTablePrinter = {
  columns: columns(RS_DOCS),
  cells(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    // metav1.FormatLabelSelector: `<none>` for an empty selector.
    const sel = selectorFromLabelSelector(o.spec?.selector as LabelSelector | undefined).toString() || '<none>';
    return [...counts(o, now), names, images, sel];
  },
};

export const replicationControllerPrinter: KindTablePrinter = {
  columns: columns(RC_DOCS),
  cells(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [...counts(o, now), names, images, formatLabels(o.spec?.selector)];
  },
};
